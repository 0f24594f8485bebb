import type { ParsedInput } from '../../shared/api';
import { can } from '../../shared/auth/roles';
import type { Concern, ConcernSummary } from '../../shared/concerns/schema';
import { occurredAtProblem, occurredInstant } from '../../shared/concerns/schema';
import { ApiFailure } from '../api-failure';
import type { HandlerContext, Handled } from '../handler';
import { roleOf, signedInUserId } from '../handler';
import { registeredChild } from '../children/service';
import { newId } from '../ids';
import { ownDraft } from './drafts';
import { addendumEntries, concernEntries } from '../chronology/entries';
import { dutiesForConcern } from '../duties/triggers';

/** Everyone with concerns.read sees every concern; others only those they recorded. */
function readsAll(ctx: HandlerContext): boolean {
  return can(roleOf(ctx.session), 'concerns.read');
}

/** The concern, if the caller may read it; not_found or forbidden otherwise. */
export function readable(ctx: HandlerContext, id: string): Concern {
  const concern = ctx.store.concerns.get(id);
  if (!concern) throw new ApiFailure('not_found', 'There is no such concern.');
  if (!readsAll(ctx) && concern.recordedBy !== signedInUserId(ctx))
    throw new ApiFailure('forbidden', 'You can read only the concerns you recorded.');
  return concern;
}

/** The concern and every child in it: what a read of it touched. */
export function touched(concern: Concern): string[] {
  return [concern.id, ...concern.children.map((c) => c.childId)];
}

export function submitConcern(
  ctx: HandlerContext,
  input: ParsedInput<'concerns.submit'>,
): Handled<Concern> {
  const fields: Record<string, string> = {};
  const when = occurredAtProblem(input.occurredAt, ctx.now);
  if (when) fields.occurredAt = when;
  input.children.forEach((child, i) => {
    if (!ctx.store.children.get(child.childId))
      fields[`children.${i}.childId`] = 'That child is not on the register.';
  });
  const draft = input.draftId === null ? null : ownDraft(ctx, input.draftId);
  if (Object.keys(fields).length > 0) {
    const missing = Object.keys(fields).every((f) => f.startsWith('children.'));
    throw new ApiFailure(
      missing ? 'not_found' : 'invalid_input',
      'Some details need correcting.',
      fields,
    );
  }
  const id = newId(ctx.now);
  ctx.store.concerns.add(input, {
    id,
    recordedBy: signedInUserId(ctx),
    recordedAt: ctx.now.toISOString(),
    occurredAtUtc: occurredInstant(input.occurredAt),
  });
  if (draft) {
    // The draft's attachments become the concern's, and the draft goes, in this transaction.
    ctx.store.attachments.moveToConcern(draft.id, id);
    ctx.store.concernDrafts.remove(draft.id);
  }
  const concern = ctx.store.concerns.get(id);
  if (!concern) throw new ApiFailure('internal', 'The concern was not saved.');
  ctx.store.chronology.append(concernEntries(concern), ctx.now);
  const duties = dutiesForConcern(ctx, concern);
  return { value: concern, recordIds: [...touched(concern), ...duties] };
}

export function getConcern(
  ctx: HandlerContext,
  input: ParsedInput<'concerns.get'>,
): Handled<Concern> {
  const concern = readable(ctx, input.id);
  return { value: concern, recordIds: touched(concern) };
}

export function concernsForChild(
  ctx: HandlerContext,
  input: ParsedInput<'concerns.forChild'>,
): Handled<ConcernSummary[]> {
  registeredChild(ctx, input.childId);
  const list = ctx.store.concerns.forChild(
    input.childId,
    readsAll(ctx) ? null : signedInUserId(ctx),
  );
  return { value: list, recordIds: [input.childId, ...list.map((c) => c.id)] };
}

export function addAddendum(
  ctx: HandlerContext,
  input: ParsedInput<'concerns.addAddendum'>,
): Handled<Concern> {
  const before = readable(ctx, input.concernId);
  const addendum = {
    id: newId(ctx.now),
    concernId: input.concernId,
    addedBy: signedInUserId(ctx),
    addedAt: ctx.now.toISOString(),
    reason: input.reason,
    text: input.text,
  };
  ctx.store.concerns.addAddendum(addendum);
  ctx.store.chronology.append(addendumEntries(addendum, before.children), ctx.now);
  const concern = readable(ctx, input.concernId);
  return { value: concern, recordIds: [addendum.id, ...touched(concern)] };
}
