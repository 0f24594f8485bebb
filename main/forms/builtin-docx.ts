/**
 * A built-in form as a Word document (docx): the same content as the PDF, with headings, a
 * label / value table per section, the protective marking in the header and the footer, and
 * the reference and page numbers in the footer, so the DSL can edit it further in Word.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  type IRunOptions,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

import type { FilledForm } from '../../shared/forms/builtin';
import { filledFormDetails, PROSPECTIVE_NOTE } from '../../shared/forms/builtin';
import { PROTECTIVE_MARKING } from '../documents/pdf';

/**
 * A run from typed options: TextRun also takes a plain string, and the linter then reads
 * `bold` and `italics` as the deprecated String.prototype methods.
 */
export function run(options: IRunOptions): TextRun {
  return new TextRun(options);
}

/** One paragraph per line, so line breaks in a value survive. */
function lines(text: string, strong = false): Paragraph[] {
  return (text === '' ? [''] : text.split('\n')).map(
    (line) => new Paragraph({ children: [run({ text: line, bold: strong })] }),
  );
}

/** A table cell, one paragraph per line of `text`. */
export function cell(text: string, widthPercent: number, strong = false): TableCell {
  return new TableCell({
    children: lines(text, strong),
    width: { size: widthPercent, type: WidthType.PERCENTAGE },
  });
}

function labelValueTable(rows: [string, string][], labelPercent = 35): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          children: [cell(label, labelPercent, true), cell(value, 100 - labelPercent)],
        }),
    ),
  });
}

function marking(): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [run({ text: PROTECTIVE_MARKING, bold: true })],
  });
}

/** The protective marking in the header, and in the footer above `label` and the page numbers. */
export function markedHeaderFooter(label: string): {
  headers: { default: Header };
  footers: { default: Footer };
} {
  return {
    headers: { default: new Header({ children: [marking()] }) },
    footers: {
      default: new Footer({
        children: [
          marking(),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun(label),
              new TextRun({
                children: [' · Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
              }),
            ],
          }),
        ],
      }),
    },
  };
}

export function builtinFormDocx(filled: FilledForm): Promise<Buffer> {
  const { form, values } = filled;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: form.title, heading: HeadingLevel.TITLE }),
    ...(form.prospective
      ? [new Paragraph({ children: [run({ text: PROSPECTIVE_NOTE, bold: true })] })]
      : []),
    new Paragraph({ children: [run({ text: form.source, italics: true })] }),
    labelValueTable(filledFormDetails(filled)),
    new Paragraph({ text: 'Fields marked * are required.' }),
  ];
  for (const section of form.sections) {
    children.push(
      new Paragraph({ text: section.title, heading: HeadingLevel.HEADING_1 }),
      labelValueTable(
        section.fields.map((f) => [`${f.label}${f.mandatory ? ' *' : ''}`, values[f.id] ?? '']),
      ),
    );
  }
  if (form.slip) {
    children.push(
      new Paragraph({
        text: '',
        border: { bottom: { style: BorderStyle.DASHED, size: 6, color: '505a5f', space: 4 } },
      }),
      new Paragraph({ text: form.slip.title, heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: form.slip.text }),
      labelValueTable([
        ['Child', filled.childName],
        ['Sent by', filled.schoolName],
      ]),
      new Paragraph({ text: '' }),
      labelValueTable(
        form.slip.lines.map((line) => [line, '\n']),
        25,
      ),
    );
  }
  const document = new Document({
    title: form.title,
    subject: PROTECTIVE_MARKING,
    creator: 'Lantern',
    sections: [
      {
        ...markedHeaderFooter(
          filled.reference === '' ? form.shortTitle : `Reference: ${filled.reference}`,
        ),
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
