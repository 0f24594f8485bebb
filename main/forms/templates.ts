/**
 * The local authority's own forms (issue 6 item 3): import a fillable PDF or a Word form with
 * {placeholders}, map its fields to Lantern data (suggested from the field names), preview it
 * for a child and fill it: a PDF flattened so that what was sent cannot be edited, a Word form
 * rendered. Templates and mappings live in the encrypted database, so backups carry them.
 */
import { createHash } from 'node:crypto';

import type { MethodOutput, ParsedInput, SavedFile } from '../../shared/api';
import { displayName } from '../../shared/children/schema';
import { formValues } from '../../shared/forms/fields';
import type {
  FilledField,
  MappingEntry,
  TemplateDetail,
  TemplatePreview,
} from '../../shared/forms/templates';
import {
  fillFields,
  isYes,
  MAX_TEMPLATE_BYTES,
  TEMPLATE_TOO_LARGE,
} from '../../shared/forms/templates';
import { ApiFailure } from '../api-failure';
import { formContext, safeFileName } from '../exports/naming';
import { caseFile } from '../exports/case-file';
import { recordExport } from '../exports/record';
import type { Handled, HandlerContext } from '../handler';
import { signedInUserId } from '../handler';
import { newId } from '../ids';
import { fillTemplate, readTemplate } from './template-files';

function storedTemplate(ctx: HandlerContext, id: string): TemplateDetail {
  const template = ctx.store.formTemplates.get(id);
  if (!template)
    throw new ApiFailure('not_found', 'There is no such form. It may have been deleted.');
  return template;
}

/** Who is filling the form in, and the school's DSL, for the referrer and DSL fields. */
function filledFor(
  ctx: HandlerContext,
  template: TemplateDetail,
  input: { childId: string; concernId: string | null },
): { filled: FilledField[]; childName: string } {
  const file = caseFile(ctx, input.childId);
  if (input.concernId !== null && !file.concerns.some((c) => c.concern.id === input.concernId))
    throw new ApiFailure('not_found', 'That concern is not on this child’s file.', {
      concernId: 'Choose one of this child’s concerns.',
    });
  const values = formValues(file, formContext(ctx, input.concernId));
  return {
    filled: fillFields(template.fields, template.mapping, values),
    childName: displayName(file.child),
  };
}

function touched(input: { id: string; childId: string; concernId: string | null }): string[] {
  return [input.id, input.childId, ...(input.concernId === null ? [] : [input.concernId])];
}

export async function importTemplate(
  ctx: HandlerContext,
  input: ParsedInput<'templates.import'>,
): Promise<Handled<TemplateDetail>> {
  const file = Buffer.from(input.dataBase64, 'base64');
  if (file.byteLength > MAX_TEMPLATE_BYTES)
    throw new ApiFailure('invalid_input', TEMPLATE_TOO_LARGE, { file: TEMPLATE_TOO_LARGE });
  const { format, fields } = await readTemplate(file);
  // The suggestions are the first mapping: a placeholder typed as a Lantern key is then done.
  const mapping: MappingEntry[] = fields.flatMap((f) =>
    f.suggestion === null ? [] : [{ field: f.name, target: { kind: 'key', key: f.suggestion } }],
  );
  const id = newId(ctx.now);
  const by = signedInUserId(ctx);
  ctx.commit([id], () => {
    ctx.store.formTemplates.add(
      {
        id,
        name: input.name,
        format,
        file,
        sha256: createHash('sha256').update(file).digest('hex'),
        fields,
        mapping,
      },
      { by, at: ctx.now.toISOString() },
    );
  });
  return { value: storedTemplate(ctx, id), recordIds: [id] };
}

export function listTemplates(ctx: HandlerContext): Handled<MethodOutput<'templates.list'>> {
  const value = ctx.store.formTemplates.list();
  return { value, recordIds: value.map((t) => t.id) };
}

export function getTemplate(
  ctx: HandlerContext,
  input: ParsedInput<'templates.get'>,
): Handled<TemplateDetail> {
  return { value: storedTemplate(ctx, input.id), recordIds: [input.id] };
}

