import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { StoreError } from '../../../main/db/errors';
import { SCHEMA_VERSION } from '../../../main/db/migrate';
import { closeDatabase, openDatabase, REQUIRED_PRAGMAS } from '../../../main/db/open';
import { tempDir } from '../../support/core';

const CANARY = 'CANARY-7f3a9c-Lantern-plaintext-must-never-appear';

describe('encrypted store on real files (security K1, K3, R1, R7)', () => {
  let dir: ReturnType<typeof tempDir>;
  let file: string;
  const key = () => Buffer.from(fixedKey);
  const fixedKey = randomBytes(32);

  beforeEach(() => {
    dir = tempDir();
    file = join(dir.path, 'lantern.db');
  });
  afterEach(() => {
    dir.remove();
  });

  function writeCanary(): void {
    const db = openDatabase(file, key(), { create: true });
    db.prepare(
      `INSERT INTO children (id, legal_forename, legal_surname, preferred_forename, preferred_surname,
        date_of_birth, upn, year_group, gender, admission_date, search_key, created_at, updated_at)
       VALUES ('c1', ?, 'Surname', '', '', '2016-01-01', NULL, '5', 'female', NULL, ?, 'now', 'now')`,
    ).run(CANARY, CANARY.toLowerCase());
    // Leave the WAL in place (no checkpoint on close) to check it too.
    db.close();
  }

  it('writes no plaintext: no SQLite header and no canary in the database or WAL', () => {
    const db = openDatabase(file, key(), { create: true });
    db.prepare(
      `INSERT INTO school (id, name, urn, local_authority, la_code, phase, updated_at)
       VALUES (1, ?, '123456', 'Devon', '878', 'primary', 'now')`,
    ).run(CANARY);
    expect(existsSync(`${file}-wal`)).toBe(true);
    const wal = readFileSync(`${file}-wal`);
    expect(wal.includes(Buffer.from(CANARY))).toBe(false);
    closeDatabase(db);
    const raw = readFileSync(file);
    expect(raw.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    expect(raw.includes(Buffer.from(CANARY))).toBe(false);
    expect(raw.includes(Buffer.from('CREATE TABLE'))).toBe(false);
  });

  it('reopens with the key and keeps the data', () => {
    writeCanary();
    const db = openDatabase(file, key(), { create: false });
    expect(db.prepare('SELECT legal_forename FROM children').pluck().get()).toBe(CANARY);
    closeDatabase(db);
  });

  it('refuses a wrong key with a clear error and leaves the files unchanged', () => {
    writeCanary();
    const before = readFileSync(file);
    const error = (() => {
      try {
        openDatabase(file, randomBytes(32), { create: false });
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('wrong_key');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('does not open without a key', () => {
    writeCanary();
    const db = new Database(file);
    expect(() => db.prepare('SELECT count(*) FROM children').get()).toThrow(/not a database/);
    db.close();
  });

  it('sets and asserts every required pragma, on a second open too', () => {
    closeDatabase(openDatabase(file, key(), { create: true }));
    const db = openDatabase(file, key(), { create: false });
    for (const [name, expected] of Object.entries(REQUIRED_PRAGMAS)) {
      expect(db.pragma(name, { simple: true })).toBe(expected);
    }
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    closeDatabase(db);
  });

  it('uses STRICT tables and an append-only audit log', () => {
    const db = openDatabase(file, key(), { create: true });
    // FTS5 virtual tables and their shadow tables cannot be STRICT; the list of them is fixed.
    const tables = db
      .prepare(
        `SELECT s.name, s.sql FROM sqlite_schema s JOIN pragma_table_list t ON t.name = s.name
         WHERE s.type = 'table' AND t.type = 'table' AND s.name NOT LIKE 'sqlite_%'`,
      )
      .all() as { name: string; sql: string }[];
    expect(tables.length).toBeGreaterThan(0);
    expect(
      db.prepare("SELECT name FROM pragma_table_list WHERE type = 'virtual'").pluck().all(),
    ).toEqual(['search_index']);
    for (const t of tables)
      expect(t.sql, t.name).toMatch(/\)\s*(WITHOUT ROWID,\s*)?STRICT(,\s*WITHOUT ROWID)?$/);
    db.prepare(
      `INSERT INTO audit_log (at, session_id, method, record_ids, outcome, prev_hash, entry_hash)
       VALUES ('now', 's', 'm', '[]', 'ok', '', '')`,
    ).run();
    expect(() => db.prepare('UPDATE audit_log SET outcome = ?').run('denied')).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    closeDatabase(db);
  });

  it('refuses a database written by a newer Lantern', () => {
    const db = openDatabase(file, key(), { create: true });
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    closeDatabase(db);
    expect(() => openDatabase(file, key(), { create: false })).toThrow(/newer version of Lantern/);
  });

  it('reports a missing database rather than creating an empty one', () => {
    expect(() => openDatabase(file, key(), { create: false })).toThrow(StoreError);
    expect(existsSync(file)).toBe(false);
  });

  it('detects a flipped bit instead of returning altered data', () => {
    writeCanary();
    const db0 = openDatabase(file, key(), { create: false });
    db0.pragma('wal_checkpoint(TRUNCATE)');
    closeDatabase(db0);
    const raw = readFileSync(file);
    const pageSize = 4096;
    // Flip one bit in the middle of the last page (where the child row lives).
    const offset = raw.length - Math.floor(pageSize / 2);
    raw[offset] = (raw[offset] ?? 0) ^ 0x01;
    writeFileSync(file, raw);
    expect(() => {
      const db = openDatabase(file, key(), { create: false });
      try {
        db.prepare('SELECT * FROM children').all();
      } finally {
        db.close();
      }
    }).toThrow();
  });
});
