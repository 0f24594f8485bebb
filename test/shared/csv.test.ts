import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseCsv, writeCsv } from '../../shared/text/csv';

/** Runs per property (security F3 asks 10,000 in CI: raise FUZZ_RUNS there). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

const rows = (text: string) => parseCsv(text).map((r) => r.fields);

describe('CSV parser (RFC 4180, as MIS exports really are)', () => {
  it('reads plain records with CRLF, LF or CR line ends, and mixed', () => {
    const expected = [
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ];
    expect(rows('a,b\r\nc,d\r\ne,f\r\n')).toEqual(expected);
    expect(rows('a,b\nc,d\ne,f\n')).toEqual(expected);
    expect(rows('a,b\rc,d\re,f\r')).toEqual(expected);
    expect(rows('a,b\r\nc,d\ne,f\r')).toEqual(expected);
    expect(rows('a,b\r\nc,d\r\ne,f')).toEqual(expected);
  });

  it('drops a byte order mark at the start, and only there', () => {
    expect(rows('\uFEFFUPN,Surname\r\n')).toEqual([['UPN', 'Surname']]);
    expect(rows('a,\uFEFFb')).toEqual([['a', '\uFEFFb']]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'UPN,Surname,Forename\r\nX,"Da Costa, Jr","Jo ""JoJo"""\r\nY,"two\r\nlines",z\r\n';
    expect(rows(text)).toEqual([
      ['UPN', 'Surname', 'Forename'],
      ['X', 'Da Costa, Jr', 'Jo "JoJo"'],
      ['Y', 'two\r\nlines', 'z'],
    ]);
  });

  it('numbers each record by the line it starts on, counting line breaks inside quotes', () => {
    const text = 'h1,h2\n"a\nb\r\nc",d\r\n\r\ne,f\rg,"h\rh"\n\n';
    expect(parseCsv(text).map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'h1'],
      [2, 'a\nb\r\nc'],
      [6, 'e'],
      [7, 'g'],
    ]);
  });

  it('ignores blank lines, including the trailing ones exports end with', () => {
    expect(rows('a,b\r\n\r\n\r\nc,d\r\n\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(rows('')).toEqual([]);
    expect(rows('\uFEFF\r\n\n')).toEqual([]);
    // A quoted empty value is a record, not a blank line.
    expect(rows('""\n')).toEqual([['']]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(rows('a,,c,\r\n,\r\n')).toEqual([
      ['a', '', 'c', ''],
      ['', ''],
    ]);
  });

  it('flags an unclosed quote and text after a closing quote instead of throwing', () => {
    const unclosed = parseCsv('a,b\nc,"never closed\nd,e\n');
    expect(unclosed).toHaveLength(2);
    expect(unclosed[1]?.problem).toMatch(/starts on line 2 has no closing quote/);
    expect(unclosed[1]?.fields).toEqual(['c', 'never closed\nd,e\n']);
    const trailing = parseCsv('"Smith" Jr,x\n');
    expect(trailing[0]?.fields).toEqual(['Smith Jr', 'x']);
    expect(trailing[0]?.problem).toMatch(/text straight after a closing quote/);
  });

  it('keeps a stray quote inside an unquoted field as written', () => {
    expect(rows('O"Brien,x\n')).toEqual([['O"Brien', 'x']]);
  });

  it('reads back any table it writes, unchanged (export → import is identity, security F3)', () => {
    const field = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', '\uFEFF'), maxLength: 8 }),
    );
    const table = fc.integer({ min: 1, max: 6 }).chain((width) =>
      fc.array(fc.array(field, { minLength: width, maxLength: width }), {
        minLength: 1,
        maxLength: 8,
      }),
    );
    fc.assert(
      fc.property(table, (t) => {
        const back = parseCsv(writeCsv(t));
        expect(back.map((r) => r.fields)).toEqual(t);
        expect(back.every((r) => r.problem === null)).toBe(true);
      }),
      { numRuns: RUNS, seed: 20261128 },
    );
  });

  it('never throws on malformed input, and accounts for every character (security F3)', () => {
    const noisy = fc.string({
      unit: fc.oneof(
        fc.constantFrom(',', '"', '\r', '\n', '\uFEFF', '\u0000', '\uFFFD', '\uD800'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      ),
      maxLength: 200,
    });
    fc.assert(
      fc.property(noisy, (text) => {
        const records = parseCsv(text);
        for (const r of records) {
          expect(r.line).toBeGreaterThanOrEqual(1);
          expect(r.fields.length).toBeGreaterThanOrEqual(1);
        }
        const lines = records.map((r) => r.line);
        expect([...lines].sort((a, b) => a - b)).toEqual(lines);
      }),
      { numRuns: RUNS, seed: 20261128 },
    );
  });

  it('reads a large export quickly', () => {
    const row = 'B801200005001,"Okafor, Jr",Amara,,,14/03/2016,F,Year 5,02/09/2020,\r\n';
    const text = row.repeat(40_000);
    const started = performance.now();
    expect(parseCsv(text)).toHaveLength(40_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
