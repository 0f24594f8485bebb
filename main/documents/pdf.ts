import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * pdfmake in main: Roboto embedded from the package's own font files, no network access, and
 * files read only from that font folder (pdf-lib embeds the same Roboto when it fills a form).
 */
export const fontDir = join(
  dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
  'fonts',
  'Roboto',
);
let configured = false;

function configure(): void {
  if (configured) return;
  pdfmake.setFonts({
    Roboto: {
      normal: join(fontDir, 'Roboto-Regular.ttf'),
      bold: join(fontDir, 'Roboto-Medium.ttf'),
      italics: join(fontDir, 'Roboto-Italic.ttf'),
      bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontDir));
  configured = true;
}

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(doc).getBuffer();
}

/** Protective marking for documents holding personal data about children (GSC 2014). */
export const PROTECTIVE_MARKING = 'OFFICIAL-SENSITIVE';

/** The marking at the top of every page of a portrait case document (packs, SAR responses). */
export const markedHeader: Content = {
  text: PROTECTIVE_MARKING,
  alignment: 'center',
  bold: true,
  fontSize: 9,
  margin: [0, 22, 0, 0],
};

/** The footer under it: "reference · Page n of N", then the marking again. */
export function markedFooter(line: string): Content {
  return {
    stack: [
      { text: line, alignment: 'center', fontSize: 8 },
      {
        text: PROTECTIVE_MARKING,
        alignment: 'center',
        bold: true,
        fontSize: 9,
        margin: [0, 4, 0, 0],
      },
    ],
    margin: [0, 20, 0, 0],
  };
}
