/**
 * The deadline engine's one documented entry point (issue 5): given a rule, the instant that
 * triggered it, the school's calendar and its local settings, `dueFor` returns when the duty is
 * due (and its sooner target, if the rule has one) with the explanation shown in the duty's
 * "why" panel. Pure and deterministic: the same inputs always give the same answer.
 *
 * Conventions (README, "Statutory deadlines"):
 * - all day arithmetic is on calendar dates in Europe/London; a day-based deadline ends at
 *   23:59 London time on its last day, whatever the clocks do;
 * - "N days after" never counts the trigger's own day;
 * - hours are elapsed hours: 72 hours across a clock change reads 71 or 73 on the wall clock;
 * - months follow the corresponding-date rule (calendar-date.ts `addMonths`).
 */
import {
  addDays,
  addMonths,
  formatCalendarDate,
  londonDate,
  londonInstant,
  londonMinute,
} from '../dates/calendar-date';
import { weekday } from '../dates/bank-holidays';
import type { DayUnit, SchoolCalendar } from '../dates/school-calendar';
import { CalendarView, dayUnitLabels, describeClosure } from '../dates/school-calendar';
import type { DeadlineSpec, DutyRule } from './rules';
import type { DutySettings } from './settings';
import { settingDeadline } from './settings';

export type DeadlineResult = {
  /** The UTC instant it is due, or null when no timescale is fixed. */
  dueAt: string | null;
  /** Where the timescale comes from, when it is not the rule itself (a local setting, a target). */
  basis: string | null;
  /** The working, step by step, in plain English. */
  steps: string[];
};

export type DutyDeadlines = { deadline: DeadlineResult; target: DeadlineResult | null };

export const END_OF_DAY = '23:59';

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "2026-05-29" → "Fri 29 May 2026". */
export function formatDay(date: string): string {
  return `${DAY_NAMES[weekday(date)] ?? ''} ${formatCalendarDate(date)}`;
}

/** An instant as "Fri 29 May 2026, 16:10" in London. */
export function formatDayTime(iso: string): string {
  const minute = londonMinute(new Date(iso));
  return `${formatDay(minute.slice(0, 10))}, ${minute.slice(11)}`;
}

function plural(n: number, unit: DayUnit): string {
  const label = dayUnitLabels[unit];
  return `${n} ${n === 1 ? label.one : label.many}`;
}

function endOf(date: string): string {
  return londonInstant(date, END_OF_DAY);
}

