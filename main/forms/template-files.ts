/**
 * Reading and filling the local authority's own form files: the fields of a fillable PDF
 * (AcroForm, with pdf-lib) and the {placeholders} of a Word document (docxtemplater). Bad
 * files are refused with a message that says what is wrong and what to do.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import fontkit from '@pdf-lib/fontkit';
import Docxtemplater from 'docxtemplater';
import InspectModule from 'docxtemplater/js/inspect-module.js';
import type { PDFField, PDFFont } from 'pdf-lib';
import {
  PDFCheckBox,
  PDFDict,
  PDFDocument,
  PDFDropdown,
  PDFName,
  PDFOptionList,
  PDFRadioGroup,
  PDFRef,
  PDFTextField,
  layoutMultilineText,
} from 'pdf-lib';
import PizZip from 'pizzip';

import type { FilledField, TemplateField, TemplateFormat } from '../../shared/forms/templates';
import {
  MAX_FIELD_NAME_CHARS,
  MAX_TEMPLATE_FIELDS,
  TEMPLATE_WRONG_TYPE,
} from '../../shared/forms/templates';
import { suggestMapping } from '../../shared/forms/suggest';
import { ApiFailure } from '../api-failure';
import { fontDir } from '../documents/pdf';

/** Why a file cannot be used as a template; the router shows the message as it is. */
function refuse(message: string): never {
  throw new ApiFailure('invalid_input', message, { file: message });
}

export function templateFormatOf(bytes: Uint8Array): TemplateFormat {
  const starts = (signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (starts([0x50, 0x4b, 0x03, 0x04])) return 'docx'; // a zip archive, as every .docx is
  return refuse(TEMPLATE_WRONG_TYPE);
}

type ReadField = Omit<TemplateField, 'suggestion'>;

function pdfFieldOf(field: PDFField): ReadField | null {
  const base = { name: field.getName(), options: [], multiline: false, maxLength: null };
  if (field instanceof PDFTextField)
    return {
      ...base,
      type: 'text',
      multiline: field.isMultiline(),
      maxLength: field.getMaxLength() ?? null,
    };
  if (field instanceof PDFCheckBox) return { ...base, type: 'checkbox' };
  if (field instanceof PDFRadioGroup)
    return { ...base, type: 'radio', options: field.getOptions() };
  if (field instanceof PDFDropdown)
    return { ...base, type: 'dropdown', options: field.getOptions() };
  if (field instanceof PDFOptionList) return { ...base, type: 'list', options: field.getOptions() };
  // Push buttons and signature boxes take nothing Lantern could fill.
  return null;
}

async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  const damaged =
    'This PDF could not be read: it may be damaged or incomplete. Download the form again from your local authority and import the new copy.';
  let doc: PDFDocument;
  try {
    // Loaded even when encrypted, so that protection is told apart from damage.
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    // pdf-lib reads leniently: a file without a single page is not a form either.
    if (doc.getPageCount() === 0) refuse(damaged);
  } catch (err) {
    if (err instanceof ApiFailure) throw err;
    return refuse(damaged);
  }
  if (doc.isEncrypted)
    refuse(
      'This PDF is protected (encrypted or password-protected), so Lantern cannot read or fill its fields. Ask your local authority for an unprotected copy of the form.',
    );
  return doc;
}

async function readPdfFields(bytes: Uint8Array): Promise<ReadField[]> {
  const doc = await loadPdf(bytes);
  let fields: ReadField[];
  try {
    fields = doc
      .getForm()
      .getFields()
      .flatMap((f) => pdfFieldOf(f) ?? []);
  } catch {
    return refuse(
      'The fillable fields of this PDF could not be read: its form may be damaged. Download the form again from your local authority and import the new copy.',
    );
  }
  if (fields.length === 0)
    refuse(
      'This PDF has no fillable fields. Lantern fills a PDF form whose boxes can be typed into: ask your local authority for the fillable version, or type {placeholders} such as {child.name} into their Word form and import that.',
    );
  return fields;
}

/** docxtemplater's tag lookup, with the spaces people type inside braces ("{ child.name }") ignored. */
function trimmedParser(tag: string) {
  const name = tag.trim();
  return {
    get: (scope: unknown) =>
      typeof scope === 'object' && scope !== null && Object.hasOwn(scope, name)
        ? (scope as Record<string, unknown>)[name]
        : undefined,
  };
}

type TagError = {
  id?: string;
  xtag?: string;
  explanation?: string;
  file?: string;
  offset?: number;
};
type TemplateErrorShape = { properties?: TagError & { errors?: { properties?: TagError }[] } };

