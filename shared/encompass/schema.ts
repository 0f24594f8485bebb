/**
 * Operation Encompass (domain.md §3.10): the police notify a child's school, normally before the
 * start of the next school day, that the child may be a victim of domestic abuse (Domestic Abuse
 * Act 2021 s.49A, in force 7 Nov 2025). The school records the notification as an inbound record:
 * the children (siblings are often notified together), the incident, who notified and when, what
 * was shared, whether each child was present, the key adult told, and the support planned. A
 * recorded notification is immutable; corrections are addenda with a reason, as for concerns.
 */
import { z } from 'zod';

import { narrative, occurredAtField, occurredAtProblem } from '../concerns/schema';
import { isCalendarDate } from '../dates/calendar-date';
import { recordId } from '../record-id';

export const childPresences = ['witnessed', 'present', 'not_present', 'not_known'] as const;
export type ChildPresence = (typeof childPresences)[number];
export const childPresenceLabels: Record<ChildPresence, string> = {
  witnessed: 'Present and saw or heard it',
  present: 'Present in the home',
  not_present: 'Not present',
  not_known: 'Not known',
};

export const MAX_ENCOMPASS_CHILDREN = 12;

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/** "YYYY-MM-DDTHH:MM", London wall-clock time, with the time required. */
function dateTimeField(what: string) {
  return z
    .string()
    .max(16, `Enter the date and time ${what}.`)
    .refine((s) => {
      const m = DATE_TIME.exec(s);
      return !!m?.[1] && isCalendarDate(m[1]) && Number(m[2]) < 24 && Number(m[3]) < 60;
    }, `Enter the date and time ${what}, such as 28 Nov 2026 at 07:45.`);
}

export const encompassChild = z.strictObject({
  childId: recordId,
  presence: z.enum(childPresences, 'Say whether the child was present.'),
});

export const encompassInput = z.strictObject({
  children: z
    .array(encompassChild)
    .min(1, 'Add at least one child.')
    .max(
      MAX_ENCOMPASS_CHILDREN,
      `A notification can name at most ${MAX_ENCOMPASS_CHILDREN} children.`,
    )
    .refine(
      (list) => new Set(list.map((c) => c.childId)).size === list.length,
      'Each child can be added only once.',
    ),
  /** When the incident happened: a date, and the time when the police gave one. */
  incidentAt: occurredAtField,
  notifiedAt: dateTimeField('the police notified the school'),
  policeForce: narrative('The police force', 100, true),
  policeReference: narrative('The police reference', 60, true),
  notifiedBy: narrative('Who notified the school', 200, true),
  summary: narrative('What the police shared', 10_000, true),
  keyAdultId: z.string().min(1, 'Choose the key adult who was told.').pipe(recordId),
  keyAdultInformedAt: dateTimeField('the key adult was told'),
  supportPlanned: narrative('The support planned or offered', 5000, false),
});
export type EncompassInput = z.input<typeof encompassInput>;
export type EncompassDraft = z.output<typeof encompassInput>;

/**
 * The checks that need the clock or compare fields: nothing in the future, the police cannot
 * notify before the incident, nor the key adult be told before the police notified. Field name →
 * message; empty when all is well.
 */
export function encompassDateProblems(
  input: Pick<EncompassDraft, 'incidentAt' | 'notifiedAt' | 'keyAdultInformedAt'>,
  now: Date,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const incident = occurredAtProblem(input.incidentAt, now);
  if (incident) problems.incidentAt = incident;
  const notified = occurredAtProblem(input.notifiedAt, now);
  if (notified) problems.notifiedAt = notified;
  else if (input.notifiedAt < input.incidentAt)
    problems.notifiedAt = 'The notification cannot be before the incident.';
  const informed = occurredAtProblem(input.keyAdultInformedAt, now);
  if (informed) problems.keyAdultInformedAt = informed;
  else if (input.keyAdultInformedAt < input.notifiedAt)
    problems.keyAdultInformedAt = 'The key adult cannot be told before the police notified.';
  return problems;
}

export const encompassAddendumInput = z.strictObject({
  notificationId: recordId,
  reason: narrative('The reason', 2000, true).refine(
    (s) => s.length >= 10,
    'Give the reason for the correction in at least 10 characters.',
  ),
  text: narrative('The correction', 10_000, true),
});
export type EncompassAddendumInput = z.input<typeof encompassAddendumInput>;

export type EncompassAddendum = {
  id: string;
  addedByName: string;
  addedAt: string;
  reason: string;
  text: string;
};

export type EncompassChild = { childId: string; name: string; presence: ChildPresence };

export type EncompassNotification = {
  id: string;
  children: EncompassChild[];
  incidentAt: string;
  notifiedAt: string;
  policeForce: string;
  policeReference: string;
  notifiedBy: string;
  summary: string;
  keyAdultId: string;
  keyAdultName: string;
  keyAdultInformedAt: string;
  supportPlanned: string;
  recordedByName: string;
  recordedAt: string;
  addenda: EncompassAddendum[];
};

/** One line of a child's list: that child's presence, never the other children's names. */
export type EncompassSummary = {
  id: string;
  incidentAt: string;
  notifiedAt: string;
  policeForce: string;
  policeReference: string;
  presence: ChildPresence;
  addenda: number;
};

/** The chronology title: "Operation Encompass notification (Metropolitan Police ref 01/2345/26)". */
export function encompassTitle(n: Pick<EncompassDraft, 'policeForce' | 'policeReference'>): string {
  return `Operation Encompass notification (${n.policeForce} ref ${n.policeReference})`;
}
