/**
 * Subject access requests (issue 8, security G5, domain.md §6.2). Creating one starts the
 * `sar-response` duty through the same function as duties.start; extending uses the duty's own
 * extension; the export discharges the duty with the response as evidence; a withdrawal marks it
 * not applicable.
 *
 * The duty model has no pause, so the stopped clock (DUAA 2025 "stop the clock": while the school
 * waits for proof of identity or clarification) is recorded on the request as append-only paused
 * and resumed events. On each resume, and after an extension, the duty is rescheduled to its
 * statutory deadline (one month, or three once extended) plus every whole day the clock stood
 * still, rolled forward to a working day; the steps say so, so the duty lists show the real date.
 */
import type { ParsedInput } from '../../shared/api';
import type { CaseFile } from '../../shared/exports/case-file';
import {
  addDays,
  formatCalendarDate,
  formatInstant,
  londonDate,
  londonInstant,
  londonMinute,
  wholeYearsBetween,
} from '../../shared/dates/calendar-date';
import { CalendarView } from '../../shared/dates/school-calendar';
import type { DeadlineResult } from '../../shared/duties/deadline';
import { dueFor, END_OF_DAY, formatDay } from '../../shared/duties/deadline';
import type { DutyRule } from '../../shared/duties/rules';
import { displayName } from '../../shared/children/schema';
import { occurredAtProblem, splitOccurredAt } from '../../shared/concerns/schema';
import type {
  RedactionReason,
  SarDetail,
  SarExported,
  SarItem,
  SarPause,
  SarStatus,
  SarSummary,
} from '../../shared/sar/schema';
import {
  COMPETENCE_AGE,
  receivedHowLabels,
  requesterRelationshipLabels,
  sarSources,
  sarWhenText,
} from '../../shared/sar/schema';
import { ApiFailure } from '../api-failure';
import type { DutyRecord } from '../duties/repo';
import {
  dischargeDuty,
  dutyNotApplicable,
  EXTENDED_SAR_MONTHS,
  extendDuty,
  startManualDuty,
} from '../duties/service';
import { ruleOf } from '../duties/triggers';
import { childNames, thirdParties } from '../exports/pack';
import { redactor } from '../exports/pack-redact';
import { recordExport } from '../exports/record';
import type { Handled, HandlerContext } from '../handler';
import { signedInUserId } from '../handler';
import { newId } from '../ids';
import { gatherItems, itemsWithDecisions } from './gather';
import type { RedactedItem } from './pdf';
import { noCounts, redactItem, sarPdf, withheldItems } from './pdf';
import type { SarEvent, SarRecord } from './repo';

const NEEDS_CORRECTING = 'Some details need correcting.';
const DAY_MS = 24 * 60 * 60 * 1000;

function invalid(fields: Record<string, string>): ApiFailure {
  return new ApiFailure('invalid_input', NEEDS_CORRECTING, fields);
}

function existing(ctx: HandlerContext, id: string): SarRecord {
  const sar = ctx.store.sar.get(id);
  if (!sar) throw new ApiFailure('not_found', 'There is no such subject access request.');
  return sar;
}

function dutyOf(ctx: HandlerContext, sar: SarRecord): DutyRecord {
  const duty = ctx.store.duties.get(sar.dutyId);
  if (!duty) throw new Error(`the duty of request ${sar.id} is missing`);
  return duty;
}

function statusOf(ctx: HandlerContext, sar: SarRecord, events: readonly SarEvent[]): SarStatus {
  if (events.some((e) => e.kind === 'withdrawn')) return 'withdrawn';
  if (ctx.store.sar.completion(sar.id) !== null) return 'completed';
  const clock = events.filter((e) => e.kind === 'paused' || e.kind === 'resumed').at(-1);
  if (clock?.kind === 'paused') return 'paused';
  return events.some((e) => e.kind === 'extended') ? 'extended' : 'open';
}

/** Whole London days between two instants' dates. */
function daysBetween(from: string, to: string): number {
  const a = Date.parse(`${londonDate(new Date(from))}T00:00:00Z`);
  const b = Date.parse(`${londonDate(new Date(to))}T00:00:00Z`);
  return Math.max(0, Math.round((b - a) / DAY_MS));
}

