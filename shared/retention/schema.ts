/**
 * The retention screens' contract: the review queue, legal holds, the settings and the
 * destruction register. A destruction record names no child: it keeps the child's record id
 * (which the audit log already holds), counts per table, the rule, the dates and who authorised it.
 */
import { z } from 'zod';

import { recordId } from '../record-id';
import type { RetentionRecordType, RetentionSettings } from './rules';

/** The queue shows files whose review date has passed or falls within this many months. */
export const QUEUE_MONTHS_DEFAULT = 6;
export const QUEUE_MONTHS_MAX = 120;

const reason = (what: string) =>
  z
    .string(`Give the reason for ${what}.`)
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(10, `Give the reason for ${what} in at least 10 characters.`)
        .max(1000, `The reason for ${what} must be 1000 characters or fewer.`),
    );

export const queueInput = z.strictObject({
  withinMonths: z
    .number('Enter a number of months.')
    .int('Enter a whole number of months.')
    .min(0, 'Enter 0 months or more.')
    .max(QUEUE_MONTHS_MAX, `Enter at most ${QUEUE_MONTHS_MAX} months.`),
});

export const placeHoldInput = z.strictObject({
  childId: recordId,
  reason: reason('the legal hold'),
});

export const liftHoldInput = z.strictObject({
  holdId: recordId,
  reason: reason('lifting the hold'),
});

export const destroyInput = z.strictObject({
  childId: recordId,
  /** The child's legal name, typed by the DSL: "Amara Okafor". */
  confirmation: z.string().max(300),
  reason: reason('destroying the file'),
});

export type LegalHold = {
  id: string;
  childId: string;
  reason: string;
  placedAt: string;
  placedByName: string;
  liftedAt: string;
  liftedByName: string;
  liftReason: string;
};

export type RetentionQueueItem = {
  childId: string;
  displayName: string;
  dateOfBirth: string;
  /** '' while on roll. */
  leavingDate: string;
  reviewFrom: string;
  /** The rule that set the review date. */
  recordType: RetentionRecordType;
  /** The review date has come: the DSL may destroy the file (unless it is held). */
  due: boolean;
  /** The current hold, or null. */
  hold: LegalHold | null;
  /** The file was transferred to another school, which became its holder. */
  transferredTo: { school: string; urn: string; sentAt: string }[];
};

export type RetentionQueue = { today: string; withinMonths: number; items: RetentionQueueItem[] };

/** The legal holds on one child's file, current first. */
export type ChildHolds = { childId: string; holds: LegalHold[] };

export type RetentionSettingsVersion = {
  /** 0: the defaults, never saved. */
  version: number;
  settings: RetentionSettings;
  savedAt: string;
  savedByName: string;
};

export type DestructionRecord = {
  id: string;
  /** The destroyed child's record id: not content, and what the audit log already names. */
  childId: string;
  recordType: RetentionRecordType;
  reviewDate: string;
  /** Rows deleted, per table. */
  deleted: Record<string, number>;
  /** Concerns shared with other children: the child's link removed, the concern kept. */
  sharedConcernsKept: number;
  reason: string;
  authorisedByName: string;
  destroyedAt: string;
};
