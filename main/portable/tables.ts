import type { Db } from '../db/open';

/** A column of a STRICT table as the export describes it. */
export type PortableColumn = {
  name: string;
  type: 'INTEGER' | 'REAL' | 'TEXT' | 'BLOB' | 'ANY';
  /** NOT NULL, or part of the primary key. */
  required: boolean;
};

export type PortableTable = { name: string; columns: PortableColumn[]; withoutRowid: boolean };

/**
 * Not exported. The audit key would let anyone holding the file forge audit rows; the import
 * re-seals the history under the new store's own key instead (see import.ts). The search index
 * and its FTS5 shadow tables are derived from the rows and rebuilt on import; they are virtual
 * or shadow tables, so `portableTables` never lists them.
 */
const NOT_EXPORTED = new Set(['audit_key']);

/** Blobs in the JSON: `{ "$base64": "..." }`. */
export const BLOB_KEY = '$base64';

function columnType(declared: string): PortableColumn['type'] {
  const t = declared.toUpperCase();
  if (t === 'INT' || t === 'INTEGER') return 'INTEGER';
  if (t === 'REAL' || t === 'TEXT' || t === 'BLOB') return t;
  return 'ANY';
}

/**
 * Every real table of the school database, in creation order (parents before children), with
 * its columns: what the open export contains and what an import must supply.
 */
export function portableTables(db: Db): PortableTable[] {
  const list = (
    db.pragma('table_list') as { schema: string; name: string; type: string; wr: number }[]
  ).filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'));
  const byName = new Map(list.map((t) => [t.name, t]));
  const names = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY rowid")
    .pluck()
    .all() as string[];
  return names
    .filter((n) => byName.has(n) && !NOT_EXPORTED.has(n))
    .map((name) => {
      const info = db
        .prepare('SELECT name, type, "notnull", pk FROM pragma_table_info(?)')
        .all(name) as {
        name: string;
        type: string;
        notnull: number;
        pk: number;
      }[];
      return {
        name,
        withoutRowid: byName.get(name)?.wr === 1,
        columns: info.map((c) => ({
          name: c.name,
          type: columnType(c.type),
          required: c.notnull === 1 || c.pk > 0,
        })),
      };
    });
}
