import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { bankHolidays, weekday } from '../../shared/dates/bank-holidays';
import {
  addDays,
  addMonths,
  daysInMonth,
  londonDate,
  londonInstant,
  londonMinute,
} from '../../shared/dates/calendar-date';
import {
  academicYearOf,
  academicYearStart,
  bankHolidayOverridesInput,
  termYearInput,
} from '../../shared/dates/calendar-schema';
import type {
  BankHolidayOverride,
  DayUnit,
  SchoolCalendar,
  Term,
} from '../../shared/dates/school-calendar';
import {
  bankHolidaysWithOverrides,
  CalendarView,
  describeClosure,
  emptyCalendar,
} from '../../shared/dates/school-calendar';

const BASE = '2024-06-01';
/** A date from mid-2024 to about mid-2029. */
const dateArb = fc.integer({ min: 0, max: 5 * 366 }).map((k) => addDays(BASE, k));
const unitArb = fc.constantFrom<DayUnit>('working', 'school');
const isWeekend = (date: string): boolean => weekday(date) === 0 || weekday(date) === 6;

/** Every date in (from, to], in order. */
function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * A random school calendar: up to six terms in order with holidays between them, INSET days
 * on weekdays inside terms, and a few bank-holiday overrides.
 */
const calendarArb: fc.Arbitrary<SchoolCalendar> = fc
  .record({
    start: fc.integer({ min: 0, max: 900 }),
    spans: fc.array(
      fc.record({ gap: fc.integer({ min: 1, max: 40 }), length: fc.integer({ min: 1, max: 70 }) }),
      { maxLength: 6 },
    ),
    inset: fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 8 }),
    overrides: fc.array(
      fc.record({
        kind: fc.constantFrom('add', 'remove'),
        offset: fc.integer({ min: 0, max: 1500 }),
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ start, spans, inset, overrides }) => {
    const terms: Term[] = [];
    let cursor = addDays(BASE, start);
    spans.forEach(({ gap, length }, i) => {
      const startsOn = addDays(cursor, gap);
      const endsOn = addDays(startsOn, length - 1);
      terms.push({ name: `Term ${i + 1}`, startsOn, endsOn });
      cursor = endsOn;
    });
    const inTerms = terms.flatMap((t) => [t.startsOn, ...datesBetween(t.startsOn, t.endsOn)]);
    const insetDates = [
      ...new Set(inset.map((k) => inTerms[k % Math.max(inTerms.length, 1)]).filter(Boolean)),
    ].filter((d): d is string => d !== undefined && !isWeekend(d));
    const seen = new Set<string>();
    const bankHolidayOverrides: BankHolidayOverride[] = [];
    for (const o of overrides) {
      const date = addDays(BASE, o.offset);
      if (seen.has(date)) continue;
      seen.add(date);
      bankHolidayOverrides.push({ kind: o.kind, date, name: `Override ${date}` });
    }
    return {
      terms,
      insetDays: insetDates.map((date) => ({ date, note: 'Training' })),
      bankHolidayOverrides,
    };
  });

