import type { ParsedInput } from '../../shared/api';
import { can } from '../../shared/auth/roles';
import type { ActionOwner, InboxItem, MyAction, TriageState } from '../../shared/casework/schema';
import { closureProblems, dueDateProblem, reviewDateProblem } from '../../shared/casework/schema';
import { levelLabel } from '../../shared/casework/levels';
import type { Concern } from '../../shared/concerns/schema';
import { ApiFailure } from '../api-failure';
import {
  actionDoneEntries,
  actionEntries,
  closureEntries,
  decisionEntries,
  levelEntries,
  reopenEntries,
} from '../chronology/entries';
import { touched } from '../concerns/service';
import { dutiesForDecision } from '../duties/triggers';
import type { HandlerContext, Handled } from '../handler';
import { roleOf, signedInUserId } from '../handler';
import { newId } from '../ids';

const NEEDS_CORRECTING = 'Some details need correcting.';

function invalid(fields: Record<string, string>): ApiFailure {
  return new ApiFailure('invalid_input', NEEDS_CORRECTING, fields);
}

function concernOf(ctx: HandlerContext, id: string): Concern {
  const concern = ctx.store.concerns.get(id);
  if (!concern) throw new ApiFailure('not_found', 'There is no such concern.');
  return concern;
}

export function stateOf(ctx: HandlerContext, concernId: string): TriageState {
  const { casework } = ctx.store;
  const levels = casework.levels(concernId);
  return {
    concernId,
    status: casework.status(concernId),
    level: levels.at(-1)?.level ?? null,
    levels,
    decisions: casework.decisions(concernId),
    actions: casework.actions(concernId),
    closures: casework.closures(concernId),
  };
}

/** A concern that can still be worked on: it exists and is not closed. */
function workable(ctx: HandlerContext, concernId: string): Concern {
  const concern = concernOf(ctx, concernId);
  if (ctx.store.casework.status(concernId) === 'closed')
    throw new ApiFailure('conflict', 'This concern is closed. Reopen it to work on it again.');
  return concern;
}

function answer(ctx: HandlerContext, concern: Concern, ids: readonly string[]) {
  return { value: stateOf(ctx, concern.id), recordIds: [...ids, ...touched(concern)] };
}

export function triageInbox(ctx: HandlerContext): Handled<InboxItem[]> {
  const open = ctx.store.casework.openConcerns();
  const heads = ctx.store.concerns.heads(open.map((o) => o.concernId));
  const items = open.flatMap((state): InboxItem[] => {
    const c = heads.get(state.concernId);
    if (!c) return [];
    return [
      {
        ...state,
        occurredAt: c.occurredAt,
        occurredAtApprox: c.occurredAtApprox,
        recordedAt: c.recordedAt,
        recordedByName: c.recordedByName,
        children: c.children,
        categories: c.categories,
        flags: c.flags,
      },
    ];
  });
  // The inbox names children: the audit row says which, as a read of each concern would.
  const recordIds = items.flatMap((i) => [i.concernId, ...i.children.map((c) => c.childId)]);
  return { value: items, recordIds: [...new Set(recordIds)] };
}

export function triageGet(
  ctx: HandlerContext,
  input: ParsedInput<'triage.get'>,
): Handled<TriageState> {
  const concern = concernOf(ctx, input.concernId);
  return answer(ctx, concern, []);
}

export function setLevel(
  ctx: HandlerContext,
  input: ParsedInput<'triage.setLevel'>,
): Handled<TriageState> {
  const concern = workable(ctx, input.concernId);
  const previous = ctx.store.casework.levels(concern.id).at(-1)?.level ?? null;
  if (previous === input.level)
    throw invalid({ level: `The level is already ${levelLabel(input.level)}.` });
  const change = {
    id: newId(ctx.now),
    concernId: concern.id,
    level: input.level,
    rationale: input.rationale,
    setBy: signedInUserId(ctx),
    setAt: ctx.now.toISOString(),
  };
  ctx.store.casework.addLevel(change);
  ctx.store.chronology.append(levelEntries({ ...change, previous }, concern.children), ctx.now);
  return answer(ctx, concern, [change.id]);
}

export function decide(
  ctx: HandlerContext,
  input: ParsedInput<'triage.decide'>,
): Handled<TriageState> {
  const concern = workable(ctx, input.concernId);
  const review = reviewDateProblem(input.reviewDate, ctx.today);
  if (review) throw invalid({ reviewDate: review });
  const decision = {
    id: newId(ctx.now),
    concernId: concern.id,
    kind: input.kind,
    description: input.description,
    reviewDate: input.reviewDate,
    rationale: input.rationale,
    decidedBy: signedInUserId(ctx),
    decidedAt: ctx.now.toISOString(),
  };
  ctx.store.casework.addDecision({
    ...decision,
    reviewDate: input.reviewDate === '' ? null : input.reviewDate,
  });
  ctx.store.chronology.append(decisionEntries(decision, concern.children), ctx.now);
  const duties = dutiesForDecision(ctx, concern, {
    kind: decision.kind,
    decidedAt: decision.decidedAt,
    decidedByName: ctx.session.user?.displayName ?? 'the DSL',
  });
  return answer(ctx, concern, [decision.id, ...duties]);
}

/** Active accounts that work with children: they can see their actions (actions.mine). */
function owners(ctx: HandlerContext): ActionOwner[] {
  return ctx.store.users
    .list()
    .filter((u) => u.status === 'active' && can(u.role, 'concerns.create'))
    .map((u) => ({ id: u.id, displayName: u.displayName, role: u.role }));
}

