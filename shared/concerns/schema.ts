/**
 * What a concern record holds (domain.md §3.2, §3.5; anchors.md §8): when it happened (as
 * given, plus a UTC instant when a time was given), where, the observed facts, the child's own
 * words and the recorder's opinion kept apart, what was done and who was told, the children
 * involved each with their own role, categories, and the statutory flags. Submitted records are
 * immutable; corrections are addenda with a reason.
 */
import { z } from 'zod';

import {
  formatCalendarDate,
  isCalendarDate,
  londonDate,
  londonInstant,
} from '../dates/calendar-date';
import type { AttachmentMeta } from './attachments';
import type { BodyMark } from './body-map';
import { bodyMap } from './body-map';
import { isCategoryId } from './taxonomy';
import { recordId } from '../record-id';

export const childRoles = ['subject', 'victim', 'alleged_perpetrator', 'witness'] as const;
export type ChildRole = (typeof childRoles)[number];
export const childRoleLabels: Record<ChildRole, string> = {
  subject: 'Subject of the concern',
  victim: 'Victim',
  alleged_perpetrator: 'Alleged perpetrator',
  witness: 'Witness',
};

export const concernFlagNames = [
  'possibleChildSexOffence',
  'fgmKnownCase',
  'allegationAboutAdult',
] as const;
export type ConcernFlagName = (typeof concernFlagNames)[number];
export const concernFlagLabels: Record<ConcernFlagName, string> = {
  possibleChildSexOffence: 'This may be a sexual offence against a child',
  fgmKnownCase: 'This is a known case of FGM',
  allegationAboutAdult: 'This is about an adult who works in the school',
};
export type ConcernFlags = Record<ConcernFlagName, boolean>;
/** What each flag means for the person recording, shown under it on the form. */
export const concernFlagHints: Record<ConcernFlagName, string> = {
  possibleChildSexOffence:
    'A child or someone involved told you about sexual abuse of a child, you saw it, or you saw or heard it in images, video or audio. Tell the DSL now: a referral to children’s social care is due immediately.',
  fgmKnownCase:
    'A girl under 18 told you she has had FGM, or you saw physical signs of it. If you teach, you must report it to the police yourself (call 101): Lantern shows this duty and its deadline when you submit.',
  allegationAboutAdult:
    'Someone who works in or for the school may have harmed a child or may pose a risk to children. The headteacher must discuss it with the LADO.',
};

export const MAX_CONCERN_CHILDREN = 30;
export const MAX_SUMMARY_CHARS = 20_000;
export const MAX_NARRATIVE_CHARS = 10_000;

