/**
 * Where statutory duties start (issue 5): a concern's flags, a triage decision, a child leaving,
 * an Operation Encompass notification, another duty discharged, or the DSL recording an event
 * by hand. Each is called by the service that records the trigger, inside its transaction, so
 * the trigger and its duties are committed together or not at all.
 */
import { can } from '../../shared/auth/roles';
import type { DecisionKind } from '../../shared/casework/schema';
import { entryDetail } from '../../shared/chronology/schema';
import type { Concern } from '../../shared/concerns/schema';
import { concernFlagLabels, splitOccurredAt } from '../../shared/concerns/schema';
import { categoryLabel } from '../../shared/concerns/taxonomy';
import {
  formatCalendarDate,
  formatInstant,
  londonDate,
  londonInstant,
  londonMinute,
  wholeYearsBetween,
} from '../../shared/dates/calendar-date';
import { dueFor } from '../../shared/duties/deadline';
import type {
  ConcernChildren,
  DutyRule,
  DutyRuleId,
  EvidenceMethod,
  ExceptionId,
} from '../../shared/duties/rules';
import { dutyOwnerLabels, dutyRules, latestRules, ruleInForce } from '../../shared/duties/rules';
import type { DutyEventKind } from '../../shared/duties/schema';
import type { HandlerContext } from '../handler';
import { roleOf, signedInUserId } from '../handler';
import { newId } from '../ids';
import type { DutyRecord, NewDutyEvent } from './repo';

/** The age below which a person is a child for these duties. */
const ADULT_AGE = 18;

/** The edition a duty was created under (rule id and edition name are stored with it). */
export function ruleOf(duty: Pick<DutyRecord, 'ruleId' | 'ruleEdition'>): DutyRule {
  const rule = dutyRules.find((r) => r.id === duty.ruleId && r.edition === duty.ruleEdition);
  if (!rule) throw new Error(`no rule ${duty.ruleId} in edition ${duty.ruleEdition}`);
  return rule;
}

