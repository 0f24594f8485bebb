/**
 * The policy register and the filtering and monitoring reviews (issue 7; domain.md §3.6, §3.8):
 * the inputs main checks and the renderer's forms share, and what the methods return. Reviews are
 * history: each approval and each filtering review is a new row, never changed.
 */
import { z } from 'zod';

import { attachmentUpload } from '../concerns/attachments';
import { nameField, optionalNameField } from '../children/schema';
import { narrative } from '../concerns/schema';
import { addMonths, isCalendarDate } from '../dates/calendar-date';
import { recordId } from '../record-id';
import type { ReviewBasis } from './register';
import { filteringParticipantRoles, policyIds } from './register';
import type { FilteringParticipantRole } from './register';

export const MAX_POLICY_TEXT_CHARS = 2000;
export const MAX_FINDINGS_CHARS = 10_000;
export const MAX_URL_CHARS = 500;
export const MAX_PARTICIPANTS = 20;
export const MAX_FILTERING_ACTIONS = 50;
/** A policy whose next review falls within this many months is "due" on the dashboard. */
export const POLICY_DUE_SOON_MONTHS = 1;

/** A register policy ("child_protection") or a school-added one (a record id). */
export const policyIdField = z
  .string()
  .max(40, 'Choose a policy.')
  .refine(
    (s) => (policyIds as readonly string[]).includes(s) || recordId.safeParse(s).success,
    'Choose a policy.',
  );

const requiredDate = (what: string) =>
  z
    .string()
    .max(10, `Enter ${what} as a real date.`)
    .refine((s) => s !== '', `Enter ${what}.`)
    .refine((s) => s === '' || isCalendarDate(s), `Enter ${what} as a real date.`);

const optionalDate = (what: string) =>
  z
    .string()
    .max(10, `Enter ${what} as a real date.`)
    .refine((s) => s === '' || isCalendarDate(s), `Enter ${what} as a real date.`);

/** An http(s) address, or '' (a policy need not be published unless the register says so). */
export const publishedUrlField = z
  .string()
  .max(MAX_URL_CHARS, `The web address must be ${MAX_URL_CHARS} characters or fewer.`)
  .transform((s) => s.trim())
  .refine((s) => s === '' || isWebAddress(s), 'Enter a web address starting https:// or http://.');

