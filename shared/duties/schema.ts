/**
 * Duty instances: a rule applied to one trigger (a concern's flag, a decision, a child leaving,
 * a strategy discussion…), with its deadline fixed when it was created and every step since as
 * an append-only event. What crosses the API about them, and the inputs that change them.
 */
import { z } from 'zod';

import { narrative, occurredAtField } from '../concerns/schema';
import { recordId } from '../record-id';
import type { DeadlineResult } from './deadline';
import type {
  Confidence,
  DutyOwner,
  DutyRuleId,
  EvidenceMethod,
  ExceptionId,
  LegalForce,
} from './rules';
import { dutyRuleIds, evidenceMethods, exceptionIds } from './rules';

export const dutyStatuses = ['open', 'discharged', 'not_applicable', 'exception'] as const;
export type DutyStatus = (typeof dutyStatuses)[number];
export const dutyStatusLabels: Record<DutyStatus, string> = {
  open: 'Open',
  discharged: 'Done',
  not_applicable: 'Not applicable',
  exception: 'Not required (exception recorded)',
};

/** One line of a list of duties. */
export type DutySummary = {
  id: string;
  ruleId: DutyRuleId;
  title: string;
  legalForce: LegalForce;
  childId: string | null;
  /** Shown only to those who may see the child; null otherwise and for school-wide duties. */
  childName: string | null;
  concernId: string | null;
  owner: DutyOwner;
  ownerUserId: string | null;
  /** "Anna Teacher (personal duty)", "DSL", "Headteacher", "The school". */
  ownerName: string;
  triggerAt: string;
  /** The deadline in law or guidance; null when none is fixed. */
  dueAt: string | null;
  /** A sooner target (best practice or local policy), or a recorded delay; null when none. */
  targetAt: string | null;
  /** The sooner of the target and the deadline: what the lists sort and group by. */
  dueBy: string | null;
  status: DutyStatus;
  closedAt: string | null;
};

export const dutyEventKinds = [
  'created',
  'discharged',
  'not_applicable',
  'exception',
  'delayed',
  'extended',
] as const;
export type DutyEventKind = (typeof dutyEventKinds)[number];

export type DutyEvent = {
  id: string;
  kind: DutyEventKind;
  recordedAt: string;
  recordedByName: string;
  /** When it happened, as the person gave it (a London wall-clock minute), or null. */
  at: string | null;
  recipient: string;
  method: EvidenceMethod | null;
  reference: string;
  /** Who made the notification, when someone else records it. */
  actedByName: string;
  exception: ExceptionId | null;
  /** The reason, the notes or the exception's evidence, as recorded. */
  text: string;
};

/** Everything the "why" panel and the discharge form need. */
export type DutyDetail = DutySummary & {
  summary: string;
  sourceDocument: string;
  edition: string;
  section: string;
  deadlineText: string;
  confidence: Confidence;
  ruleStatus: 'in_force' | 'prospective';
  ownerNote: string;
  recipient: string;
  triggerNote: string;
  deadline: DeadlineResult;
  target: DeadlineResult | null;
  /** The local settings version the deadline was computed with. */
  settingsVersion: number;
  events: DutyEvent[];
  /** What the signed-in person may do with it now. */
  canDischarge: boolean;
  canManage: boolean;
  exceptions: ExceptionId[];
  /** For the mandatory reporting duty: the latest a delay for the child's safety may run to. */
  latestDelay: string | null;
  /** For a subject access request: whether the two-month extension is still available. */
  canExtend: boolean;
};

/** The school-wide (or one's own) view of what is due. */
export type DueView = {
  overdue: DutySummary[];
  today: DutySummary[];
  thisWeek: DutySummary[];
  later: DutySummary[];
  /** Open duties with no fixed timescale. */
  noDeadline: DutySummary[];
  /** Closed in the last 7 days, newest first. */
  recentlyClosed: DutySummary[];
};

/** Content-free counts for reminders and OS notifications: never a child's name. */
export type DutyReminders = { overdue: number; dueToday: number; mineOpen: number };

export const dueViewInput = z.strictObject({ scope: z.enum(['school', 'mine']) });

const dutyId = z.strictObject({ dutyId: recordId });

export const dischargeInput = z.strictObject({
  dutyId: recordId,
  at: occurredAtField,
  recipient: narrative('Who it went to', 200, false),
  method: z.enum(evidenceMethods, 'Choose how it was done.').nullable(),
  reference: narrative('The reference', 100, false),
  /** The person who made the notification, when it was not the one recording it. */
  actedBy: recordId.nullable(),
  notes: narrative('Notes', 2000, false),
});
export type DischargeInput = z.input<typeof dischargeInput>;

const reason = narrative('The reason', 2000, true).refine(
  (s) => s.length >= 10,
  'Give the reason in at least 10 characters.',
);

export const notApplicableInput = z.strictObject({ dutyId: recordId, reason });

/** The checks the peer exception needs, each confirmed by the person recording it. */
export const peerChecks = z.strictObject({
  consensual: z.boolean(),
  noSignificantDifference: z.boolean(),
  noCoercionOrHarm: z.boolean(),
  noPositionOfTrust: z.boolean(),
});
export type PeerChecks = z.output<typeof peerChecks>;
export const peerCheckLabels: Record<keyof PeerChecks, string> = {
  consensual: 'The activity was consensual',
  noSignificantDifference: 'There is no significant difference in age or maturity',
  noCoercionOrHarm: 'There is no indication of coercion, exploitation, abuse or risk of harm',
  noPositionOfTrust: 'Neither child holds a position of trust over the other',
};

export const exceptionInput = z.strictObject({
  dutyId: recordId,
  exception: z.enum(exceptionIds, 'Choose the exception.'),
  reason,
  /** For the peer exception; ignored for the others. */
  checks: peerChecks,
});

export const delayInput = z.strictObject({
  dutyId: recordId,
  until: occurredAtField,
  reason,
});

export const extendInput = z.strictObject({ dutyId: recordId, reason });

export const startInput = z.strictObject({
  ruleId: z.enum(dutyRuleIds, 'Choose what happened.'),
  childId: recordId.nullable(),
  concernId: recordId.nullable(),
  at: occurredAtField,
  note: narrative('Details', 2000, false),
});
export type StartInput = z.input<typeof startInput>;

export const dutyGetInput = dutyId;
export const childDutiesInput = z.strictObject({ childId: recordId });
export const concernDutiesInput = z.strictObject({ concernId: recordId });
