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
import type { HandlerContext, Handled } from '../handler';
import { newId } from '../ids';

function plan(ctx: HandlerContext, csv: string, mapping: ImportMapping | null): ImportPlan {
  const { children, importMappings } = ctx.store;
  return planImport({
    csv,
    mapping,
    saved: importMappings.list(),
    today: ctx.today,
    findByUpn: (upn) => children.byUpn(upn),
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
  const { children, importMappings } = ctx.store;
  const result: ImportResult = { added: 0, updated: 0, unchanged: 0, leavers: 0 };
  const touched: string[] = [];
  for (const row of planned.rows) {
    const { draft, existingId } = row;
    if (draft === null || row.outcome === 'error') {
      // importRefusal let no row with problems through; a draft is there for every other row.
      throw new Error(`import row on line ${row.line} has no draft`);
    }
    if (row.outcome === 'unchanged') {
      result.unchanged += 1;
      continue;
    }
    let id = existingId;
    if (id === null) {
      id = newId(ctx.now);
      children.add(id, draft, now);
    } else {
      children.update(id, draft, now);
    }
    touched.push(id);
    if (row.outcome === 'leaver') result.leavers += 1;
    else if (row.outcome === 'new') result.added += 1;
    else result.updated += 1;
  }

  if (input.saveMappingAs !== '') {
    const held = importMappings.get(input.saveMappingAs);
    if (!held || !sameMapping(held.mapping, planned.mapping)) {
      importMappings.save(input.saveMappingAs, planned.mapping, now);
    }
  }
  return { value: result, recordIds: touched };
}
