import type { ChildList, ParsedInput } from '../../shared/api';
import type { Child, ChildDraft } from '../../shared/children/schema';
import { childDateProblems } from '../../shared/children/schema';
import { ApiFailure } from '../api-failure';
import { dutiesForLeaver } from '../duties/triggers';
import type { HandlerContext, Handled } from '../handler';
import { newId } from '../ids';

function check(ctx: HandlerContext, child: ChildDraft, id: string | null, prefix: string): void {
  const fields: Record<string, string> = {};
  for (const [field, message] of Object.entries(childDateProblems(child, ctx.today))) {
    fields[prefix + field] = message;
  }
  if (child.upn !== '') {
    const holder = ctx.store.children.idForUpn(child.upn);
    if (holder !== null && holder !== id) {
      fields[`${prefix}upn`] =
        'Another child on the register already has this UPN. Check both records.';
    }
  }
  if (Object.keys(fields).length > 0) {
    const code = Object.keys(fields).every((f) => f.endsWith('upn')) ? 'conflict' : 'invalid_input';
    throw new ApiFailure(code, 'Some details need correcting.', fields);
  }
}

/** The child with this id on the register (leavers included), or not_found. */
export function registeredChild(ctx: HandlerContext, id: string): Child {
  const child = ctx.store.children.get(id);
  if (!child) throw new ApiFailure('not_found', 'That child is not on the register.');
  return child;
}

export function listChildren(
  ctx: HandlerContext,
  input: ParsedInput<'children.list'>,
): Handled<ChildList> {
  const value = ctx.store.children.list(input.query, input.limit, input.offset, {
    includeLeavers: input.includeLeavers,
    today: ctx.today,
  });
  return { value, recordIds: value.items.map((c) => c.id) };
}

export function getChild(ctx: HandlerContext, input: ParsedInput<'children.get'>): Handled<Child> {
  return { value: registeredChild(ctx, input.id), recordIds: [input.id] };
}

export function addChild(ctx: HandlerContext, input: ParsedInput<'children.add'>): Handled<Child> {
  check(ctx, input, null, '');
  const id = newId(ctx.now);
  ctx.store.children.add(id, input, ctx.now.toISOString());
  return { value: registeredChild(ctx, id), recordIds: [id] };
}

export function updateChild(
  ctx: HandlerContext,
  input: ParsedInput<'children.update'>,
): Handled<Child> {
  const before = registeredChild(ctx, input.id);
  check(ctx, input.child, input.id, 'child.');
  ctx.store.children.update(input.id, input.child, ctx.now.toISOString());
  const duties = dutiesForLeaver(ctx, input.id, before.leavingDate, input.child.leavingDate);
  return { value: registeredChild(ctx, input.id), recordIds: [input.id, ...duties] };
}
