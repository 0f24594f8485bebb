import type { ParsedInput } from '../../shared/api';
import type { CalendarInfo } from '../../shared/dates/calendar-schema';
import { bankHolidaysWithOverrides } from '../../shared/dates/school-calendar';
import { ApiFailure } from '../api-failure';
import type { HandlerContext, Handled } from '../handler';

/** How many years of bank holidays Settings lists, starting with this one. */
const BANK_HOLIDAY_YEARS = 3;

function info(ctx: HandlerContext): CalendarInfo {
  const repo = ctx.store.calendar;
  const calendar = repo.calendar();
  const overrides = [...calendar.bankHolidayOverrides];
  const added = new Set(overrides.filter((o) => o.kind === 'add').map((o) => o.date));
  const first = Number(ctx.today.slice(0, 4));
  const bankHolidays = Array.from({ length: BANK_HOLIDAY_YEARS }, (_, i) => first + i).flatMap(
    (year) =>
      [...bankHolidaysWithOverrides(year, overrides)]
        .map(([date, name]) => ({
          date,
          name,
          override: added.has(date) ? ('add' as const) : null,
        }))
        .sort((a, b) => a.date.localeCompare(b.date)),
  );
  return { calendar, years: repo.years(), overrides, bankHolidays };
}

export function getCalendar(ctx: HandlerContext): Handled<CalendarInfo> {
  return { value: info(ctx) };
}

/** Replaces one academic year; its terms may not overlap another year's, nor its INSET days. */
export function saveCalendarYear(
  ctx: HandlerContext,
  input: ParsedInput<'calendar.saveYear'>,
): Handled<CalendarInfo> {
  const others = ctx.store.calendar.years().filter((y) => y.academicYear !== input.academicYear);
  const fields: Record<string, string> = {};
  input.terms.forEach((term, i) => {
    const clash = others
      .flatMap((y) => y.terms.map((t) => ({ year: y.academicYear, term: t })))
      .find(({ term: t }) => t.startsOn <= term.endsOn && term.startsOn <= t.endsOn);
    if (clash)
      fields[`terms.${i}.startsOn`] =
        `${term.name} overlaps ${clash.term.name} in ${clash.year}. Change one of them.`;
  });
  input.insetDays.forEach((day, i) => {
    if (others.some((y) => y.insetDays.some((d) => d.date === day.date)))
      fields[`insetDays.${i}.date`] = 'That INSET day is already entered in another year.';
  });
  if (Object.keys(fields).length > 0)
    throw new ApiFailure('invalid_input', 'Some details need correcting.', fields);
  ctx.store.calendar.replaceYear(input);
  return { value: info(ctx) };
}

export function saveBankHolidayOverrides(
  ctx: HandlerContext,
  input: ParsedInput<'calendar.saveOverrides'>,
): Handled<CalendarInfo> {
  ctx.store.calendar.replaceOverrides(input.overrides);
  return { value: info(ctx) };
}