describe('working and school days', () => {
  it('a working day is a weekday that is not a bank holiday, overrides applied', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, (calendar, date) => {
        const view = new CalendarView(calendar);
        const regular = bankHolidays(Number(date.slice(0, 4))).some((h) => h.date === date);
        const override = calendar.bankHolidayOverrides.find((o) => o.date === date);
        const holiday = override ? override.kind === 'add' : regular;
        expect(view.isWorkingDay(date)).toBe(!isWeekend(date) && !holiday);
        expect(view.bankHoliday(date) !== null).toBe(holiday);
      }),
    );
  });

  it('every school day is a working day', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, (calendar, date) => {
        const view = new CalendarView(calendar);
        if (view.isSchoolDay(date)) expect(view.isWorkingDay(date)).toBe(true);
      }),
    );
  });

  it('inside the entered terms, a school day is a working day in a term and not INSET', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, (calendar, date) => {
        const view = new CalendarView(calendar);
        if (!view.schoolDaysKnown(date)) {
          // Outside the entered term dates the calendar cannot know: school = working.
          expect(view.isSchoolDay(date)).toBe(view.isWorkingDay(date));
          return;
        }
        const inTerm = calendar.terms.some((t) => t.startsOn <= date && date <= t.endsOn);
        const inset = calendar.insetDays.some((d) => d.date === date);
        expect(view.isSchoolDay(date)).toBe(view.isWorkingDay(date) && inTerm && !inset);
        if (view.isWorkingDay(date) && !inTerm)
          expect(view.schoolDayClosure(date)).toEqual({ kind: 'holiday' });
        if (view.isWorkingDay(date) && inset)
          expect(view.schoolDayClosure(date)).toEqual({ kind: 'inset', note: 'Training' });
      }),
    );
  });

  it('with no terms entered, school days are exactly working days', () => {
    const view = new CalendarView(emptyCalendar);
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 30 }), (date, n) => {
        expect(view.schoolDaysKnown(date)).toBe(false);
        expect(view.schoolDayClosure(date)).toEqual(view.workingDayClosure(date));
        expect(view.addDays(date, n, 'school')).toEqual(view.addDays(date, n, 'working'));
      }),
    );
  });

  it('adds a school’s own bank holiday and removes one it does not keep', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2020, max: 2035 }), fc.nat(), dateArb, (year, pick, date) => {
        const regular = bankHolidays(year);
        const holiday = regular[pick % regular.length];
        if (!holiday) throw new Error('no bank holidays');
        const removed = new CalendarView({
          ...emptyCalendar,
          bankHolidayOverrides: [{ kind: 'remove', date: holiday.date, name: holiday.name }],
        });
        const kept = bankHolidaysWithOverrides(year, [
          { kind: 'remove', date: holiday.date, name: holiday.name },
        ]);
        expect(kept.has(holiday.date)).toBe(false);
        expect(kept.size).toBe(regular.length - 1);
        expect(removed.isWorkingDay(holiday.date)).toBe(true);
        expect(removed.bankHoliday(holiday.date)).toBeNull();
        const added = new CalendarView({
          ...emptyCalendar,
          bankHolidayOverrides: [{ kind: 'add', date, name: 'Proclaimed holiday' }],
        });
        expect(added.isWorkingDay(date)).toBe(false);
        if (!isWeekend(date))
          expect(added.workingDayClosure(date)).toEqual({
            kind: 'bank_holiday',
            name: 'Proclaimed holiday',
          });
      }),
    );
  });

  it('treats the gap between two terms as a holiday and a real date outside them as unknown', () => {
    const view = new CalendarView({
      terms: [
        { name: 'Autumn 1', startsOn: '2026-09-02', endsOn: '2026-10-23' },
        { name: 'Autumn 2', startsOn: '2026-11-02', endsOn: '2026-12-18' },
      ],
      insetDays: [{ date: '2026-09-02', note: '' }],
      bankHolidayOverrides: [],
    });
    // Wed 28 Oct 2026, half-term.
    expect(view.schoolDayClosure('2026-10-28')).toEqual({ kind: 'holiday' });
    expect(view.isWorkingDay('2026-10-28')).toBe(true);
    expect(view.schoolDayClosure('2026-09-02')).toEqual({ kind: 'inset', note: '' });
    // Mon 4 Jan 2027 is after the last entered term: unknown, so counted as a working day.
    expect(view.schoolDaysKnown('2027-01-04')).toBe(false);
    expect(view.isSchoolDay('2027-01-04')).toBe(true);
    // Mon 21 Dec 2026 too, although it is surely a holiday: nothing after 18 Dec is entered.
    expect(view.isSchoolDay('2026-12-21')).toBe(true);
    expect(view.termOf('2026-10-23')?.name).toBe('Autumn 1');
    expect(view.termOf('2026-10-24')).toBeNull();
    expect(view.nextTerm('2026-10-23')?.name).toBe('Autumn 2');
    expect(view.nextTerm('2026-11-02')).toBeNull();
  });

  it('describes closures in plain words', () => {
    expect(describeClosure({ kind: 'weekend' })).toBe('weekend');
    expect(describeClosure({ kind: 'bank_holiday', name: 'Good Friday' })).toBe(
      'bank holiday: Good Friday',
    );
    expect(describeClosure({ kind: 'inset', note: '' })).toBe('INSET day');
    expect(describeClosure({ kind: 'inset', note: 'First aid' })).toBe('INSET day: First aid');
    expect(describeClosure({ kind: 'holiday' })).toBe('school holiday');
  });
});

