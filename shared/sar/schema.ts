/**
 * Subject access requests (domain.md §6.2, security G5): a request about one child, the
 * `sar-response` duty it starts, the clock that may be stopped while the school waits for
 * identity or clarification (DUAA 2025 "stop the clock"), everything held about the child listed
 * as items, redactions with a reason each, exemption decisions, and the completion record.
 */
import { z } from 'zod';

import { nameField, optionalNameField } from '../children/schema';
import { narrative, occurredAtField, splitOccurredAt } from '../concerns/schema';
import { formatCalendarDate, londonMinute } from '../dates/calendar-date';
import type { DeadlineResult } from '../duties/deadline';
import { evidenceMethods } from '../duties/rules';
import { recordId } from '../record-id';

export const requesterRelationships = ['child', 'parent_carer', 'solicitor', 'other'] as const;
export type RequesterRelationship = (typeof requesterRelationships)[number];
export const requesterRelationshipLabels: Record<RequesterRelationship, string> = {
  child: 'The child',
  parent_carer: 'Parent or carer',
  solicitor: 'Solicitor',
  other: 'Other',
};

export const receivedHows = [
  'email',
  'letter',
  'in_person',
  'phone',
  'online_form',
  'other',
] as const;
export type ReceivedHow = (typeof receivedHows)[number];
export const receivedHowLabels: Record<ReceivedHow, string> = {
  email: 'Email',
  letter: 'Letter',
  in_person: 'In person',
  phone: 'Telephone',
  online_form: 'Online form',
  other: 'Other',
};

export const sarStatuses = ['open', 'paused', 'extended', 'completed', 'withdrawn'] as const;
export type SarStatus = (typeof sarStatuses)[number];
export const sarStatusLabels: Record<SarStatus, string> = {
  open: 'Open',
  paused: 'Clock stopped',
  extended: 'Extended',
  completed: 'Completed',
  withdrawn: 'Withdrawn',
};

/** Why something is withheld: the exemptions of DPA 2018 Sch 2–4 that matter to a CP file. */
export const redactionReasons = [
  'third_party',
  'serious_harm',
  'crime_taxation',
  'child_abuse_data',
  'legal_privilege',
  'other',
] as const;
export type RedactionReason = (typeof redactionReasons)[number];
export const redactionReasonLabels: Record<RedactionReason, string> = {
  third_party: 'third party',
  serious_harm: 'serious harm',
  crime_taxation: 'crime and taxation',
  child_abuse_data: 'child abuse data',
  legal_privilege: 'legal privilege',
  other: 'other exemption',
};

/** What a SAR gathers about the child: each kind of record, by its source table. */
export const sarSources = [
  'child',
  'concern',
  'addendum',
  'body_map',
  'attachment',
  'decision',
  'action',
  'closure',
  'chronology',
  'designation',
  'family_adult',
  'key_contact',
  'encompass',
  'duty',
  'transfer_out',
  'transfer_in',
  'export',
] as const;
export type SarSource = (typeof sarSources)[number];
export const sarSourceLabels: Record<SarSource, string> = {
  child: 'The child’s details',
  concern: 'Concern',
  addendum: 'Correction to a concern',
  body_map: 'Body map',
  attachment: 'Attachment',
  decision: 'Decision',
  action: 'Action',
  closure: 'Closure',
  chronology: 'Chronology entry',
  designation: 'Designation',
  family_adult: 'Family member',
  key_contact: 'Key contact',
  encompass: 'Operation Encompass notification',
  duty: 'Statutory duty',
  transfer_out: 'CP file sent to another school',
  transfer_in: 'CP file received from another school',
  export: 'Record of an export',
};

/**
 * When an item or request dates from, as a person reads it: "31 Jan 2027", "27 Nov 2026, 12:40".
 * Takes a calendar date, a London wall-clock minute or a UTC instant.
 */
export function sarWhenText(when: string): string {
  const { date, time } = splitOccurredAt(when.length > 16 ? londonMinute(new Date(when)) : when);
  return time === '' ? formatCalendarDate(date) : `${formatCalendarDate(date)}, ${time}`;
}

/** "[Redacted: third party]": what replaces withheld text in the response. */
export function redactedLabel(reason: RedactionReason): string {
  return `[Redacted: ${redactionReasonLabels[reason]}]`;
}

const reasonText = narrative('The reason', 2000, true).refine(
  (s) => s.length >= 10,
  'Give the reason in at least 10 characters.',
);

export const sarCreateInput = z.strictObject({
  childId: recordId,
  receivedAt: occurredAtField,
  requesterName: nameField('Requester’s name'),
  relationship: z.enum(requesterRelationships, 'Choose who is asking.'),
  /** Required for "other": "Social worker acting for the child". */
  relationshipDetail: optionalNameField('Relationship details'),
  receivedHow: z.enum(receivedHows, 'Choose how the request came in.'),
  /** Required when the child is about 12 or over, or a parent asks on the child’s behalf. */
  competenceNote: narrative('The competence assessment', 4000, false),
  identityChecked: z.boolean(),
});
export type SarCreateInput = z.input<typeof sarCreateInput>;