function pausesOf(ctx: HandlerContext, events: readonly SarEvent[]): SarPause[] {
  const out: SarPause[] = [];
  for (const e of events) {
    if (e.kind === 'paused')
      out.push({ pausedAt: e.at, reason: e.reason, resumedAt: null, days: 0 });
    const last = out.at(-1);
    if (e.kind === 'resumed' && last) last.resumedAt = e.at;
  }
  const now = ctx.now.toISOString();
  return out.map((p) => ({ ...p, days: daysBetween(p.pausedAt, p.resumedAt ?? now) }));
}

/**
 * The deadline in force: the statutory one (one month from receipt, or three once extended,
 * rolled forward to a working day) plus the days the clock stood still, rolled forward again.
 */
function deadlineOf(
  ctx: HandlerContext,
  duty: DutyRecord,
  extended: boolean,
  pauses: readonly SarPause[],
): DeadlineResult {
  const stopped = pauses.reduce((n, p) => n + p.days, 0);
  if (stopped === 0 && pauses.length === 0) return duty.deadlines.deadline;
  const base = ruleOf(duty);
  const rule: DutyRule = extended
    ? {
        ...base,
        deadline: {
          kind: 'months',
          months: EXTENDED_SAR_MONTHS,
          at: 'endOfDay',
          rollForward: true,
        },
        target: null,
      }
    : base;
  const settings = ctx.store.duties.settingsVersion(duty.settingsVersion).settings;
  const calendar = ctx.store.calendar.calendar();
  const statutory = dueFor(rule, duty.triggerAt, calendar, settings).deadline;
  if (statutory.dueAt === null) return statutory;
  const view = new CalendarView(calendar);
  const steps = [...statutory.steps];
  for (const p of pauses)
    steps.push(
      p.resumedAt === null
        ? `The clock stopped on ${formatInstant(p.pausedAt)} (${p.reason}) and has not restarted: ${p.days} ${p.days === 1 ? 'day' : 'days'} so far, and the date moves on by a day for each day more.`
        : `The clock stood still from ${formatInstant(p.pausedAt)} to ${formatInstant(p.resumedAt)} (${p.reason}): ${p.days} ${p.days === 1 ? 'day' : 'days'}.`,
    );
  let date = addDays(londonDate(new Date(statutory.dueAt)), stopped);
  if (!view.isWorkingDay(date)) date = view.next(date, 'working');
  steps.push(
    `${stopped} ${stopped === 1 ? 'day' : 'days'} added for the stopped clock (DUAA 2025): due by the end of ${formatDay(date)} (${END_OF_DAY}).`,
  );
  return {
    dueAt: londonInstant(date, END_OF_DAY),
    basis: 'The statutory period, with the days the clock was stopped added (DUAA 2025)',
    steps,
  };
}

/** Moves the duty to the deadline in force (after a resume or an extension). */
function reschedule(ctx: HandlerContext, sar: SarRecord): void {
  const events = ctx.store.sar.events(sar.id);
  const duty = dutyOf(ctx, sar);
  const deadline = deadlineOf(
    ctx,
    duty,
    events.some((e) => e.kind === 'extended'),
    pausesOf(ctx, events),
  );
  ctx.store.duties.reschedule(duty.id, deadline.dueAt, duty.targetAt, {
    deadline,
    target: duty.deadlines.target,
  });
}

function summaryOf(ctx: HandlerContext, sar: SarRecord): SarSummary {
  const events = ctx.store.sar.events(sar.id);
  const status = statusOf(ctx, sar, events);
  const child = ctx.store.children.get(sar.childId);
  const closed = status === 'completed' || status === 'withdrawn';
  return {
    id: sar.id,
    childId: sar.childId,
    childName: child ? displayName(child) : 'Unknown child',
    requesterName: sar.requesterName,
    relationship: sar.relationship,
    receivedAt: sar.receivedAt,
    status,
    dueAt: closed
      ? null
      : deadlineOf(
          ctx,
          dutyOf(ctx, sar),
          events.some((e) => e.kind === 'extended'),
          pausesOf(ctx, events),
        ).dueAt,
  };
}

function detailOf(ctx: HandlerContext, sar: SarRecord): SarDetail {
  return detailWithFile(ctx, sar).detail;
}