describe('adding working and school days', () => {
  it('lands on a day of the unit with exactly n of them after the start, the rest skipped', () => {
    fc.assert(
      fc.property(
        calendarArb,
        dateArb,
        fc.integer({ min: 1, max: 40 }),
        unitArb,
        (calendar, date, n, unit) => {
          const view = new CalendarView(calendar);
          const result = view.addDays(date, n, unit);
          expect(result.date > date).toBe(true);
          expect(view.closure(result.date, unit)).toBeNull();
          const passed = datesBetween(date, result.date);
          expect(passed.filter((d) => view.closure(d, unit) === null)).toHaveLength(n);
          expect(result.skipped).toEqual(
            passed.flatMap((d) => {
              const closure = view.closure(d, unit);
              return closure ? [{ date: d, closure }] : [];
            }),
          );
        },
      ),
    );
  });

  it('is additive: a + b days is a days then b days', () => {
    fc.assert(
      fc.property(
        calendarArb,
        dateArb,
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 25 }),
        unitArb,
        (calendar, date, a, b, unit) => {
          const view = new CalendarView(calendar);
          const step = view.addDays(date, a, unit).date;
          expect(view.addDays(date, a + b, unit).date).toBe(view.addDays(step, b, unit).date);
        },
      ),
    );
  });

  it('moves strictly forward as n grows', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: 1, max: 30 }), unitArb, (c, d, n, u) => {
        const view = new CalendarView(c);
        expect(view.addDays(d, n + 1, u).date > view.addDays(d, n, u).date).toBe(true);
      }),
    );
  });

  it('counts calendar days as plain days, skipping nothing', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: 1, max: 60 }), (calendar, date, n) => {
        expect(new CalendarView(calendar).addDays(date, n, 'calendar')).toEqual({
          date: addDays(date, n),
          skipped: [],
        });
      }),
    );
  });

  it('finds the same day or the next day of the unit', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, unitArb, (calendar, date, unit) => {
        const view = new CalendarView(calendar);
        const found = view.onOrAfter(date, unit);
        expect(found >= date).toBe(true);
        expect(view.closure(found, unit)).toBeNull();
        const before = [date, ...datesBetween(date, found)].filter((d) => d < found);
        for (const d of before) expect(view.closure(d, unit)).not.toBeNull();
        expect(view.next(date, unit)).toBe(view.addDays(date, 1, unit).date);
      }),
    );
  });

  it('rejects a count that is not a whole number of at least 1', () => {
    const view = new CalendarView(emptyCalendar);
    expect(() => view.addDays('2026-11-27', 0, 'working')).toThrow(RangeError);
    expect(() => view.addDays('2026-11-27', -2, 'school')).toThrow(RangeError);
    expect(() => view.addDays('2026-11-27', 1.5, 'calendar')).toThrow(RangeError);
  });

  it('skips Easter 2026 by name (worked by hand)', () => {
    // Thu 2 Apr 2026 + 1 working day: Good Friday, the weekend and Easter Monday are skipped.
    const result = new CalendarView(emptyCalendar).addDays('2026-04-02', 1, 'working');
    expect(result).toEqual({
      date: '2026-04-07',
      skipped: [
        { date: '2026-04-03', closure: { kind: 'bank_holiday', name: 'Good Friday' } },
        { date: '2026-04-04', closure: { kind: 'weekend' } },
        { date: '2026-04-05', closure: { kind: 'weekend' } },
        { date: '2026-04-06', closure: { kind: 'bank_holiday', name: 'Easter Monday' } },
      ],
    });
  });
});

