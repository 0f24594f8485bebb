/**
 * The local authority's own forms (issue 6): a fillable PDF (AcroForm) or a Word document with
 * {placeholders}, imported once, its fields mapped to Lantern data (shared/forms/fields.ts) or
 * to fixed text, then filled for a child. Templates live in the school's encrypted database, so
 * backups carry them with their mappings.
 */
import { z } from 'zod';

import { recordId as id } from '../record-id';
import { unreachable } from '../assert';
import type { FormFieldKey } from './fields';
import { formFieldLabels, isFormFieldKey } from './fields';

export const MAX_TEMPLATE_BYTES = 10 * 1024 * 1024;
/** Base64 carries 3 bytes in 4 characters. */
export const MAX_TEMPLATE_BASE64_CHARS = 4 * Math.ceil(MAX_TEMPLATE_BYTES / 3);
export const MAX_TEMPLATE_FIELDS = 1000;
export const MAX_FIELD_NAME_CHARS = 500;
export const MAX_FIXED_TEXT_CHARS = 2000;

export const templateFormats = ['pdf', 'docx'] as const;
export type TemplateFormat = (typeof templateFormats)[number];
export const templateFormatLabels: Record<TemplateFormat, string> = {
  pdf: 'Fillable PDF',
  docx: 'Word document',
};

export const TEMPLATE_TOO_LARGE = `The form must be ${MAX_TEMPLATE_BYTES / (1024 * 1024)} MB or smaller.`;
export const TEMPLATE_WRONG_TYPE =
  'Choose your local authority’s form as a fillable PDF or a Word document (.docx).';

/** How a field is filled: text, a tick box, one of a set of choices, or a Word placeholder. */
export const templateFieldTypes = [
  'text',
  'checkbox',
  'radio',
  'dropdown',
  'list',
  'placeholder',
] as const;
export type TemplateFieldType = (typeof templateFieldTypes)[number];
export const templateFieldTypeLabels: Record<TemplateFieldType, string> = {
  text: 'Text',
  checkbox: 'Tick box',
  radio: 'Choice (radio buttons)',
  dropdown: 'Choice (drop-down)',
  list: 'Choice (list)',
  placeholder: 'Placeholder',
};

export type TemplateField = {
  name: string;
  type: TemplateFieldType;
  /** The choices of a radio group, drop-down or list; [] for the rest. */
  options: string[];
  /** A text field that takes several lines (a Word placeholder does). */
  multiline: boolean;
  /** The most characters a PDF text field takes, or null for no limit. */
  maxLength: number | null;
  /** What Lantern suggested from the field's name (shared/forms/suggest.ts). */
  suggestion: FormFieldKey | null;
};

export type MappingTarget = { kind: 'key'; key: FormFieldKey } | { kind: 'fixed'; text: string };
/** A field left out of the mapping is left empty. */
export type MappingEntry = { field: string; target: MappingTarget };

const mappingTarget = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('key'),
    key: z.string().max(100).refine(isFormFieldKey, 'Choose one of Lantern’s data fields.'),
  }),
  z.strictObject({
    kind: z.literal('fixed'),
    text: z
      .string()
      .max(MAX_FIXED_TEXT_CHARS, `Fixed text must be ${MAX_FIXED_TEXT_CHARS} characters or fewer.`),
  }),
]);

export const mappingInput = z
  .array(
    z.strictObject({
      field: z.string().min(1).max(MAX_FIELD_NAME_CHARS),
      target: mappingTarget,
    }),
  )
  .max(MAX_TEMPLATE_FIELDS)
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((e, i) => {
      if (seen.has(e.field))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'field'],
          message: `“${e.field}” is mapped twice.`,
        });
      seen.add(e.field);
    });
  });

export const templateImportInput = z.strictObject({
  name: z
    .string()
    .max(120, 'The name must be 120 characters or fewer.')
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .refine((s) => s.length > 0, 'Give the form a name, for example “Westshire MARF”.'),
  dataBase64: z
    .string()
    .max(MAX_TEMPLATE_BASE64_CHARS, TEMPLATE_TOO_LARGE)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file could not be read. Choose it again.')
    .refine((s) => s.length > 0, 'Choose the form’s file.'),
});

