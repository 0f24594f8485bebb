import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { CountTable, PublishedTable } from '../../shared/governance/suppression';
import { suppress } from '../../shared/governance/suppression';

/**
 * The attacker's view, written independently of the module: the published table gives linear
 * equations in the withheld values. A withheld value can be recovered exactly when its column
 * of the equation matrix is not a combination of the other withheld values' columns, i.e. when
 * removing it lowers the rank by one. Ranks are computed exactly, with BigInt fraction-free
 * elimination.
 */
function rank(matrix: bigint[][]): number {
  const m = matrix.map((row) => [...row]);
  let r = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    const pivot = m[r]!;
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const row = m[i]!;
      const f = row[c]!;
      if (f === 0n) continue;
      for (let k = 0; k < cols; k++) row[k] = row[k]! * pivot[c]! - f * pivot[k]!;
    }
    r += 1;
  }
  return r;
}

/** Every withheld value of the published table that the published values pin down. */
function recoverable(table: CountTable, published: PublishedTable): string[] {
  const r = table.rows.length;
  const c = table.columns.length;
  // Unknown ids: cell:i:j, row:i, col:j, total.
  const unknowns: string[] = [];
  published.cells.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v === null) unknowns.push(`cell:${i}:${j}`);
    });
  });
  published.rowTotals.forEach((v, i) => {
    if (v === null) unknowns.push(`row:${i}`);
  });
  published.columnTotals.forEach((v, j) => {
    if (v === null) unknowns.push(`col:${j}`);
  });
  if (published.total === null) unknowns.push('total');
  const equations: Map<string, bigint>[] = [];
  for (let i = 0; i < r; i++) {
    const e = new Map<string, bigint>();
    for (let j = 0; j < c; j++) e.set(`cell:${i}:${j}`, 1n);
    e.set(`row:${i}`, -1n);
    equations.push(e);
  }
  for (let j = 0; j < c; j++) {
    const e = new Map<string, bigint>();
    for (let i = 0; i < r; i++) e.set(`cell:${i}:${j}`, 1n);
    e.set(`col:${j}`, -1n);
    equations.push(e);
  }
  const rowsSum = new Map<string, bigint>(table.rows.map((_, i) => [`row:${i}`, 1n]));
  rowsSum.set('total', -1n);
  const colsSum = new Map<string, bigint>(table.columns.map((_, j) => [`col:${j}`, 1n]));
  colsSum.set('total', -1n);
  equations.push(rowsSum, colsSum);
  const matrixOf = (ids: string[]) => equations.map((e) => ids.map((id) => e.get(id) ?? 0n));
  if (unknowns.length === 0) return [];
  const full = rank(matrixOf(unknowns));
  return unknowns.filter((id) => rank(matrixOf(unknowns.filter((u) => u !== id))) === full - 1);
}

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
        expect(recoverable(table, suppress(table, threshold))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
