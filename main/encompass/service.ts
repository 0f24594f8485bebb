import type { ParsedInput } from '../../shared/api';
import { can } from '../../shared/auth/roles';
import type { EncompassNotification, EncompassSummary } from '../../shared/encompass/schema';
import { encompassDateProblems } from '../../shared/encompass/schema';
import { ApiFailure } from '../api-failure';
import { encompassAddendumEntries, encompassEntries } from '../chronology/entries';
import { dutiesForEncompass } from '../duties/triggers';
import type { HandlerContext, Handled } from '../handler';
import { signedInUserId } from '../handler';
import { registeredChild } from '../children/service';
import { newId } from '../ids';

function existing(ctx: HandlerContext, id: string): EncompassNotification {
  const notification = ctx.store.encompass.get(id);
  if (!notification) throw new ApiFailure('not_found', 'There is no such notification.');
  return notification;
}

/** The notification and every child it names: what a read of it touched. */
function touched(n: EncompassNotification): string[] {
  return [n.id, ...n.children.map((c) => c.childId)];
}

export function recordEncompass(
  ctx: HandlerContext,
  input: ParsedInput<'encompass.record'>,
): Handled<EncompassNotification> {
  const fields = encompassDateProblems(input, ctx.now);
  const missing = input.children.flatMap((child, i) =>
    ctx.store.children.get(child.childId) ? [] : [`children.${i}.childId`],
  );
  for (const path of missing) fields[path] = 'That child is not on the register.';
  // The same people an action can be given to (actions.owners), which the form offers.
  const keyAdult = ctx.store.users.get(input.keyAdultId);
  if (keyAdult?.status !== 'active' || !can(keyAdult.role, 'concerns.create'))
    fields.keyAdultId = 'Choose someone with an active account who works with children.';
  if (Object.keys(fields).length > 0)
    throw new ApiFailure(
      missing.length > 0 ? 'not_found' : 'invalid_input',
      'Some details need correcting.',
      fields,
    );
  const id = newId(ctx.now);
  const recordedBy = signedInUserId(ctx);
  const recordedAt = ctx.now.toISOString();
  ctx.store.encompass.add(input, { id, recordedBy, recordedAt });
  ctx.store.chronology.append(
    encompassEntries({
      ...input,
      id,
      recordedAt,
      recordedBy,
      childIds: input.children.map((c) => c.childId),
    }),
    ctx.now,
  );
  const duties = dutiesForEncompass(ctx, {
    notifiedAt: input.notifiedAt,
    policeForce: input.policeForce,
    childIds: input.children.map((c) => c.childId),
  });
  const notification = existing(ctx, id);
  return { value: notification, recordIds: [...touched(notification), ...duties] };
}

export function getEncompass(
  ctx: HandlerContext,
  input: ParsedInput<'encompass.get'>,
): Handled<EncompassNotification> {
  const notification = existing(ctx, input.id);
  return { value: notification, recordIds: touched(notification) };
}

export function encompassForChild(
  ctx: HandlerContext,
  input: ParsedInput<'encompass.forChild'>,
): Handled<EncompassSummary[]> {
  registeredChild(ctx, input.childId);
  const list = ctx.store.encompass.forChild(input.childId);
  return { value: list, recordIds: [input.childId, ...list.map((n) => n.id)] };
}

export function addEncompassAddendum(
  ctx: HandlerContext,
  input: ParsedInput<'encompass.addAddendum'>,
): Handled<EncompassNotification> {
  const before = existing(ctx, input.notificationId);
  const addendum = {
    id: newId(ctx.now),
    notificationId: before.id,
    addedBy: signedInUserId(ctx),
    addedAt: ctx.now.toISOString(),
    reason: input.reason,
    text: input.text,
  };
  ctx.store.encompass.addAddendum(addendum);
  ctx.store.chronology.append(
    encompassAddendumEntries(
      addendum,
      before.children.map((c) => c.childId),
    ),
    ctx.now,
  );
  const notification = existing(ctx, before.id);
  return { value: notification, recordIds: [addendum.id, ...touched(notification)] };
}
