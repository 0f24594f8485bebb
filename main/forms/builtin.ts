/**
 * The built-in forms (issue 6): prepare one for a child (every field prefilled from the child's
 * file, the empty mandatory fields listed) and export it as PDF or Word once the DSL has filled
 * those in. An export is refused, with one message per empty mandatory field, before anything
 * is rendered or written; a saved one is recorded in the exports log and the child's
 * chronology.
 */
import type { MethodOutput, ParsedInput } from '../../shared/api';
import { displayName } from '../../shared/children/schema';
import { formatInstant } from '../../shared/dates/calendar-date';
import type { BuiltinFormId, FilledForm, PreparedForm } from '../../shared/forms/builtin';
import {
  builtinFields,
  builtinForms,
  computedValues,
  fieldOptions,
  missingMandatory,
} from '../../shared/forms/builtin';
import { formValues } from '../../shared/forms/fields';
import { ApiFailure } from '../api-failure';
import { caseFile } from '../exports/case-file';
import { recordExport } from '../exports/record';
import type { Handled, HandlerContext } from '../handler';
import { builtinFormDocx } from './builtin-docx';
import { builtinFormPdf } from './builtin-pdf';
import { formContext, safeFileName } from '../exports/naming';

function prepared(
  ctx: HandlerContext,
  formId: BuiltinFormId,
  childId: string,
  concernId: string | null,
): PreparedForm & { childName: string } {
  const file = caseFile(ctx, childId);
  if (concernId !== null && !file.concerns.some((c) => c.concern.id === concernId))
    throw new ApiFailure('not_found', 'That concern is not on this child’s file.', {
      concernId: 'Choose one of this child’s concerns.',
    });
  const form = builtinForms[formId];
  const keys = formValues(file, formContext(ctx, concernId));
  const computed = computedValues(file, concernId);
  const values = Object.fromEntries(
    builtinFields(form).map((f) => {
      const { prefill } = f;
      const text = !prefill
        ? ''
        : 'key' in prefill
          ? keys[prefill.key]
          : computed[prefill.computed];
      return [f.id, text];
    }),
  );
  return {
    form,
    childId,
    concernId,
    values,
    missing: missingMandatory(form, values),
    childName: displayName(file.child),
  };
}

function touched(childId: string, concernId: string | null): string[] {
  return concernId === null ? [childId] : [childId, concernId];
}

export function prepareForm(
  ctx: HandlerContext,
  input: ParsedInput<'forms.prepare'>,
): Handled<PreparedForm> {
  const { form, childId, concernId, values, missing } = prepared(
    ctx,
    input.formId,
    input.childId,
    input.concernId,
  );
  return {
    value: { form, childId, concernId, values, missing },
    recordIds: touched(input.childId, input.concernId),
  };
}

/** Field errors for the DSL's values: unknown fields, answers not offered, required ones empty. */
function valueErrors(
  form: PreparedForm['form'],
  entered: Record<string, string>,
  values: Record<string, string>,
): Record<string, string> {
  const fields = builtinFields(form);
  const errors: Record<string, string> = {};
  const known = new Set(fields.map((f) => f.id));
  for (const id of Object.keys(entered))
    if (!known.has(id)) errors[`values.${id}`] = 'This form has no such field.';
  for (const f of fields) {
    const options = fieldOptions(f);
    const value = values[f.id] ?? '';
    if (options && value !== '' && !options.includes(value))
      errors[`values.${f.id}`] = `Choose one of: ${options.join(', ')}.`;
  }
  const byId = new Map(fields.map((f) => [f.id, f]));
  for (const id of missingMandatory(form, values))
    errors[`values.${id}`] = `Fill in “${byId.get(id)?.label ?? id}”: this form requires it.`;
  return errors;
}

/** Characters no file system accepts in a name. */
export async function exportForm(
  ctx: HandlerContext,
  input: ParsedInput<'forms.export'>,
): Promise<Handled<MethodOutput<'forms.export'>>> {
  const base = prepared(ctx, input.formId, input.childId, input.concernId);
  const entered = Object.fromEntries(
    Object.entries(input.values).map(([id, text]) => [id, text.trim()]),
  );
  const values = { ...base.values, ...entered };
  const errors = valueErrors(base.form, entered, values);
  const missing = missingMandatory(base.form, values).length;
  if (Object.keys(errors).length > 0)
    throw new ApiFailure(
      'invalid_input',
      missing > 0
        ? `${missing === 1 ? '1 required field is' : `${missing} required fields are`} empty. Fill ${missing === 1 ? 'it' : 'them'} in before exporting.`
        : 'Some answers need correcting before exporting.',
      errors,
    );
  const { form } = base;
  const user = ctx.session.user;
  const filled: FilledForm = {
    form,
    values,
    childName: base.childName,
    schoolName: ctx.store.school.get()?.name ?? '',
    recipient: input.recipient,
    reference: input.reference,
    preparedBy: user?.displayName ?? '',
    preparedAt: formatInstant(ctx.now.toISOString()),
  };
  const pdf = input.format === 'pdf';
  const data = pdf ? await builtinFormPdf(filled) : await builtinFormDocx(filled);
  const savedTo = await ctx.platform.saveFile(
    {
      suggestedName: safeFileName(
        `${form.shortTitle} ${base.childName} ${ctx.today}.${input.format}`,
      ),
      title: `Save the ${form.shortTitle}`,
      filters: [
        pdf
          ? { name: 'PDF', extensions: ['pdf'] }
          : { name: 'Word document', extensions: ['docx'] },
      ],
    },
    data,
  );
  const recordIds = touched(input.childId, input.concernId);
  if (savedTo === null) return { value: { savedTo }, recordIds };
  ctx.commit(recordIds, () =>
    recordExport(
      ctx,
      {
        childId: input.childId,
        kind: 'form',
        form: form.id,
        format: input.format,
        recipient: input.recipient,
        reference: input.reference,
        concernIds: input.concernId === null ? [] : [input.concernId],
        redacted: false,
        title: `${form.shortTitle} exported for ${input.recipient}`,
        detail: `${form.title} (${pdf ? 'PDF' : 'Word'})${input.reference === '' ? '' : `, reference ${input.reference}`}.`,
      },
      data,
    ),
  );
  return { value: { savedTo }, recordIds };
}
