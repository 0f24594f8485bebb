/**
 * The referral pack as a PDF: the preview (shared/exports/pack.ts) laid out with pdfmake, the
 * protective marking at the top and bottom of every page, "Page n of N" and the reference in the
 * footer, body maps as vectors, images embedded; then the pages of chosen PDF attachments
 * appended with pdf-lib and stamped with the same marking, page numbers and reference.
 */
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import type { Content, ContentText, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';

import { bodyViewLabels } from '../../shared/concerns/body-map';
import { bodyOutline, OUTLINE_HEIGHT, OUTLINE_WIDTH } from '../../shared/concerns/body-outline';
import type { PackBlock, PackPreview, PackText } from '../../shared/exports/pack';
import { plainText } from '../../shared/exports/pack';
import { ApiFailure } from '../api-failure';
import type { StoredAttachment } from '../concerns/attachments-repo';
import { markedFooter, markedHeader, PROTECTIVE_MARKING, renderPdf } from '../documents/pdf';

const MARGINS: [number, number, number, number] = [48, 56, 48, 64];
const CONTENT_WIDTH = 595.28 - MARGINS[0] - MARGINS[2];
const REDACTED_STYLE = { background: '#d4d4d4', bold: true };

function runs(text: PackText): ContentText {
  return {
    text: text.map((r) => (r.redacted ? { text: r.text, ...REDACTED_STYLE } : r.text)),
  };
}

function bodyMapSvg(block: Extract<PackBlock, { kind: 'bodyMap' }>): string {
  const outline = bodyOutline(block.view);
  const marks = block.marks
    .map((m) => {
      const x = (m.x * OUTLINE_WIDTH).toFixed(1);
      const y = (m.y * OUTLINE_HEIGHT).toFixed(1);
      return `<circle cx="${x}" cy="${y}" r="10" fill="#b00020"/><text x="${x}" y="${(Number(y) + 4.5).toFixed(1)}" font-size="13" font-family="Roboto" text-anchor="middle" fill="#ffffff">${m.n}</text>`;
    })
    .join('');
  const details = outline.details
    .map((d) => `<path d="${d}" fill="none" stroke="#555555" stroke-width="1"/>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${OUTLINE_WIDTH} ${OUTLINE_HEIGHT}"><path d="${outline.head}" fill="#f4f4f4" stroke="#222222" stroke-width="1.5"/><path d="${outline.body}" fill="#f4f4f4" stroke="#222222" stroke-width="1.5"/>${details}${marks}</svg>`;
}

function table(block: Extract<PackBlock, { kind: 'table' }>): Content {
  const sum = block.widths.reduce((a, w) => a + w, 0);
  const header: TableCell[] = block.columns.map((c) => ({
    text: c,
    bold: true,
    fillColor: '#eeeeee',
  }));
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: false,
      widths: block.widths.map((w) => ((CONTENT_WIDTH - block.widths.length * 8.5) * w) / sum),
      body: [header, ...block.rows.map((row) => row.map((cell): TableCell => runs(cell)))],
    },
    fontSize: 8.5,
    layout: { hLineColor: () => '#999999', vLineColor: () => '#999999' },
    margin: [0, 2, 0, 10],
  };
}

function block(b: PackBlock, images: Map<string, StoredAttachment>): Content {
  switch (b.kind) {
    case 'subheading':
      return { ...runs(b.text), fontSize: 12, bold: true, headlineLevel: 2, margin: [0, 8, 0, 4] };
    case 'note':
      return { text: b.text, italics: true, margin: [0, 0, 0, 8] };
    case 'paragraph':
      return {
        // A label stays with its text; a long text may still break across pages.
        unbreakable: plainText(b.text).length < 1500,
        stack: [
          { text: b.label, bold: true, fontSize: 9.5 },
          {
            ...runs(b.text),
            italics: b.tone === 'opinion',
            ...(b.tone === 'words' ? { margin: [12, 2, 0, 0] } : { margin: [0, 2, 0, 0] }),
          },
        ],
        margin: [0, 0, 0, 8],
      };
    case 'fields':
      return {
        table: {
          widths: [120, '*'],
          body: b.rows.map((r): TableCell[] => [{ text: r.label, bold: true }, runs(r.value)]),
        },
        layout: 'noBorders',
        margin: [0, 0, 0, 8],
      };
    case 'table':
      return table(b);
    case 'bodyMap':
      return {
        unbreakable: true,
        columns: [
          { width: 120, svg: bodyMapSvg(b), fit: [120, 240] },
          {
            width: '*',
            stack: [
              { text: `Body map: ${bodyViewLabels[b.view].toLowerCase()} view`, bold: true },
              {
                ol: b.legend.map((l) => runs(l.text)),
                margin: [0, 4, 0, 0],
              },
              {
                text: 'The child’s right is on the viewer’s left on the front view.',
                fontSize: 8,
                italics: true,
                margin: [0, 6, 0, 0],
              },
            ],
          },
        ],
        columnGap: 16,
        margin: [0, 4, 0, 12],
      };
    case 'image': {
      const stored = images.get(b.attachmentId);
      if (!stored) return { text: `${b.caption}: not available.`, italics: true };
      return {
        unbreakable: true,
        stack: [
          { text: b.caption, bold: true, margin: [0, 0, 0, 4] },
          {
            image: `data:${stored.meta.mediaType};base64,${stored.data.toString('base64')}`,
            fit: [CONTENT_WIDTH, 520],
          },
        ],
        margin: [0, 0, 0, 12],
      };
    }
  }
}

