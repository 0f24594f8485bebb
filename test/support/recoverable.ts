/**
 * The attacker's check for small-number suppression, shared by the suppression tests and the
 * governors' view tests (security G8): written independently of shared/governance/suppression.ts.
 */
import type { PublishedTable } from '../../shared/governance/suppression';

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
export function recoverable(published: PublishedTable): string[] {
  const r = published.rows.length;
  const c = published.columns.length;
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
  const rowsSum = new Map<string, bigint>(published.rows.map((_, i) => [`row:${i}`, 1n]));
  rowsSum.set('total', -1n);
  const colsSum = new Map<string, bigint>(published.columns.map((_, j) => [`col:${j}`, 1n]));
  colsSum.set('total', -1n);
  equations.push(rowsSum, colsSum);
  const matrixOf = (ids: string[]) => equations.map((e) => ids.map((id) => e.get(id) ?? 0n));
  if (unknowns.length === 0) return [];
  const full = rank(matrixOf(unknowns));
  return unknowns.filter((id) => rank(matrixOf(unknowns.filter((u) => u !== id))) === full - 1);
}
