/**
 * The audit as the local authority lays it out: per section, each question with this year's
 * RAG in words, last year's beside it, the evidence, the comment and the actions; then the
 * sign-off block. The same rows make the PDF (pdfmake) and the Word document (docx), with the
 * protective marking on every page.
 */
import {
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableRow,
  WidthType,
} from 'docx';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

import type { AuditYear } from '../../shared/audit-s175/schema';
import { EVIDENCE_KIND_WORDS, RAG_WORDS } from '../../shared/audit-s175/schema';
import { formatCalendarDate, formatInstant } from '../../shared/dates/calendar-date';
import { PROTECTIVE_MARKING, renderPdf } from '../documents/pdf';
import { cell, markedHeaderFooter, run } from '../forms/builtin-docx';

export type AuditDocument = {
  title: string;
  schoolName: string;
  academicYear: string;
  lastYearLabel: string;
  progress: string;
  sections: { title: string; rows: string[][] }[];
  signoffs: [string, string][];
  preparedBy: string;
};

const HEADINGS = ['Question', 'This year', 'Last year', 'Evidence', 'Comment', 'Actions'];
const WIDTHS = [28, 8, 8, 20, 20, 16];

export function auditDocument(
  year: AuditYear,
  schoolName: string,
  preparedBy: string,
  preparedAt: string,
): AuditDocument {
  const answers = new Map(year.answers.map((a) => [a.questionId, a]));
  const sections: AuditDocument['sections'] = [];
  for (const q of year.questionSet) {
    let section = sections.at(-1);
    if (section?.title !== q.section) {
      section = { title: q.section, rows: [] };
      sections.push(section);
    }
    const a = answers.get(q.id);
    const last = year.lastYear?.rag[q.id];
    const evidence = a?.evidence.map((e) => `${EVIDENCE_KIND_WORDS[e.kind]}: ${e.label}`) ?? [];
    const actions = year.actions
      .filter((x) => x.questionId === q.id)
      .map(
        (x) =>
          `${x.action} (${x.owner}; due ${formatCalendarDate(x.dueOn)}${x.doneOn ? `; done ${formatCalendarDate(x.doneOn)}` : ''})`,
      );
    section.rows.push([
      `${q.text}\nEvidence expected: ${q.evidence || 'not stated'}\nSource: ${q.source}`,
      a ? RAG_WORDS[a.rag] : 'Not answered',
      last ? RAG_WORDS[last] : year.lastYear ? 'Not answered' : 'No audit',
      evidence.join('\n') || 'None linked',
      a?.comment || '',
      actions.join('\n') || 'None',
    ]);
  }
  const signed = (role: 'dsl' | 'governor') => {
    const s = year.signoffs.find((x) => x.role === role);
    return s ? `${s.name}, signed ${formatInstant(s.signedAt)}` : 'Not signed';
  };
  return {
    title: `Annual safeguarding audit (s.175/s.157) ${year.academicYear}`,
    schoolName,
    academicYear: year.academicYear,
    lastYearLabel: year.lastYear ? `Last year is ${year.lastYear.academicYear}.` : '',
    progress: `${year.answered} of ${year.questions} questions answered: ${year.red} red, ${year.amber} amber, ${year.green} green.`,
    sections,
    signoffs: [
      ['Designated safeguarding lead', signed('dsl')],
      ['Safeguarding governor', signed('governor')],
    ],
    preparedBy: `Prepared by ${preparedBy}, ${preparedAt}`,
  };
}

export function auditPdf(doc: AuditDocument): Promise<Buffer> {
  const content: Content[] = [
    { text: doc.title, style: 'title' },
    { text: doc.schoolName, bold: true },
    { text: `${doc.progress} ${doc.lastYearLabel}`.trim(), margin: [0, 4, 0, 4] },
    { text: doc.preparedBy, italics: true, margin: [0, 0, 0, 8] },
  ];
  for (const section of doc.sections) {
    content.push({ text: section.title, style: 'heading' });
    content.push({
      table: {
        headerRows: 1,
        widths: WIDTHS.map((w) => `${w}%`),
        body: [
          HEADINGS.map((h) => ({ text: h, bold: true })),
          ...section.rows.map((row) => row.map((cell) => ({ text: cell === '' ? ' ' : cell }))),
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 10],
    });
  }
  content.push({
    unbreakable: true,
    stack: [
      { text: 'Sign-off', style: 'heading' },
      {
        table: {
          widths: ['35%', '*'],
          body: doc.signoffs.map(([role, value]) => [{ text: role, bold: true }, { text: value }]),
        },
        layout: 'lightHorizontalLines',
      },
    ],
  });
  const definition: TDocumentDefinitions = {
    info: { title: doc.title, subject: PROTECTIVE_MARKING },
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 50, 36, 50],
    header: () => ({
      text: PROTECTIVE_MARKING,
      alignment: 'center',
      bold: true,
      margin: [0, 20, 0, 0],
    }),
    footer: (page, pages) => ({
      stack: [
        { text: PROTECTIVE_MARKING, alignment: 'center', bold: true },
        { text: `${doc.title} · Page ${page} of ${pages}`, alignment: 'center', fontSize: 8 },
      ],
      margin: [0, 10, 0, 0],
    }),
    content,
    defaultStyle: { fontSize: 9 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
      heading: { fontSize: 12, bold: true, margin: [0, 8, 0, 4] },
    },
  };
  return renderPdf(definition);
}

function table(rows: string[][], widths: number[], headerRow: boolean): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: headerRow && r === 0,
          children: row.map((text, c) => cell(text, widths[c] ?? 10, headerRow && r === 0)),
        }),
    ),
  });
}

export function auditDocx(doc: AuditDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [run({ text: doc.schoolName, bold: true })] }),
    new Paragraph({ text: `${doc.progress} ${doc.lastYearLabel}`.trim() }),
    new Paragraph({ children: [run({ text: doc.preparedBy, italics: true })] }),
  ];
  for (const section of doc.sections)
    children.push(
      new Paragraph({ text: section.title, heading: HeadingLevel.HEADING_1 }),
      table([HEADINGS, ...section.rows], WIDTHS, true),
    );
  children.push(
    new Paragraph({ text: 'Sign-off', heading: HeadingLevel.HEADING_1 }),
    table(doc.signoffs, [35, 65], false),
  );
  const document = new Document({
    title: doc.title,
    subject: PROTECTIVE_MARKING,
    creator: 'Lantern',
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        ...markedHeaderFooter(doc.title),
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
