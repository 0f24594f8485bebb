/**
 * The printable child protection file, for a receiving school without Lantern (domain.md §8.6):
 * a cover sheet (identifiers, sending and receiving school, date and method, contents, advance
 * information), the receipt confirmation slip to return, the chronology and the concerns.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';

import { decisionLabels, triageStatusLabels } from '../../shared/casework/schema';
import { designationName } from '../../shared/children/designations';
import { displayName } from '../../shared/children/schema';
import { categoryLabel } from '../../shared/concerns/taxonomy';
import { formatCalendarDate, formatInstant, londonDate } from '../../shared/dates/calendar-date';
import type { CaseFile } from '../../shared/exports/case-file';
import { PROTECTIVE_MARKING, renderPdf } from '../documents/pdf';

const label = (text: string): TableCell => ({ text, bold: true });

function when(occurredAt: string): string {
  const [date = '', time = ''] = occurredAt.split('T');
  return time === '' ? formatCalendarDate(date) : `${formatCalendarDate(date)}, ${time}`;
}

function rows(pairs: [string, string][]): Content {
  return {
    table: { widths: [150, '*'], body: pairs.map(([k, v]) => [label(k), v || ' ']) },
    margin: [0, 0, 0, 14],
  };
}

function slip(): Content[] {
  const blanks: [string, string][] = [
    ['Received by (name)', ''],
    ['Role', ''],
    ['School', ''],
    ['Date received', ''],
    ['Signature', ''],
  ];
  return [
    {
      text: 'Receipt confirmation slip',
      fontSize: 15,
      bold: true,
      pageBreak: 'before',
      margin: [0, 0, 0, 6],
    },
    {
      text: 'Please complete and return this slip to the sending school’s DSL as soon as the file is received (KCSIE: confirmation of receipt should be obtained).',
      margin: [0, 0, 0, 12],
    },
    {
      table: {
        widths: [150, '*'],
        heights: 28,
        body: blanks.map(([k]) => [label(k), '']),
      },
    },
  ];
}

export function transferPdf(
  file: CaseFile,
  sent: { to: string; dslName: string; at: Date },
): Promise<Buffer> {
  const name = displayName(file.child);
  const fromSchool = file.school ? `${file.school.name} (URN ${file.school.urn})` : '';
  const contents = [
    `Chronology: ${String(file.chronology.length)} entries`,
    `Concern records, with levels, decisions, actions and outcomes: ${String(file.concerns.length)}`,
    `Designations (CP / CIN plans, Early Help and others): ${String(file.designations.length)}`,
    `Operation Encompass notifications: ${String(file.encompass.length)}`,
    `Attachments to concerns (photos, documents; not printed here, send them with the file): ${String(
      file.concerns.reduce((n, c) => n + c.concern.attachments.length, 0),
    )}`,
  ];
  const chronology: TableCell[][] = [
    [label('When'), label('What'), label('Detail')],
    ...file.chronology.map((e): TableCell[] => [when(e.occurredAt), e.title, e.detail]),
  ];
  const concerns: Content[] = file.concerns.flatMap(({ concern, triage }) => [
    {
      text: `${when(concern.occurredAt)}: ${concern.categories.map(categoryLabel).join(', ')}`,
      bold: true,
      margin: [0, 10, 0, 4],
    },
    rows([
      ['Recorded by', `${concern.recordedByName}, ${formatInstant(concern.recordedAt)}`],
      ['Where', concern.location],
      ['What happened', concern.summary],
      ['The child’s words', concern.childWords],
      ['Actions taken', concern.actionsTaken],
      ['Status', triageStatusLabels[triage.status]],
      [
        'Decisions',
        triage.decisions
          .map((d) => `${decisionLabels[d.kind]} (${formatInstant(d.decidedAt)}): ${d.rationale}`)
          .join('\n'),
      ],
      ['Outcome', triage.closures.map((c) => `${c.outcome}: ${c.summary}`).join('\n')],
    ]),
  ]);
  const doc: TDocumentDefinitions = {
    info: { title: `Child protection file – ${name}`, creator: 'Lantern' },
    pageSize: 'A4',
    pageMargins: [48, 60, 48, 60],
    header: { text: PROTECTIVE_MARKING, alignment: 'center', margin: [0, 24, 0, 0], bold: true },
    footer: (page, pages) => ({
      text: `${PROTECTIVE_MARKING} · ${name} · page ${String(page)} of ${String(pages)}`,
      alignment: 'center',
      margin: [0, 24, 0, 0],
      bold: true,
    }),
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    content: [
      { text: 'Child protection file transfer', fontSize: 20, bold: true, margin: [0, 0, 0, 4] },
      {
        text: 'Keep separately from the main pupil file. Do not copy or forward.',
        margin: [0, 0, 0, 14],
      },
      rows([
        ['Child', name],
        ['Date of birth', formatCalendarDate(file.child.dateOfBirth)],
        ['UPN', file.child.upn],
        ['Leaving date', file.child.leavingDate ? formatCalendarDate(file.child.leavingDate) : ''],
        ['Sending school', fromSchool],
        ['Sending DSL', sent.dslName],
        ['Receiving school', sent.to],
        ['Receiving DSL', ''],
        ['Date sent', formatCalendarDate(londonDate(sent.at))],
        ['Method', ''],
        ['Advance information shared', ''],
        [
          'Current designations',
          file.designations
            .filter((d) => d.endDate === '')
            .map(designationName)
            .join(', '),
        ],
      ]),
      { text: 'Contents', fontSize: 13, bold: true, margin: [0, 0, 0, 4] },
      { ul: contents, margin: [0, 0, 0, 14] },
      ...slip(),
      { text: 'Chronology', fontSize: 15, bold: true, pageBreak: 'before', margin: [0, 0, 0, 6] },
      {
        table: { headerRows: 1, widths: [80, 140, '*'], body: chronology },
        fontSize: 9,
      },
      { text: 'Concerns', fontSize: 15, bold: true, pageBreak: 'before', margin: [0, 0, 0, 6] },
      ...(concerns.length > 0 ? concerns : [{ text: 'No concerns recorded.' }]),
    ],
  };
  return renderPdf(doc);
}
