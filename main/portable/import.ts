import { existsSync, rmSync } from 'node:fs';

import Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';

import { normaliseRecoveryKey } from '../../shared/users/recovery-key';
import { newPassphraseField } from '../../shared/users/schema';
import type { ChainFields } from '../audit/chain';
import { entryHash, GENESIS_HASH } from '../audit/chain';
import { newRecoveryKey } from '../auth/service';
import { quoted } from '../db/copy';
import type { Db } from '../db/open';
import { migrate, SCHEMA_VERSION } from '../db/migrate';
import { newId } from '../ids';
import type { Store } from '../store';
import type { KdfParams } from '../vault/keyring';
import { createVault, storePaths } from '../vault/vault';
import type { PortableRow, PortableSchool, PortableValue } from './export';
import { PORTABLE_FORMAT, PORTABLE_VERSION } from './export';
import { rebuildSearchIndex } from './search-rebuild';
import type { PortableColumn, PortableTable } from './tables';
import { BLOB_KEY, portableTables } from './tables';

/** Why an export could not be imported; nothing was created. `problems` name table, row and column. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(readonly problems: string[]) {
    const shown = problems.slice(0, 5).join('; ');
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    super(`The export cannot be imported: ${shown}${more}.`);
  }
}

/** The data directory an import or restore writes into must not exist yet. */
export class DataDirError extends Error {
  override name = 'DataDirError';
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function valueSchema(column: PortableColumn): z.ZodType<PortableValue> {
  const blob: z.ZodType<PortableValue> = z.strictObject({
    [BLOB_KEY]: z.string().regex(BASE64, 'expected base64'),
  });
  const base: z.ZodType<PortableValue> =
    column.type === 'INTEGER'
      ? z.number().int().refine(Number.isSafeInteger, 'integer out of range')
      : column.type === 'REAL'
        ? z.number()
        : column.type === 'TEXT'
          ? z.string()
          : column.type === 'BLOB'
            ? blob
            : z.union([z.string(), z.number(), blob]);
  return column.required ? base : base.nullable();
}

function rowSchema(table: PortableTable): z.ZodType<PortableRow> {
  return z.strictObject(Object.fromEntries(table.columns.map((c) => [c.name, valueSchema(c)])));
}

/** The tables and columns this version of Lantern stores, read from an empty migrated database. */
function currentTables(): PortableTable[] {
  const db = new Database(':memory:');
  try {
    migrate(db);
    return portableTables(db);
  } finally {
    db.close();
  }
}

function where(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || 'the file';
}

function problemsOf(error: z.ZodError): string[] {
  return error.issues.slice(0, 20).map((i) => `${where(i.path)}: ${i.message}`);
}

const envelope = z.object({
  format: z.literal(PORTABLE_FORMAT, `expected "${PORTABLE_FORMAT}"`),
  version: z.literal(PORTABLE_VERSION, `expected ${PORTABLE_VERSION}`),
  schemaVersion: z.number().int().positive(),
});

/** Checks the whole file against this version's schema; returns it typed or throws ImportError. */
export function parsePortable(json: unknown, tables: PortableTable[]): PortableSchool {
  const head = envelope.safeParse(json);
  if (!head.success) throw new ImportError(problemsOf(head.error));
  const version = head.data.schemaVersion;
  if (version > SCHEMA_VERSION) {
    throw new ImportError([
      `schemaVersion: the export was written by a newer Lantern (schema ${version}; this version understands ${SCHEMA_VERSION}). Update Lantern to import it`,
    ]);
  }
  if (version < SCHEMA_VERSION) {
    throw new ImportError([
      `schemaVersion: the export was written by an older Lantern (schema ${version}; this version imports schema ${SCHEMA_VERSION}). Import it with that version, then back it up and restore the backup here`,
    ]);
  }
  const schema = z.strictObject({
    format: z.literal(PORTABLE_FORMAT),
    version: z.literal(PORTABLE_VERSION),
    exportedAt: z.iso.datetime(),
    schemaVersion: z.literal(SCHEMA_VERSION),
    school: z.strictObject({
      name: z.string(),
      urn: z.string(),
      localAuthority: z.string(),
      laCode: z.string(),
      phase: z.string(),
    }),
    tables: z.strictObject(Object.fromEntries(tables.map((t) => [t.name, z.array(rowSchema(t))]))),
  });
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ImportError(problemsOf(parsed.error));
  return parsed.data;
}

function sqlValue(value: PortableValue): string | number | Buffer | null {
  if (value !== null && typeof value === 'object') return Buffer.from(value[BLOB_KEY], 'base64');
  return value;
}

/** The named person must be an active DSL in the export: they hold the first key slot. */
function findDsl(school: PortableSchool, username: string): string {
  const user = (school.tables.users ?? []).find((u) => u.username === username);
  if (!user || user.role !== 'dsl' || user.status !== 'active' || typeof user.id !== 'string') {
    throw new ImportError([`tables.users: "${username}" is not an active DSL in this export`]);
  }
  return user.id;
}

/**
 * The imported audit history, re-sealed under the new store's audit key. The old key is never
 * exported, so the old hashes cannot be checked; what can be is that the rows run 1, 2, 3… and
 * each one's prev_hash is the entry_hash before it, so the history arrived whole and in order.
 */
function resealAudit(db: Db, key: Buffer, rows: PortableRow[]): void {
  const insert = db.prepare(`
    INSERT INTO audit_log (seq, at, session_id, actor_id, role, method, record_ids, outcome,
      error_code, prev_hash, entry_hash)
    VALUES (:seq, :at, :session_id, :actor_id, :role, :method, :record_ids, :outcome,
      :error_code, :prev_hash, :entry_hash)
  `);
  let oldPrev = GENESIS_HASH;
  let newPrev = GENESIS_HASH;
  rows.forEach((row, i) => {
    const at = `tables.audit_log[${i}]`;
    if (row.seq !== i + 1)
      throw new ImportError([`${at}.seq: expected ${i + 1}, found ${JSON.stringify(row.seq)}`]);
    if (row.prev_hash !== oldPrev)
      throw new ImportError([
        `${at}.prev_hash: does not follow the row before; the audit history is incomplete`,
      ]);
    oldPrev = row.entry_hash as string;
    const fields = { ...row, prev_hash: newPrev } as unknown as ChainFields;
    newPrev = entryHash(key, fields);
    insert.run({ ...fields, entry_hash: newPrev });
  });
}

function insertRows(db: Db, table: PortableTable, rows: PortableRow[]): Map<bigint, number> {
  const names = table.columns.map((c) => c.name);
  const insert = db.prepare(
    `INSERT INTO ${quoted(table.name)} (${names.map(quoted).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
  );
  const rowids = new Map<bigint, number>();
  rows.forEach((row, i) => {
    try {
      const info = insert.run(...names.map((n) => sqlValue(row[n] ?? null)));
      if (!table.withoutRowid) rowids.set(BigInt(info.lastInsertRowid), i);
    } catch (err) {
      throw new ImportError([
        `tables.${table.name}[${i}]: ${err instanceof Error ? err.message : String(err)}`,
      ]);
    }
  });
  return rowids;
}

/** Fills the new store: triggers off (the rows are history, written as they were), then back. */
function fill(store: Store, school: PortableSchool, tables: PortableTable[]): void {
  const { db } = store;
  db.pragma('defer_foreign_keys = ON');
  const triggers = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY rowid")
    .all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER ${quoted(t.name)}`);
  const rowids = new Map<string, Map<bigint, number>>();
  for (const table of tables) {
    db.exec(`DELETE FROM ${quoted(table.name)}`);
    const rows = school.tables[table.name] ?? [];
    if (table.name === 'audit_log') resealAudit(db, store.auditKey, rows);
    else rowids.set(table.name, insertRows(db, table, rows));
  }
  rebuildSearchIndex(db);
  for (const t of triggers) db.exec(t.sql);
  const broken = db.pragma('foreign_key_check') as {
    table: string;
    rowid: number | bigint | null;
    parent: string;
  }[];
  if (broken.length > 0) {
    throw new ImportError(
      broken.slice(0, 20).map((b) => {
        const index = b.rowid === null ? undefined : rowids.get(b.table)?.get(BigInt(b.rowid));
        return `tables.${b.table}${index === undefined ? '' : `[${index}]`}: refers to a row of ${b.parent} that is not in the export`;
      }),
    );
  }
}

/**
 * Creates a new data directory (which must not exist) holding the school from an open export:
 * a new data key, a new recovery key, a key slot for the named DSL (an active DSL in the
 * export) and every row, in one transaction with the foreign keys checked. Other accounts keep
 * their rows but have no key slot until the DSL resets their passphrase. The audit history is
 * re-sealed under the new store's audit key and followed by a `data.import` row. On any
 * problem nothing is left behind.
 */
export async function importSchool(
  json: unknown,
  dataDir: string,
  dsl: { username: string; passphrase: string },
  kdf?: KdfParams,
): Promise<{ recoveryKey: string }> {
  const passphrase = newPassphraseField.safeParse(dsl.passphrase);
  if (!passphrase.success)
    throw new ImportError([`passphrase: ${passphrase.error.issues[0]?.message ?? 'not allowed'}`]);
  // Usernames are stored trimmed and in lower case (shared/users/schema.ts).
  const username = dsl.username.trim().toLowerCase();
  if (dsl.passphrase.toLowerCase().includes(username))
    throw new ImportError(['passphrase: must not contain the username']);
  const tables = currentTables();
  const school = parsePortable(json, tables);
  const dslId = findDsl(school, username);
  if (existsSync(dataDir))
    throw new DataDirError(`The data directory ${dataDir} already exists; import into a new one.`);
  const recoveryKey = newRecoveryKey();
  const vault = createVault(storePaths(dataDir), kdf);
  try {
    await vault.create(
      { id: dslId, username, passphrase: dsl.passphrase },
      normaliseRecoveryKey(recoveryKey) ?? recoveryKey,
      (store) => {
        fill(store, school, tables);
        const now = new Date();
        store.audit({
          at: now.toISOString(),
          sessionId: newId(now),
          actorId: dslId,
          role: 'dsl',
          method: 'data.import',
          recordIds: [dslId],
          outcome: 'ok',
          errorCode: null,
        });
      },
    );
    vault.lock();
  } catch (err) {
    vault.lock();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return { recoveryKey };
}