/** The request's detail, and the child's file it was gathered from. */
function detailWithFile(
  ctx: HandlerContext,
  sar: SarRecord,
): { detail: SarDetail; file: CaseFile } {
  const events = ctx.store.sar.events(sar.id);
  const pauses = pausesOf(ctx, events);
  const extended = events.some((e) => e.kind === 'extended');
  const duty = dutyOf(ctx, sar);
  const { file, items: raw } = gatherItems(ctx, sar.childId);
  const items = itemsWithDecisions(file, raw, ctx.store.sar.redactions(sar.id));
  const completion = ctx.store.sar.completion(sar.id);
  const withdrawn = events.find((e) => e.kind === 'withdrawn');
  const idChecked = events.find((e) => e.kind === 'identity_checked');
  const detail: SarDetail = {
    ...summaryOf(ctx, sar),
    relationshipDetail: sar.relationshipDetail,
    receivedHow: sar.receivedHow,
    competenceNote: sar.competenceNote,
    identityChecked: sar.identityChecked || idChecked !== undefined,
    identityCheckedAt: sar.identityCheckedAt ?? idChecked?.at ?? null,
    dutyId: sar.dutyId,
    deadline: deadlineOf(ctx, duty, extended, pauses),
    pauses,
    extended,
    childAge: wholeYearsBetween(file.child.dateOfBirth, splitOccurredAt(sar.receivedAt).date),
    items,
    exemptions: ctx.store.sar.exemptions(sar.id),
    pending: items.reduce((n, i) => n + i.suggestions.filter((s) => s.decision === null).length, 0),
    completion: completion && {
      exportId: completion.exportId,
      sha256: completion.sha256,
      pages: completion.pages,
      completedAt: completion.completedAt,
      completedByName: completion.completedByName,
    },
    withdrawal: withdrawn
      ? { reason: withdrawn.reason, at: withdrawn.at, byName: withdrawn.recordedByName }
      : null,
    createdAt: sar.createdAt,
    createdByName: sar.createdByName,
  };
  return { detail, file };
}

function answer(ctx: HandlerContext, sar: SarRecord, more: readonly string[] = []) {
  return {
    value: detailOf(ctx, sar),
    recordIds: [sar.id, sar.childId, sar.dutyId, ...more],
  };
}

/** The request, when it can still change: not completed or withdrawn. */
function live(ctx: HandlerContext, id: string): SarRecord {
  const sar = existing(ctx, id);
  const status = statusOf(ctx, sar, ctx.store.sar.events(sar.id));
  if (status === 'completed')
    throw new ApiFailure('conflict', 'This request has been answered: nothing more can change.');
  if (status === 'withdrawn')
    throw new ApiFailure('conflict', 'This request was withdrawn: nothing more can change.');
  return sar;
}

function addEvent(
  ctx: HandlerContext,
  sar: SarRecord,
  kind: SarEvent['kind'],
  reason: string,
): string {
  const id = newId(ctx.now);
  ctx.store.sar.addEvent({
    id,
    sarId: sar.id,
    kind,
    at: ctx.now.toISOString(),
    reason,
    recordedBy: signedInUserId(ctx),
  });
  return id;
}

export function listSars(ctx: HandlerContext): Handled<SarSummary[]> {
  const list = ctx.store.sar.list();
  return { value: list.map((s) => summaryOf(ctx, s)), recordIds: list.map((s) => s.id) };
}

export function getSar(ctx: HandlerContext, input: ParsedInput<'sar.get'>): Handled<SarDetail> {
  return answer(ctx, existing(ctx, input.sarId));
}

