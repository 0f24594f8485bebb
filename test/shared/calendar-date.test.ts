import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  formatCalendarDate,
  formatInstant,
  isCalendarDate,
  londonDate,
  londonInstant,
  wholeYearsBetween,
} from '../../shared/dates/calendar-date';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-11-31')).toBe(false);
    expect(isCalendarDate('28/11/2026')).toBe(false);
    expect(isCalendarDate('2026-1-1')).toBe(false);
  });

  it('formats as schools write dates', () => {
    expect(formatCalendarDate('2026-11-28')).toBe('28 Nov 2026');
    expect(formatCalendarDate('2026-09-01')).toBe('1 Sep 2026');
  });

  it('takes the London date, not the UTC one, across clock changes', () => {
    // 23:30 UTC on 30 Jun is 00:30 BST on 1 Jul.
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    // In winter London is on UTC.
    expect(londonDate(new Date('2026-11-28T23:30:00Z'))).toBe('2026-11-28');
    expect(formatInstant('2026-03-29T01:30:00Z')).toBe('29 Mar 2026, 02:30');
  });

  it('computes age in whole years, birthdays included', () => {
    expect(wholeYearsBetween('2016-03-14', '2026-03-13')).toBe(9);
    expect(wholeYearsBetween('2016-03-14', '2026-03-14')).toBe(10);
    expect(wholeYearsBetween('2016-02-29', '2026-02-28')).toBe(9);
  });

  it('formatted dates round-trip their day, month and year', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [day, mon, year] = formatCalendarDate(iso).split(' ');
          expect(Number(day)).toBe(d.getUTCDate());
          expect(Number(year)).toBe(d.getUTCFullYear());
          expect(mon).toHaveLength(3);
        },
      ),
    );
  });
});

describe('London wall-clock times as instants', () => {
  it('reads GMT in winter and BST in summer', () => {
    expect(londonInstant('2026-11-27', '12:40')).toBe('2026-11-27T12:40:00.000Z');
    expect(londonInstant('2026-07-01', '09:15')).toBe('2026-07-01T08:15:00.000Z');
    expect(londonInstant('2026-07-01', '00:30')).toBe('2026-06-30T23:30:00.000Z');
  });

  it('takes the first reading of the hour that repeats when the clocks go back', () => {
    expect(londonInstant('2026-10-25', '01:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(londonInstant('2026-10-25', '02:30')).toBe('2026-10-25T02:30:00.000Z');
  });

  it('reads a skipped time with the offset in force just before the clocks go forward', () => {
    expect(londonInstant('2026-03-29', '01:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(londonInstant('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('round-trips through londonDate and formatInstant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31') }), (d) => {
        const instant = new Date(Math.floor(d.getTime() / 60_000) * 60_000);
        if (Number.isNaN(instant.getTime())) return;
        const date = londonDate(instant);
        const time = formatInstant(instant.toISOString()).slice(-5);
        const back = new Date(londonInstant(date, time)).getTime();
        // Only the repeated hour in autumn may read an hour earlier.
        expect([0, 60 * 60_000]).toContain(instant.getTime() - back);
      }),
    );
  });
});
