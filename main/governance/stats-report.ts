/**
 * The annual safeguarding report to governors (issue 7): the governors' statistics for one
 * academic year as a PDF, marked OFFICIAL-SENSITIVE. It prints the same suppressed tables the
 * page shows and nothing else, so it names no child and quotes no record.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';

import type { ParsedInput, SavedFile } from '../../shared/api';
import { londonDate } from '../../shared/dates/calendar-date';
import type { GovernanceStats } from '../../shared/governance/stats';
import {
  governanceSectionTitles as titles,
  monthLabel,
  publishedText,
  statsGroupingLabels,
  suppressionNote,
} from '../../shared/governance/stats';
import type { PublishedTable } from '../../shared/governance/suppression';
import { PROTECTIVE_MARKING, renderPdf } from '../documents/pdf';
import { safeFileName } from '../exports/naming';
import { recordExport } from '../exports/record';
import type { Handled, HandlerContext } from '../handler';
import { buildGovernanceStats, checkGrouping } from './stats';

/** The exports log's form id for this report. */
export const GOVERNORS_REPORT_FORM = 'governors-report';

function heading(text: string): Content {
  return { text, fontSize: 14, bold: true, margin: [0, 14, 0, 6] };
}

function tableOf(table: PublishedTable): Content {
  if (table.rows.length === 0) return { text: 'None recorded.', margin: [0, 0, 0, 6] };
  const head: TableCell[] = ['', ...table.columns, 'Total'].map((text) => ({ text, bold: true }));
  const body: TableCell[][] = [
    head,
    ...table.rows.map((row, i): TableCell[] => [
      { text: row, bold: true },
      ...(table.cells[i] ?? []).map(publishedText),
      publishedText(table.rowTotals[i] ?? null),
    ]),
    [
      { text: 'Total', bold: true },
      ...table.columnTotals.map(publishedText),
      publishedText(table.total),
    ],
  ];
  return {
    table: {
      headerRows: 1,
      widths: ['*', ...table.columns.map(() => 'auto'), 'auto'],
      body,
    },
    fontSize: table.columns.length > 6 ? 7 : 9,
    margin: [0, 0, 0, 6],
  };
}

function reportContent(stats: GovernanceStats): Content[] {
  const content: Content[] = [
    heading(titles.concerns),
    { text: 'A concern in more than one category counts once in each.', margin: [0, 0, 0, 4] },
    tableOf(stats.concernsByCategory),
    heading(titles.decisions),
    tableOf(stats.decisions),
    heading(titles.lado),
    tableOf(stats.lado),
    heading(titles.duties),
    {
      text:
        stats.duties.onTimePercent === null
          ? 'The share done on time is not shown: too few duties were done to show it safely.'
          : `${stats.duties.onTimePercent}% of the statutory duties done this year were done on time.`,
      margin: [0, 0, 0, 4],
    },
    tableOf(stats.duties.table),
  ];
  content.push(
    heading(titles.training),
    { text: 'Staff, as the records stand on the day of the report.', margin: [0, 0, 0, 4] },
    tableOf(stats.training),
    heading(titles.policies),
    tableOf(stats.policies.table),
    {
      text:
        stats.policies.lastFilteringReviewMonth === null
          ? 'No review of filtering and monitoring is recorded.'
          : `Filtering and monitoring last reviewed: ${stats.policies.lastFilteringReviewMonth}.`,
    },
  );
  if (stats.audit)
    content.push(heading(titles.audit), tableOf(stats.audit.table), {
      text: `Signed off by the DSL: ${stats.audit.signedByDsl ? 'yes' : 'not yet'}. Signed off by the governor: ${stats.audit.signedByGovernor ? 'yes' : 'not yet'}.`,
    });
  else content.push(heading(titles.audit), { text: 'This year’s audit has not been started.' });
  return content;
}

export async function governorsReportPdf(
  stats: GovernanceStats,
  schoolName: string,
  producedMonth: string,
): Promise<Buffer> {
  const title = `Annual safeguarding report to governors, ${stats.academicYear}`;
  const doc: TDocumentDefinitions = {
    info: { title, creator: 'Lantern' },
    pageSize: 'A4',
    pageMargins: [48, 60, 48, 60],
    header: { text: PROTECTIVE_MARKING, alignment: 'center', margin: [0, 24, 0, 0], bold: true },
    footer: (page, pages) => ({
      text: `${PROTECTIVE_MARKING} · ${schoolName} · page ${String(page)} of ${String(pages)}`,
      alignment: 'center',
      margin: [0, 24, 0, 0],
      bold: true,
    }),
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    content: [
      { text: 'Annual safeguarding report to governors', fontSize: 20, bold: true },
      { text: schoolName, fontSize: 14, margin: [0, 4, 0, 0] },
      {
        text: `Academic year ${stats.academicYear} · ${statsGroupingLabels[stats.grouping].toLowerCase()} · produced ${producedMonth}`,
        margin: [0, 4, 0, 8],
      },
      {
        text: `${suppressionNote(stats.threshold)} Withheld values are shown as “Withheld”. The report holds numbers only: no child is named and no record is quoted.`,
        italics: true,
        margin: [0, 0, 0, 6],
      },
      ...reportContent(stats),
    ],
  };
  return renderPdf(doc);
}

export async function exportGovernorsReport(
  ctx: HandlerContext,
  input: ParsedInput<'governance.report'>,
): Promise<Handled<SavedFile>> {
  checkGrouping(ctx, input.grouping);
  const stats = buildGovernanceStats(ctx, input.academicYear, input.grouping);
  const schoolName = ctx.store.school.get()?.name ?? '';
  const data = await governorsReportPdf(
    stats,
    schoolName,
    monthLabel(londonDate(ctx.now).slice(0, 7)),
  );
  const savedTo = await ctx.platform.saveFile(
    {
      suggestedName: safeFileName(
        `Safeguarding report to governors ${stats.academicYear.replace('/', '-')}.pdf`,
      ),
      title: 'Save the annual safeguarding report',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    },
    data,
  );
  const recordIds = [GOVERNORS_REPORT_FORM];
  if (savedTo === null) return { value: { savedTo }, recordIds };
  ctx.commit(recordIds, () =>
    recordExport(
      ctx,
      {
        childId: null,
        kind: 'form',
        form: GOVERNORS_REPORT_FORM,
        format: 'pdf',
        recipient: 'Governing body',
        reference: stats.academicYear,
        concernIds: [],
        redacted: false,
        title: 'Annual safeguarding report to governors',
        detail: `For ${stats.academicYear}.`,
      },
      data,
    ),
  );
  return { value: { savedTo }, recordIds };
}