/** Helvetica (the standard font pdf-lib stamps with) only encodes Windows-1252. */
function winAnsi(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

async function appendedPdfs(
  preview: PackPreview,
  attachments: Map<string, StoredAttachment>,
): Promise<PDFDocument[]> {
  const docs: PDFDocument[] = [];
  for (const a of preview.appended) {
    const stored = attachments.get(a.attachmentId);
    try {
      if (!stored) throw new Error('missing');
      docs.push(await PDFDocument.load(stored.data, { updateMetadata: false }));
    } catch {
      throw new ApiFailure(
        'invalid_input',
        `“${a.fileName}” could not be read as a PDF, so its pages cannot be added. Untick it and export again.`,
        { attachmentIds: `“${a.fileName}” could not be read as a PDF.` },
      );
    }
  }
  return docs;
}

/** The pack's PDF and its number of pages. */
export async function packPdf(
  preview: PackPreview,
  reference: string,
  attachments: Map<string, StoredAttachment>,
): Promise<{ pdf: Buffer; pages: number }> {
  const extra = await appendedPdfs(preview, attachments);
  const extraPages = extra.reduce((n, d) => n + d.getPageCount(), 0);
  const footerText = (page: number, total: number) => `${reference}   ·   Page ${page} of ${total}`;
  const content: Content[] = [
    {
      text: PROTECTIVE_MARKING,
      fontSize: 16,
      bold: true,
      alignment: 'center',
      margin: [0, 0, 0, 24],
    },
    { text: preview.title, fontSize: 22, bold: true, margin: [0, 0, 0, 16] },
    {
      table: {
        widths: [110, '*'],
        body: preview.cover.map((r): TableCell[] => [{ text: r.label, bold: true }, r.value]),
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 16],
    },
    {
      text: 'This pack holds personal information about a child. Keep it secure, share it only with those who need it to keep the child safe, and do not copy it on.',
      italics: true,
    },
  ];
  preview.sections.forEach((s, i) => {
    content.push({
      text: s.heading,
      fontSize: 15,
      bold: true,
      headlineLevel: 1,
      margin: [0, i === 0 ? 0 : 14, 0, 8],
      ...(i === 0 ? { pageBreak: 'before' as const } : {}),
    });
    for (const b of s.blocks) content.push(block(b, attachments));
  });
  if (preview.appended.length > 0)
    content.push({
      text: `Appended after this page: ${preview.appended.map((a) => `${a.fileName} (SHA-256 ${a.sha256})`).join('; ')}.`,
      italics: true,
      fontSize: 8.5,
      margin: [0, 12, 0, 0],
    });
  const doc: TDocumentDefinitions = {
    info: { title: preview.title, creator: 'Lantern', subject: PROTECTIVE_MARKING },
    pageSize: 'A4',
    pageMargins: MARGINS,
    header: markedHeader,
    footer: (page: number, count: number) => markedFooter(footerText(page, count + extraPages)),
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    // A heading never ends a page: it moves to the next with what it introduces.
    pageBreakBefore: (node, pages) =>
      node.headlineLevel !== undefined && pages.getFollowingNodesOnPage().length === 0,
    content,
  };
  const main = await renderPdf(doc);
  if (extra.length === 0) {
    const pages = (await PDFDocument.load(main, { updateMetadata: false })).getPageCount();
    return { pdf: main, pages };
  }
  const out = await PDFDocument.load(main, { updateMetadata: false });
  const font = await out.embedFont(StandardFonts.Helvetica);
  const bold = await out.embedFont(StandardFonts.HelveticaBold);
  const total = out.getPageCount() + extraPages;
  for (const d of extra) {
    for (const page of await out.copyPages(d, d.getPageIndices())) {
      out.addPage(page);
      const { width, height } = page.getSize();
      const stamp = (text: string, y: number, f = font, size = 8) => {
        page.drawText(text, {
          x: (width - f.widthOfTextAtSize(text, size)) / 2,
          y,
          size,
          font: f,
          color: rgb(0, 0, 0),
        });
      };
      stamp(PROTECTIVE_MARKING, height - 20, bold, 9);
      stamp(winAnsi(footerText(out.getPageCount(), total)), 22);
      stamp(PROTECTIVE_MARKING, 10, bold, 9);
    }
  }
  return { pdf: Buffer.from(await out.save()), pages: total };
}
