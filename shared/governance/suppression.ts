/**
 * Small-number suppression for the governors' statistics (security G8; issue 7). A table of
 * counts is published with its row totals, column totals and grand total. Every count from 1
 * to threshold − 1 is withheld (primary suppression), and then further counts are withheld
 * until no withheld count can be worked out from the published ones by adding and subtracting
 * along the rows, columns and totals (secondary suppression).
 *
 * The test of "can be worked out" is exact: the published values and the table's equations
 * (each row sums to its total, each column to its total, the totals to the grand total) are a
 * linear system in the withheld values; a withheld value is exposed when that system fixes it,
 * i.e. its unit vector lies in the row space of the equations restricted to the withheld
 * values. While any is exposed, the smallest published count that shares an equation with it
 * is withheld too.
 *
 * Zero is published: a true zero identifies no one. Every withheld value is shown the same way,
 * so a reader cannot tell a small count from one withheld to protect it.
 */

export type CountTable = {
  rows: readonly string[];
  columns: readonly string[];
  /** cells[row][column], whole numbers ≥ 0. */
  cells: readonly (readonly number[])[];
};

/** A published table: null where a value is withheld. */
export type PublishedTable = {
  rows: string[];
  columns: string[];
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  total: number | null;
  threshold: number;
};

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** The values of a table, in one list: cells row by row, then row totals, column totals, total. */
type Layout = { values: number[]; equations: number[][]; isCell: boolean[] };

function layout(table: CountTable): Layout {
  const r = table.rows.length;
  const c = table.columns.length;
  const cell = (i: number, j: number) => i * c + j;
  const rowTotal = (i: number) => r * c + i;
  const columnTotal = (j: number) => r * c + r + j;
  const total = r * c + r + c;
  const values: number[] = [];
  table.cells.forEach((row) => values.push(...row));
  for (let i = 0; i < r; i++) values.push(sum(table.cells[i] ?? []));
  for (let j = 0; j < c; j++) values.push(sum(table.cells.map((row) => row[j] ?? 0)));
  values.push(sum(values.slice(r * c, r * c + r)));
  // Each equation lists the indices of its terms; the last term is the total they sum to.
  const equations: number[][] = [];
  for (let i = 0; i < r; i++)
    equations.push([...Array.from({ length: c }, (_, j) => cell(i, j)), rowTotal(i)]);
  for (let j = 0; j < c; j++)
    equations.push([...Array.from({ length: r }, (_, i) => cell(i, j)), columnTotal(j)]);
  equations.push([...Array.from({ length: r }, (_, i) => rowTotal(i)), total]);
  equations.push([...Array.from({ length: c }, (_, j) => columnTotal(j)), total]);
  return { values, equations, isCell: values.map((_, k) => k < r * c) };
}

function sum(list: readonly number[]): number {
  return list.reduce((a, b) => a + b, 0);
}

const EPSILON = 1e-9;

/**
 * The withheld values that the published ones fix: Gaussian elimination of the equations
 * restricted to the withheld values (the published ones move to the right-hand side, which
 * does not matter for whether a value is fixed).
 */
export function exposedValues(
  equations: readonly number[][],
  withheld: ReadonlySet<number>,
): number[] {
  const unknowns = [...withheld].sort((a, b) => a - b);
  const column = new Map(unknowns.map((v, k) => [v, k]));
  const matrix = equations
    .map((terms) => {
      const row = new Array<number>(unknowns.length).fill(0);
      terms.forEach((v, k) => {
        const at = column.get(v);
        // Every term is +1 except the total, which is −1 (terms − total = 0).
        if (at !== undefined) row[at] = (row[at] ?? 0) + (k === terms.length - 1 ? -1 : 1);
      });
      return row;
    })
    .filter((row) => row.some((x) => Math.abs(x) > EPSILON));
  const pivots: { row: number; column: number }[] = [];
  let next = 0;
  for (let col = 0; col < unknowns.length && next < matrix.length; col++) {
    let best = -1;
    for (let i = next; i < matrix.length; i++)
      if (Math.abs(matrix[i]?.[col] ?? 0) > EPSILON) {
        best = i;
        break;
      }
    if (best < 0) continue;
    [matrix[next], matrix[best]] = [matrix[best] ?? [], matrix[next] ?? []];
    const pivotRow = matrix[next] ?? [];
    const p = pivotRow[col] ?? 1;
    for (let k = 0; k < pivotRow.length; k++) pivotRow[k] = (pivotRow[k] ?? 0) / p;
    for (let i = 0; i < matrix.length; i++) {
      if (i === next) continue;
      const row = matrix[i] ?? [];
      const factor = row[col] ?? 0;
      if (Math.abs(factor) <= EPSILON) continue;
      for (let k = 0; k < row.length; k++) row[k] = (row[k] ?? 0) - factor * (pivotRow[k] ?? 0);
    }
    pivots.push({ row: next, column: col });
    next += 1;
  }
  return pivots
    .filter(({ row, column: col }) =>
      (matrix[row] ?? []).every((x, k) => k === col || Math.abs(x) <= EPSILON),
    )
    .map(({ column: col }) => unknowns[col] ?? -1);
}

/** The published table: primary suppression below the threshold, then secondary suppression. */
export function suppress(
  table: CountTable,
  threshold: number = DEFAULT_SUPPRESSION_THRESHOLD,
): PublishedTable {
  const { values, equations, isCell } = layout(table);
  const withheld = new Set<number>();
  values.forEach((v, k) => {
    if (v >= 1 && v < threshold) withheld.add(k);
  });
  for (;;) {
    const exposed = exposedValues(equations, withheld);
    const first = exposed[0];
    if (first === undefined) break;
    // Where an equation has a single withheld term the leak is direct: protect it there.
    // Otherwise protect the first exposed value in any equation it is in. The smallest
    // published value is chosen; cells before totals, and non-zero before zero (a zero only
    // helps when nothing else is left).
    const direct = equations.find((e) => e.filter((k) => withheld.has(k)).length === 1);
    const around = direct ? [direct] : equations.filter((e) => e.includes(first));
    const candidates = [...new Set(around.flat())].filter((k) => !withheld.has(k));
    const rank = (k: number) => [
      (values[k] ?? 0) === 0 ? 1 : 0,
      isCell[k] ? 0 : 1,
      values[k] ?? 0,
      k,
    ];
    candidates.sort((a, b) => {
      const [ra, rb] = [rank(a), rank(b)];
      for (let i = 0; i < ra.length; i++)
        if ((ra[i] ?? 0) !== (rb[i] ?? 0)) return (ra[i] ?? 0) - (rb[i] ?? 0);
      return 0;
    });
    const chosen = candidates[0];
    // Nothing left to withhold beside it: withhold everything in its equations.
    if (chosen === undefined) {
      for (const e of equations) if (e.includes(first)) e.forEach((k) => withheld.add(k));
      if (exposedValues(equations, withheld)[0] === first) break;
      continue;
    }
    withheld.add(chosen);
  }
  const shown = (k: number) => (withheld.has(k) ? null : (values[k] ?? 0));
  const r = table.rows.length;
  const c = table.columns.length;
  return {
    rows: [...table.rows],
    columns: [...table.columns],
    cells: Array.from({ length: r }, (_, i) =>
      Array.from({ length: c }, (_, j) => shown(i * c + j)),
    ),
    rowTotals: Array.from({ length: r }, (_, i) => shown(r * c + i)),
    columnTotals: Array.from({ length: c }, (_, j) => shown(r * c + r + j)),
    total: shown(r * c + r + c),
    threshold,
  };
}