describe('calendar months by the corresponding-date rule', () => {
  it('stays inside the target month and keeps the day when that month has it', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -36, max: 36 }), (date, months) => {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        const result = addMonths(date, months);
        const [ry, rm, rd] = result.split('-').map(Number) as [number, number, number];
        expect(ry * 12 + rm - (y * 12 + m)).toBe(months);
        expect(rd).toBe(Math.min(d, daysInMonth(ry, rm)));
        expect(rd <= daysInMonth(ry, rm)).toBe(true);
      }),
    );
  });

  it('is the identity for 0 months and reversible when the day exists both ways', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 24 }), (date, months) => {
        expect(addMonths(date, 0)).toBe(date);
        if (Number(date.slice(8)) <= 28)
          expect(addMonths(addMonths(date, months), -months)).toBe(date);
      }),
    );
  });

  it('clamps to the month’s last day (worked by hand)', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', 6)).toBe('2026-09-30');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2027-01-10', -2)).toBe('2026-11-10');
  });
});

describe('London wall-clock times and the end of the day', () => {
  const instantArb = fc
    .integer({ min: Date.UTC(2024, 0, 1) / 60_000, max: Date.UTC(2030, 0, 1) / 60_000 })
    .map((minute) => new Date(minute * 60_000));

  it('reads a wall-clock time back to its instant (the first one in the repeated hour)', () => {
    fc.assert(
      fc.property(instantArb, (instant) => {
        const wall = londonMinute(instant);
        const back = Date.parse(londonInstant(wall.slice(0, 10), wall.slice(11)));
        expect(londonMinute(new Date(back))).toBe(wall);
        const diff = instant.getTime() - back;
        // Equal, except in the second (GMT) pass of the hour repeated when the clocks go back.
        expect([0, 3_600_000]).toContain(diff);
        if (diff !== 0) expect(instant.getUTCMonth()).toBe(9);
      }),
    );
  });

  it('ends every day at 23:59 London time on that day', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const end = londonInstant(date, '23:59');
        expect(londonDate(new Date(end))).toBe(date);
        expect(londonDate(new Date(Date.parse(end) + 60_000))).toBe(addDays(date, 1));
        expect(['22:59', '23:59']).toContain(end.slice(11, 16));
      }),
    );
  });

  it('handles the clock changes of 2026 and 2027 (worked by hand)', () => {
    // BST starts 01:00Z Sun 29 Mar 2026: 01:30 does not exist and is read with GMT.
    expect(londonInstant('2026-03-29', '01:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(londonInstant('2026-03-28', '23:59')).toBe('2026-03-28T23:59:00.000Z');
    expect(londonInstant('2026-03-29', '23:59')).toBe('2026-03-29T22:59:00.000Z');
    // BST ends 01:00Z Sun 25 Oct 2026: 01:30 happens twice; the first (BST) is taken.
    expect(londonInstant('2026-10-25', '01:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(londonInstant('2026-10-24', '23:59')).toBe('2026-10-24T22:59:00.000Z');
    expect(londonInstant('2026-10-25', '23:59')).toBe('2026-10-25T23:59:00.000Z');
    // BST starts Sun 28 Mar 2027.
    expect(londonInstant('2027-03-28', '08:30')).toBe('2027-03-28T07:30:00.000Z');
    expect(londonInstant('2027-03-27', '08:30')).toBe('2027-03-27T08:30:00.000Z');
  });
});

describe('term dates as entered in settings', () => {
  const year = {
    academicYear: '2026/27',
    terms: [
      { name: 'Autumn', startsOn: '2026-09-02', endsOn: '2026-12-18' },
      { name: 'Spring', startsOn: '2027-01-04', endsOn: '2027-03-25' },
      { name: 'Summer', startsOn: '2027-04-12', endsOn: '2027-07-21' },
    ],
    insetDays: [{ date: '2026-09-02', note: 'Training' }],
  };

  function problems(input: unknown): string[] {
    const parsed = termYearInput.safeParse(input);
    return parsed.success
      ? []
      : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  }

  it('accepts a real year', () => {
    expect(problems(year)).toEqual([]);
  });

  it('rejects overlapping and unordered terms', () => {
    const overlapping = {
      ...year,
      terms: [year.terms[0], { name: 'Spring', startsOn: '2026-12-18', endsOn: '2027-03-25' }],
    };
    expect(problems(overlapping)).toEqual([
      'terms.1.startsOn: Spring must start after Autumn ends; list the terms in order.',
    ]);
    const unordered = { ...year, terms: [year.terms[1], year.terms[0]] };
    expect(problems(unordered)).toEqual([
      'terms.1.startsOn: Autumn must start after Spring ends; list the terms in order.',
    ]);
  });

  it('rejects a term that ends before it starts', () => {
    const backwards = {
      ...year,
      terms: [{ name: 'Autumn', startsOn: '2026-12-18', endsOn: '2026-09-02' }],
      insetDays: [],
    };
    expect(problems(backwards)).toEqual(['terms.0.endsOn: Autumn ends before it starts.']);
  });

  it('rejects terms outside the academic year', () => {
    const late = {
      ...year,
      terms: [...year.terms, { name: 'Summer 2', startsOn: '2027-08-20', endsOn: '2027-09-03' }],
    };
    expect(problems(late)).toEqual([
      'terms.3.startsOn: Summer 2 is not in the academic year 2026/27 (1 Aug 2026 to 31 Aug 2027).',
    ]);
    const early = {
      ...year,
      terms: [{ name: 'Autumn', startsOn: '2026-07-31', endsOn: '2026-12-18' }],
    };
    expect(problems(early)[0]).toContain('is not in the academic year 2026/27');
  });

  it('rejects an academic year that is not one', () => {
    for (const academicYear of ['2026/28', '2026-27', '26/27', ''])
      expect(problems({ ...year, academicYear })).toEqual([
        'academicYear: Enter the academic year, such as 2026/27.',
      ]);
  });

  it('rejects INSET days outside the terms, on a weekend, or listed twice', () => {
    // Mon 26 Oct 2026 lies inside this (single) autumn term; Sat 5 Sep 2026 is a weekend;
    // Tue 22 Dec 2026 is in the Christmas holiday.
    expect(problems({ ...year, insetDays: [{ date: '2026-12-22', note: '' }] })).toEqual([
      'insetDays.0.date: An INSET day must fall within one of the terms.',
    ]);
    expect(problems({ ...year, insetDays: [{ date: '2026-09-05', note: '' }] })).toEqual([
      'insetDays.0.date: An INSET day must be a weekday.',
    ]);
    expect(
      problems({
        ...year,
        insetDays: [
          { date: '2026-10-26', note: '' },
          { date: '2026-10-26', note: 'Again' },
        ],
      }),
    ).toEqual(['insetDays.1.date: Each INSET day can be listed once.']);
  });

  it('limits the number of terms', () => {
    const terms = Array.from({ length: 7 }, (_, i) => ({
      name: `Term ${i + 1}`,
      startsOn: addDays('2026-09-01', i * 40),
      endsOn: addDays('2026-09-01', i * 40 + 30),
    }));
    expect(problems({ ...year, terms, insetDays: [] })).toEqual([
      'terms: A year can have at most 6 terms.',
    ]);
  });

  it('rejects the same override date twice', () => {
    const parsed = bankHolidayOverridesInput.safeParse({
      overrides: [
        { kind: 'add', date: '2027-06-07', name: 'Proclaimed' },
        { kind: 'remove', date: '2027-06-07', name: 'Proclaimed' },
      ],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([
      'Each date can be overridden once.',
    ]);
  });

  it('names the academic year of a date, turning on 1 Sep', () => {
    expect(academicYearOf('2026-08-31')).toBe('2025/26');
    expect(academicYearOf('2026-09-01')).toBe('2026/27');
    expect(academicYearOf('2027-01-01')).toBe('2026/27');
    expect(academicYearOf('2099-12-31')).toBe('2099/00');
    expect(academicYearStart('2099/00')).toBe(2099);
    fc.assert(
      fc.property(dateArb, (date) => {
        const start = academicYearStart(academicYearOf(date));
        expect(start).not.toBeNull();
        expect(date >= `${start}-09-01` && date <= `${Number(start) + 1}-08-31`).toBe(true);
      }),
    );
  });
});
