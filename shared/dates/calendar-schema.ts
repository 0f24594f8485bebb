/**
 * The school calendar as entered in Settings: term dates and INSET days per academic year, and
 * the school's bank-holiday overrides (a newly proclaimed holiday before Lantern knows it).
 */
import { z } from 'zod';

import { calendarDate } from '../children/schema';
import { narrative } from '../concerns/schema';
import { weekday } from './bank-holidays';
import type { BankHolidayOverride, InsetDay, SchoolCalendar, Term } from './school-calendar';

export const MAX_TERMS_PER_YEAR = 6;
export const MAX_INSET_DAYS_PER_YEAR = 10;

const ACADEMIC_YEAR = /^(\d{4})\/(\d{2})$/;

/** "2026/27" → 2026, or null when it is not an academic year. */
export function academicYearStart(value: string): number | null {
  const m = ACADEMIC_YEAR.exec(value);
  if (!m) return null;
  const start = Number(m[1]);
  return (start + 1) % 100 === Number(m[2]) ? start : null;
}

/** The academic year (1 Sep – 31 Aug) a date falls in: "2026-11-28" → "2026/27". */
export function academicYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '09-01' ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

const termInput = z.strictObject({
  name: narrative('The term’s name', 60, true),
  startsOn: calendarDate('First day of term'),
  endsOn: calendarDate('Last day of term'),
});

const insetInput = z.strictObject({
  date: calendarDate('INSET day'),
  note: narrative('The note', 100, false),
});

export const termYearInput = z
  .strictObject({
    academicYear: z
      .string()
      .max(7)
      .refine((s) => academicYearStart(s) !== null, 'Enter the academic year, such as 2026/27.'),
    terms: z
      .array(termInput)
      .max(MAX_TERMS_PER_YEAR, `A year can have at most ${MAX_TERMS_PER_YEAR} terms.`),
    insetDays: z
      .array(insetInput)
      .max(
        MAX_INSET_DAYS_PER_YEAR,
        `A year can have at most ${MAX_INSET_DAYS_PER_YEAR} INSET days.`,
      ),
  })
  .superRefine((year, ctx) => {
    const start = academicYearStart(year.academicYear);
    if (start === null) return;
    const first = `${start}-08-01`;
    const last = `${start + 1}-08-31`;
    year.terms.forEach((t, i) => {
      if (t.startsOn > t.endsOn)
        ctx.addIssue({
          code: 'custom',
          path: ['terms', i, 'endsOn'],
          message: `${t.name || 'This term'} ends before it starts.`,
        });
      if (t.startsOn < first || t.endsOn > last)
        ctx.addIssue({
          code: 'custom',
          path: ['terms', i, 'startsOn'],
          message: `${t.name || 'This term'} is not in the academic year ${year.academicYear} (1 Aug ${start} to 31 Aug ${start + 1}).`,
        });
      const before = year.terms[i - 1];
      if (before && t.startsOn <= before.endsOn)
        ctx.addIssue({
          code: 'custom',
          path: ['terms', i, 'startsOn'],
          message: `${t.name || 'This term'} must start after ${before.name || 'the term before'} ends; list the terms in order.`,
        });
    });
    const seen = new Set<string>();
    year.insetDays.forEach((d, i) => {
      if (seen.has(d.date))
        ctx.addIssue({
          code: 'custom',
          path: ['insetDays', i, 'date'],
          message: 'Each INSET day can be listed once.',
        });
      seen.add(d.date);
      if (!year.terms.some((t) => t.startsOn <= d.date && d.date <= t.endsOn))
        ctx.addIssue({
          code: 'custom',
          path: ['insetDays', i, 'date'],
          message: 'An INSET day must fall within one of the terms.',
        });
      else if (weekday(d.date) === 0 || weekday(d.date) === 6)
        ctx.addIssue({
          code: 'custom',
          path: ['insetDays', i, 'date'],
          message: 'An INSET day must be a weekday.',
        });
    });
  });
export type TermYearInput = z.input<typeof termYearInput>;

export const bankHolidayOverridesInput = z
  .strictObject({
    overrides: z
      .array(
        z.strictObject({
          kind: z.enum(['add', 'remove'], 'Choose whether the day is added or removed.'),
          date: calendarDate('Date'),
          name: narrative('The name', 100, true),
        }),
      )
      .max(30, 'At most 30 overrides.'),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.overrides.forEach((o, i) => {
      if (seen.has(o.date))
        ctx.addIssue({
          code: 'custom',
          path: ['overrides', i, 'date'],
          message: 'Each date can be overridden once.',
        });
      seen.add(o.date);
    });
  });

export type TermYear = { academicYear: string; terms: Term[]; insetDays: InsetDay[] };

/** The calendar as Settings shows it: each year entered, the overrides and the bank holidays. */
export type CalendarInfo = {
  calendar: SchoolCalendar;
  years: TermYear[];
  overrides: BankHolidayOverride[];
  /** The bank holidays of this year and the next two, overrides applied. */
  bankHolidays: { date: string; name: string; override: 'add' | null }[];
};
