/**
 * RFC 4180 CSV with formula injection neutralised (OWASP ASVS 5.0 1.2.10, security F4): a cell
 * that a spreadsheet would run as a formula gets a leading apostrophe.
 */
const FORMULA_START = /^[=+\-@\t\r\0]/;

export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
