import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';

import { formatInstant } from '../../shared/dates/calendar-date';
import { PROTECTIVE_MARKING, renderPdf } from '../documents/pdf';

export type RecoverySheet = {
  schoolName: string;
  urn: string;
  recoveryKey: string;
  createdAt: string;
  createdBy: string;
};

const STORED_BY_ROWS: TableCell[][] = ['Name', 'Role', 'Signature', 'Date', 'Where it is kept'].map(
  (label): TableCell[] => [{ text: label, style: 'label' }, ''],
);

/** The printable sheet the school keeps in its safe: the key, what it does, and who stored it. */
export function recoverySheetPdf(sheet: RecoverySheet): Promise<Buffer> {
  const doc: TDocumentDefinitions = {
    info: { title: `Lantern recovery sheet – ${sheet.schoolName}`, creator: 'Lantern' },
    pageSize: 'A4',
    pageMargins: [56, 64, 56, 64],
    header: { text: PROTECTIVE_MARKING, alignment: 'center', margin: [0, 24, 0, 0], bold: true },
    footer: { text: PROTECTIVE_MARKING, alignment: 'center', margin: [0, 24, 0, 0], bold: true },
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.25 },
    styles: { label: { bold: true, margin: [0, 8, 0, 8] } },
    content: [
      { text: 'Lantern recovery sheet', fontSize: 22, bold: true, margin: [0, 0, 0, 6] },
      { text: `${sheet.schoolName} (URN ${sheet.urn})`, fontSize: 13, margin: [0, 0, 0, 18] },
      { text: 'Recovery key', bold: true, margin: [0, 0, 0, 6] },
      {
        table: {
          widths: ['*'],
          body: [
            [
              {
                text: sheet.recoveryKey,
                fontSize: 20,
                bold: true,
                alignment: 'center',
                margin: [0, 14, 0, 14],
              },
            ],
          ],
        },
        margin: [0, 0, 0, 18],
      },
      { text: 'What this key does', bold: true, margin: [0, 0, 0, 4] },
      {
        ul: [
          'It opens this school’s Lantern safeguarding records when every passphrase has been forgotten, and lets a new passphrase be set for an account.',
          'Anyone who holds it can do the same. Keep this sheet in the school safe, away from the computer that runs Lantern. Do not photograph, scan or email it.',
          'If the passphrases are forgotten and this sheet is lost, nobody (not Lantern’s makers, not IT support) can open the records.',
          'Each use of the key is recorded in the audit log and shown to the designated safeguarding lead.',
        ],
        margin: [0, 0, 0, 18],
      },
      {
        text: `Created ${formatInstant(sheet.createdAt)} by ${sheet.createdBy}.`,
        margin: [0, 0, 0, 24],
      },
      { text: 'Stored by', bold: true, margin: [0, 0, 0, 4] },
      {
        table: {
          widths: [110, '*'],
          body: STORED_BY_ROWS,
        },
      },
    ],
  };
  return renderPdf(doc);
}
