/**
 * Local authority forms built in code, with fields named as real MARF and LADO forms name
 * them (domain.md §8.1, §8.2): a fillable AcroForm PDF, a PDF without fields, a protected PDF
 * and a Word form with {placeholders}.
 */
import PizZip from 'pizzip';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

import { renderPdf } from '../../main/documents/pdf';

/** The text fields of the fixture MARF, top to bottom; multi-line ones marked. */
export const marfTextFields: readonly (readonly [string, boolean])[] = [
  ['Child First Name', false],
  ['Child Surname', false],
  ['Date of Birth', false],
  ['UPN', false],
  ['Home Address', true],
  ['Post code', false],
  ['Parent/Carer 1 Name', false],
  ['Parent/Carer 1 Relationship', false],
  ['Name of School', false],
  ['Referrer Name', false],
  ['Date of Referral', false],
  ['Reason for referral', true],
  ["Child's views", true],
  ['Favourite colour', false],
];

/** Where the fixture MARF's tick box sits (PDF points from the bottom left of an A4 page). */
export const marfTickBox = { x: 220, y: 40, size: 14 };

/** A MASH referral form as many LAs publish it: text boxes, a gender choice and a tick box. */
export async function marfPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  const form = doc.getForm();
  page.drawText('Westshire Multi-Agency Referral Form (MARF)', { x: 40, y: 800, size: 14, font });
  let y = 770;
  for (const [name, multiline] of marfTextFields) {
    page.drawText(name, { x: 40, y: y + 4, size: 9, font });
    const field = form.createTextField(name);
    if (multiline) field.enableMultiline();
    const height = multiline ? 60 : 16;
    field.addToPage(page, { x: 220, y: y - (height - 16), width: 330, height, font });
    // As LA forms set them: text sized to fit what is typed.
    field.setFontSize(0);
    y -= height + 8;
  }
  page.drawText('Gender', { x: 40, y: y + 4, size: 9, font });
  const gender = form.createDropdown('Gender');
  gender.addOptions(['Male', 'Female', 'Other', 'Not known']);
  gender.addToPage(page, { x: 220, y, width: 150, height: 16, font });
  const { x, y: boxY, size } = marfTickBox;
  page.drawText('Parents aware of referral', { x: 40, y: boxY + 4, size: 9, font });
  form
    .createCheckBox('Parents aware of referral')
    .addToPage(page, { x, y: boxY, width: size, height: size });
  // pdf-lib would otherwise write the size it picked for the empty boxes over "auto".
  return doc.save({ updateFieldAppearances: false });
}

/** A PDF that only looks like a form: printed boxes, nothing to type into. */
export async function flatPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Child First Name: ______________', { x: 40, y: 800, font });
  return doc.save();
}

/** A form saved with a password, as some LAs publish theirs. */
export function protectedPdf(): Promise<Uint8Array> {
  return renderPdf({
    content: ['Westshire MARF'],
    userPassword: 'westshire',
    ownerPassword: 'westshire-owner',
  });
}

async function docxWith(lines: readonly string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }],
  });
  return Packer.toBuffer(doc);
}

/** The LA's Word MARF with the placeholders the DSL typed into it once. */
export function marfDocx(): Promise<Buffer> {
  return docxWith([
    'Westshire Multi-Agency Referral Form',
    'Child: {child.name}  DOB: {child.dateOfBirth}  School: {school.name}',
    'UPN: { child.upn }',
    'Home address: {child.address}',
    'Parent or carer: {Mother’s name}',
    'Worker allocated: {allocated_team}',
  ]);
}

/** A Word form with a placeholder that was never closed. */
export function brokenDocx(): Promise<Buffer> {
  return docxWith(['Child: {child.name}  DOB: {{child.dateOfBirth}']);
}

/**
 * A zip bomb dressed as a Word form: a valid .docx plus one part that unpacks to 101 MB of
 * zeros (about 100 KB packed).
 */
export async function bombDocx(): Promise<Buffer> {
  const zip = new PizZip(await marfDocx());
  zip.file('word/media/padding.bin', new Uint8Array(101 * 1024 * 1024));
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
