/**
 * Triage and case work on a concern (domain.md §3.2; anchors.md §7 items 3–4): the level of
 * need with a rationale for every change, decisions with their reasons, actions with owners and
 * due dates, and closure, which KCSIE record keeping makes conditional on a summary, how the
 * concern was followed up, at least one decision and the outcome. Everything is history: a
 * change of level is a new row, a reopening keeps the closure it undoes.
 */
import { z } from 'zod';

import type { Role } from '../auth/roles';
import { formatCalendarDate, isCalendarDate } from '../dates/calendar-date';
import { narrative } from '../concerns/schema';
import type { ChildRole, ConcernFlags } from '../concerns/schema';
import { recordId } from '../record-id';
import type { ConcernLevel } from './levels';
import { concernLevels } from './levels';

export const MIN_RATIONALE_CHARS = 20;
export const MAX_CASEWORK_TEXT_CHARS = 5000;

/** A reason a DSL must give (for a level, a decision, a reopening): long enough to mean something. */
function rationale(label: string, min: number) {
  return narrative(label, MAX_CASEWORK_TEXT_CHARS, true).refine(
    (s) => s.length >= min,
    `${label} must be at least ${min} characters: say why.`,
  );
}

const dateField = (label: string) =>
  z
    .string()
    .max(10, `Enter ${label}.`)
    .refine((s) => s === '' || isCalendarDate(s), `Enter ${label} as a real date.`);

export const decisionKinds = [
  'no_further_action',
  'monitor',
  'early_help',
  'referral_csc',
  'police',
  'lado',
  'prevent',
  'other',
] as const;
export type DecisionKind = (typeof decisionKinds)[number];
export const decisionLabels: Record<DecisionKind, string> = {
  no_further_action: 'No further action',
  monitor: 'Monitor, with a review date',
  early_help: 'Early help',
  referral_csc: 'Referral to children’s social care',
  police: 'Report to the police',
  lado: 'Referral to the LADO',
  prevent: 'Prevent referral',
  other: 'Other',
};

export const setLevelInput = z.strictObject({
  concernId: recordId,
  level: z.literal(concernLevels, 'Choose a level.'),
  rationale: rationale('The rationale', MIN_RATIONALE_CHARS),
});
export type SetLevelInput = z.input<typeof setLevelInput>;

export const decideInput = z
  .strictObject({
    concernId: recordId,
    kind: z.enum(decisionKinds, 'Choose a decision.'),
    /** What the decision is, for 'other'; '' for the rest. */
    description: narrative('What was decided', 500, false),
    /** When monitoring will be reviewed, for 'monitor'; '' for the rest. */
    reviewDate: dateField('the review date'),
    rationale: rationale('The rationale', MIN_RATIONALE_CHARS),
  })
  .superRefine((d, ctx) => {
    if (d.kind === 'monitor' && d.reviewDate === '')
      ctx.addIssue({
        code: 'custom',
        path: ['reviewDate'],
        message: 'Enter the date monitoring will be reviewed.',
      });
    if (d.kind !== 'monitor' && d.reviewDate !== '')
      ctx.addIssue({
        code: 'custom',
        path: ['reviewDate'],
        message: 'Only a decision to monitor has a review date.',
      });
    if (d.kind === 'other' && d.description === '')
      ctx.addIssue({ code: 'custom', path: ['description'], message: 'Say what was decided.' });
    if (d.kind !== 'other' && d.description !== '')
      ctx.addIssue({
        code: 'custom',
        path: ['description'],
        message: 'Only a decision of “Other” has a description.',
      });
  });
export type DecideInput = z.input<typeof decideInput>;

/** A review date must be after today: monitoring "until further notice" is what KCSIE warns against. */
export function reviewDateProblem(reviewDate: string, today: string): string | null {
  return reviewDate !== '' && reviewDate <= today ? 'The review date must be after today.' : null;
}

export const addActionInput = z.strictObject({
  concernId: recordId,
  description: narrative('What needs doing', 1000, true),
  ownerId: z.union([recordId, z.literal('')]).refine((s) => s !== '', 'Choose who will do it.'),
  dueDate: dateField('the due date').refine((s) => s !== '', 'Enter the due date.'),
});
export type AddActionInput = z.input<typeof addActionInput>;

export function dueDateProblem(dueDate: string, today: string): string | null {
  return dueDate !== '' && dueDate < today ? 'The due date cannot be in the past.' : null;
}

