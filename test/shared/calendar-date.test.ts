import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  formatCalendarDate,
  formatInstant,
  isCalendarDate,
  londonDate,
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
