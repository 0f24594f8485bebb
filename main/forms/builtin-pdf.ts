/**
 * A built-in form as PDF (pdfmake): the protective marking at the top and bottom of every page,
 * the reference and page numbers in the footer, each section's fields as a label / value table
 * (required fields marked), and the receipt slip of the transfer record at the end.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

import type { FilledForm } from '../../shared/forms/builtin';
import { filledFormDetails, PROSPECTIVE_NOTE } from '../../shared/forms/builtin';
import { PROTECTIVE_MARKING, renderPdf } from '../documents/pdf';

const GREY = '#505a5f';

function labelValueTable(rows: [string, string][]): Content {
  return {
    table: {
      widths: ['35%', '*'],
      body: rows.map(([label, value]) => [
        { text: label, bold: true },
        { text: value === '' ? ' ' : value },
      ]),
    },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 10],
  };
}

export function builtinFormDocument(filled: FilledForm): TDocumentDefinitions {
  const { form, values } = filled;
  const content: Content[] = [
    { text: form.title, style: 'title' },
    ...(form.prospective
      ? [{ text: PROSPECTIVE_NOTE, bold: true, margin: [0, 0, 0, 4] } satisfies Content]
      : []),
    { text: form.source, italics: true, color: GREY, margin: [0, 0, 0, 8] },
    labelValueTable(filledFormDetails(filled)),
    { text: 'Fields marked * are required.', color: GREY, margin: [0, 0, 0, 8] },
  ];
  for (const section of form.sections) {
    content.push({ text: section.title, style: 'heading' });
    content.push(
      labelValueTable(
        section.fields.map((f) => [`${f.label}${f.mandatory ? ' *' : ''}`, values[f.id] ?? '']),
      ),
    );
  }
  if (form.slip) {
    // The slip is cut off and returned: it never breaks across pages.
    content.push({
      unbreakable: true,
      stack: [
        {
          canvas: [
            { type: 'line', x1: 0, y1: 0, x2: 515, y2: 0, dash: { length: 4 }, lineWidth: 1 },
          ],
          margin: [0, 16, 0, 8],
        },
        { text: form.slip.title, style: 'heading' },
        { text: form.slip.text, margin: [0, 0, 0, 6] },
        labelValueTable([
          ['Child', filled.childName],
          ['Sent by', filled.schoolName],
        ]),
        {
          table: {
            widths: ['25%', '*'],
            heights: 28,
            body: form.slip.lines.map((line) => [{ text: line, bold: true }, { text: ' ' }]),
          },
        },
      ],
    });
  }
  return {
    info: { title: form.title, subject: PROTECTIVE_MARKING },
    pageSize: 'A4',
    pageMargins: [40, 56, 40, 56],
    header: () => ({
      text: PROTECTIVE_MARKING,
      alignment: 'center',
      bold: true,
      margin: [0, 24, 0, 0],
    }),
    footer: (page: number, pages: number) => ({
      margin: [40, 16, 40, 0],
      columns: [
        {
          text: filled.reference === '' ? form.shortTitle : `Reference: ${filled.reference}`,
          width: '*',
        },
        { text: PROTECTIVE_MARKING, bold: true, alignment: 'center', width: 'auto' },
        { text: `Page ${page} of ${pages}`, alignment: 'right', width: '*' },
      ],
      fontSize: 8,
    }),
    content,
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      heading: { fontSize: 12, bold: true, margin: [0, 8, 0, 4] },
    },
    defaultStyle: { fontSize: 10 },
  };
}

export function builtinFormPdf(filled: FilledForm): Promise<Buffer> {
  return renderPdf(builtinFormDocument(filled));
}
