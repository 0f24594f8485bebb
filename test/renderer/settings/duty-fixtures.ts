import type { CalendarInfo, TermYear } from '../../../shared/dates/calendar-schema';
import type { BankHolidayOverride } from '../../../shared/dates/school-calendar';
import { bankHolidaysWithOverrides } from '../../../shared/dates/school-calendar';
import type { DutySettingsVersion } from '../../../shared/duties/settings';
import { defaultDutySettings } from '../../../shared/duties/settings';
import type { Role } from '../../../shared/auth/roles';
import type { Handlers } from '../fake-lantern';
import { emptyDashboard, ok, school, unlockedAs } from '../fake-lantern';

/** The settings before anyone saved: Lantern's defaults, version 0. */
export const defaultsVersion: DutySettingsVersion = {
  version: 0,
  settings: defaultDutySettings,
  savedAt: null,
  savedByName: null,
};

/** The calendar as main would describe it, bank holidays of 2026 to 2028 included. */
export function calendarInfo(
  years: TermYear[] = [],
  overrides: BankHolidayOverride[] = [],
): CalendarInfo {
  const added = new Set(overrides.filter((o) => o.kind === 'add').map((o) => o.date));
  return {
    calendar: {
      terms: years.flatMap((y) => y.terms),
      insetDays: years.flatMap((y) => y.insetDays),
      bankHolidayOverrides: overrides,
    },
    years,
    overrides,
    bankHolidays: [2026, 2027, 2028].flatMap((year) =>
      [...bankHolidaysWithOverrides(year, overrides)]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([date, name]) => ({
          date,
          name,
          override: added.has(date) ? ('add' as const) : null,
        })),
    ),
  };
}

/** What a Settings page for the safeguarding team loads besides the settings themselves. */
export const dutySettingsHandlers: Handlers = {
  'duties.settings': () => ok({ current: defaultsVersion, history: [defaultsVersion] }),
  'calendar.get': () => ok(calendarInfo()),
};

/** Everything the app asks main for on its way to Settings, signed in as `role`. */
export function settingsPageHandlers(role: Role): Handlers {
  return {
    'session.status': () => ok(unlockedAs(role)),
    'dashboard.get': () => ok(emptyDashboard),
    'school.get': () => ok(school),
    'children.list': () => ok({ items: [], total: 0 }),
    'triage.inbox': () => ok([]),
    'alerts.list': () => ok([]),
    'concernDrafts.list': () => ok([]),
    'settings.get': () => ok({ autoLockMinutes: 5, escalationRules: [] }),
    ...dutySettingsHandlers,
  };
}