export const completeActionInput = z.strictObject({
  actionId: recordId,
  note: narrative('What was done', MAX_CASEWORK_TEXT_CHARS, true),
});

/**
 * The closing record. Its three texts may arrive empty so that the answer lists everything
 * still missing at once (closureProblems), decisions and open actions included.
 */
export const closeInput = z.strictObject({
  concernId: recordId,
  summary: narrative('The summary', MAX_CASEWORK_TEXT_CHARS, false),
  followUp: narrative('How it was followed up', MAX_CASEWORK_TEXT_CHARS, false),
  outcome: narrative('The outcome', MAX_CASEWORK_TEXT_CHARS, false),
});
export type CloseInput = z.input<typeof closeInput>;

export const reopenInput = z.strictObject({
  concernId: recordId,
  reason: rationale('The reason', 10),
});

/** What stops a concern closing, by field: the form lists exactly these. */
export function closureProblems(
  close: { summary: string; followUp: string; outcome: string },
  decisions: number,
  openActions: readonly { description: string }[],
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (close.summary.trim() === '')
    problems.summary = 'Write a summary of the concern (KCSIE record keeping).';
  if (close.followUp.trim() === '')
    problems.followUp = 'Say how the concern was followed up and resolved.';
  if (decisions === 0)
    problems.decisions = 'Record at least one decision, with its rationale, before closing.';
  if (close.outcome.trim() === '') problems.outcome = 'Record the outcome.';
  if (openActions.length > 0)
    problems.actions = `Complete the open ${openActions.length === 1 ? 'action' : 'actions'} first: ${openActions
      .map((a) => `“${a.description}”`)
      .join(', ')}.`;
  return problems;
}

export type TriageStatus = 'new' | 'open' | 'closed';
export const triageStatusLabels: Record<TriageStatus, string> = {
  new: 'Awaiting triage',
  open: 'Open',
  closed: 'Closed',
};

export type LevelChange = {
  id: string;
  level: ConcernLevel;
  previous: ConcernLevel | null;
  rationale: string;
  setByName: string;
  setAt: string;
};

export type Decision = {
  id: string;
  kind: DecisionKind;
  description: string;
  /** YYYY-MM-DD for 'monitor', otherwise ''. */
  reviewDate: string;
  rationale: string;
  decidedByName: string;
  decidedAt: string;
};

export type CaseAction = {
  id: string;
  description: string;
  ownerId: string;
  ownerName: string;
  dueDate: string;
  createdByName: string;
  createdAt: string;
  completedAt: string | null;
  completedByName: string | null;
  completionNote: string | null;
};

export type Closure = {
  id: string;
  summary: string;
  followUp: string;
  outcome: string;
  closedByName: string;
  closedAt: string;
  /** Set when the concern was reopened after this closure. */
  reopening: { reason: string; byName: string; at: string } | null;
};

export type TriageState = {
  concernId: string;
  status: TriageStatus;
  level: ConcernLevel | null;
  /** Oldest first. */
  levels: LevelChange[];
  decisions: Decision[];
  actions: CaseAction[];
  closures: Closure[];
};

export type InboxItem = {
  concernId: string;
  status: Exclude<TriageStatus, 'closed'>;
  level: ConcernLevel | null;
  occurredAt: string;
  occurredAtApprox: boolean;
  recordedAt: string;
  recordedByName: string;
  children: { childId: string; name: string; role: ChildRole }[];
  categories: string[];
  flags: ConcernFlags;
  openActions: number;
  /** The earliest due date among open actions, or ''. */
  nextDue: string;
};

/** Someone an action can be given to: an active account that works with children. */
export type ActionOwner = { id: string; displayName: string; role: Role };

/**
 * One of the caller's open actions. Without the right to read the concern, only the action and
 * the concern's date are given: `concernId` is null and `children` empty.
 */
export type MyAction = {
  id: string;
  description: string;
  dueDate: string;
  concernOccurredAt: string;
  concernId: string | null;
  children: string[];
};

/** "Overdue" once the due date has passed (London calendar). */
export function isOverdue(dueDate: string, today: string): boolean {
  return dueDate < today;
}

/** "Decision: monitor, review 12 Jan 2027". */
export function decisionTitle(d: Pick<Decision, 'kind' | 'description' | 'reviewDate'>): string {
  if (d.kind === 'monitor') return `Decision: monitor, review ${formatCalendarDate(d.reviewDate)}`;
  if (d.kind === 'other') return `Decision: ${d.description}`;
  return `Decision: ${decisionLabels[d.kind]}`;
}