function offsetMinutes(iso: string): number {
  const instant = new Date(iso);
  const wall = londonMinute(instant);
  const asUtc = Date.parse(`${wall}:00Z`);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** Counts `n` days of `unit` after `from`, explaining what was skipped. */
function countDays(view: CalendarView, from: string, n: number, unit: DayUnit, steps: string[]) {
  const { date, skipped } = view.addDays(from, n, unit);
  steps.push(`${formatDay(from)} is not counted; the count starts the day after.`);
  if (unit !== 'calendar') {
    for (const s of skipped)
      steps.push(`${formatDay(s.date)} is not counted (${describeClosure(s.closure)}).`);
    if (unit === 'school') schoolDayAssumption(view, addDays(from, 1), date, steps);
  }
  steps.push(`The ${ordinal(n)} ${dayUnitLabels[unit].one} is ${formatDay(date)}.`);
  return date;
}

function schoolDayAssumption(view: CalendarView, from: string, to: string, steps: string[]): void {
  if (view.schoolDaysKnown(from) && view.schoolDaysKnown(to)) return;
  steps.push(
    `The school’s term dates are not entered for ${formatCalendarDate(from)} to ${formatCalendarDate(to)}, so school days were counted as working days. Enter the term dates in Settings to count them exactly.`,
  );
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

function due(date: string, steps: string[]): string {
  steps.push(`Due by the end of ${formatDay(date)} (${END_OF_DAY}).`);
  return endOf(date);
}

function transferDue(
  view: CalendarView,
  spec: { unit: DayUnit; days: number },
  leftOn: string,
  steps: string[],
): string {
  const unit = spec.unit;
  steps.push(`The child left on ${formatDay(leftOn)}.`);
  if (!view.schoolDaysKnown(leftOn)) {
    steps.push(
      'The school’s term dates are not entered for that date, so Lantern cannot tell an in-year transfer from one at the end of a term; it is treated as in-year (the sooner of the two).',
    );
    return due(countDays(view, leftOn, spec.days, unit, steps), steps);
  }
  const term = view.termOf(leftOn);
  const nextSchoolDay = view.next(leftOn, 'school');
  if (term && nextSchoolDay <= term.endsOn) {
    steps.push(
      `${term.name} continues after that day, so this is an in-year transfer: within ${plural(spec.days, unit)}.`,
    );
    return due(countDays(view, leftOn, spec.days, unit, steps), steps);
  }
  const next = view.nextTerm(leftOn);
  if (!next) {
    steps.push(
      'The child left at the end of a term, but the next term’s dates are not entered, so the days are counted from the day after leaving (the sooner reading). Enter the term dates in Settings.',
    );
    return due(countDays(view, leftOn, spec.days, unit, steps), steps);
  }
  const first = view.onOrAfter(next.startsOn, unit);
  steps.push(
    `The child left at the end of a term, so the file is due within the first ${plural(spec.days, unit)} of the new term. ${next.name} starts on ${formatDay(next.startsOn)}${first === next.startsOn ? '' : `; its first ${dayUnitLabels[unit].one} is ${formatDay(first)}`} (in Lantern’s calendar; the receiving school’s term dates may differ).`,
  );
  const last = spec.days === 1 ? first : view.addDays(first, spec.days - 1, unit).date;
  steps.push(
    `Counting ${formatDay(first)} as the 1st ${dayUnitLabels[unit].one}, the ${ordinal(spec.days)} is ${formatDay(last)}.`,
  );
  return due(last, steps);
}

function evaluate(
  spec: DeadlineSpec,
  triggerAt: string,
  view: CalendarView,
  settings: DutySettings,
  basis: string | null,
): DeadlineResult {
  const steps: string[] = [];
  const triggerDate = londonDate(new Date(triggerAt));
  switch (spec.kind) {
    case 'immediate':
      steps.push(`Due immediately: from ${formatDayTime(triggerAt)}.`);
      return { dueAt: triggerAt, basis, steps };
    case 'hours': {
      const dueAt = new Date(Date.parse(triggerAt) + spec.hours * 3_600_000).toISOString();
      steps.push(
        `${spec.hours} hours after ${formatDayTime(triggerAt)} is ${formatDayTime(dueAt)}.`,
      );
      if (offsetMinutes(triggerAt) !== offsetMinutes(dueAt))
        steps.push(
          'The clocks change in between: the hours are real elapsed hours, so the clock time moves by an hour.',
        );
      return { dueAt, basis, steps };
    }
    case 'days': {
      steps.push(`Within ${plural(spec.days, spec.unit)} of ${formatDayTime(triggerAt)}.`);
      const date = countDays(view, triggerDate, spec.days, spec.unit, steps);
      return { dueAt: due(date, steps), basis, steps };
    }
    case 'months': {
      const target = addMonths(triggerDate, spec.months);
      const months = `${spec.months} ${spec.months === 1 ? 'month' : 'months'}`;
      steps.push(
        `${months} from ${formatDayTime(triggerAt)}: the corresponding date is ${formatDay(target)}.`,
      );
      if (Number(target.slice(8)) !== Number(triggerDate.slice(8)))
        steps.push(
          `That month has no ${ordinal(Number(triggerDate.slice(8)))}, so its last day is used.`,
        );
      if (spec.at === 'sameTime') {
        const time = londonMinute(new Date(triggerAt)).slice(11);
        const dueAt = londonInstant(target, time);
        steps.push(`Due before ${formatDayTime(dueAt)}: the same time of day as the trigger.`);
        return { dueAt, basis, steps };
      }
      let date = target;
      if (spec.rollForward && !view.isWorkingDay(target)) {
        date = view.next(target, 'working');
        const closure = view.workingDayClosure(target);
        steps.push(
          `${formatDay(target)} is not a working day (${closure ? describeClosure(closure) : ''}), so the period runs to the next working day, ${formatDay(date)}.`,
        );
      }
      return { dueAt: due(date, steps), basis, steps };
    }
    case 'nextSchoolDayStart': {
      const start = settings.schoolDayStartsAt;
      const today = londonInstant(triggerDate, start);
      const date =
        view.isSchoolDay(triggerDate) && triggerAt < today
          ? triggerDate
          : view.next(triggerDate, 'school');
      if (date !== triggerDate) schoolDayAssumption(view, addDays(triggerDate, 1), date, steps);
      const dueAt = londonInstant(date, start);
      steps.push(
        `Received ${formatDayTime(triggerAt)}. The next school day starts ${formatDayTime(dueAt)} (the school day starts at ${start}).`,
      );
      return { dueAt, basis, steps };
    }
    case 'transfer':
      return { dueAt: transferDue(view, spec, triggerDate, steps), basis, steps };
    case 'setting': {
      const local = settingDeadline(spec.key, settings);
      return evaluate(local.spec, triggerAt, view, settings, local.basis);
    }
    case 'none':
      steps.push('No fixed timescale is set in law or guidance: act promptly.');
      return { dueAt: null, basis, steps };
  }
}

/**
 * When the duty is due, and its target if the rule sets a sooner one.
 *
 * @param rule the rule's edition in force at the trigger (rules.ts `ruleInForce`)
 * @param triggerAt the UTC instant that started the duty (ISO 8601)
 * @param calendar the school's terms, INSET days and bank-holiday overrides
 * @param settings the local settings version the duty is computed with
 */
export function dueFor(
  rule: DutyRule,
  triggerAt: string,
  calendar: SchoolCalendar,
  settings: DutySettings,
): DutyDeadlines {
  const view = new CalendarView(calendar);
  const deadline = evaluate(rule.deadline, triggerAt, view, settings, null);
  const target = rule.target
    ? evaluate(rule.target.spec, triggerAt, view, settings, rule.target.basis)
    : null;
  return { deadline, target };
}