export function createSar(
  ctx: HandlerContext,
  input: ParsedInput<'sar.create'>,
): Handled<SarDetail> {
  const fields: Record<string, string> = {};
  const child = ctx.store.children.get(input.childId);
  if (!child) fields.childId = 'Choose a child on the register.';
  const when = occurredAtProblem(input.receivedAt, ctx.now);
  if (when) fields.receivedAt = when;
  if (input.relationship === 'other' && input.relationshipDetail === '')
    fields.relationshipDetail = 'Say who the requester is to the child.';
  if (child && !when) {
    const age = wholeYearsBetween(child.dateOfBirth, splitOccurredAt(input.receivedAt).date);
    const needed = age >= COMPETENCE_AGE || input.relationship === 'parent_carer';
    if (needed && input.competenceNote.length < 10)
      fields.competenceNote =
        age >= COMPETENCE_AGE
          ? `${displayName(child)} was ${age} when the request came in: record whether they can understand their rights, and whether they agree to this request, in at least 10 characters.`
          : 'A parent or carer is asking for the child: record why the child cannot make the request themselves, in at least 10 characters.';
  }
  if (Object.keys(fields).length > 0 || !child) throw invalid(fields);
  const open = ctx.store.sar
    .list()
    .find(
      (s) =>
        s.childId === child.id &&
        ['open', 'paused', 'extended'].includes(statusOf(ctx, s, ctx.store.sar.events(s.id))),
    );
  if (open)
    throw new ApiFailure(
      'conflict',
      `A subject access request about ${displayName(child)} is already open (received ${formatCalendarDate(splitOccurredAt(open.receivedAt).date)}); answer or withdraw it first.`,
    );
  const relation =
    input.relationship === 'other'
      ? input.relationshipDetail
      : requesterRelationshipLabels[input.relationship].toLowerCase();
  const started = startManualDuty(ctx, {
    ruleId: 'sar-response',
    childId: child.id,
    concernId: null,
    at: input.receivedAt,
    note: `From ${input.requesterName} (${relation}) by ${receivedHowLabels[input.receivedHow].toLowerCase()}.`,
  });
  const now = ctx.now.toISOString();
  const sar: Omit<SarRecord, 'createdByName'> = {
    id: newId(ctx.now),
    childId: child.id,
    receivedAt: input.receivedAt,
    requesterName: input.requesterName,
    relationship: input.relationship,
    relationshipDetail: input.relationshipDetail,
    receivedHow: input.receivedHow,
    competenceNote: input.competenceNote,
    identityChecked: input.identityChecked,
    identityCheckedAt: input.identityChecked ? now : null,
    dutyId: started.value.id,
    createdAt: now,
    createdBy: signedInUserId(ctx),
  };
  ctx.store.sar.add(sar);
  return answer(ctx, existing(ctx, sar.id));
}

/** Whether the export would withhold `span` somewhere in the item (whole words, as it matches). */
function withholds(item: SarItem, span: string): boolean {
  const find = redactor([{ names: [], details: [span] }], []);
  for (const f of item.fields) find(f.value);
  return find.count() > 0;
}

function itemKeyParts(key: string): { source: string; id: string } | null {
  const at = key.indexOf(':');
  if (at < 0) return null;
  const source = key.slice(0, at);
  return (sarSources as readonly string[]).includes(source)
    ? { source, id: key.slice(at + 1) }
    : null;
}

export function redactSar(
  ctx: HandlerContext,
  input: ParsedInput<'sar.redact'>,
): Handled<SarDetail> {
  const sar = live(ctx, input.sarId);
  const me = signedInUserId(ctx);
  const now = ctx.now.toISOString();
  if (input.action === 'remove') {
    if (!ctx.store.sar.inForce(input.redactionId, sar.id))
      throw new ApiFailure('not_found', 'There is no such redaction on this request.');
    ctx.store.sar.removeRedaction({
      redactionId: input.redactionId,
      note: input.note,
      removedAt: now,
      removedBy: me,
    });
    return answer(ctx, sar, [input.redactionId]);
  }
  const { file, items: raw } = gatherItems(ctx, sar.childId);
  const items = itemsWithDecisions(file, raw, ctx.store.sar.redactions(sar.id));
  const item = items.find((i) => i.key === input.itemKey);
  const parts = itemKeyParts(input.itemKey);
  if (!item || !parts) throw invalid({ itemKey: 'Choose an item held about this child.' });
  if (input.partyId !== null) {
    if (!item.suggestions.some((s) => s.partyId === input.partyId))
      throw invalid({ partyId: 'Choose a third party named in this item.' });
    if (input.span !== '')
      throw invalid({
        span: 'A third party is withheld wherever they appear: leave the text out.',
      });
  } else {
    if (input.decision === 'disclose')
      throw invalid({ decision: 'Only a suggested redaction can be declined.' });
    if (input.span !== '' && !withholds(item, input.span))
      throw invalid({
        span: 'Those words do not appear in this item as whole words: copy them exactly.',
      });
  }
  const id = newId(ctx.now);
  ctx.store.sar.addRedaction({
    id,
    sarId: sar.id,
    itemSource: parts.source,
    itemId: parts.id,
    partyId: input.partyId,
    span: input.span,
    decision: input.decision,
    reason: input.reason,
    note: input.note,
    madeAt: now,
    madeBy: me,
  });
  return answer(ctx, sar, [id]);
}

