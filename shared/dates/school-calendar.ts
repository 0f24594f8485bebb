/**
 * The statutory calendar (issue 5): which days are working days and which are school days, and
 * arithmetic over them, all on calendar dates in Europe/London. Pure: the school's term dates,
 * INSET days and bank-holiday overrides come in as a `SchoolCalendar` value.
 *
 * Definitions used everywhere in Lantern:
 * - a **working day** is Monday to Friday, not a bank holiday in England and Wales (as computed
 *   in bank-holidays.ts, with the school's overrides applied);
 * - a **school day** is a working day inside one of the school's terms that is not an INSET day.
 *   Where no term dates are entered for the date in question the calendar cannot know, and
 *   school days are counted as working days: `schoolDaysKnown` says so, and every explanation
 *   that relied on it says so too;
 * - "N days after D" never counts D itself: the first day counted is the day after D.
 */
import { addDays } from './calendar-date';
import { bankHolidays, weekday } from './bank-holidays';

export type Term = { name: string; startsOn: string; endsOn: string };
export type InsetDay = { date: string; note: string };
export type BankHolidayOverride =
  { kind: 'add'; date: string; name: string } | { kind: 'remove'; date: string; name: string };

export type SchoolCalendar = {
  /** Every term the school has entered, any academic year, in date order. */
  terms: readonly Term[];
  insetDays: readonly InsetDay[];
  /** Days the school adds as bank holidays (a new proclamation) or removes. */
  bankHolidayOverrides: readonly BankHolidayOverride[];
};

export const emptyCalendar: SchoolCalendar = { terms: [], insetDays: [], bankHolidayOverrides: [] };

export type DayUnit = 'working' | 'school' | 'calendar';

export const dayUnitLabels: Record<DayUnit, { one: string; many: string }> = {
  working: { one: 'working day', many: 'working days' },
  school: { one: 'school day', many: 'school days' },
  calendar: { one: 'day', many: 'days' },
};

/** Why a date is not a working or school day, or null when it is one. */
export type DayClosure =
  | { kind: 'weekend' }
  | { kind: 'bank_holiday'; name: string }
  | { kind: 'inset'; note: string }
  | { kind: 'holiday' };

/** The bank holidays of a year with the school's overrides applied, by date. */
export function bankHolidaysWithOverrides(
  year: number,
  overrides: readonly BankHolidayOverride[],
): Map<string, string> {
  const days = new Map(bankHolidays(year).map((h) => [h.date, h.name]));
  for (const o of overrides) {
    if (!o.date.startsWith(`${year}-`)) continue;
    if (o.kind === 'add') days.set(o.date, o.name);
    else days.delete(o.date);
  }
  return days;
}

/**
 * A calendar with its lookups prepared once: deadline computations ask about the same few
 * hundred days many times.
 */
export class CalendarView {
  private readonly holidays = new Map<number, Map<string, string>>();
  private readonly inset: Map<string, string>;

  constructor(readonly calendar: SchoolCalendar) {
    this.inset = new Map(calendar.insetDays.map((d) => [d.date, d.note]));
  }

  bankHoliday(date: string): string | null {
    const year = Number(date.slice(0, 4));
    let days = this.holidays.get(year);
    if (!days) {
      days = bankHolidaysWithOverrides(year, this.calendar.bankHolidayOverrides);
      this.holidays.set(year, days);
    }
    return days.get(date) ?? null;
  }

  /** The term containing the date, or null (a holiday, or no term dates entered). */
  termOf(date: string): Term | null {
    return this.calendar.terms.find((t) => t.startsOn <= date && date <= t.endsOn) ?? null;
  }

  /** The first term starting after the date, or null when none is entered. */
  nextTerm(date: string): Term | null {
    return this.calendar.terms.find((t) => t.startsOn > date) ?? null;
  }

  /**
   * True when the school's term dates cover the date: it lies in a term, or between two
   * entered terms (a holiday the school has told us about).
   */
  schoolDaysKnown(date: string): boolean {
    const terms = this.calendar.terms;
    if (terms.length === 0) return false;
    const first = terms[0];
    const last = terms[terms.length - 1];
    if (!first || !last || date < first.startsOn || date > last.endsOn) return false;
    return true;
  }

  /** Why the date is not a working day, or null when it is one. */
  workingDayClosure(date: string): DayClosure | null {
    const day = weekday(date);
    if (day === 0 || day === 6) return { kind: 'weekend' };
    const holiday = this.bankHoliday(date);
    return holiday === null ? null : { kind: 'bank_holiday', name: holiday };
  }

  /**
   * Why the date is not a school day, or null when it is one. Dates outside the entered term
   * dates are treated as working days (see `schoolDaysKnown`).
   */
  schoolDayClosure(date: string): DayClosure | null {
    const closed = this.workingDayClosure(date);
    if (closed) return closed;
    if (!this.schoolDaysKnown(date)) return null;
    const note = this.inset.get(date);
    if (note !== undefined) return { kind: 'inset', note };
    return this.termOf(date) ? null : { kind: 'holiday' };
  }

  closure(date: string, unit: DayUnit): DayClosure | null {
    if (unit === 'calendar') return null;
    return unit === 'working' ? this.workingDayClosure(date) : this.schoolDayClosure(date);
  }

  isWorkingDay(date: string): boolean {
    return this.workingDayClosure(date) === null;
  }

  isSchoolDay(date: string): boolean {
    return this.schoolDayClosure(date) === null;
  }

  /**
   * The Nth day of the unit after `date` (n ≥ 1), not counting `date` itself, with the days
   * passed over and why.
   */
  addDays(
    date: string,
    n: number,
    unit: DayUnit,
  ): { date: string; skipped: { date: string; closure: DayClosure }[] } {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`addDays needs n ≥ 1, got ${n}`);
    const skipped: { date: string; closure: DayClosure }[] = [];
    let current = date;
    let counted = 0;
    while (counted < n) {
      current = addDays(current, 1);
      const closure = this.closure(current, unit);
      if (closure) skipped.push({ date: current, closure });
      else counted += 1;
    }
    return { date: current, skipped };
  }

  /** The first working (or school) day strictly after `date`. */
  next(date: string, unit: DayUnit): string {
    return this.addDays(date, 1, unit).date;
  }

  /** The date itself when it is a day of the unit, otherwise the next one. */
  onOrAfter(date: string, unit: DayUnit): string {
    return this.closure(date, unit) === null ? date : this.next(date, unit);
  }
}

/** How a closed day is described in an explanation: "Sat 30 May 2026 (weekend)". */
export function describeClosure(closure: DayClosure): string {
  switch (closure.kind) {
    case 'weekend':
      return 'weekend';
    case 'bank_holiday':
      return `bank holiday: ${closure.name}`;
    case 'inset':
      return closure.note === '' ? 'INSET day' : `INSET day: ${closure.note}`;
    case 'holiday':
      return 'school holiday';
  }
}
