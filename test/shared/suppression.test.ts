import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { suppress } from '../../shared/governance/suppression';
import { recoverable } from '../support/recoverable';

const tables = fc
  .record({ r: fc.integer({ min: 1, max: 5 }), c: fc.integer({ min: 1, max: 7 }) })
  .chain(({ r, c }) =>
    fc.record({
      rows: fc.constant(Array.from({ length: r }, (_, i) => `r${i}`)),
      columns: fc.constant(Array.from({ length: c }, (_, j) => `c${j}`)),
      // Small counts are the interesting ones: most cells between 0 and 12.
      cells: fc.array(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 200 })), {
          minLength: c,
          maxLength: c,
        }),
        { minLength: r, maxLength: r },
      ),
    }),
  );

describe('small-number suppression (security G8)', () => {
  it('withholds a small count and the three others that would give it away (worked by hand)', () => {
    // 3 is below 5. Row 1 (3 + 10 = 13) would give it away, so 10 goes; then column 1
    // (3 + 20 = 23) would, so 20 goes; then column 2 (10 + 30 = 40) would give 10 away, so 30
    // goes. The four totals stay: a + b = 13, c + d = 50, a + c = 23, b + d = 40 has many
    // solutions.
    const published = suppress({
      rows: ['A', 'B'],
      columns: ['X', 'Y'],
      cells: [
        [3, 10],
        [20, 30],
      ],
    });
    expect(published.cells).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(published.rowTotals).toEqual([13, 50]);
    expect(published.columnTotals).toEqual([23, 40]);
    expect(published.total).toBe(63);
  });

  it('publishes a table with no small count unchanged, zeros included', () => {
    const published = suppress({ rows: ['A'], columns: ['X', 'Y', 'Z'], cells: [[0, 12, 40]] });
    expect(published.cells).toEqual([[0, 12, 40]]);
    expect(published.total).toBe(52);
  });

  it('a one-row series: the small count and one more are withheld, and the total shown', () => {
    // By category for a term: 2 neglect, 9 emotional, 30 physical. Without a second cell the
    // total would give the 2 away; with one column per category, each column total equals its
    // cell, so those go too.
    const published = suppress({
      rows: ['Autumn'],
      columns: ['Neglect', 'Emotional', 'Physical'],
      cells: [[2, 9, 30]],
    });
    expect(published.cells).toEqual([[null, null, 30]]);
    expect(published.columnTotals).toEqual([null, null, 30]);
    expect(published.total).toBe(41);
  });

  it('honours another threshold', () => {
    const published = suppress({ rows: ['A'], columns: ['X', 'Y'], cells: [[6, 40]] }, 10);
    expect(published.cells[0]?.[0]).toBeNull();
    expect(published.threshold).toBe(10);
  });

  it('never publishes a count from 1 to threshold − 1, and never a wrong one', () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 2, max: 10 }), (table, threshold) => {
        const published = suppress(table, threshold);
        const all = [
          ...published.cells.flat(),
          ...published.rowTotals,
          ...published.columnTotals,
          published.total,
        ];
        for (const v of all) if (v !== null) expect(v === 0 || v >= threshold).toBe(true);
        published.cells.forEach((row, i) => {
          row.forEach((v, j) => {
            if (v !== null) expect(v).toBe(table.cells[i]?.[j]);
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it('no withheld count can be worked out from the published ones', () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 2, max: 10 }), (table, threshold) => {
        expect(recoverable(suppress(table, threshold))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
