import type { ParsedInput } from '../../shared/api';
import type {
  ImportMapping,
  ImportPlan,
  ImportPreview,
  ImportResult,
  SavedImportMapping,
} from '../../shared/children/import';
import {
  headerKey,
  importFields,
  importRefusal,
  planImport,
  previewOf,
} from '../../shared/children/import';
import { ApiFailure } from '../api-failure';
import { dutiesForLeaver } from '../duties/triggers';
import type { HandlerContext, Handled } from '../handler';
import { newId } from '../ids';
import { signedInUserId } from '../handler';

function plan(ctx: HandlerContext, csv: string, mapping: ImportMapping | null): ImportPlan {
  const { children, importMappings, families } = ctx.store;
  return planImport({
    csv,
    mapping,
    saved: importMappings.list(),
    today: ctx.today,
    findByUpn: (upn) => children.byUpn(upn),
    adultsFor: (childId) => families.adultsFor(childId),
  });
}

export function listImportMappings(ctx: HandlerContext): Handled<SavedImportMapping[]> {
  return { value: ctx.store.importMappings.list() };
}

/**
 * The plan, without changing anything. The audit row names the pupils whose stored details
 * the preview shows (those it would change), as viewing their file would.
 */
export function previewImport(
  ctx: HandlerContext,
  input: ParsedInput<'children.importPreview'>,
): Handled<ImportPreview> {
  const planned = plan(ctx, input.csv, input.mapping);
  const shown = planned.rows.flatMap((r) =>
    r.existingId !== null && r.changes.length > 0 ? [r.existingId] : [],
  );
  return { value: previewOf(planned), recordIds: shown };
}

/** Header names compared as detection compares them: a change of case is not a new mapping. */
function sameMapping(a: ImportMapping, b: ImportMapping): boolean {
  return importFields.every((f) => headerKey(a[f]) === headerKey(b[f]));
}

/**
 * Puts each group of siblings in one family: the family that already holds most of them (the
 * oldest on a tie) gains the others, or, when none of them is in a family, a new one. Nobody
 * is taken out of a family, so a second import of the same file changes nothing.
 */
function linkSiblings(
  ctx: HandlerContext,
  groups: readonly string[][],
  meta: { by: string; at: string },
): { linked: number; recordIds: string[] } {
  const repo = ctx.store.families;
  let linked = 0;
  const recordIds: string[] = [];
  for (const childIds of groups) {
    const held = new Map<string, number>();
    for (const childId of childIds)
      for (const family of repo.familiesOf(childId))
        held.set(family.id, (held.get(family.id) ?? 0) + 1);
    let familyId: string | null = null;
    let most = 0;
    for (const [id, count] of held) {
      if (count > most) [familyId, most] = [id, count];
    }
    const members = new Set(familyId === null ? [] : repo.membersOf(familyId));
    const missing = childIds.filter((id) => !members.has(id));
    if (missing.length === 0) continue;
    if (familyId === null) {
      familyId = newId(ctx.now);
      repo.createFamily({ id: familyId, label: '', createdBy: meta.by, createdAt: meta.at });
    }
    for (const childId of missing)
      repo.addMember({ familyId, childId, addedBy: meta.by, addedAt: meta.at });
    linked += missing.length;
    recordIds.push(familyId, ...missing);
  }
  return { linked, recordIds };
}

/**
 * Plans again inside this call's transaction (the register may have changed since the
 * preview) and applies every row, or refuses and applies none (security F3). A row that would
 * change nothing is not written, so importing the same file twice leaves the register as it was.
 */
export function applyImport(
  ctx: HandlerContext,
  input: ParsedInput<'children.importApply'>,
): Handled<ImportResult> {
  const planned = plan(ctx, input.csv, input.mapping);
  const refusal = importRefusal(planned);
  if (refusal !== null) throw new ApiFailure('invalid_input', refusal);

  const now = ctx.now.toISOString();
  const { children, importMappings, families } = ctx.store;
  const by = signedInUserId(ctx);
  const result: ImportResult = {
    added: 0,
    updated: 0,
    unchanged: 0,
    leavers: 0,
    adultsAdded: 0,
    adultsUpdated: 0,
    siblingsLinked: 0,
  };
  const touched: string[] = [];
  const idByLine = new Map<number, string>();
  for (const row of planned.rows) {
    const { draft, existingId } = row;
    if (draft === null || row.outcome === 'error') {
      // importRefusal let no row with problems through; a draft is there for every other row.
      throw new Error(`import row on line ${row.line} has no draft`);
    }
    let id = existingId;
    if (row.outcome === 'unchanged') {
      result.unchanged += 1;
    } else {
      if (id === null) {
        id = newId(ctx.now);
        children.add(id, draft, now);
      } else {
        const leavingBefore = children.get(id)?.leavingDate ?? '';
        children.update(id, draft, now);
        touched.push(...dutiesForLeaver(ctx, id, leavingBefore, draft.leavingDate));
      }
      touched.push(id);
      if (row.outcome === 'leaver') result.leavers += 1;
      else if (row.outcome === 'new') result.added += 1;
      else result.updated += 1;
    }
    if (id === null) throw new Error(`import row on line ${row.line} has no pupil`);
    idByLine.set(row.line, id);
    for (const adult of row.adults) {
      if (adult.action === 'add') {
        const adultId = newId(ctx.now);
        families.addAdult(adult.draft, { id: adultId, childId: id, by, at: now });
        touched.push(adultId);
        result.adultsAdded += 1;
      } else if (adult.action === 'update' && adult.existingId !== null) {
        families.updateAdult(adult.draft, { id: adult.existingId, by, at: now });
        touched.push(adult.existingId);
        result.adultsUpdated += 1;
      }
    }
    if (row.adults.some((a) => a.action !== 'unchanged') && !touched.includes(id)) touched.push(id);
  }
  const siblings = linkSiblings(
    ctx,
    planned.households.map((lines) => lines.flatMap((line) => idByLine.get(line) ?? [])),
    { by, at: now },
  );
  result.siblingsLinked = siblings.linked;
  touched.push(...siblings.recordIds.filter((id) => !touched.includes(id)));

  if (input.saveMappingAs !== '') {
    const held = importMappings.get(input.saveMappingAs);
    if (!held || !sameMapping(held.mapping, planned.mapping)) {
      importMappings.save(input.saveMappingAs, planned.mapping, now);
    }
  }
  return { value: result, recordIds: touched };
}
