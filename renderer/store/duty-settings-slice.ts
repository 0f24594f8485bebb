import type { MethodInput, MethodOutput } from '../../shared/api';
import type { CalendarInfo } from '../../shared/dates/calendar-schema';
import type { DutySettingsVersion } from '../../shared/duties/settings';
import type { ApiError, Result } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

/** What Settings shows of the statutory-duty settings and the school calendar. */
export type DutySettingsSlice = {
  dutySettings: MethodOutput<'duties.settings'> | null;
  dutySettingsLoad: LoadStatus;
  dutySettingsError: ApiError | null;
  calendarInfo: CalendarInfo | null;
  calendarLoad: LoadStatus;
  calendarError: ApiError | null;
  loadDutySettings: () => Promise<void>;
  loadCalendar: () => Promise<void>;
  /** Each resolves to null when the session ended before main answered. */
  saveDutySettings: (
    input: MethodInput<'duties.saveSettings'>,
  ) => Promise<Result<DutySettingsVersion> | null>;
  saveTermYear: (input: MethodInput<'calendar.saveYear'>) => Promise<Result<CalendarInfo> | null>;
  saveBankHolidayOverrides: (
    input: MethodInput<'calendar.saveOverrides'>,
  ) => Promise<Result<CalendarInfo> | null>;
};

export const initialDutySettings: Pick<
  DutySettingsSlice,
  | 'dutySettings'
  | 'dutySettingsLoad'
  | 'dutySettingsError'
  | 'calendarInfo'
  | 'calendarLoad'
  | 'calendarError'
> = {
  dutySettings: null,
  dutySettingsLoad: 'idle',
  dutySettingsError: null,
  calendarInfo: null,
  calendarLoad: 'idle',
  calendarError: null,
};

export const createDutySettingsSlice: SliceCreator<DutySettingsSlice> = (set, get) => ({
  ...initialDutySettings,

  async loadDutySettings() {
    set({ dutySettingsLoad: 'loading', dutySettingsError: null });
    const result = await sessionCall(get, 'duties.settings', {});
    if (!result) return;
    set(
      result.ok
        ? { dutySettings: result.value, dutySettingsLoad: 'ready' }
        : { dutySettingsLoad: 'failed', dutySettingsError: result.error },
    );
  },

  async loadCalendar() {
    set({ calendarLoad: 'loading', calendarError: null });
    const result = await sessionCall(get, 'calendar.get', {});
    if (!result) return;
    set(
      result.ok
        ? { calendarInfo: result.value, calendarLoad: 'ready' }
        : { calendarLoad: 'failed', calendarError: result.error },
    );
  },

  async saveDutySettings(input) {
    const result = await sessionCall(get, 'duties.saveSettings', input);
    if (result?.ok) {
      const saved = result.value;
      const history = (get().dutySettings?.history ?? []).filter(
        (v) => v.version !== saved.version,
      );
      set({
        dutySettings: { current: saved, history: [saved, ...history] },
        dutySettingsLoad: 'ready',
        dutySettingsError: null,
      });
    }
    return result;
  },

  async saveTermYear(input) {
    const result = await sessionCall(get, 'calendar.saveYear', input);
    if (result?.ok) set({ calendarInfo: result.value, calendarLoad: 'ready', calendarError: null });
    return result;
  },

  async saveBankHolidayOverrides(input) {
    const result = await sessionCall(get, 'calendar.saveOverrides', input);
    if (result?.ok) set({ calendarInfo: result.value, calendarLoad: 'ready', calendarError: null });
    return result;
  },
});
