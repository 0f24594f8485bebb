import type { PublishedTable } from '../../shared/governance/suppression';
import { publishedText, WITHHELD } from '../../shared/governance/stats';

function Cell({ value }: { value: number | null }) {
  return (
    <td className={value === null ? 'stats-table__withheld' : undefined}>{publishedText(value)}</td>
  );
}

/**
 * A published table with its totals. A withheld value reads "Withheld" (in words, not only by
 * its style); the page's legend says why. Wide tables scroll inside a focusable region.
 */
export function StatsTable({ caption, table }: { caption: string; table: PublishedTable }) {
  if (table.rows.length === 0) return <p className="governance__empty">None recorded.</p>;
  return (
    <div className="stats-table" role="region" aria-label={caption} tabIndex={0}>
      <table className="table table--compact table--whole-words">
        <caption className="stats-table__caption">{caption}</caption>
        <thead>
          <tr>
            <td />
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={row}>
              <th scope="row">{row}</th>
              {(table.cells[i] ?? []).map((v, j) => (
                <Cell key={table.columns[j] ?? j} value={v} />
              ))}
              <Cell value={table.rowTotals[i] ?? null} />
            </tr>
          ))}
          <tr className="stats-table__totals">
            <th scope="row">Total</th>
            {table.columnTotals.map((v, j) => (
              <Cell key={table.columns[j] ?? j} value={v} />
            ))}
            <Cell value={table.total} />
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** Says once per page what "Withheld" means. */
export function WithheldLegend({ note }: { note: string }) {
  return (
    <p className="stats-legend">
      <span className="stats-table__withheld stats-legend__key">{WITHHELD}</span> {note}
    </p>
  );
}
