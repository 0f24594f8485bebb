import type { ParsedInput } from '../../shared/api';
import { can } from '../../shared/auth/roles';
import { displayName } from '../../shared/children/schema';
import { occurredAtProblem, occurredInstant, splitOccurredAt } from '../../shared/concerns/schema';
import {
  addDays,
  formatCalendarDate,
  formatInstant,
  londonDate,
  londonInstant,
  londonMinute,
  wholeYearsBetween,
} from '../../shared/dates/calendar-date';
import type { DutyDeadlines } from '../../shared/duties/deadline';
import { dueFor } from '../../shared/duties/deadline';
import type { DutyRule } from '../../shared/duties/rules';
import {
  evidenceMethodLabels,
  exceptionLabels,
  manualRules,
  PEER_EXCEPTION_MIN_AGE,
  ruleInForce,
} from '../../shared/duties/rules';
import type {
  DueView,
  DutyDetail,
  DutyReminders,
  DutySummary,
  PeerChecks,
} from '../../shared/duties/schema';
import { peerCheckLabels } from '../../shared/duties/schema';
import type { DutySettingsVersion } from '../../shared/duties/settings';
import { ApiFailure } from '../api-failure';
import { registeredChild } from '../children/service';
import type { HandlerContext, Handled } from '../handler';
import { roleOf, signedInUserId } from '../handler';
import type { DutyRecord } from './repo';
import {
  dueSentence,
  dutiesAfterDischarge,
  isMine,
  ownsDuty,
  recordDutyEvent,
  ruleOf,
  startDuty,
  noteEvent,
} from './triggers';

const NEEDS_CORRECTING = 'Some details need correcting.';
const DAY_MS = 24 * 60 * 60 * 1000;
/** How far ahead "this week" reaches, and how long a closed duty stays in the lists. */
const WEEK_MS = 7 * DAY_MS;

function invalid(fields: Record<string, string>, message = NEEDS_CORRECTING): ApiFailure {
  return new ApiFailure('invalid_input', message, fields);
}

function reads(ctx: HandlerContext): boolean {
  return can(roleOf(ctx.session), 'duties.read');
}