// eslint-disable-next-line no-control-regex -- line breaks and tabs are fine in narrative text
const NARRATIVE_CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function narrative(label: string, max: number, required: boolean) {
  return z
    .string()
    .max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer.`)
    .transform((s) => s.trim())
    .refine((s) => !required || s.length > 0, `Enter ${label.toLowerCase()}.`)
    .refine(
      (s) => !NARRATIVE_CONTROL_CHARS.test(s),
      `${label} contains characters that are not allowed.`,
    );
}

const OCCURRED_AT = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?$/;

/** "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM", London wall-clock time. */
export const occurredAtField = z
  .string()
  .max(16, 'Enter the date it happened.')
  .refine((s) => s !== '', 'Enter the date it happened.')
  .refine((s) => {
    const m = OCCURRED_AT.exec(s);
    if (!m?.[1] || !isCalendarDate(m[1])) return false;
    return m[2] === undefined || (Number(m[2]) < 24 && Number(m[3]) < 60);
  }, 'Enter a real date (and, if you know it, a time such as 14:30).');

export function splitOccurredAt(value: string): { date: string; time: string } {
  const [date = '', time = ''] = value.split('T');
  return { date, time };
}

/** "27 Nov 2026, 12:40" (London time, as recorded), with "approximately" when it was a guess. */
export function occurredText(occurredAt: string, approx: boolean): string {
  const { date, time } = splitOccurredAt(occurredAt);
  const when = time === '' ? formatCalendarDate(date) : `${formatCalendarDate(date)}, ${time}`;
  return approx ? `About ${when} (approximate)` : when;
}

/** The UTC instant of an occurredAt that carries a time, otherwise null. */
export function occurredInstant(value: string): string | null {
  const { date, time } = splitOccurredAt(value);
  return time === '' ? null : londonInstant(date, time);
}

/** A message when the date (or date and time) is after `now`, otherwise null. */
export function occurredAtProblem(value: string, now: Date): string | null {
  const { date } = splitOccurredAt(value);
  if (date > londonDate(now)) return 'The date cannot be in the future.';
  const instant = occurredInstant(value);
  if (instant !== null && instant > now.toISOString()) return 'The time cannot be in the future.';
  return null;
}

export const concernChild = z.strictObject({
  childId: recordId,
  role: z.enum(childRoles, 'Choose the child’s role.'),
});

export const concernInput = z.strictObject({
  children: z
    .array(concernChild)
    .min(1, 'Add at least one child.')
    .max(MAX_CONCERN_CHILDREN, `A concern can involve at most ${MAX_CONCERN_CHILDREN} children.`)
    .refine(
      (list) => new Set(list.map((c) => c.childId)).size === list.length,
      'Each child can be added only once.',
    ),
  occurredAt: occurredAtField,
  occurredAtApprox: z.boolean(),
  location: narrative('Where it happened', 200, false),
  categories: z
    .array(z.string().max(60).refine(isCategoryId, 'Not a known category.'))
    .max(60)
    .refine((list) => new Set(list).size === list.length, 'Each category can be chosen once.'),
  summary: narrative('What happened', MAX_SUMMARY_CHARS, true),
  childWords: narrative('The child’s words', MAX_NARRATIVE_CHARS, false),
  opinion: narrative('Your opinion', MAX_NARRATIVE_CHARS, false),
  actionsTaken: narrative('What you did', MAX_NARRATIVE_CHARS, false),
  peopleTold: narrative('Who else you have told', 2000, false),
  dslToldInPerson: z.boolean(),
  flags: z.strictObject({
    possibleChildSexOffence: z.boolean(),
    fgmKnownCase: z.boolean(),
    allegationAboutAdult: z.boolean(),
  }),
  /** Marks on the outline of the child's body (body-map.ts). */
  bodyMap: bodyMap.default([]),
  /** The author's draft this concern was written in: its attachments move to the concern. */
  draftId: recordId.nullable().default(null),
});
export type ConcernInput = z.input<typeof concernInput>;
export type ConcernDraft = z.output<typeof concernInput>;

export const addendumInput = z.strictObject({
  concernId: recordId,
  reason: narrative('The reason', 2000, true).refine(
    (s) => s.length >= 10,
    'Give the reason for the correction in at least 10 characters.',
  ),
  text: narrative('The correction', MAX_NARRATIVE_CHARS, true),
});
export type AddendumInput = z.input<typeof addendumInput>;

export type ConcernAddendum = {
  id: string;
  addedBy: string;
  addedByName: string;
  addedAt: string;
  reason: string;
  text: string;
};

export type ConcernChild = { childId: string; name: string; role: ChildRole };

export type Concern = {
  id: string;
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
  occurredAt: string;
  /** Set when a time was given: the same moment as a UTC instant. */
  occurredAtUtc: string | null;
  occurredAtApprox: boolean;
  location: string;
  summary: string;
  childWords: string;
  opinion: string;
  actionsTaken: string;
  peopleTold: string;
  dslToldInPerson: boolean;
  status: 'submitted';
  children: ConcernChild[];
  categories: string[];
  flags: ConcernFlags;
  bodyMap: BodyMark[];
  attachments: AttachmentMeta[];
  addenda: ConcernAddendum[];
};

/** One line of a child's list of concerns: that child's role only, never the others'. */
export type ConcernSummary = {
  id: string;
  occurredAt: string;
  occurredAtApprox: boolean;
  recordedAt: string;
  recordedByName: string;
  role: ChildRole;
  categories: string[];
  addenda: number;
};