/** Field errors for a mapping: fields the form does not have, fixed answers it cannot take. */
function mappingErrors(
  template: TemplateDetail,
  mapping: readonly MappingEntry[],
): Record<string, string> {
  const byName = new Map(template.fields.map((f) => [f.name, f]));
  const errors: Record<string, string> = {};
  mapping.forEach((entry, i) => {
    const field = byName.get(entry.field);
    const at = `mapping.${i}`;
    if (!field) {
      errors[`${at}.field`] = `This form has no field called “${entry.field}”.`;
      return;
    }
    if (entry.target.kind !== 'fixed') return;
    const text = entry.target.text.trim();
    if (text === '')
      errors[`${at}.target`] = `Enter the fixed text for “${field.name}”, or leave it unmapped.`;
    else if (field.type === 'checkbox' && !isYes(text) && text.toLowerCase() !== 'no')
      errors[`${at}.target`] = `“${field.name}” is a tick box: enter Yes to tick it or No.`;
    else if (
      field.options.length > 0 &&
      !field.options.some((o) => o.trim().toLowerCase() === text.toLowerCase())
    )
      errors[`${at}.target`] =
        `Choose one of the form’s answers for “${field.name}”: ${field.options.join(', ')}.`;
  });
  return errors;
}

export function saveMapping(
  ctx: HandlerContext,
  input: ParsedInput<'templates.saveMapping'>,
): Handled<TemplateDetail> {
  const template = storedTemplate(ctx, input.id);
  const errors = mappingErrors(template, input.mapping);
  const count = Object.keys(errors).length;
  if (count > 0)
    throw new ApiFailure(
      'invalid_input',
      count === 1
        ? 'One field’s mapping needs correcting.'
        : `${count} fields’ mappings need correcting.`,
      errors,
    );
  ctx.store.formTemplates.setMapping(input.id, input.mapping, {
    by: signedInUserId(ctx),
    at: ctx.now.toISOString(),
  });
  return { value: storedTemplate(ctx, input.id), recordIds: [input.id] };
}

export function deleteTemplate(
  ctx: HandlerContext,
  input: ParsedInput<'templates.delete'>,
): Handled<null> {
  storedTemplate(ctx, input.id);
  ctx.store.formTemplates.remove(input.id);
  return { value: null, recordIds: [input.id] };
}

export function previewTemplate(
  ctx: HandlerContext,
  input: ParsedInput<'templates.preview'>,
): Handled<TemplatePreview> {
  const template = storedTemplate(ctx, input.id);
  const { filled } = filledFor(ctx, template, input);
  return { value: { templateName: template.name, fields: filled }, recordIds: touched(input) };
}

/** Characters no file system accepts in a name. */
export async function fillTemplateFor(
  ctx: HandlerContext,
  input: ParsedInput<'templates.fill'>,
): Promise<Handled<SavedFile>> {
  const template = storedTemplate(ctx, input.id);
  const file = ctx.store.formTemplates.file(input.id);
  if (!file) throw new ApiFailure('not_found', 'There is no such form. It may have been deleted.');
  const { filled, childName } = filledFor(ctx, template, input);
  const data = await fillTemplate(template.format, file, filled);
  const pdf = template.format === 'pdf';
  const savedTo = await ctx.platform.saveFile(
    {
      suggestedName: safeFileName(`${template.name} ${childName} ${ctx.today}.${template.format}`),
      title: `Save the ${template.name}`,
      filters: [
        pdf
          ? { name: 'PDF', extensions: ['pdf'] }
          : { name: 'Word document', extensions: ['docx'] },
      ],
    },
    Buffer.from(data),
  );
  const recordIds = touched(input);
  if (savedTo === null) return { value: { savedTo }, recordIds };
  const mapped = filled.filter((f) => f.source !== null);
  const empty = mapped.filter((f) => f.value === '').length;
  ctx.commit(recordIds, () =>
    recordExport(
      ctx,
      {
        childId: input.childId,
        kind: 'la_form',
        form: template.id,
        format: template.format,
        recipient: input.recipient,
        reference: input.reference,
        concernIds: input.concernId === null ? [] : [input.concernId],
        redacted: false,
        title: `${template.name} filled for ${input.recipient}`,
        detail: `The local authority’s own form (${pdf ? 'PDF, flattened' : 'Word'}): ${mapped.length - empty} of ${mapped.length} mapped fields filled${input.reference === '' ? '' : `, reference ${input.reference}`}.`,
      },
      data,
    ),
  );
  return { value: { savedTo }, recordIds };
}
