/**
 * The response to a subject access request as a PDF: a cover letter with the request's details,
 * each item with withheld text shown as "[Redacted: <reason>]" blocks (a whole item withheld is
 * one such block), and an annex counting the redactions by reason and listing the exemptions
 * applied. The withheld words themselves never reach this module's output: redaction happens
 * before layout (redactItem), and only reasons and counts are printed.
 */
import type { Content, ContentText, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';

import type { PackText } from '../../shared/exports/pack';
import type { RedactionReason, SarItem, SarRedaction } from '../../shared/sar/schema';
import { redactedLabel, redactionReasonLabels, redactionReasons } from '../../shared/sar/schema';
import { markedFooter, markedHeader, PROTECTIVE_MARKING, renderPdf } from '../documents/pdf';
import type { RedactionTarget } from '../exports/pack-redact';
import { redactor } from '../exports/pack-redact';
import type { Party } from './gather';

const MARGINS: [number, number, number, number] = [48, 56, 48, 64];
const REDACTED_STYLE = { background: '#d4d4d4', bold: true };

/** An item as it will be disclosed: withheld runs already replaced by their labels. */
export type RedactedItem = {
  title: string;
  /** Set when the whole item is withheld. */
  whole: RedactionReason | null;
  fields: { label: string; value: PackText }[];
  /** An attached photograph, as a data URI, when the item is one and is not withheld. */
  image: string | null;
};

export type RedactionCounts = Record<RedactionReason, number>;

export function noCounts(): RedactionCounts {
  return Object.fromEntries(redactionReasons.map((r) => [r, 0])) as RedactionCounts;
}

/** The items withheld whole, by key, with the redaction that withholds each. */
export function withheldItems(items: readonly SarItem[]): Map<string, SarRedaction> {
  const out = new Map<string, SarRedaction>();
  for (const i of items) {
    const whole = i.redactions.find((r) => r.decision === 'redact' && r.span === '');
    if (whole) out.set(i.key, whole);
  }
  return out;
}

/**
 * Applies an item's redactions in force: a whole-item one first (its own, or that of the item it
 * is part of, `withheld`), then, reason by reason, the
 * third parties chosen and the spans, each run replaced by "[Redacted: reason]". Adds to `counts`.
 */
export function redactItem(
  item: SarItem,
  parties: ReadonlyMap<string, Party & RedactionTarget>,
  keep: readonly string[],
  counts: RedactionCounts,
  withheld: ReadonlyMap<string, { reason: RedactionReason }>,
): RedactedItem {
  const whole =
    item.redactions.find((r) => r.decision === 'redact' && r.span === '') ??
    (item.partOf === null ? undefined : withheld.get(item.partOf));
  if (whole) {
    counts[whole.reason] += 1;
    return { title: item.title, whole: whole.reason, fields: [], image: null };
  }
  const targets = new Map<RedactionReason, RedactionTarget[]>();
  const add = (reason: RedactionReason, t: RedactionTarget) =>
    targets.set(reason, [...(targets.get(reason) ?? []), t]);
  for (const s of item.suggestions) {
    const party = parties.get(s.partyId);
    if (s.decision?.decision === 'redact' && party) add(s.decision.reason, party);
  }
  for (const r of item.redactions)
    if (r.decision === 'redact') add(r.reason, { names: [], details: [r.span] });
  const fields = item.fields.map((f) => {
    let text: PackText = [{ text: f.value, redacted: false }];
    for (const [reason, list] of targets) {
      const redact = redactor(list, keep);
      text = text.flatMap((run) =>
        run.redacted
          ? [run]
          : redact(run.text).map((r) => (r.redacted ? { ...r, text: redactedLabel(reason) } : r)),
      );
      counts[reason] += redact.count();
    }
    return { label: f.label, value: text };
  });
  return { title: item.title, whole: null, fields, image: null };
}

function runs(text: PackText): ContentText {
  return {
    text: text.map((r) => (r.redacted ? { text: r.text, ...REDACTED_STYLE } : r.text)),
  };
}

export type SarLetter = {
  reference: string;
  schoolName: string;
  cover: { label: string; value: string }[];
  items: RedactedItem[];
  counts: RedactionCounts;
  /** Exemptions applied (decided or used by a redaction), by name, never the reasoning. */
  exemptionsApplied: RedactionReason[];
};

function itemContent(item: RedactedItem): Content[] {
  const heading: Content = {
    text: item.title,
    fontSize: 12,
    bold: true,
    margin: [0, 10, 0, 4],
    headlineLevel: 1,
  };
  if (item.whole)
    return [heading, { text: redactedLabel(item.whole), ...REDACTED_STYLE, margin: [0, 0, 0, 6] }];
  return [
    heading,
    {
      table: {
        widths: [120, '*'],
        body: item.fields.map((f): TableCell[] => [{ text: f.label, bold: true }, runs(f.value)]),
      },
      layout: 'lightHorizontalLines',
      fontSize: 9.5,
      margin: [0, 0, 0, 6],
    },
    ...(item.image === null
      ? []
      : [{ image: item.image, fit: [400, 400], margin: [0, 0, 0, 8] } satisfies Content]),
  ];
}

export async function sarPdf(letter: SarLetter): Promise<{ pdf: Buffer; pages: number }> {
  let pages = 0;
  const total = redactionReasons.reduce((n, r) => n + letter.counts[r], 0);
  const content: Content[] = [
    {
      text: PROTECTIVE_MARKING,
      fontSize: 16,
      bold: true,
      alignment: 'center',
      margin: [0, 0, 0, 24],
    },
    { text: letter.schoolName, fontSize: 12, margin: [0, 0, 0, 8] },
    {
      text: 'Response to your subject access request',
      fontSize: 20,
      bold: true,
      margin: [0, 0, 0, 16],
    },
    {
      table: {
        widths: [140, '*'],
        body: letter.cover.map((r): TableCell[] => [{ text: r.label, bold: true }, r.value]),
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 16],
    },
    {
      text: [
        'This is a copy of the personal information the school holds in its safeguarding records about the child named above, under the right of access (UK GDPR Article 15). ',
        'Where information has been withheld, it is shown as a grey block that says why, such as “',
        { text: redactedLabel('third_party'), ...REDACTED_STYLE },
        '”. The annex at the end counts what was withheld for each reason. ',
        'If you are unhappy with this response, please tell the school first; you may also complain to the Information Commissioner’s Office (ico.org.uk).',
      ],
      margin: [0, 0, 0, 8],
    },
    {
      text: 'This document holds personal information about a child. Keep it secure.',
      italics: true,
    },
    { text: 'The records', fontSize: 15, bold: true, pageBreak: 'before', margin: [0, 0, 0, 6] },
    ...letter.items.flatMap(itemContent),
    {
      text: 'Annex: information withheld',
      fontSize: 15,
      bold: true,
      pageBreak: 'before',
      margin: [0, 0, 0, 8],
    },
    {
      text:
        total === 0
          ? 'Nothing was withheld.'
          : `${total} ${total === 1 ? 'piece of information was' : 'pieces of information were'} withheld, for these reasons:`,
      margin: [0, 0, 0, 8],
    },
    ...(total === 0
      ? []
      : [
          {
            table: {
              headerRows: 1,
              widths: ['*', 80],
              body: [
                [
                  { text: 'Reason', bold: true, fillColor: '#eeeeee' },
                  { text: 'Redactions', bold: true, fillColor: '#eeeeee' },
                ],
                ...redactionReasons
                  .filter((r) => letter.counts[r] > 0)
                  .map((r): TableCell[] => [
                    `Redacted: ${redactionReasonLabels[r]}`,
                    String(letter.counts[r]),
                  ]),
              ],
            },
            margin: [0, 0, 0, 10],
          } satisfies Content,
        ]),
    {
      text:
        letter.exemptionsApplied.length === 0
          ? 'No exemption was applied.'
          : `Exemptions applied: ${letter.exemptionsApplied.map((e) => redactionReasonLabels[e]).join('; ')}.`,
    },
  ];
  const doc: TDocumentDefinitions = {
    info: {
      title: 'Response to a subject access request',
      creator: 'Lantern',
      subject: PROTECTIVE_MARKING,
    },
    pageSize: 'A4',
    pageMargins: MARGINS,
    content,
    header: markedHeader,
    footer: (page: number, count: number) => {
      pages = count;
      return markedFooter(`${letter.reference}   ·   Page ${page} of ${count}`);
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
  };
  const pdf = await renderPdf(doc);
  return { pdf, pages };
}
