import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { bankHolidays, easterSunday, weekday } from '../../shared/dates/bank-holidays';

// Expected dates are the published lists for England and Wales (gov.uk/bank-holidays), copied
// by hand, not computed.
describe('bank holidays in England and Wales', () => {
  it('gives 2026 as published', () => {
    expect(bankHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'New Year’s Day' },
      { date: '2026-04-03', name: 'Good Friday' },
      { date: '2026-04-06', name: 'Easter Monday' },
      { date: '2026-05-04', name: 'Early May bank holiday' },
      { date: '2026-05-25', name: 'Spring bank holiday' },
      { date: '2026-08-31', name: 'Summer bank holiday' },
      { date: '2026-12-25', name: 'Christmas Day' },
      // Saturday 26 Dec 2026: the substitute is Monday 28 Dec.
      { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
    ]);
  });

  it('moves Christmas after Boxing Day when Christmas falls on a Sunday (2022)', () => {
    const december = bankHolidays(2022).filter((h) => h.date.startsWith('2022-12'));
    expect(december).toEqual([
      { date: '2022-12-26', name: 'Boxing Day' },
      { date: '2022-12-27', name: 'Christmas Day (substitute day)' },
    ]);
  });

  it('substitutes both when Christmas falls on a Saturday (2021), and New Year on a Saturday (2022)', () => {
    expect(bankHolidays(2021).filter((h) => h.date.startsWith('2021-12'))).toEqual([
      { date: '2021-12-27', name: 'Christmas Day (substitute day)' },
      { date: '2021-12-28', name: 'Boxing Day (substitute day)' },
    ]);
    expect(bankHolidays(2022)[0]).toEqual({
      date: '2022-01-03',
      name: 'New Year’s Day (substitute day)',
    });
  });

  it('applies the proclaimed changes: 2022 jubilee and state funeral, 2023 coronation, 2020 VE Day', () => {
    const dates = (year: number) => bankHolidays(year).map((h) => h.date);
    expect(dates(2022)).toEqual([
      '2022-01-03',
      '2022-04-15',
      '2022-04-18',
      '2022-05-02',
      '2022-06-02',
      '2022-06-03',
      '2022-08-29',
      '2022-09-19',
      '2022-12-26',
      '2022-12-27',
    ]);
    expect(dates(2023)).toContain('2023-05-08');
    expect(dates(2023)).toHaveLength(9);
    expect(dates(2020)).toContain('2020-05-08');
    expect(dates(2020)).not.toContain('2020-05-04');
  });

  it('computes Easter Sunday as published for known years', () => {
    expect(
      ['2019', '2024', '2025', '2026', '2027', '2038'].map((y) => easterSunday(Number(y))),
    ).toEqual(['2019-04-21', '2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28', '2038-04-25']);
  });

  it('always falls on weekdays, eight or more a year, with Easter on a Sunday in March or April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1980, max: 2100 }), (year) => {
        const list = bankHolidays(year);
        expect(list.length).toBeGreaterThanOrEqual(8);
        expect(new Set(list.map((h) => h.date)).size).toBe(list.length);
        for (const h of list) expect([0, 6]).not.toContain(weekday(h.date));
        const easter = easterSunday(year);
        expect(weekday(easter)).toBe(0);
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
      }),
    );
  });
});
