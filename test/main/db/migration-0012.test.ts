import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { SCHEMA_VERSION } from '../../../main/db/migrate';
import { closeDatabase, openDatabase } from '../../../main/db/open';
import { storeBefore, tempDir } from '../../support/core';

/** 0012-curated-chronologies runs against a chronology written at the version before it. */
describe('migration 0012-curated-chronologies', () => {
  const dir = tempDir();
  afterAll(() => {
    dir.remove();
  });

  it('keeps the chronology, and adds curated versions that point into it', () => {
    const file = join(dir.path, 'before-0012.db');
    const { before, key } = storeBefore(file, '0012-curated-chronologies');
    before.exec(`
      INSERT INTO users (id, username, display_name, role, status, must_change_passphrase,
        created_at, updated_at)
      VALUES ('u1', 'dlead', 'Dana Lead', 'dsl', 'active', 0, 't', 't');
      INSERT INTO children (id, legal_forename, legal_surname, preferred_forename,
        preferred_surname, date_of_birth, upn, year_group, gender, admission_date, search_key,
        created_at, updated_at)
      VALUES ('c1', 'Amara', 'Okafor', '', '', '2016-03-14', NULL, 'Y5', 'female', NULL,
        'amara okafor', 't', 't');
      INSERT INTO chronology_entries (id, child_id, source, source_id, occurred_at, recorded_at,
        recorded_by, title, detail, categories)
      VALUES ('e1', 'c1', 'designation', 'd1', '2026-03-03', 't', 'u1',
        'Child protection plan (neglect) started', '', '["neglect"]');
    `);
    before.close();

    const db = openDatabase(file, Buffer.from(key), { create: false });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT title FROM chronology_entries').pluck().all()).toEqual([
      'Child protection plan (neglect) started',
    ]);
    db.prepare(
      `INSERT INTO curated_chronologies VALUES ('k1', 'c1', 'For the ICPC', '', 'u1', 't', 'u1', 't')`,
    ).run();
    db.prepare(
      `INSERT INTO curated_chronology_entries VALUES ('k1', 0, 'e1', 'Neglect plan.')`,
    ).run();
    expect(() =>
      db.prepare(`INSERT INTO curated_chronology_entries VALUES ('k1', 1, 'e1', '')`).run(),
    ).toThrow(/UNIQUE constraint failed/);
    expect(() =>
      db.prepare(`INSERT INTO curated_chronology_entries VALUES ('k1', 1, 'nope', '')`).run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO curated_chronologies VALUES ('k2', 'c1', '', '', 'u1', 't', 'u1', 't')`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    closeDatabase(db);
  });
});