/** http(s), a host name with a dot, an optional path; no spaces or user names. */
const WEB_ADDRESS = /^https?:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d{1,5})?(?:[/?#][^\s]*)?$/i;

function isWebAddress(s: string): boolean {
  return WEB_ADDRESS.test(s);
}

export const policyReviewInput = z.strictObject({
  policyId: policyIdField,
  approvedOn: requiredDate('the date it was approved'),
  approvedBy: narrative('Who approved it', 200, true),
  versionLabel: optionalNameField('The version'),
  /** '' = approval plus the policy's review interval. */
  nextReview: optionalDate('the next review date'),
  publishedUrl: publishedUrlField,
  /** Evidence of approval (minutes, the signed policy): a PDF, optional. */
  document: z.strictObject(attachmentUpload).nullable(),
});
export type PolicyReviewInput = z.input<typeof policyReviewInput>;

export const policyAddInput = z.strictObject({
  title: nameField('Policy title'),
  ownerName: optionalNameField('The owner'),
  notes: narrative('Notes', MAX_POLICY_TEXT_CHARS, false),
  intervalMonths: z
    .int('Enter the review interval in whole months.')
    .min(1, 'The review interval must be at least 1 month.')
    .max(36, 'The review interval must be 36 months or fewer.'),
});
export type PolicyAddInput = z.input<typeof policyAddInput>;

/** Who keeps a policy up to date, and the school's notes on it (any policy on the register). */
export const policyUpdateInput = z.strictObject({
  policyId: policyIdField,
  ownerName: optionalNameField('The owner'),
  notes: narrative('Notes', MAX_POLICY_TEXT_CHARS, false),
});
export type PolicyUpdateInput = z.input<typeof policyUpdateInput>;

export const filteringParticipant = z.strictObject({
  name: nameField('Name'),
  role: z.literal(filteringParticipantRoles, 'Choose the participant’s role.'),
});

export const filteringAction = z.strictObject({
  action: narrative('The action', MAX_POLICY_TEXT_CHARS, true),
  owner: nameField('Owner'),
  dueDate: requiredDate('the date the action is due'),
});

export const filteringReviewInput = z.strictObject({
  reviewedOn: requiredDate('the date of the review'),
  participants: z
    .array(filteringParticipant)
    .min(1, 'Add the people who took part.')
    .max(MAX_PARTICIPANTS, `A review can list at most ${MAX_PARTICIPANTS} people.`),
  systemsChecked: narrative('The systems checked', MAX_POLICY_TEXT_CHARS, true),
  findings: narrative('The findings', MAX_FINDINGS_CHARS, true),
  actions: z
    .array(filteringAction)
    .max(MAX_FILTERING_ACTIONS, `A review can list at most ${MAX_FILTERING_ACTIONS} actions.`),
});
export type FilteringReviewInput = z.input<typeof filteringReviewInput>;

/**
 * Field problems of a review's dates and publication against the policy and today: approval not
 * in the future, the next review neither before approval nor later than the interval allows, and
 * the publication address where the register requires one. Empty when all is well.
 */
export function policyReviewProblems(
  review: { approvedOn: string; nextReview: string; publishedUrl: string },
  policy: { intervalMonths: number; publicationRequired: boolean; title: string },
  today: string,
): Record<string, string> {
  const fields: Record<string, string> = {};
  if (review.approvedOn > today)
    fields.approvedOn = 'The date it was approved cannot be in the future.';
  if (review.nextReview !== '') {
    const latest = addMonths(review.approvedOn, policy.intervalMonths);
    if (review.nextReview < review.approvedOn)
      fields.nextReview = 'The next review cannot be before the date it was approved.';
    else if (review.nextReview > latest)
      fields.nextReview = `The next review must be no more than ${policy.intervalMonths} months after approval.`;
  }
  if (policy.publicationRequired && review.publishedUrl === '')
    fields.publishedUrl = `The ${policy.title.toLowerCase()} must be published: enter the web address where it is published.`;
  return fields;
}

/** Field problems of a filtering review's dates against today. */
export function filteringReviewProblems(
  review: { reviewedOn: string; actions: readonly { dueDate: string }[] },
  today: string,
): Record<string, string> {
  const fields: Record<string, string> = {};
  if (review.reviewedOn > today)
    fields.reviewedOn = 'The date of the review cannot be in the future.';
  review.actions.forEach((a, i) => {
    if (a.dueDate !== '' && review.reviewedOn !== '' && a.dueDate < review.reviewedOn)
      fields[`actions.${i}.dueDate`] = 'An action cannot be due before the review.';
  });
  return fields;
}

export type PolicyReview = {
  id: string;
  policyId: string;
  approvedOn: string;
  approvedBy: string;
  versionLabel: string;
  nextReview: string;
  publishedUrl: string;
  /** The evidence's file name and size, or null when none was attached. */
  document: { fileName: string; size: number } | null;
  recordedAt: string;
  recordedByName: string;
};

export type PolicyEntry = {
  id: string;
  title: string;
  /** From the register, or null for a school-added policy. */
  source: string | null;
  basis: ReviewBasis;
  intervalMonths: number;
  publicationRequired: boolean;
  builtin: boolean;
  /** Owner and notes: shown to governance.manage only (empty for governors). */
  ownerName: string;
  notes: string;
  /** The latest approval's date, or null when the policy has never been reviewed. */
  lastApprovedOn: string | null;
  /** The latest review in full (governance.manage only; null for governors). */
  lastReview: PolicyReview | null;
  /** null when the policy has never been reviewed. */
  nextReview: string | null;
  /** Never reviewed, or the next review date has passed. */
  overdue: boolean;
  publishedUrl: string;
  /** Every review, newest approval first (governance.manage only; empty for governors). */
  history: PolicyReview[];
};

export type FilteringReview = {
  id: string;
  reviewedOn: string;
  nextReview: string;
  participants: { name: string; role: FilteringParticipantRole }[];
  systemsChecked: string;
  findings: string;
  actions: { action: string; owner: string; dueDate: string }[];
  recordedAt: string;
  recordedByName: string;
};

export type PolicyRegisterView = {
  today: string;
  policies: PolicyEntry[];
  filtering: { lastReviewedOn: string | null; nextReview: string | null; overdue: boolean };
};