/** What is wrong with one tag, in words a DSL can act on in Word. */
const TAG_PROBLEMS: Record<string, string> = {
  duplicate_open_tag: 'has two opening braces',
  duplicate_close_tag: 'has two closing braces',
  unclosed_tag: 'is never closed with }',
  unopened_tag: 'has no opening {',
};

/** The text of a Word part as docxtemplater numbers it: its runs' text, joined. */
function partText(zip: PizZip, file: string | undefined): string {
  const xml = file === undefined ? '' : (zip.file(file)?.asText() ?? '');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1] ?? '')
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The tag named in full: docxtemplater cuts it to a few characters, so it is read again from
 * the document at the error's offset, up to its closing brace.
 */
function tagProblem(zip: PizZip, error: TagError): string | null {
  const problem = error.id === undefined ? undefined : TAG_PROBLEMS[error.id];
  if (problem === undefined || error.xtag === undefined) return error.explanation ?? null;
  const text = partText(zip, error.file);
  const at = error.offset ?? -1;
  const whole =
    at >= 0 && text.startsWith(error.xtag, at) ? /^[^}]{0,80}}?/.exec(text.slice(at))?.[0] : null;
  return `“${(whole ?? error.xtag).trim()}” ${problem}`;
}

/** A .docx form unpacks to a few hundred kilobytes; a zip bomb to gigabytes. */
const MAX_UNPACKED_DOCX_BYTES = 100 * 1024 * 1024;

/**
 * The sizes the zip's entries declare once unpacked, added up before anything is unpacked
 * (PizZip checks each entry's declared size when it unpacks it).
 */
function unpackedBytes(zip: PizZip): number {
  return Object.values(zip.files).reduce((total, entry) => {
    const data = (entry as unknown as { _data?: { uncompressedSize?: number } })._data;
    return total + (data?.uncompressedSize ?? 0);
  }, 0);
}

function compileDocx(bytes: Uint8Array, inspect?: InspectModule): Docxtemplater<PizZip> {
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    return refuse(
      'This file could not be read as a Word document: it may be damaged. Save the form again in Word as a .docx and import it again.',
    );
  }
  if (unpackedBytes(zip) > MAX_UNPACKED_DOCX_BYTES)
    refuse(
      'This Word file unpacks to more than 100 MB, far more than a form needs. Save the form again in Word as a .docx and import it again.',
    );
  try {
    return new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      errorLogging: false,
      parser: trimmedParser,
      nullGetter: () => '',
      ...(inspect ? { modules: [inspect] } : {}),
    });
  } catch (err) {
    const props = (err as TemplateErrorShape).properties;
    if (props?.id === 'filetype_not_identified') refuse(TEMPLATE_WRONG_TYPE);
    // A multi error lists each tag's error; a single error is the tag's own.
    const errors: TagError[] = props?.errors
      ? props.errors.map((e) => e.properties ?? {})
      : props
        ? [props]
        : [];
    const problems = errors.map((e) => tagProblem(zip, e)).filter((p) => p !== null);
    if (problems.length > 0)
      refuse(
        `A placeholder in this Word form is not written correctly: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}. Each placeholder is a name between single braces, such as {child.name}. Correct it in Word and import the form again.`,
      );
    return refuse(
      'This Word document could not be read: it may be damaged. Save the form again in Word as a .docx and import it again.',
    );
  }
}

type StructuredTag = { value: string; module?: string };

function readDocxPlaceholders(bytes: Uint8Array): ReadField[] {
  const inspect = new InspectModule();
  compileDocx(bytes, inspect);
  const tags = inspect.getAllStructuredTags() as StructuredTag[];
  const special = tags.find((t) => t.module !== undefined);
  if (special)
    refuse(
      `Lantern fills simple placeholders such as {child.name}; “${special.value.trim()}” is a loop, condition or other special tag. Replace it with simple placeholders and import the form again.`,
    );
  const names = [...new Set(tags.map((t) => t.value.trim()))];
  if (names.length === 0)
    refuse(
      'This Word document has no placeholders. Type the Lantern field names in braces where the answers go, for example {child.name} or {child.dateOfBirth}, then import it again.',
    );
  const empty = names.find((n) => n === '');
  if (empty !== undefined) refuse('This Word form has an empty placeholder {}. Remove it in Word.');
  return names.map((name) => ({
    name,
    type: 'placeholder',
    options: [],
    multiline: true,
    maxLength: null,
  }));
}