export function decideExemption(
  ctx: HandlerContext,
  input: ParsedInput<'sar.exemption'>,
): Handled<SarDetail> {
  const sar = live(ctx, input.sarId);
  const id = newId(ctx.now);
  ctx.store.sar.addExemption({
    id,
    sarId: sar.id,
    exemption: input.exemption,
    applies: input.applies,
    reason: input.reason,
    decidedAt: ctx.now.toISOString(),
    decidedBy: signedInUserId(ctx),
  });
  return answer(ctx, sar, [id]);
}

export function pauseSar(ctx: HandlerContext, input: ParsedInput<'sar.pause'>): Handled<SarDetail> {
  const sar = live(ctx, input.sarId);
  if (statusOf(ctx, sar, ctx.store.sar.events(sar.id)) === 'paused')
    throw new ApiFailure('conflict', 'The clock is already stopped.');
  return answer(ctx, sar, [addEvent(ctx, sar, 'paused', input.reason)]);
}

export function resumeSar(
  ctx: HandlerContext,
  input: ParsedInput<'sar.resume'>,
): Handled<SarDetail> {
  const sar = live(ctx, input.sarId);
  const events = ctx.store.sar.events(sar.id);
  if (statusOf(ctx, sar, events) !== 'paused')
    throw new ApiFailure('conflict', 'The clock is running: there is nothing to restart.');
  const ids = [addEvent(ctx, sar, 'resumed', input.note === '' ? 'Clock restarted.' : input.note)];
  const checked = sar.identityChecked || events.some((e) => e.kind === 'identity_checked');
  if (input.identityChecked && !checked)
    ids.push(
      addEvent(ctx, sar, 'identity_checked', 'Identity confirmed when the clock restarted.'),
    );
  reschedule(ctx, sar);
  return answer(ctx, sar, ids);
}

export function extendSar(
  ctx: HandlerContext,
  input: ParsedInput<'sar.extend'>,
): Handled<SarDetail> {
  const sar = live(ctx, input.sarId);
  if (statusOf(ctx, sar, ctx.store.sar.events(sar.id)) === 'paused')
    throw new ApiFailure('conflict', 'Restart the clock before extending the request.');
  const extended = extendDuty(ctx, { dutyId: sar.dutyId, reason: input.reason });
  const id = addEvent(ctx, sar, 'extended', input.reason);
  reschedule(ctx, sar);
  return answer(ctx, sar, [id, ...(extended.recordIds ?? [])]);
}

export function withdrawSar(
  ctx: HandlerContext,
  input: ParsedInput<'sar.withdraw'>,
): Handled<SarDetail> {
  const sar = live(ctx, input.sarId);
  const id = addEvent(ctx, sar, 'withdrawn', input.reason);
  dutyNotApplicable(ctx, {
    dutyId: sar.dutyId,
    reason: `The subject access request was withdrawn: ${input.reason}`,
  });
  return answer(ctx, sar, [id]);
}

/** A photograph attached to a concern, shown in the response unless its item is withheld. */
function withImage(ctx: HandlerContext, item: SarItem, redacted: RedactedItem): RedactedItem {
  if (item.source !== 'attachment' || redacted.whole !== null) return redacted;
  const stored = ctx.store.attachments.get(item.id);
  if (!stored || stored.meta.mediaType === 'application/pdf') return redacted;
  return {
    ...redacted,
    image: `data:${stored.meta.mediaType};base64,${stored.data.toString('base64')}`,
  };
}

/** Exemptions applied: those decided to apply (latest decision each) and those redactions used. */
function exemptionsApplied(
  ctx: HandlerContext,
  sarId: string,
  counts: Record<RedactionReason, number>,
): RedactionReason[] {
  const latest = new Map<RedactionReason, boolean>();
  for (const e of ctx.store.sar.exemptions(sarId)) latest.set(e.exemption, e.applies);
  return (Object.keys(counts) as RedactionReason[]).filter(
    (r) => counts[r] > 0 || latest.get(r) === true,
  );
}

