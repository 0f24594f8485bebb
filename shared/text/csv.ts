/**
 * RFC 4180 CSV, read leniently enough for what school systems really export: UTF-8 with or
 * without a byte order mark, CRLF, LF or CR line ends (mixed, even), quoted fields holding
 * commas, doubled quotes and line breaks. It never throws: a malformed record carries a
 * `problem` and the caller decides (security F3).
 */

/** One record, and the line of the file on which it starts (1-based, as a text editor counts). */
export type CsvRecord = {
  line: number;
  fields: string[];
  /** Why this record could not be read exactly as written, or null. */
  problem: string | null;
};

const BOM = '\uFEFF';
const DELIMITER = /[,\r\n]/g;

/** The index of the next comma or line break at or after `from`, or the end of the text. */
function nextDelimiter(text: string, from: number): number {
  DELIMITER.lastIndex = from;
  const match = DELIMITER.exec(text);
  return match ? match.index : text.length;
}

/** Line breaks in `chunk`, counting CRLF as one. */
function lineBreaks(chunk: string): number {
  let count = 0;
  for (let i = 0; i < chunk.length; i += 1) {
    const c = chunk.charCodeAt(i);
    if (c === 10) count += 1;
    else if (c === 13 && chunk.charCodeAt(i + 1) !== 10) count += 1;
  }
  return count;
}

/**
 * Every record in the file, in order. Blank lines (anywhere, including the trailing ones most
 * exports end with) are skipped; a line holding only `""` is a record with one empty field.
 */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const n = text.length;
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;

  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let problem: string | null = null;
    let quotedAny = false;

    for (;;) {
      if (text.charCodeAt(i) === 34 /* " */) {
        quotedAny = true;
        i += 1;
        let value = '';
        let closed = false;
        while (i < n) {
          const quote = text.indexOf('"', i);
          const end = quote === -1 ? n : quote;
          const chunk = text.slice(i, end);
          value += chunk;
          line += lineBreaks(chunk);
          if (quote === -1) {
            i = n;
            break;
          }
          if (text.charCodeAt(quote + 1) === 34) {
            value += '"';
            i = quote + 2;
            continue;
          }
          i = quote + 1;
          closed = true;
          break;
        }
        if (!closed) {
          problem ??= `A value in quotes that starts on line ${start} has no closing quote, so the rest of the file could not be read.`;
        } else if (i < n && !/[,\r\n]/.test(text.charAt(i))) {
          // `"Smith" Jr` is not valid CSV; keep the text, but say the line is suspect.
          problem ??= `Line ${start} has text straight after a closing quote. Values containing quotes must be written as ""like this"".`;
          const end = nextDelimiter(text, i);
          value += text.slice(i, end);
          i = end;
        }
        fields.push(value);
      } else {
        const end = nextDelimiter(text, i);
        fields.push(text.slice(i, end));
        i = end;
      }

      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === 44 /* , */) {
        i += 1;
        continue;
      }
      // A line break ends the record: CRLF, LF or a lone CR.
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      line += 1;
      break;
    }

    const blank = !quotedAny && fields.length === 1 && fields[0] === '';
    if (!blank) records.push({ line: start, fields, problem });
  }
  return records;
}

/** One field, quoted when it must be. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value.startsWith(BOM) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Rows as RFC 4180 text with CRLF line ends. A row that is one empty field is written `""`, so
 * it does not read back as a blank line.
 */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return rows
    .map((row) => (row.length === 1 && row[0] === '' ? '""' : row.map(csvField).join(',')))
    .map((line) => `${line}\r\n`)
    .join('');
}