/** The file's format and fields, each with the Lantern data suggested for it. */
export async function readTemplate(
  bytes: Uint8Array,
): Promise<{ format: TemplateFormat; fields: TemplateField[] }> {
  const format = templateFormatOf(bytes);
  const read = format === 'pdf' ? await readPdfFields(bytes) : readDocxPlaceholders(bytes);
  if (read.length > MAX_TEMPLATE_FIELDS)
    refuse(`This form has more than ${MAX_TEMPLATE_FIELDS} fields; Lantern cannot map so many.`);
  const long = read.find((f) => f.name.length > MAX_FIELD_NAME_CHARS);
  if (long)
    refuse(`A field of this form has a name longer than ${MAX_FIELD_NAME_CHARS} characters.`);
  return { format, fields: read.map((f) => ({ ...f, suggestion: suggestMapping(f.name) })) };
}

/**
 * pdf-lib's flatten can leave a page pointing at the widgets it removed, which readers report
 * as a broken file; drop every widget annotation still listed, and any reference to nothing.
 */
function dropLeftoverWidgets(doc: PDFDocument): void {
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    for (let i = annots.size() - 1; i >= 0; i -= 1) {
      const entry = annots.get(i);
      const annot = entry instanceof PDFRef ? doc.context.lookup(entry) : entry;
      if (!(annot instanceof PDFDict) || annot.get(PDFName.of('Subtype')) === PDFName.of('Widget'))
        annots.remove(i);
    }
  }
}

/** Acrobat's largest "auto" size for text in a multi-line box; pdf-lib has no limit. */
const MAX_AUTO_FONT_SIZE = 12;

/**
 * A multi-line box whose size is "auto" gets what pdf-lib would pick, but no larger than
 * Acrobat would print it: a short answer in a tall box otherwise comes out in huge letters.
 */
function capAutoSize(field: PDFTextField, font: PDFFont): void {
  const da = field.acroField.getDefaultAppearance() ?? '';
  const size = /(\d*\.?\d+)\s+Tf/.exec(da)?.[1];
  const widget = field.acroField.getWidgets()[0];
  if (!field.isMultiline() || (size !== undefined && Number(size) !== 0) || !widget) return;
  const { width, height } = widget.getRectangle();
  const picked = layoutMultilineText(field.getText() ?? '', {
    alignment: field.getAlignment(),
    font,
    bounds: { x: 0, y: 0, width: width - 4, height: height - 4 },
  }).fontSize;
  if (picked > MAX_AUTO_FONT_SIZE) field.setFontSize(MAX_AUTO_FONT_SIZE);
}

let robotoBytes: Buffer | null = null;

/** The PDF form filled with `filled` and flattened: what is printed can no longer be edited. */
async function fillPdf(file: Uint8Array, filled: readonly FilledField[]): Promise<Uint8Array> {
  const doc = await loadPdf(file);
  // @pdf-lib/fontkit lets pdf-lib embed a Unicode font, so that names such as Łukasz or Zoë
  // print as written (the standard PDF fonts cannot).
  doc.registerFontkit(fontkit);
  robotoBytes ??= readFileSync(join(fontDir, 'Roboto-Regular.ttf'));
  const font = await doc.embedFont(robotoBytes, { subset: true });
  const form = doc.getForm();
  for (const f of filled) {
    if (f.value === '') continue;
    const field = form.getField(f.field);
    if (field instanceof PDFTextField) {
      field.setText(f.value);
      capAutoSize(field, font);
    } else if (field instanceof PDFCheckBox) {
      if (f.value === 'Yes') field.check();
      else field.uncheck();
    } else if (
      field instanceof PDFRadioGroup ||
      field instanceof PDFDropdown ||
      field instanceof PDFOptionList
    )
      field.select(f.value);
  }
  form.updateFieldAppearances(font);
  form.flatten({ updateFieldAppearances: false });
  dropLeftoverWidgets(doc);
  return doc.save();
}

/** The Word form with each placeholder replaced by its value (line breaks kept). */
function fillDocx(file: Uint8Array, filled: readonly FilledField[]): Uint8Array {
  const doc = compileDocx(file);
  doc.render(Object.fromEntries(filled.map((f) => [f.field, f.value])));
  return doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function fillTemplate(
  format: TemplateFormat,
  file: Uint8Array,
  filled: readonly FilledField[],
): Promise<Uint8Array> {
  return format === 'pdf' ? fillPdf(file, filled) : fillDocx(file, filled);
}