export function actionOwners(ctx: HandlerContext): Handled<ActionOwner[]> {
  return { value: owners(ctx) };
}

export function addAction(
  ctx: HandlerContext,
  input: ParsedInput<'actions.add'>,
): Handled<TriageState> {
  const concern = workable(ctx, input.concernId);
  const fields: Record<string, string> = {};
  const owner = owners(ctx).find((o) => o.id === input.ownerId);
  if (!owner) fields.ownerId = 'Choose someone with an active account who works with children.';
  const due = dueDateProblem(input.dueDate, ctx.today);
  if (due) fields.dueDate = due;
  if (!owner || Object.keys(fields).length > 0) throw invalid(fields);
  const action = {
    id: newId(ctx.now),
    concernId: concern.id,
    description: input.description,
    ownerId: owner.id,
    dueDate: input.dueDate,
    createdBy: signedInUserId(ctx),
    createdAt: ctx.now.toISOString(),
  };
  ctx.store.casework.addAction(action);
  ctx.store.chronology.append(
    actionEntries({ ...action, ownerName: owner.displayName }, concern.children),
    ctx.now,
  );
  return answer(ctx, concern, [action.id, owner.id]);
}

/** Casework managers complete any action; anyone else only the actions they own. */
export function completeAction(
  ctx: HandlerContext,
  input: ParsedInput<'actions.complete'>,
): Handled<TriageState | null> {
  const action = ctx.store.casework.action(input.actionId);
  if (!action) throw new ApiFailure('not_found', 'There is no such action.');
  const me = signedInUserId(ctx);
  const manages = can(roleOf(ctx.session), 'casework.manage');
  if (!manages && action.ownerId !== me)
    throw new ApiFailure('forbidden', 'You can complete only the actions given to you.');
  if (action.completedAt !== null)
    throw new ApiFailure('conflict', 'This action has already been completed.');
  const concern = workable(ctx, action.concernId);
  const at = ctx.now.toISOString();
  if (!ctx.store.casework.completeAction(action.id, me, at, input.note))
    throw new ApiFailure('conflict', 'This action has already been completed.');
  ctx.store.chronology.append(
    actionDoneEntries(
      { ...action, concernId: concern.id, completedBy: me, completedAt: at, note: input.note },
      concern.children,
    ),
    ctx.now,
  );
  // Someone who does not manage casework learns nothing more about the concern by completing.
  return manages
    ? answer(ctx, concern, [action.id])
    : { value: null, recordIds: [action.id, concern.id] };
}

export function closeConcern(
  ctx: HandlerContext,
  input: ParsedInput<'triage.close'>,
): Handled<TriageState> {
  const concern = workable(ctx, input.concernId);
  const problems = closureProblems(
    input,
    ctx.store.casework.decisions(concern.id).length,
    ctx.store.casework.actions(concern.id).filter((a) => a.completedAt === null),
  );
  if (Object.keys(problems).length > 0)
    throw new ApiFailure('invalid_input', 'This concern cannot be closed yet.', problems);
  const closure = {
    id: newId(ctx.now),
    concernId: concern.id,
    summary: input.summary,
    followUp: input.followUp,
    outcome: input.outcome,
    closedBy: signedInUserId(ctx),
    closedAt: ctx.now.toISOString(),
  };
  ctx.store.casework.addClosure(closure);
  ctx.store.chronology.append(closureEntries(closure, concern.children), ctx.now);
  return answer(ctx, concern, [closure.id]);
}

export function reopenConcern(
  ctx: HandlerContext,
  input: ParsedInput<'triage.reopen'>,
): Handled<TriageState> {
  const concern = concernOf(ctx, input.concernId);
  const last = ctx.store.casework.closures(concern.id).at(-1);
  if (!last || last.reopening !== null)
    throw new ApiFailure('conflict', 'This concern is not closed.');
  const reopening = {
    id: newId(ctx.now),
    closureId: last.id,
    concernId: concern.id,
    reason: input.reason,
    reopenedBy: signedInUserId(ctx),
    reopenedAt: ctx.now.toISOString(),
  };
  ctx.store.casework.addReopening(reopening);
  ctx.store.chronology.append(reopenEntries(reopening, concern.children), ctx.now);
  return answer(ctx, concern, [reopening.id]);
}

/**
 * The caller's open actions. Without concerns.read, the concern behind an action is named only
 * by its date, unless the caller recorded it.
 */
export function myActions(ctx: HandlerContext): Handled<MyAction[]> {
  const me = signedInUserId(ctx);
  const readsAll = can(roleOf(ctx.session), 'concerns.read');
  const recordIds: string[] = [];
  const items = ctx.store.casework.openActionsOf(me).map((a): MyAction => {
    const readable = readsAll || ctx.store.concerns.recorderOf(a.concernId) === me;
    const concern = readable ? ctx.store.concerns.get(a.concernId) : null;
    recordIds.push(a.id, ...(concern ? touched(concern) : []));
    return {
      id: a.id,
      description: a.description,
      dueDate: a.dueDate,
      concernOccurredAt: a.concernOccurredAt,
      concernId: concern ? concern.id : null,
      children: concern ? concern.children.map((c) => c.name) : [],
    };
  });
  return { value: items, recordIds: [...new Set(recordIds)] };
}