/** "Due by 22 Jun 2026, 16:10; target 29 May 2026, 23:59." or the absence of both. */
export function dueSentence(duty: Pick<DutyRecord, 'dueAt' | 'targetAt'>): string {
  const parts: string[] = [];
  if (duty.dueAt) parts.push(`due by ${formatInstant(duty.dueAt)}`);
  if (duty.targetAt) parts.push(`target ${formatInstant(duty.targetAt)}`);
  if (parts.length === 0) return 'No fixed timescale.';
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

const eventTitles: Record<DutyEventKind, string> = {
  created: 'Statutory duty',
  discharged: 'Statutory duty done',
  not_applicable: 'Statutory duty not applicable',
  exception: 'Statutory duty not required (exception)',
  delayed: 'Statutory duty delayed',
  extended: 'Statutory duty extended',
};

/**
 * Records an event on a duty and, for a duty about a child, the entry on the child's
 * chronology that points to it (source 'duty', source id = the event).
 */
export function recordDutyEvent(
  ctx: HandlerContext,
  duty: DutyRecord,
  event: Omit<NewDutyEvent, 'id' | 'dutyId' | 'recordedAt' | 'recordedBy'>,
  detail: string,
): string {
  const id = newId(ctx.now);
  const recordedAt = ctx.now.toISOString();
  const recordedBy = signedInUserId(ctx);
  ctx.store.duties.addEvent({ ...event, id, dutyId: duty.id, recordedAt, recordedBy });
  if (duty.childId !== null) {
    ctx.store.chronology.append(
      [
        {
          childId: duty.childId,
          source: 'duty',
          sourceId: id,
          concernId: duty.concernId,
          occurredAt: event.at ?? londonMinute(ctx.now),
          recordedAt,
          recordedBy,
          role: null,
          title: `${eventTitles[event.kind]}: ${ruleOf(duty).title}`,
          detail: entryDetail(detail),
          categories: [],
        },
      ],
      ctx.now,
    );
  }
  return id;
}

/** An event that records a note (a reason, a trigger), without evidence of a notification. */
export function noteEvent(
  kind: DutyEventKind,
  text: string,
  at: string | null = null,
  exception: ExceptionId | null = null,
): Omit<NewDutyEvent, 'id' | 'dutyId' | 'recordedAt' | 'recordedBy'> {
  return { kind, at, recipient: '', method: null, reference: '', actedBy: null, exception, text };
}

export type DutyStart = {
  ruleId: DutyRuleId;
  childId: string | null;
  concernId: string | null;
  /** The person who owes a personal duty (ignored for a role's duty). */
  personId: string;
  triggerAt: string;
  triggerNote: string;
};

/**
 * Creates the duty when its rule is in force at the trigger and no open duty of the rule is
 * already there for the same child and concern. Returns the new duty's id, or null.
 */
export function startDuty(ctx: HandlerContext, start: DutyStart): string | null {
  const { duties, calendar } = ctx.store;
  const settings = duties.currentSettings();
  const rule = ruleInForce(
    start.ruleId,
    londonDate(new Date(start.triggerAt)),
    settings.settings.csaCommencement || null,
  );
  if (!rule) return null;
  if (duties.openLike(rule.id, start.childId, start.concernId) !== null) return null;
  const deadlines = dueFor(rule, start.triggerAt, calendar.calendar(), settings.settings);
  const duty = {
    id: newId(ctx.now),
    ruleId: rule.id,
    ruleEdition: rule.edition,
    childId: start.childId,
    concernId: start.concernId,
    owner: rule.owner,
    ownerUserId: rule.owner === 'person' ? start.personId : null,
    triggerAt: start.triggerAt,
    triggerNote: start.triggerNote,
    dueAt: deadlines.deadline.dueAt,
    targetAt: deadlines.target?.dueAt ?? null,
    deadlines,
    settingsVersion: settings.version,
    createdAt: ctx.now.toISOString(),
    createdBy: signedInUserId(ctx),
  };
  duties.add(duty);
  const record = duties.get(duty.id);
  if (!record) throw new Error('the duty was not saved');
  const owner =
    rule.owner === 'person'
      ? `${record.ownerUserName ?? 'The member of staff'} (personal duty)`
      : dutyOwnerLabels[rule.owner];
  recordDutyEvent(
    ctx,
    record,
    noteEvent('created', start.triggerNote, londonMinute(new Date(start.triggerAt))),
    `${dueSentence(record)} Owed by: ${owner}. ${start.triggerNote}`,
  );
  return duty.id;
}

/** The children a concern is about: its subjects and victims. */
function subjectsAndVictims(concern: Concern): string[] {
  return concern.children
    .filter((c) => c.role === 'subject' || c.role === 'victim')
    .map((c) => c.childId);
}

/** The concern's instant, or the start of its day when no time was given, with a note saying so. */
function concernTrigger(concern: Concern): { at: string; note: string } {
  if (concern.occurredAtUtc !== null) return { at: concern.occurredAtUtc, note: '' };
  const { date } = splitOccurredAt(concern.occurredAt);
  return {
    at: londonInstant(date, '00:00'),
    note: ` The concern gives no time, so the start of ${formatCalendarDate(date)} is used.`,
  };
}

/** Whether a concern trigger is for this child (ages on `on`). */
function triggerCovers(
  ctx: HandlerContext,
  children: ConcernChildren,
  childId: string,
  on: string,
): boolean {
  if (children === 'all') return true;
  const child = ctx.store.children.get(childId);
  if (!child || wholeYearsBetween(child.dateOfBirth, on) >= ADULT_AGE) return false;
  return children === 'under_18' || child.gender !== 'male';
}

function started(ids: readonly (string | null)[]): string[] {
  return ids.filter((id): id is string => id !== null);
}

/** Duties a newly submitted concern's flags and categories start (rules.ts triggers). */
export function dutiesForConcern(ctx: HandlerContext, concern: Concern): string[] {
  const { at, note } = concernTrigger(concern);
  const on = londonDate(new Date(at));
  const about = subjectsAndVictims(concern);
  return started(
    latestRules().flatMap((rule) => {
      const matched = rule.triggers.flatMap((t) => {
        if (t.kind === 'concern_flag' && concern.flags[t.flag])
          return [{ reason: `“${concernFlagLabels[t.flag]}”`, children: t.children }];
        if (t.kind === 'concern_category' && concern.categories.includes(t.category))
          return [{ reason: `category “${categoryLabel(t.category)}”`, children: t.children }];
        return [];
      });
      if (matched.length === 0) return [];
      const why = `Concern recorded by ${concern.recordedByName}: ${matched.map((m) => m.reason).join(' and ')}.${note}`;
      const covered = about.filter((childId) =>
        matched.some((m) => triggerCovers(ctx, m.children, childId, on)),
      );
      const children = rule.onePerConcern
        ? [about[0] ?? concern.children[0]?.childId ?? null]
        : covered;
      return children.map((childId) =>
        startDuty(ctx, {
          ruleId: rule.id,
          childId,
          concernId: concern.id,
          personId: concern.recordedBy,
          triggerAt: at,
          triggerNote: why,
        }),
      );
    }),
  );
}

/**
 * Duties a triage decision starts (rules.ts triggers): one per child the concern is about, or
 * every child when it names no subject or victim (one for the whole concern for the LADO).
 */
export function dutiesForDecision(
  ctx: HandlerContext,
  concern: Concern,
  decision: { kind: DecisionKind; decidedAt: string; decidedByName: string },
): string[] {
  const about = subjectsAndVictims(concern);
  const children = about.length > 0 ? about : concern.children.map((c) => c.childId);
  const note = `Decision by ${decision.decidedByName} on a concern of ${formatCalendarDate(splitOccurredAt(concern.occurredAt).date)}.`;
  return started(
    latestRules()
      .filter((rule) =>
        rule.triggers.some((t) => t.kind === 'decision' && t.decision === decision.kind),
      )
      .flatMap((rule) =>
        (rule.onePerConcern ? children.slice(0, 1) : children).map((childId) =>
          startDuty(ctx, {
            ruleId: rule.id,
            childId,
            concernId: concern.id,
            personId: signedInUserId(ctx),
            triggerAt: decision.decidedAt,
            triggerNote: note,
          }),
        ),
      ),
  );
}

/**
 * The child protection file transfer, when a leaving date is first set for a child who appears
 * in any concern. Called by children.update and the MIS import.
 */
export function dutiesForLeaver(
  ctx: HandlerContext,
  childId: string,
  before: string,
  after: string,
): string[] {
  if (before !== '' || after === '' || !ctx.store.duties.childInConcerns(childId)) return [];
  const id = startDuty(ctx, {
    ruleId: 'cp-transfer',
    childId,
    concernId: null,
    personId: signedInUserId(ctx),
    triggerAt: londonInstant(after, '00:00'),
    triggerNote: `Leaving date ${formatCalendarDate(after)} recorded; the child appears in concerns.`,
  });
  return id === null ? [] : [id];
}

/** Support after an Operation Encompass notification, for each child it names. */
export function dutiesForEncompass(
  ctx: HandlerContext,
  notification: { notifiedAt: string; policeForce: string; childIds: readonly string[] },
): string[] {
  const { date, time } = splitOccurredAt(notification.notifiedAt);
  const triggerAt = londonInstant(date, time === '' ? '00:00' : time);
  return started(
    notification.childIds.map((childId) =>
      startDuty(ctx, {
        ruleId: 'encompass-support',
        childId,
        concernId: null,
        personId: signedInUserId(ctx),
        triggerAt,
        triggerNote: `Operation Encompass notification from ${notification.policeForce}, received ${formatInstant(triggerAt)}.`,
      }),
    ),
  );
}

/** Duties that follow another's discharge (written confirmation of a phone referral…). */
export function dutiesAfterDischarge(
  ctx: HandlerContext,
  duty: DutyRecord,
  discharge: { triggerAt: string; method: EvidenceMethod | null },
): string[] {
  const done = ruleOf(duty);
  const next = latestRules()
    .filter((rule) =>
      rule.triggers.some(
        (t) =>
          t.kind === 'discharged' &&
          t.rule === duty.ruleId &&
          (t.onlyMethod === undefined || t.onlyMethod === discharge.method),
      ),
    )
    .map((rule) =>
      startDuty(ctx, {
        ruleId: rule.id,
        childId: duty.childId,
        concernId: duty.concernId,
        personId: duty.ownerUserId ?? signedInUserId(ctx),
        triggerAt: discharge.triggerAt,
        triggerNote: `Follows “${done.title}”, done ${formatInstant(discharge.triggerAt)}.`,
      }),
    );
  return started(next);
}

/** True when the signed-in person owes the duty themselves (or as headteacher). */
export function ownsDuty(ctx: HandlerContext, duty: DutyRecord): boolean {
  if (duty.ownerUserId !== null && duty.ownerUserId === ctx.session.user?.id) return true;
  return duty.owner === 'headteacher' && roleOf(ctx.session) === 'headteacher';
}

/** True when the duty is in the signed-in person's own list. */
export function isMine(ctx: HandlerContext, duty: DutyRecord): boolean {
  if (ownsDuty(ctx, duty)) return true;
  return (
    (duty.owner === 'dsl' || duty.owner === 'school') && can(roleOf(ctx.session), 'duties.manage')
  );
}