export const templateSaveMappingInput = z.strictObject({ id, mapping: mappingInput });

export const templatePreviewInput = z.strictObject({
  id,
  childId: id,
  /** The concern the form is about, or null for the child's whole file. */
  concernId: id.nullable(),
});

export const templateFillInput = templatePreviewInput.extend({
  recipient: z
    .string()
    .max(200, 'Who it is for must be 200 characters or fewer.')
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .refine((s) => s.length > 0, 'Say who the form is for, for example “Westshire MASH”.'),
  reference: z
    .string()
    .max(100, 'The reference must be 100 characters or fewer.')
    .transform((s) => s.trim()),
});

export type TemplateSummary = {
  id: string;
  name: string;
  format: TemplateFormat;
  fieldCount: number;
  mappedCount: number;
  updatedAt: string;
  updatedByName: string;
};

export type TemplateDetail = TemplateSummary & {
  sha256: string;
  bytes: number;
  fields: TemplateField[];
  mapping: MappingEntry[];
};

/** Why a mapped field may not come out as the DSL expects. */
export type FillProblem = 'empty' | 'not_a_choice' | 'shortened';
export const fillProblemLabels: Record<FillProblem, string> = {
  empty: 'Nothing recorded: this field will be left empty',
  not_a_choice: 'Not one of the form’s choices: this field will be left empty',
  shortened: 'Too long for this field: it will be cut short',
};

export type FilledField = {
  field: string;
  type: TemplateFieldType;
  /** The Lantern field's label, "Fixed text", or null when the field is not mapped. */
  source: string | null;
  value: string;
  problem: FillProblem | null;
};

export type TemplatePreview = { templateName: string; fields: FilledField[] };

/** Ticks a tick box: the values Lantern and DSLs write for "yes". */
export function isYes(value: string): boolean {
  return ['yes', 'y', 'true', 'x', '✓', '✔', 'ticked'].includes(value.trim().toLowerCase());
}

/** The target of `field` in a mapping, or null when it is left unmapped. */
export function targetOf(mapping: readonly MappingEntry[], field: string): MappingTarget | null {
  return mapping.find((e) => e.field === field)?.target ?? null;
}

/** The choice among `options` that `value` names, ignoring case and spacing. */
function choiceFor(options: readonly string[], value: string): string | null {
  const wanted = value.trim().replace(/\s+/g, ' ').toLowerCase();
  return options.find((o) => o.trim().replace(/\s+/g, ' ').toLowerCase() === wanted) ?? null;
}

/**
 * What each field of a template receives for one child: the mapped Lantern value or fixed text,
 * fitted to the field (one line, its length limit, its choices, a tick), and why a mapped field
 * may come out empty or shortened. Preview and fill both use it, so the preview is the form.
 */
export function fillFields(
  fields: readonly TemplateField[],
  mapping: readonly MappingEntry[],
  values: Readonly<Record<FormFieldKey, string>>,
): FilledField[] {
  return fields.map((f) => {
    const target = targetOf(mapping, f.name);
    const base = { field: f.name, type: f.type };
    if (target === null) return { ...base, source: null, value: '', problem: null };
    const source = target.kind === 'key' ? formFieldLabels[target.key] : 'Fixed text';
    const raw = (target.kind === 'key' ? values[target.key] : target.text).trim();
    if (raw === '') return { ...base, source, value: '', problem: 'empty' };
    switch (f.type) {
      case 'checkbox':
        return { ...base, source, value: isYes(raw) ? 'Yes' : 'No', problem: null };
      case 'radio':
      case 'dropdown':
      case 'list': {
        const choice = choiceFor(f.options, raw);
        return choice === null
          ? { ...base, source, value: '', problem: 'not_a_choice' }
          : { ...base, source, value: choice, problem: null };
      }
      case 'text':
      case 'placeholder': {
        const text = f.multiline ? raw : raw.replace(/\s*\n\s*/g, ', ');
        return f.maxLength !== null && text.length > f.maxLength
          ? { ...base, source, value: text.slice(0, f.maxLength), problem: 'shortened' }
          : { ...base, source, value: text, problem: null };
      }
      default:
        return unreachable(f.type);
    }
  });
}
