import { closeSync, fsyncSync, openSync } from 'node:fs';

import Database from 'better-sqlite3-multiple-ciphers';

import type { Db } from './open';

/**
 * Writes a complete copy of `source` to a new file encrypted with `key`: schema, rows and
 * user_version, in one transaction, then fsyncs it. Used to change the data key: a fresh file is
 * built beside the old one and swapped in only when complete, because SQLite3 Multiple Ciphers'
 * in-place rekey was measured to leave a database that neither key opens when killed at some
 * moments.
 */
export function copyEncrypted(source: Db, file: string, key: Buffer): void {
  const entries = source
    .prepare(
      "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
    )
    .all() as { type: string; name: string; sql: string }[];
  if (entries.some((e) => /^CREATE VIRTUAL TABLE/i.test(e.sql))) {
    // Virtual tables (FTS5) keep shadow tables that must be rebuilt, not copied row by row.
    throw new Error(
      'copyEncrypted does not yet handle virtual tables: rebuild them after copying.',
    );
  }
  const target = new Database(file);
  try {
    target.key(Buffer.from(key));
    target.pragma('journal_mode = DELETE');
    target.pragma('synchronous = FULL');
    target.pragma('foreign_keys = OFF');
    const tables = entries.filter((e) => e.type === 'table');
    target.transaction(() => {
      for (const t of tables) target.exec(t.sql);
      for (const t of tables) {
        const columns = (
          source.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t.name) as string[]
        )
          .map((c) => `"${c.replace(/"/g, '""')}"`)
          .join(', ');
        const table = `"${t.name.replace(/"/g, '""')}"`;
        const insert = target.prepare(
          `INSERT INTO ${table} (${columns}) VALUES (${columns
            .split(', ')
            .map(() => '?')
            .join(', ')})`,
        );
        for (const row of source.prepare(`SELECT ${columns} FROM ${table}`).raw().iterate()) {
          insert.run(...(row as unknown[]));
        }
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
