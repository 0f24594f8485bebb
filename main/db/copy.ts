import { closeSync, fsyncSync, openSync } from 'node:fs';

import Database from 'better-sqlite3-multiple-ciphers';

import type { Db } from './open';

/** Quotes an identifier for SQL. */
export function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Copies every row of `table` (with its rowid when asked) from source to target. */
function copyRows(source: Db, target: Db, table: string, withRowid: boolean): void {
  const names = source
    .prepare('SELECT name FROM pragma_table_info(?)')
    .pluck()
    .all(table) as string[];
  const list = [...(withRowid ? ['rowid'] : []), ...names.map(quoted)];
  const columns = list.join(', ');
  const insert = target.prepare(
    `INSERT INTO ${quoted(table)} (${columns}) VALUES (${list.map(() => '?').join(', ')})`,
  );
  for (const row of source
    .prepare(`SELECT ${columns} FROM ${quoted(table)}`)
    .raw()
    .iterate()) {
    insert.run(...(row as unknown[]));
  }
}

/**
 * Writes a complete copy of `source` to a new file encrypted with `key`: schema, rows and
 * user_version, in one transaction, then fsyncs it. Used to change the data key: a fresh file is
 * built beside the old one and swapped in only when complete, because SQLite3 Multiple Ciphers'
 * in-place rekey was measured to leave a database that neither key opens when killed at some
 * moments.
 *
 * An FTS5 table (search_index) is created in the target, which creates its own shadow tables;
 * its rows are then copied through the virtual table itself, so FTS5 builds a fresh index, and
 * checked. The shadow tables are never copied row by row. Triggers come last, so copying a
 * concern does not index it twice.
 */
export function copyEncrypted(source: Db, file: string, key: Buffer): void {
  const entries = source
    .prepare(
      "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
    )
    .all() as { type: string; name: string; sql: string }[];
  // 'table', 'virtual' or 'shadow' (a virtual table's own storage).
  const kindOf = new Map(
    (source.pragma('table_list') as { schema: string; name: string; type: string }[])
      .filter((t) => t.schema === 'main')
      .map((t) => [t.name, t.type]),
  );
  const tables = entries.filter((e) => e.type === 'table' && kindOf.get(e.name) === 'table');
  const virtuals = entries.filter((e) => e.type === 'table' && kindOf.get(e.name) === 'virtual');
  for (const v of virtuals) {
    // Rows read back through an external-content or contentless table are not the indexed text.
    if (!/\bUSING\s+fts5\s*\(/i.test(v.sql) || /\bcontent\s*=/i.test(v.sql)) {
      throw new Error(`copyEncrypted cannot copy the virtual table ${v.name}.`);
    }
  }
  const target = new Database(file);
  try {
    target.key(Buffer.from(key));
    target.pragma('journal_mode = DELETE');
    target.pragma('synchronous = FULL');
    target.pragma('foreign_keys = OFF');
    target.transaction(() => {
      for (const t of [...tables, ...virtuals]) target.exec(t.sql);
      for (const t of tables) copyRows(source, target, t.name, false);
      for (const v of virtuals) {
        copyRows(source, target, v.name, true);
        target
          .prepare(`INSERT INTO ${quoted(v.name)} (${quoted(v.name)}) VALUES ('integrity-check')`)
          .run();
      }
      for (const e of entries.filter((x) => x.type !== 'table')) target.exec(e.sql);
      target.pragma(`user_version = ${Number(source.pragma('user_version', { simple: true }))}`);
    })();
    const problems = target.pragma('foreign_key_check') as unknown[];
    if (problems.length > 0) throw new Error('the copy fails its foreign key check');
  } finally {
    target.close();
  }
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
