import type { ParsedInput } from '../../shared/api';
import type { ChronologyEntry, FamilyChronologyEntry } from '../../shared/chronology/schema';
import { displayName } from '../../shared/children/schema';
import { ApiFailure } from '../api-failure';
import type { HandlerContext, Handled } from '../handler';
import { registeredChild } from '../children/service';

export function chronologyForChild(
  ctx: HandlerContext,
  input: ParsedInput<'chronology.forChild'>,
): Handled<ChronologyEntry[]> {
  registeredChild(ctx, input.childId);
  const entries = ctx.store.chronology.forChildren([input.childId], input.filter);
  return { value: entries, recordIds: [input.childId] };
}

/** The child's name by id, for the children of a family chronology. */
export function childNames(ctx: HandlerContext, childIds: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const id of childIds) {
    const child = ctx.store.children.get(id);
    names.set(id, child ? displayName(child) : 'Unknown child');
  }
  return names;
}

/** The child and the siblings in any of their families: whose entries a family view holds. */
export function familyOf(ctx: HandlerContext, childId: string): string[] {
  registeredChild(ctx, childId);
  return [childId, ...ctx.store.families.siblingsOf(childId)];
}

export function chronologyForFamily(
  ctx: HandlerContext,
  input: ParsedInput<'chronology.forFamily'>,
): Handled<FamilyChronologyEntry[]> {
  const family = familyOf(ctx, input.childId);
  const names = childNames(ctx, family);
  const entries = ctx.store.chronology
    .forChildren(family, input.filter)
    .map((e) => ({ ...e, childName: names.get(e.childId) ?? 'Unknown child' }));
  return { value: entries, recordIds: family };
}

export function markEntry(
  ctx: HandlerContext,
  input: ParsedInput<'chronology.mark'>,
): Handled<ChronologyEntry> {
  const entry = ctx.store.chronology.get(input.entryId);
  if (!entry) throw new ApiFailure('not_found', 'There is no such chronology entry.');
  if (input.significant && input.headline === '')
    throw new ApiFailure('invalid_input', 'Some details need correcting.', {
      headline: 'Give the significant event a headline, such as “Disclosure to class teacher”.',
    });
  ctx.store.chronology.mark(entry.id, input.significant, input.headline);
  const marked = ctx.store.chronology.get(entry.id);
  if (!marked) throw new ApiFailure('internal', 'The entry was not saved.');
  return { value: marked, recordIds: [marked.childId, marked.id] };
}
