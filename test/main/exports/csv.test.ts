import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { csvCell, csvLine } from '../../../main/exports/csv';

/** A minimal RFC 4180 reader, for checking that what we write reads back. */
function parseLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line.charAt(i);
    if (quoted) {
      if (ch === '"' && line.charAt(i + 1) === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

describe('CSV export (security F4)', () => {
  it('neutralises every cell a spreadsheet would treat as a formula', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\0'),
        fc.string(),
        (start, rest) => {
          const [back] = parseLine(csvCell(start + rest));
          expect(back?.startsWith(`'${start}`)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
  });

  it('round-trips any other text, commas, quotes and new lines included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string().filter((s) => !/^[=+\-@\t\r\0]/.test(s)),
          { minLength: 1, maxLength: 6 },
        ),
        (cells) => {
          const line = csvLine(cells);
          expect(line.endsWith('\r\n')).toBe(true);
          expect(parseLine(line.slice(0, -2))).toEqual(cells);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
