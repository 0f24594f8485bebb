import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';

import { SCHEMA_VERSION } from '../../../main/db/migrate';
import { migrations } from '../../../main/db/migrations';
import { closeDatabase, openDatabase } from '../../../main/db/open';
import { tempDir } from '../../support/core';

/** Each migration runs against data written at the version before it (security R7). */
describe('migrations', () => {
  const dir = tempDir();
  afterAll(() => {
    dir.remove();
  });

  it('0002-accounts keeps version-1 data and indexes its audit rows by record', () => {
    const file = join(dir.path, 'v1.db');
    const key = randomBytes(32);
    const v1 = new Database(file);
    v1.key(Buffer.from(key));
    migrations[0]!.up(v1);
    v1.pragma('user_version = 1');
    v1.prepare(
      `INSERT INTO children (id, legal_forename, legal_surname, preferred_forename, preferred_surname,
         date_of_birth, upn, year_group, gender, admission_date, search_key, created_at, updated_at)
       VALUES ('c1', 'Amara', 'Okafor', '', '', '2016-03-14', 'B801200005001', '5', 'female', NULL, 'amara okafor', 't', 't')`,
    ).run();
    v1.prepare(
      `INSERT INTO audit_log (seq, at, session_id, method, record_ids, outcome, prev_hash, entry_hash)
       VALUES (1, 't', 's', 'children.add', '["c1"]', 'ok', 'p', 'e')`,
    ).run();
    v1.close();

    const db = openDatabase(file, Buffer.from(key), { create: false });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT legal_surname FROM children').pluck().all()).toEqual(['Okafor']);
    expect(db.prepare('SELECT record_id, seq FROM audit_records').all()).toEqual([
      { record_id: 'c1', seq: 1 },
    ]);
    expect(db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0);
    closeDatabase(db);
  });

  it('0003-leavers keeps version-2 pupils on roll and adds saved import mappings', () => {
    const file = join(dir.path, 'v2.db');
    const key = randomBytes(32);
    const v2 = new Database(file);
    v2.key(Buffer.from(key));
    migrations[0]!.up(v2);
    migrations[1]!.up(v2);
    v2.pragma('user_version = 2');
    v2.prepare(
      `INSERT INTO children (id, legal_forename, legal_surname, preferred_forename, preferred_surname,
         date_of_birth, upn, year_group, gender, admission_date, search_key, created_at, updated_at)
       VALUES ('c1', 'Amara', 'Okafor', '', '', '2016-03-14', 'B801200005001', '5', 'female',
         '2020-09-02', 'amara okafor', 't1', 't2')`,
    ).run();
    v2.close();

    const db = openDatabase(file, Buffer.from(key), { create: false });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(
      db.prepare('SELECT upn, admission_date, leaving_date, updated_at FROM children').all(),
    ).toEqual([
      { upn: 'B801200005001', admission_date: '2020-09-02', leaving_date: null, updated_at: 't2' },
    ]);
    db.prepare(
      "INSERT INTO import_mappings (name, mapping, updated_at) VALUES ('SIMS', '{}', 't')",
    ).run();
    expect(() =>
      db
        .prepare("INSERT INTO import_mappings (name, mapping, updated_at) VALUES ('x', x'00', 't')")
        .run(),
    ).toThrow(/cannot store BLOB value in TEXT column/);
    closeDatabase(db);
  });

  it('0004-concerns keeps version-3 pupils and makes a submitted concern immutable', () => {
    const file = join(dir.path, 'v3.db');
    const key = randomBytes(32);
    const v3 = new Database(file);
    v3.key(Buffer.from(key));
    for (const m of migrations.slice(0, 3)) m.up(v3);
    v3.pragma('user_version = 3');
    v3.prepare(
      `INSERT INTO children (id, legal_forename, legal_surname, preferred_forename, preferred_surname,
         date_of_birth, upn, year_group, gender, admission_date, leaving_date, search_key,
         created_at, updated_at)
       VALUES ('c1', 'Amara', 'Okafor', '', '', '2016-03-14', NULL, '5', 'female', NULL, NULL,
         'amara okafor', 't1', 't2')`,
    ).run();
    v3.prepare(
      `INSERT INTO users (id, username, display_name, role, status, must_change_passphrase,
         created_at, updated_at)
       VALUES ('u1', 'steacher', 'Sam Teacher', 'staff', 'active', 0, 't', 't')`,
    ).run();
    v3.close();

    const db = openDatabase(file, Buffer.from(key), { create: false });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT legal_surname FROM children').pluck().all()).toEqual(['Okafor']);
    db.prepare(
      `INSERT INTO concerns (id, recorded_by, recorded_at, occurred_at, occurred_at_utc,
         occurred_at_approx, location, summary, child_words, opinion, actions_taken, people_told,
         dsl_told_in_person, status)
       VALUES ('k1', 'u1', 't', '2026-11-27', NULL, 0, '', 'Seen.', '', '', '', '', 0, 'submitted')`,
    ).run();
    db.prepare("INSERT INTO concern_children VALUES ('k1', 'c1', 'subject')").run();
    expect(() =>
      db.prepare("INSERT INTO concern_children VALUES ('k1', 'c1', 'witness')").run(),
    ).toThrow(/UNIQUE constraint failed/);
    expect(() =>
      db.prepare("INSERT INTO concern_children VALUES ('k1', 'nobody', 'victim')").run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.prepare("UPDATE concerns SET summary = 'x'").run()).toThrow(
      /cannot be changed/,
    );
    expect(() => db.prepare('DELETE FROM concern_children').run()).toThrow(/cannot be deleted/);
    closeDatabase(db);
  });

  it('0009-concern-extras keeps earlier concerns; a draft’s file is fixed once it is the concern’s', () => {
    const file = join(dir.path, 'v8.db');
    const key = randomBytes(32);
    const before = migrations.findIndex((m) => m.name === '0009-concern-extras');
    const old = new Database(file);
    old.key(Buffer.from(key));
    for (const m of migrations.slice(0, before)) m.up(old);
    old.pragma(`user_version = ${before}`);
    old
      .prepare(
        `INSERT INTO users (id, username, display_name, role, status, must_change_passphrase,
         created_at, updated_at)
       VALUES ('u1', 'steacher', 'Sam Teacher', 'staff', 'active', 0, 't', 't')`,
      )
      .run();
    old
      .prepare(
        `INSERT INTO concerns (id, recorded_by, recorded_at, occurred_at, occurred_at_utc,
         occurred_at_approx, location, summary, child_words, opinion, actions_taken, people_told,
         dsl_told_in_person, status)
       VALUES ('k1', 'u1', 't', '2026-11-27', NULL, 0, '', 'Seen.', '', '', '', '', 0, 'submitted')`,
      )
      .run();
    old.close();

    const db = openDatabase(file, Buffer.from(key), { create: false });
    expect(db.prepare('SELECT summary FROM concerns').pluck().all()).toEqual(['Seen.']);
    expect(db.prepare('SELECT count(*) FROM concern_body_marks').pluck().get()).toBe(0);
    db.prepare(
      "INSERT INTO concern_drafts VALUES ('d1', 'u1', 't', 't', '{\"summary\":\"Half\"}')",
    ).run();
    const attach = db.prepare(
      `INSERT INTO concern_attachments (id, draft_id, concern_id, added_by, added_at, file_name,
         media_type, size, sha256, data)
       VALUES (?, ?, ?, 'u1', 't', 'a.png', 'image/png', 3, ?, x'010203')`,
    );
    attach.run('a1', 'd1', null, 'f'.repeat(64));
    // Neither or both of draft and concern is refused.
    expect(() => attach.run('a2', null, null, 'f'.repeat(64))).toThrow(/CHECK constraint/);
    expect(() => attach.run('a3', 'd1', 'k1', 'f'.repeat(64))).toThrow(/CHECK constraint/);
    // On the draft the file may go; moved to the concern it may not change or go.
    db.prepare("UPDATE concern_attachments SET concern_id = 'k1', draft_id = NULL").run();
    db.prepare("DELETE FROM concern_drafts WHERE id = 'd1'").run();
    expect(db.prepare('SELECT concern_id FROM concern_attachments').pluck().all()).toEqual(['k1']);
    expect(() => db.prepare("UPDATE concern_attachments SET file_name = 'b.png'").run()).toThrow(
      /cannot be changed/,
    );
    expect(() => db.prepare('DELETE FROM concern_attachments').run()).toThrow(/cannot be deleted/);
    db.prepare(
      `INSERT INTO concern_body_marks VALUES ('k1', 0, 'front', 0.3, 0.3, 'chest', 'bruise', 'Bruise')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO concern_body_marks VALUES ('k1', 1, 'side', 0.3, 0.3, 'chest', 'bruise', 'x')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    expect(() => db.prepare('DELETE FROM concern_body_marks').run()).toThrow(/cannot be deleted/);
    closeDatabase(db);
  });

  it('knows every migration by a unique, ordered name', () => {
    const names = migrations.map((m) => m.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBe(SCHEMA_VERSION);
  });
});