export async function exportSar(
  ctx: HandlerContext,
  input: ParsedInput<'sar.export'>,
): Promise<Handled<SarExported>> {
  const sar = live(ctx, input.sarId);
  const { detail, file } = detailWithFile(ctx, sar);
  if (detail.status === 'paused')
    throw new ApiFailure('conflict', 'The clock is stopped: restart it before answering.');
  if (!detail.identityChecked)
    throw new ApiFailure(
      'conflict',
      'Check the requester’s identity before sending them the child’s records.',
    );
  if (detail.pending > 0)
    throw new ApiFailure(
      'conflict',
      `Decide on the ${detail.pending} suggested ${detail.pending === 1 ? 'redaction' : 'redactions'} first: withhold each third party or record why they can be disclosed.`,
    );
  const child = file.child;
  const parties = new Map(thirdParties(file).map((p) => [p.id, p]));
  const keep = childNames(file);
  const counts = noCounts();
  const wholes = withheldItems(detail.items);
  const items = detail.items.map((item, n) => ({
    ...withImage(ctx, item, redactItem(item, parties, keep, counts, wholes)),
    title: `${n + 1}. ${item.title}${item.when === '' ? '' : `: ${sarWhenText(item.when)}`}`,
  }));
  const reference = `SAR-${sar.id.slice(0, 8).toUpperCase()}`;
  const school = ctx.store.school.get();
  const { pdf, pages } = await sarPdf({
    reference,
    schoolName: school?.name ?? '',
    cover: [
      { label: 'Our reference', value: reference },
      { label: 'Requester', value: sar.requesterName },
      {
        label: 'Relationship to the child',
        value:
          sar.relationship === 'other'
            ? sar.relationshipDetail
            : requesterRelationshipLabels[sar.relationship],
      },
      { label: 'The child', value: displayName(child) },
      {
        label: 'Request received',
        value: sarWhenText(sar.receivedAt),
      },
      {
        label: 'Response due by',
        value: detail.dueAt === null ? '' : formatCalendarDate(londonDate(new Date(detail.dueAt))),
      },
      { label: 'Date of this response', value: formatCalendarDate(ctx.today) },
      { label: 'Records included', value: String(items.length) },
    ],
    items,
    counts,
    exemptionsApplied: exemptionsApplied(ctx, sar.id, counts),
  });
  const name =
    `${child.legalSurname}-${child.legalForename}-subject-access-${ctx.today}.pdf`.replace(
      /[^A-Za-z0-9._-]+/g,
      '-',
    );
  const savedTo = await ctx.platform.saveFile(
    {
      suggestedName: name,
      title: 'Save the subject access response',
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    },
    pdf,
  );
  const recordIds = [sar.id, sar.childId, sar.dutyId];
  if (savedTo === null) return { value: { savedTo, pages }, recordIds };
  const withheld = Object.values(counts).reduce((a, b) => a + b, 0);
  const exportId = ctx.commit(recordIds, () => {
    // A second export racing this one must not answer the request twice.
    live(ctx, sar.id);
    const id = recordExport(
      ctx,
      {
        childId: sar.childId,
        kind: 'subject_access',
        form: '',
        format: 'pdf',
        recipient: sar.requesterName,
        reference,
        concernIds: file.concerns.map((c) => c.concern.id),
        redacted: withheld > 0,
        title: `Subject access response sent to ${sar.requesterName}`,
        detail: `Reference ${reference}. ${items.length} records, ${pages} pages${withheld > 0 ? `, ${withheld} redactions` : ''}.`,
      },
      pdf,
    );
    const stored = ctx.store.exportsLog.forChild(sar.childId).find((e) => e.id === id);
    if (!stored) throw new Error('the export was not logged');
    ctx.store.sar.complete({
      sarId: sar.id,
      exportId: id,
      sha256: stored.sha256,
      pages,
      completedAt: ctx.now.toISOString(),
      completedBy: signedInUserId(ctx),
    });
    dischargeDuty(ctx, {
      dutyId: sar.dutyId,
      at: londonMinute(ctx.now),
      recipient: sar.requesterName,
      method: input.method,
      reference,
      actedBy: null,
      notes: `Subject access response, ${pages} pages, SHA-256 ${stored.sha256}.${input.notes === '' ? '' : ` ${input.notes}`}`,
    });
    return id;
  });
  return { value: { savedTo, pages }, recordIds: [...recordIds, exportId] };
}
