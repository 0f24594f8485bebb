/**
 * The governors' view (issue 7; security G8): aggregate statistics for one academic year. Every
 * figure is a table published through small-number suppression (./suppression.ts) or a value
 * worked out only from published figures, so nothing identifies a child: no name, no date finer
 * than the month, no free text.
 */
import { z } from 'zod';

import { academicYearStart } from '../dates/calendar-schema';
import { formatCalendarDate } from '../dates/calendar-date';
import type { PublishedTable } from './suppression';

export const statsGroupings = ['month', 'term'] as const;
export type StatsGrouping = (typeof statsGroupings)[number];
export const statsGroupingLabels: Record<StatsGrouping, string> = {
  month: 'By month',
  term: 'By term',
};

/** The threshold a school may choose: below 2 nothing is withheld; above 20 little is left. */
export const SUPPRESSION_THRESHOLD = { min: 2, max: 20 } as const;

const academicYear = z
  .string()
  .max(7)
  .refine((v) => academicYearStart(v) !== null, 'Choose an academic year, such as 2026/27.');

export const governanceStatsInput = z.strictObject({
  academicYear,
  grouping: z.enum(statsGroupings, 'Choose months or terms.'),
});
export type GovernanceStatsInput = z.input<typeof governanceStatsInput>;

export const suppressionThresholdInput = z.strictObject({
  threshold: z
    .int('Enter a whole number.')
    .min(SUPPRESSION_THRESHOLD.min, `The threshold must be at least ${SUPPRESSION_THRESHOLD.min}.`)
    .max(SUPPRESSION_THRESHOLD.max, `The threshold can be at most ${SUPPRESSION_THRESHOLD.max}.`),
});

/** Statutory duties done on time: the table, and the share worked out from its published totals. */
export type DutyStats = {
  /** Rows: the duty; columns: on time, late. */
  table: PublishedTable;
  /** Whole per cent done on time, or null when either total is withheld (or there are none). */
  onTimePercent: number | null;
};

/** The policy register's standing; the filtering review only to the month. */
export type PolicyStats = {
  /** One row; columns: in date, overdue. */
  table: PublishedTable;
  /** "Nov 2026", or null when no review is recorded. */
  lastFilteringReviewMonth: string | null;
};

/** The annual safeguarding audit's standing for the year (never who signed it). */
export type AuditStats = {
  academicYear: string;
  /** One row; columns: green, amber, red, not yet answered. */
  table: PublishedTable;
  signedByDsl: boolean;
  signedByGovernor: boolean;
};

export type GovernanceStats = {
  academicYear: string;
  grouping: StatsGrouping;
  threshold: number;
  /** Academic years with anything recorded, latest first (always includes the current one). */
  years: string[];
  /** Rows: the statutory categories (and concerns in none of them); columns: the periods. */
  concernsByCategory: PublishedTable;
  /** Rows: the triage decisions; columns: the periods. */
  decisions: PublishedTable;
  /** Allegations about an adult: rows the periods; columns referred to the LADO or not. */
  lado: PublishedTable;
  duties: DutyStats;
  /** As it stands today. Rows: the training; columns: in date, due soon, overdue, missing. */
  training: PublishedTable;
  /** As it stands today. */
  policies: PolicyStats;
  /** Null when this year's audit has not been started (or audits are not kept). */
  audit: AuditStats | null;
};

/** "2026-09" → "Sep 2026". */
export function monthLabel(yearMonth: string): string {
  return formatCalendarDate(`${yearMonth}-01`).replace(/^1 /, '');
}

/** The twelve months of an academic year, "2026-09" … "2027-08". */
export function academicMonths(year: string): string[] {
  const start = academicYearStart(year) ?? 0;
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((8 + i) % 12) + 1;
    const y = i < 4 ? start : start + 1;
    return `${y}-${String(month).padStart(2, '0')}`;
  });
}

/** Explains the withheld cells wherever a table is shown or printed. */
export function suppressionNote(threshold: number): string {
  return `Counts below ${threshold} are withheld, and some others so that they cannot be worked out.`;
}

/** The sections of the governors' view and the annual report, in order, by heading. */
export const governanceSectionTitles = {
  concerns: 'Concerns by category',
  decisions: 'Referrals and outcomes',
  lado: 'Allegations about adults (LADO)',
  duties: 'Statutory duties done on time',
  training: 'Safeguarding training',
  policies: 'Policies and filtering',
  audit: 'Annual safeguarding audit',
} as const;

/** How a withheld value reads on screen and on paper. */
export const WITHHELD = 'Withheld';

export function publishedText(value: number | null): string {
  return value === null ? WITHHELD : String(value);
}