function manages(ctx: HandlerContext): boolean {
  return can(roleOf(ctx.session), 'duties.manage');
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function existing(ctx: HandlerContext, id: string): DutyRecord {
  const duty = ctx.store.duties.get(id);
  if (!duty) throw new ApiFailure('not_found', 'There is no such duty.');
  return duty;
}

/** The duty, when the signed-in person owes it or manages duties; forbidden otherwise. */
function actionable(ctx: HandlerContext, id: string): DutyRecord {
  const duty = existing(ctx, id);
  if (!ownsDuty(ctx, duty) && !manages(ctx))
    throw new ApiFailure(
      'forbidden',
      'Only the person who owes this duty, or the DSL, can record what was done about it.',
    );
  return duty;
}

function stillOpen(duty: DutyRecord): void {
  if (duty.status !== 'open')
    throw new ApiFailure('conflict', 'This duty is already closed: nothing more can be recorded.');
}

function dueBy(duty: Pick<DutyRecord, 'dueAt' | 'targetAt'>): string | null {
  const times = [duty.dueAt, duty.targetAt].filter((t): t is string => t !== null);
  return times.length === 0 ? null : times.reduce((a, b) => (a < b ? a : b));
}

function ownerName(duty: DutyRecord): string {
  switch (duty.owner) {
    case 'person':
      return `${duty.ownerUserName ?? 'Unknown user'} (personal duty)`;
    case 'dsl':
      return 'DSL';
    case 'headteacher':
      return 'Headteacher';
    case 'school':
      return 'The school';
  }
}

export function summaryOf(ctx: HandlerContext, duty: DutyRecord): DutySummary {
  const rule = ruleOf(duty);
  const child =
    duty.childId !== null && (reads(ctx) || ownsDuty(ctx, duty))
      ? ctx.store.children.get(duty.childId)
      : null;
  return {
    id: duty.id,
    ruleId: duty.ruleId,
    title: rule.title,
    legalForce: rule.legalForce,
    childId: duty.childId,
    childName: child ? displayName(child) : null,
    concernId: duty.concernId,
    owner: duty.owner,
    ownerUserId: duty.ownerUserId,
    ownerName: ownerName(duty),
    triggerAt: duty.triggerAt,
    dueAt: duty.dueAt,
    targetAt: duty.targetAt,
    dueBy: dueBy(duty),
    status: duty.status,
    closedAt: duty.closedAt,
  };
}

/** The latest a mandatory report may be delayed to: the trigger's time, N London days later. */
function latestDelayOf(ctx: HandlerContext, duty: DutyRecord): string {
  const days = ctx.store.duties.settingsVersion(duty.settingsVersion).settings.csaMaxDelayDays;
  const minute = londonMinute(new Date(duty.triggerAt));
  return londonInstant(addDays(minute.slice(0, 10), days), minute.slice(11));
}

function detailOf(ctx: HandlerContext, duty: DutyRecord): DutyDetail {
  const rule = ruleOf(duty);
  const events = ctx.store.duties.events(duty.id);
  const open = duty.status === 'open';
  return {
    ...summaryOf(ctx, duty),
    summary: rule.summary,
    sourceDocument: rule.sourceDocument,
    edition: rule.edition,
    section: rule.section,
    deadlineText: rule.deadlineText,
    confidence: rule.confidence,
    ruleStatus: rule.status,
    ownerNote: rule.ownerNote,
    recipient: rule.recipient,
    triggerNote: duty.triggerNote,
    deadline: duty.deadlines.deadline,
    target: duty.deadlines.target,
    settingsVersion: duty.settingsVersion,
    events,
    canDischarge: open && (ownsDuty(ctx, duty) || manages(ctx)),
    canManage: manages(ctx),
    exceptions: [...rule.exceptions],
    latestDelay: open && duty.ruleId === 'csa-report' ? latestDelayOf(ctx, duty) : null,
    canExtend:
      open &&
      duty.ruleId === 'sar-response' &&
      manages(ctx) &&
      !events.some((e) => e.kind === 'extended'),
  };
}

function touched(duty: DutyRecord, more: readonly string[] = []): string[] {
  return [
    duty.id,
    ...more,
    ...[duty.childId, duty.concernId].filter((id): id is string => id !== null),
  ];
}

function answer(ctx: HandlerContext, id: string, more: readonly string[] = []) {
  const duty = existing(ctx, id);
  return { value: detailOf(ctx, duty), recordIds: touched(duty, more) };
}

export function dueDuties(ctx: HandlerContext, input: ParsedInput<'duties.due'>): Handled<DueView> {
  if (input.scope === 'school' && !reads(ctx))
    throw new ApiFailure('forbidden', 'You can see only your own statutory duties.');
  const now = ctx.now.getTime();
  const list = ctx.store.duties
    .current(new Date(now - WEEK_MS).toISOString())
    .filter((d) => input.scope === 'school' || isMine(ctx, d));
  const view: DueView = {
    overdue: [],
    today: [],
    thisWeek: [],
    later: [],
    noDeadline: [],
    recentlyClosed: [],
  };
  for (const duty of list) {
    const summary = summaryOf(ctx, duty);
    if (duty.status !== 'open') {
      view.recentlyClosed.push(summary);
      continue;
    }
    const by = summary.dueBy;
    if (by === null) view.noDeadline.push(summary);
    else if (Date.parse(by) < now) view.overdue.push(summary);
    else if (londonDate(new Date(by)) === ctx.today) view.today.push(summary);
    else if (Date.parse(by) <= now + WEEK_MS) view.thisWeek.push(summary);
    else view.later.push(summary);
  }
  view.recentlyClosed.sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
  return { value: view, recordIds: list.map((d) => d.id) };
}

/** Counts for reminders: the school's for those who read every duty, one's own otherwise. */
export function dutyReminders(ctx: HandlerContext): Handled<DutyReminders> {
  const now = ctx.now.getTime();
  const open = ctx.store.duties.current(ctx.now.toISOString()).filter((d) => d.status === 'open');
  const scope = reads(ctx) ? open : open.filter((d) => isMine(ctx, d));
  const due = scope.map(dueBy).filter((t): t is string => t !== null);
  return {
    value: {
      overdue: due.filter((t) => Date.parse(t) < now).length,
      dueToday: due.filter((t) => Date.parse(t) >= now && londonDate(new Date(t)) === ctx.today)
        .length,
      mineOpen: open.filter((d) => isMine(ctx, d)).length,
    },
  };
}

export function getDuty(
  ctx: HandlerContext,
  input: ParsedInput<'duties.get'>,
): Handled<DutyDetail> {
  const duty = existing(ctx, input.dutyId);
  if (!reads(ctx) && !ownsDuty(ctx, duty) && !manages(ctx))
    throw new ApiFailure('forbidden', 'You can open only the statutory duties you owe.');
  return { value: detailOf(ctx, duty), recordIds: touched(duty) };
}

export function dutiesForChild(
  ctx: HandlerContext,
  input: ParsedInput<'duties.forChild'>,
): Handled<DutySummary[]> {
  registeredChild(ctx, input.childId);
  const list = ctx.store.duties.forChild(input.childId);
  return {
    value: list.map((d) => summaryOf(ctx, d)),
    recordIds: [input.childId, ...list.map((d) => d.id)],
  };
}

export function dutiesForConcern(
  ctx: HandlerContext,
  input: ParsedInput<'duties.forConcern'>,
): Handled<DutySummary[]> {
  if (!ctx.store.concerns.get(input.concernId))
    throw new ApiFailure('not_found', 'There is no such concern.');
  const list = ctx.store.duties
    .forConcern(input.concernId)
    .filter((d) => reads(ctx) || ownsDuty(ctx, d));
  return {
    value: list.map((d) => summaryOf(ctx, d)),
    recordIds: [input.concernId, ...list.map((d) => d.id)],
  };
}

/** A London wall-clock minute given on a form: it must carry a time and not be in the future. */
function pastMinuteProblem(ctx: HandlerContext, at: string): string | null {
  if (splitOccurredAt(at).time === '') return 'Enter the time as well, such as 14:30.';
  return occurredAtProblem(at, ctx.now);
}

function activeUser(ctx: HandlerContext, id: string): boolean {
  return ctx.store.users.get(id)?.status === 'active';
}

export function dischargeDuty(
  ctx: HandlerContext,
  input: ParsedInput<'duties.discharge'>,
): Handled<DutyDetail> {
  const duty = actionable(ctx, input.dutyId);
  stillOpen(duty);
  const rule = ruleOf(duty);
  const me = signedInUserId(ctx);
  const fields: Record<string, string> = {};
  const when = pastMinuteProblem(ctx, input.at);
  if (when) fields.at = when;
  const required = new Set(rule.evidence.required);
  if (required.has('recipient') && input.recipient === '')
    fields.recipient = `Enter who it went to (${lowerFirst(rule.evidence.recipientLabel)}).`;
  if (required.has('method') && input.method === null) fields.method = 'Choose how it was done.';
  if (required.has('reference') && input.reference === '')
    fields.reference = `Enter the ${lowerFirst(rule.evidence.referenceLabel)}.`;
  const actedBy =
    input.actedBy ??
    (duty.owner === 'person' && duty.ownerUserId !== null && duty.ownerUserId !== me
      ? duty.ownerUserId
      : me);
  if (!activeUser(ctx, actedBy))
    fields.actedBy = 'Choose who did it: someone with an active account.';
  if (Object.keys(fields).length > 0) throw invalid(fields);

  const closedAt = ctx.now.toISOString();
  ctx.store.duties.close(duty.id, 'discharged', closedAt);
  const how = input.method === null ? '' : evidenceMethodLabels[input.method];
  const to = input.recipient === '' ? '' : ` to ${input.recipient}`;
  const ref = input.reference === '' ? '' : `, reference ${input.reference}`;
  const eventId = recordDutyEvent(
    ctx,
    duty,
    {
      kind: 'discharged',
      at: input.at,
      recipient: input.recipient,
      method: input.method,
      reference: input.reference,
      actedBy,
      exception: null,
      text: input.notes,
    },
    `Done ${formatInstant(londonInstantOf(input.at))}: ${how}${to}${ref}. ${input.notes}`.trim(),
  );
  const next = dutiesAfterDischarge(ctx, duty, {
    triggerAt: londonInstantOf(input.at),
    method: input.method,
  });
  return answer(ctx, duty.id, [eventId, ...next]);
}

/** The UTC instant of a validated London wall-clock minute. */
function londonInstantOf(at: string): string {
  const instant = occurredInstant(at);
  if (instant === null) throw new Error('a time was required');
  return instant;
}

export function dutyNotApplicable(
  ctx: HandlerContext,
  input: ParsedInput<'duties.notApplicable'>,
): Handled<DutyDetail> {
  const duty = existing(ctx, input.dutyId);
  stillOpen(duty);
  ctx.store.duties.close(duty.id, 'not_applicable', ctx.now.toISOString());
  const eventId = recordDutyEvent(
    ctx,
    duty,
    noteEvent('not_applicable', input.reason),
    `Marked not applicable: ${input.reason}`,
  );
  return answer(ctx, duty.id, [eventId]);
}

/**
 * The peer exception's age test: every child in the concern (or the duty's child) must be 13
 * or over and under 18 on the trigger's date. A message for the first who is not, or null.
 */
function peerAgeProblem(ctx: HandlerContext, duty: DutyRecord): string | null {
  const on = londonDate(new Date(duty.triggerAt));
  const concern = duty.concernId === null ? null : ctx.store.concerns.get(duty.concernId);
  const ids = concern
    ? concern.children.map((c) => c.childId)
    : [duty.childId].filter((id): id is string => id !== null);
  const ages = ids.flatMap((id) => {
    const child = ctx.store.children.get(id);
    return child
      ? [{ name: displayName(child), age: wholeYearsBetween(child.dateOfBirth, on) }]
      : [];
  });
  const date = formatCalendarDate(on);
  const young = ages.find((a) => a.age < PEER_EXCEPTION_MIN_AGE);
  if (young)
    return `The peer exception can never apply when a child is under ${PEER_EXCEPTION_MIN_AGE}: ${young.name} was ${young.age} on ${date}.`;
  const adult = ages.find((a) => a.age >= 18);
  if (adult)
    return `The peer exception applies only between children: ${adult.name} was ${adult.age} on ${date}.`;
  return null;
}

export function recordDutyException(
  ctx: HandlerContext,
  input: ParsedInput<'duties.recordException'>,
): Handled<DutyDetail> {
  const duty = actionable(ctx, input.dutyId);
  stillOpen(duty);
  const rule = ruleOf(duty);
  if (!rule.exceptions.includes(input.exception))
    throw invalid({ exception: 'That exception does not apply to this duty.' });
  let checked = '';
  if (input.exception === 'peer_consensual_13plus') {
    const age = peerAgeProblem(ctx, duty);
    if (age) throw invalid({ exception: age }, age);
    const fields: Record<string, string> = {};
    for (const key of Object.keys(peerCheckLabels) as (keyof PeerChecks)[]) {
      if (!input.checks[key])
        fields[`checks.${key}`] =
          `Confirm that ${lowerFirst(peerCheckLabels[key])}; otherwise the exception does not apply.`;
    }
    if (Object.keys(fields).length > 0) throw invalid(fields);
    checked = ` Confirmed: ${Object.values(peerCheckLabels).map(lowerFirst).join('; ')}.`;
  }
  ctx.store.duties.close(duty.id, 'exception', ctx.now.toISOString());
  const eventId = recordDutyEvent(
    ctx,
    duty,
    noteEvent('exception', `${input.reason}${checked}`, null, input.exception),
    `${exceptionLabels[input.exception]}: ${input.reason}`,
  );
  return answer(ctx, duty.id, [eventId]);
}

export function delayDuty(
  ctx: HandlerContext,
  input: ParsedInput<'duties.delay'>,
): Handled<DutyDetail> {
  const duty = actionable(ctx, input.dutyId);
  if (duty.ruleId !== 'csa-report')
    throw new ApiFailure(
      'conflict',
      'Only a mandatory report of child sexual abuse can be delayed.',
    );
  stillOpen(duty);
  const latest = latestDelayOf(ctx, duty);
  const { time } = splitOccurredAt(input.until);
  const until = time === '' ? null : londonInstantOf(input.until);
  let problem: string | null = null;
  if (until === null) problem = 'Enter the time as well, such as 14:30.';
  else if (until <= ctx.now.toISOString() || until <= duty.triggerAt)
    problem = 'The delay must run to a time still to come.';
  else if (until > latest)
    problem = `The Act allows a delay of at most ${ctx.store.duties.settingsVersion(duty.settingsVersion).settings.csaMaxDelayDays} days: until ${formatInstant(latest)} at the latest.`;
  if (problem !== null || until === null) throw invalid({ until: problem ?? '' });
  ctx.store.duties.reschedule(duty.id, duty.dueAt, until, {
    deadline: duty.deadlines.deadline,
    target: {
      dueAt: until,
      basis: 'A delay recorded for the child’s safety',
      steps: [
        ...(duty.deadlines.target?.steps ?? []),
        `Delayed on ${formatInstant(ctx.now.toISOString())} until ${formatInstant(until)} because notifying at once would put the child at risk.`,
      ],
    },
  });
  const eventId = recordDutyEvent(
    ctx,
    duty,
    noteEvent('delayed', input.reason, input.until),
    `Delayed until ${formatInstant(until)} for the child’s safety: ${input.reason}`,
  );
  return answer(ctx, duty.id, [eventId]);
}

/** The SAR period extended by two further months: three months from receipt, in all. */
export const EXTENDED_SAR_MONTHS = 3;

export function extendDuty(
  ctx: HandlerContext,
  input: ParsedInput<'duties.extend'>,
): Handled<DutyDetail> {
  const duty = existing(ctx, input.dutyId);
  if (duty.ruleId !== 'sar-response')
    throw new ApiFailure('conflict', 'Only a subject access request can be extended.');
  stillOpen(duty);
  if (ctx.store.duties.events(duty.id).some((e) => e.kind === 'extended'))
    throw new ApiFailure(
      'conflict',
      'This request has already been extended; it can be only once.',
    );
  if (duty.dueAt !== null && duty.dueAt < ctx.now.toISOString())
    throw new ApiFailure(
      'conflict',
      `The extension had to be made within the first month, which ended ${formatInstant(duty.dueAt)}.`,
    );
  const rule: DutyRule = {
    ...ruleOf(duty),
    deadline: { kind: 'months', months: EXTENDED_SAR_MONTHS, at: 'endOfDay', rollForward: true },
    target: null,
  };
  const settings = ctx.store.duties.settingsVersion(duty.settingsVersion).settings;
  const extended = dueFor(rule, duty.triggerAt, ctx.store.calendar.calendar(), settings).deadline;
  const deadlines: DutyDeadlines = {
    deadline: {
      dueAt: extended.dueAt,
      basis: 'Extended by two further months for a complex request (Art. 12(3))',
      steps: [
        ...extended.steps,
        `Extended on ${formatInstant(ctx.now.toISOString())}, within the first month: ${input.reason}`,
      ],
    },
    target: duty.deadlines.target,
  };
  ctx.store.duties.reschedule(duty.id, extended.dueAt, duty.targetAt, deadlines);
  const eventId = recordDutyEvent(
    ctx,
    duty,
    noteEvent('extended', input.reason),
    `${dueSentence({ dueAt: extended.dueAt, targetAt: null })} ${input.reason}`,
  );
  return answer(ctx, duty.id, [eventId]);
}

export function startManualDuty(
  ctx: HandlerContext,
  input: ParsedInput<'duties.start'>,
): Handled<DutyDetail> {
  const manual = manualRules().find((r) => r.id === input.ruleId);
  if (!manual)
    throw invalid({ ruleId: 'That duty starts by itself; it cannot be started by hand.' });
  const fields: Record<string, string> = {};
  const when = occurredAtProblem(input.at, ctx.now);
  if (when) fields.at = when;
  if (manual.aboutChild && input.childId === null) fields.childId = 'Choose the child.';
  if (!manual.aboutChild && input.childId !== null)
    fields.childId = 'This duty is about the school, not a child: leave the child out.';
  if (input.childId !== null && !ctx.store.children.get(input.childId))
    fields.childId = 'That child is not on the register.';
  if (input.concernId !== null) {
    const concern = ctx.store.concerns.get(input.concernId);
    if (!concern) fields.concernId = 'There is no such concern.';
    else if (!concern.children.some((c) => c.childId === input.childId))
      fields.concernId = 'Choose a concern about this child.';
  }
  if (Object.keys(fields).length > 0) throw invalid(fields);
  const { date, time } = splitOccurredAt(input.at);
  const triggerAt = londonInstant(date, time === '' ? '00:00' : time);
  const settings = ctx.store.duties.currentSettings().settings;
  if (!ruleInForce(manual.id, date, settings.csaCommencement || null))
    throw invalid({ at: `This duty was not in force on ${formatCalendarDate(date)}.` });
  const event = manual.triggers.find((t) => t.kind === 'manual')?.event ?? manual.title;
  const id = startDuty(ctx, {
    ruleId: manual.id,
    childId: input.childId,
    concernId: input.concernId,
    personId: signedInUserId(ctx),
    triggerAt,
    triggerNote: input.note === '' ? `${event}.` : `${event}: ${input.note}`,
  });
  if (id === null)
    throw new ApiFailure(
      'conflict',
      `“${manual.title}” is already open for this ${input.childId === null ? 'school' : 'child'}; record what was done about it first.`,
    );
  return answer(ctx, id);
}

export function dutySettings(
  ctx: HandlerContext,
): Handled<{ current: DutySettingsVersion; history: DutySettingsVersion[] }> {
  return {
    value: {
      current: ctx.store.duties.currentSettings(),
      history: ctx.store.duties.settingsHistory(),
    },
  };
}

export function saveDutySettings(
  ctx: HandlerContext,
  input: ParsedInput<'duties.saveSettings'>,
): Handled<DutySettingsVersion> {
  const version = ctx.store.duties.saveSettings(input, ctx.now.toISOString(), signedInUserId(ctx));
  return { value: ctx.store.duties.settingsVersion(version) };
}
