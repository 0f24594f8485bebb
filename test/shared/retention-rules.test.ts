import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { isCalendarDate } from '../../shared/dates/calendar-date';
import {
  anniversary,
  defaultRetentionSettings,
  fileReviewDate,
  retentionRules,
  retentionSettingsInput,
  reviewDateFor,
} from '../../shared/retention/rules';

const noAllegations = { dateOfBirth: '2001-09-14', allegationDates: [] };

describe('retention rules', () => {
  it('carries the IRMS period for a child protection file, as a review, with its source', () => {
    const rule = retentionRules.cp_file;
    expect(rule.defaultYears).toBe(25);
    expect(rule.action).toBe('review');
    expect(rule.source).toMatch(/IRMS/);
    expect(reviewDateFor(rule, noAllegations, defaultRetentionSettings)).toBe('2026-09-14');
  });

  it('carries the KCSIE period for an allegation about an adult, from the latest allegation', () => {
    const rule = retentionRules.allegation_about_adult;
    expect(rule.source).toMatch(/KCSIE Part four/);
    expect(reviewDateFor(rule, noAllegations, defaultRetentionSettings)).toBeNull();
    expect(
      reviewDateFor(
        rule,
        { dateOfBirth: '2001-09-14', allegationDates: ['2019-03-02', '2024-05-06', '2020-01-01'] },
        defaultRetentionSettings,
      ),
    ).toBe('2034-05-06');
  });

  it('uses the DSL’s period for each record type', () => {
    const settings = { ...defaultRetentionSettings, cp_file: 30 };
    expect(reviewDateFor(retentionRules.cp_file, noAllegations, settings)).toBe('2031-09-14');
  });

  it('ends a period that starts on 29 February on 1 March in a common year, never a day early', () => {
    expect(anniversary('2004-02-29', 25)).toBe('2029-03-01');
    expect(anniversary('2004-02-29', 24)).toBe('2028-02-29');
    expect(anniversary('2003-02-28', 25)).toBe('2028-02-28');
    expect(anniversary('2001-12-31', 25)).toBe('2026-12-31');
  });

  it('never reaches a review date before the full number of years has passed', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 100 }),
        (date, years) => {
          const born = date.toISOString().slice(0, 10);
          const review = anniversary(born, years);
          expect(isCalendarDate(review)).toBe(true);
          expect(Number(review.slice(0, 4)) - Number(born.slice(0, 4))).toBe(years);
          expect(review.slice(5) >= born.slice(5) || born.endsWith('02-29')).toBe(true);
        },
      ),
    );
  });

  it('takes the file’s review date from the rule that keeps it longest', () => {
    expect(fileReviewDate(noAllegations, defaultRetentionSettings)).toEqual({
      reviewFrom: '2026-09-14',
      recordType: 'cp_file',
    });
    expect(
      fileReviewDate(
        { dateOfBirth: '2001-09-14', allegationDates: ['2020-02-01'] },
        defaultRetentionSettings,
      ),
    ).toEqual({ reviewFrom: '2030-02-01', recordType: 'allegation_about_adult' });
    expect(
      fileReviewDate(
        { dateOfBirth: '2001-09-14', allegationDates: ['2010-02-01'] },
        defaultRetentionSettings,
      ),
    ).toEqual({ reviewFrom: '2026-09-14', recordType: 'cp_file' });
  });

  it('refuses a period that is not a whole number of years from 1 to 100, with a clear message', () => {
    expect(
      retentionSettingsInput.safeParse({ cp_file: 25, allegation_about_adult: 10 }).success,
    ).toBe(true);
    for (const [bad, message] of [
      [0, 'The child protection file must be kept for at least 1 year.'],
      [101, 'The child protection file period must be at most 100 years.'],
      [2.5, 'Enter a whole number of years for the child protection file.'],
    ] as const) {
      const r = retentionSettingsInput.safeParse({ cp_file: bad, allegation_about_adult: 10 });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe(message);
    }
  });
});
