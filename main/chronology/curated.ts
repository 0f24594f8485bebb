import type { ParsedInput } from '../../shared/api';
import type { CuratedChronology, CuratedSummary } from '../../shared/chronology/curated';
import { ApiFailure } from '../api-failure';
import type { HandlerContext, Handled } from '../handler';
import { signedInUserId } from '../handler';
import { newId } from '../ids';
import { childNames, familyOf } from './service';

function mustGetCurated(ctx: HandlerContext, id: string): CuratedSummary {
  const curated = ctx.store.curatedChronologies.get(id);
  if (!curated) throw new ApiFailure('not_found', 'There is no such curated chronology.');
  return curated;
}

function withEntries(ctx: HandlerContext, curated: CuratedSummary): CuratedChronology {
  const chosen = ctx.store.curatedChronologies.entries(curated.id).map((c) => {
    const entry = ctx.store.chronology.get(c.entryId);
    if (!entry) throw new ApiFailure('internal', 'A curated entry is missing from the chronology.');
    return { entry, analysis: c.analysis };
  });
  const names = childNames(ctx, [...new Set(chosen.map((c) => c.entry.childId))]);
  return {
    id: curated.id,
    childId: curated.childId,
    title: curated.title,
    purpose: curated.purpose,
    createdByName: curated.createdByName,
    createdAt: curated.createdAt,
    updatedByName: curated.updatedByName,
    updatedAt: curated.updatedAt,
    entries: chosen.map((c) => ({
      entry: { ...c.entry, childName: names.get(c.entry.childId) ?? 'Unknown child' },
      analysis: c.analysis,
    })),
  };
}

export function listCurated(
  ctx: HandlerContext,
  input: ParsedInput<'chronology.curated.list'>,
): Handled<CuratedSummary[]> {
  familyOf(ctx, input.childId);
  return {
    value: ctx.store.curatedChronologies.forChild(input.childId),
    recordIds: [input.childId],
  };
}

export function getCurated(
  ctx: HandlerContext,
  input: ParsedInput<'chronology.curated.get'>,
): Handled<CuratedChronology> {
  const curated = mustGetCurated(ctx, input.id);
  return { value: withEntries(ctx, curated), recordIds: [curated.childId, curated.id] };
}

/**
 * Creates or replaces a curated version. Every entry must be on the chronology of the child or
 * of a sibling in one of their families, so a selection cannot pull in another child's record.
 */
export function saveCurated(
  ctx: HandlerContext,
  input: ParsedInput<'chronology.curated.save'>,
): Handled<CuratedChronology> {
  const family = new Set(familyOf(ctx, input.childId));
  input.entries.forEach((chosen, i) => {
    const entry = ctx.store.chronology.get(chosen.entryId);
    if (!entry || !family.has(entry.childId))
      throw new ApiFailure('invalid_input', 'Some details need correcting.', {
        [`entries.${i}.entryId`]:
          'This entry is not on the chronology of this child or their siblings.',
      });
  });
  const meta = { by: signedInUserId(ctx), at: ctx.now.toISOString() };
  let id = input.id;
  if (id === '') {
    id = newId(ctx.now);
    ctx.store.curatedChronologies.create(
      { id, childId: input.childId, title: input.title, purpose: input.purpose },
      input.entries,
      meta,
    );
  } else {
    const existing = mustGetCurated(ctx, id);
    if (existing.childId !== input.childId)
      throw new ApiFailure('conflict', 'That curated chronology belongs to another child.');
    ctx.store.curatedChronologies.update(
      { id, title: input.title, purpose: input.purpose },
      input.entries,
      meta,
    );
  }
  const saved = mustGetCurated(ctx, id);
  return { value: withEntries(ctx, saved), recordIds: [input.childId, id] };
}