export const sarIdInput = z.strictObject({ sarId: recordId });

export const sarRedactInput = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('add'),
    sarId: recordId,
    itemKey: z.string().min(3).max(80),
    /** A third party to redact wherever they appear in the item (a suggestion's party). */
    partyId: z.string().max(60).nullable(),
    /** The words to withhold; '' with no party withholds the whole item. */
    span: narrative('The text to withhold', 500, false),
    /** "redact" withholds it; "disclose" records the decision to leave a suggestion in. */
    decision: z.enum(['redact', 'disclose'], 'Choose whether to withhold it.'),
    reason: z.enum(redactionReasons, 'Choose the reason.'),
    note: reasonText,
  }),
  z.strictObject({
    action: z.literal('remove'),
    sarId: recordId,
    redactionId: recordId,
    note: reasonText,
  }),
]);
export type SarRedactInput = z.input<typeof sarRedactInput>;

export const sarPauseInput = z.strictObject({ sarId: recordId, reason: reasonText });
export const sarResumeInput = z.strictObject({
  sarId: recordId,
  /** The requester's identity is now confirmed (the usual reason the clock stopped). */
  identityChecked: z.boolean(),
  note: narrative('Notes', 2000, false),
});
export const sarExtendInput = z.strictObject({ sarId: recordId, reason: reasonText });
export const sarWithdrawInput = z.strictObject({ sarId: recordId, reason: reasonText });
export const sarExemptionInput = z.strictObject({
  sarId: recordId,
  exemption: z.enum(redactionReasons, 'Choose the exemption.'),
  applies: z.boolean(),
  reason: reasonText,
});
export const sarExportInput = z.strictObject({
  sarId: recordId,
  method: z.enum(evidenceMethods, 'Choose how the response will be sent.'),
  notes: narrative('Notes', 2000, false),
});

/** One stop of the clock: from `pausedAt` to `resumedAt` (null while stopped). */
export type SarPause = {
  pausedAt: string;
  reason: string;
  resumedAt: string | null;
  /** Whole London days the clock stood still (to today while it is stopped). */
  days: number;
};

export type SarRedaction = {
  id: string;
  itemKey: string;
  partyId: string | null;
  /** The withheld words as the DSL chose them; '' for a whole item or a party. Never exported. */
  span: string;
  decision: 'redact' | 'disclose';
  reason: RedactionReason;
  note: string;
  madeByName: string;
  madeAt: string;
};

export type SarSuggestion = {
  partyId: string;
  name: string;
  description: string;
  /** The decision in force for it, or null while the DSL has still to decide. */
  decision: SarRedaction | null;
};

export type SarItem = {
  /** `${source}:${id}`. */
  key: string;
  source: SarSource;
  id: string;
  title: string;
  /** YYYY-MM-DD or a London wall-clock minute, for ordering and display; '' when undated. */
  when: string;
  fields: { label: string; value: string }[];
  /**
   * The item this one belongs to or repeats (a concern's correction, a chronology entry's source
   * record): withholding that whole item withholds this one too.
   */
  partOf: string | null;
  suggestions: SarSuggestion[];
  /** Redactions made by hand (spans and whole items), in force. */
  redactions: SarRedaction[];
};

export type SarSummary = {
  id: string;
  childId: string;
  childName: string;
  requesterName: string;
  relationship: RequesterRelationship;
  receivedAt: string;
  status: SarStatus;
  /** The deadline in force, stopped-clock days added; null once closed. */
  dueAt: string | null;
};

export type SarExemption = {
  id: string;
  exemption: RedactionReason;
  applies: boolean;
  reason: string;
  decidedByName: string;
  decidedAt: string;
};

export type SarDetail = SarSummary & {
  relationshipDetail: string;
  receivedHow: ReceivedHow;
  competenceNote: string;
  identityChecked: boolean;
  identityCheckedAt: string | null;
  dutyId: string;
  /** How the due date was worked out, stopped clock included. */
  deadline: DeadlineResult;
  pauses: SarPause[];
  extended: boolean;
  /** The child's age on the day the request came in (competence is presumed from about 12). */
  childAge: number;
  items: SarItem[];
  exemptions: SarExemption[];
  /** Suggestions still waiting for a decision. */
  pending: number;
  completion: {
    exportId: string;
    sha256: string;
    pages: number;
    completedAt: string;
    completedByName: string;
  } | null;
  withdrawal: { reason: string; at: string; byName: string } | null;
  createdAt: string;
  createdByName: string;
};

export type SarExported = { savedTo: string | null; pages: number };

/** The age from which a child is usually presumed competent to make their own request. */
export const COMPETENCE_AGE = 12;
