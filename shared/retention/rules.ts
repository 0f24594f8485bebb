/**
 * Retention rules (security G6; domain.md §6.3) as data: what Lantern holds, how long it is kept
 * and on what authority. Lantern never destroys anything by itself: when a review date passes,
 * the file appears in the DSL's review queue, and only the DSL destroys it, by hand.
 *
 * What Lantern holds is a child's child protection file: the concerns about the child, their
 * casework, chronology, designations, family and contacts. It holds no SEND/EHCP file and no
 * pupil educational record (those live in the MIS), no personnel file and no low-level concerns
 * about staff, so the rules for those (domain.md §6.3) do not apply here. A concern flagged as an
 * allegation about an adult is part of the child's file and carries the KCSIE Part four period.
 */
import { z } from 'zod';

import { addMonths, daysInMonth } from '../dates/calendar-date';

export const retentionRecordTypes = ['cp_file', 'allegation_about_adult'] as const;
export type RetentionRecordType = (typeof retentionRecordTypes)[number];

export type RetentionRule = {
  recordType: RetentionRecordType;
  label: string;
  /** The date the period runs from. */
  trigger: 'date_of_birth' | 'allegation_date';
  defaultYears: number;
  /** What happens when the period ends: always a review by the DSL, never destruction. */
  action: 'review';
  source: string;
  /** 'sourced': read in the source cited; 'partial': part of the rule cannot be applied here. */
  confidence: 'sourced' | 'partial';
  note: string;
};

export const retentionRules: Record<RetentionRecordType, RetentionRule> = {
  cp_file: {
    recordType: 'cp_file',
    label: 'Child protection file',
    trigger: 'date_of_birth',
    defaultYears: 25,
    action: 'review',
    source:
      'IRMS Information Management Toolkit for Schools (p.93 of the edition cited): the child’s date of birth + 25 years, then review',
    confidence: 'sourced',
    note: 'The principal copy sits with the local authority’s social care. If the file was transferred to another school, the receiving school became its holder.',
  },
  allegation_about_adult: {
    recordType: 'allegation_about_adult',
    label: 'Concern recording an allegation about an adult',
    trigger: 'allegation_date',
    defaultYears: 10,
    action: 'review',
    source:
      'KCSIE Part four: until the person’s normal pension age or 10 years from the allegation, whichever is longer; malicious allegations are removed',
    confidence: 'partial',
    note: 'Lantern does not hold the adult’s pension age: check it with the school’s HR records before destroying the file.',
  },
};

/** Years per record type, as the DSL set them (the defaults until they change one). */
export type RetentionSettings = Record<RetentionRecordType, number>;

export const defaultRetentionSettings: RetentionSettings = {
  cp_file: retentionRules.cp_file.defaultYears,
  allegation_about_adult: retentionRules.allegation_about_adult.defaultYears,
};

export const MAX_RETENTION_YEARS = 100;

const years = (label: string) =>
  z
    .number(`Enter the number of years for the ${label}.`)
    .int(`Enter a whole number of years for the ${label}.`)
    .min(1, `The ${label} must be kept for at least 1 year.`)
    .max(MAX_RETENTION_YEARS, `The ${label} period must be at most ${MAX_RETENTION_YEARS} years.`);

export const retentionSettingsInput = z.strictObject({
  cp_file: years('child protection file'),
  allegation_about_adult: years('allegation about an adult'),
});

/** What a review date is worked out from: the child's date of birth and any allegation dates. */
export type RetentionSubject = {
  dateOfBirth: string;
  /** YYYY-MM-DD: the dates of the concerns flagged as an allegation about an adult. */
  allegationDates: readonly string[];
};

/**
 * `years` whole years after `date`. A period that starts on 29 February ends on 1 March in a
 * common year: the full number of years has then passed, so a file is never due a day early.
 */
export function anniversary(date: string, years: number): string {
  const later = addMonths(date, years * 12);
  if (date.endsWith('-02-29') && later.endsWith('-02-28')) {
    const year = Number(later.slice(0, 4));
    if (daysInMonth(year, 2) === 28) return `${later.slice(0, 4)}-03-01`;
  }
  return later;
}

/** The date `rule` brings the subject's file up for review, or null when the rule does not apply. */
export function reviewDateFor(
  rule: RetentionRule,
  subject: RetentionSubject,
  settings: RetentionSettings,
): string | null {
  const period = settings[rule.recordType];
  if (rule.trigger === 'date_of_birth') return anniversary(subject.dateOfBirth, period);
  const latest = [...subject.allegationDates].sort().at(-1);
  return latest === undefined ? null : anniversary(latest, period);
}

/** The file's review date: the latest of every rule that applies, with the rule that set it. */
export function fileReviewDate(
  subject: RetentionSubject,
  settings: RetentionSettings,
): { reviewFrom: string; recordType: RetentionRecordType } {
  let best = {
    reviewFrom: anniversary(subject.dateOfBirth, settings.cp_file),
    recordType: 'cp_file' as RetentionRecordType,
  };
  for (const type of retentionRecordTypes) {
    const date = reviewDateFor(retentionRules[type], subject, settings);
    if (date !== null && date > best.reviewFrom) best = { reviewFrom: date, recordType: type };
  }
  return best;
}
