import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { SCHEMA_VERSION } from '../../../main/db/migrate';
import { closeDatabase, openDatabase } from '../../../main/db/open';
import { storeBefore, tempDir } from '../../support/core';

/** 0008-families runs against data written at the version before it (security R7). */
describe('migration 0008-families', () => {
  const dir = tempDir();
  afterAll(() => {
    dir.remove();
  });

  it('keeps the pupils and adds families, adults and dated key contacts', () => {
    const file = join(dir.path, 'before-0008.db');
    const { before, key } = storeBefore(file, '0008-families');
    before
      .prepare(
        `INSERT INTO children (id, legal_forename, legal_surname, preferred_forename,
           preferred_surname, date_of_birth, upn, year_group, gender, admission_date, leaving_date,
           search_key, created_at, updated_at)
         VALUES ('c1', 'Amara', 'Okafor', '', '', '2016-03-14', NULL, '5', 'female', NULL, NULL,
           'amara okafor', 't1', 't2')`,
      )
      .run();
    before
      .prepare(
        `INSERT INTO users (id, username, display_name, role, status, must_change_passphrase,
           created_at, updated_at)
         VALUES ('u1', 'dlead', 'Dana Lead', 'dsl', 'active', 0, 't', 't')`,
      )
      .run();
    before.close();

    const db = openDatabase(file, Buffer.from(key), { create: false });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT legal_surname FROM children').pluck().all()).toEqual(['Okafor']);

    db.prepare("INSERT INTO families VALUES ('f1', 'Mother’s household', 'u1', 't')").run();
    db.prepare("INSERT INTO family_children VALUES ('f1', 'c1', 'u1', 't')").run();
    expect(() =>
      db.prepare("INSERT INTO family_children VALUES ('f1', 'nobody', 'u1', 't')").run(),
    ).toThrow(/FOREIGN KEY constraint failed/);

    const adult = db.prepare(
      `INSERT INTO family_adults VALUES (:id, 'c1', 'Grace', :relationship, '', :pr, :lives, '',
         '', '', '', '', 1, 'u1', 't', 'u1', 't')`,
    );
    adult.run({ id: 'a1', relationship: 'mother', pr: 'yes', lives: 'yes' });
    // Not known is an answer of its own: what an MIS import records.
    adult.run({ id: 'a2', relationship: 'father', pr: 'unknown', lives: 'unknown' });
    for (const [pr, lives] of [
      ['perhaps', 'no'],
      ['yes', 'perhaps'],
      ['yes', 1],
      ['yes', ''],
    ])
      expect(() => adult.run({ id: 'a3', relationship: 'mother', pr, lives })).toThrow(
        /CHECK constraint failed/,
      );
    expect(() => db.prepare("UPDATE family_adults SET child_id = 'c2'").run()).toThrow(
      /same child/,
    );
    expect(() => db.prepare('DELETE FROM family_adults').run()).toThrow(/not deleted/);

    db.prepare(
      `INSERT INTO key_contacts (id, child_id, role, role_detail, name, organisation, phone,
         email, start_date, end_date, notes, recorded_by, recorded_at)
       VALUES ('k1', 'c1', 'social_worker', '', 'Ann Smith', '', '', '', '2026-03-03', NULL, '',
         'u1', 't')`,
    ).run();
    expect(() =>
      db
        .prepare("UPDATE key_contacts SET end_date = '2026-03-02', ended_by = 'u1', ended_at = 't'")
        .run(),
    ).toThrow(/CHECK constraint failed/);
    db.prepare(
      "UPDATE key_contacts SET end_date = '2026-11-20', ended_by = 'u1', ended_at = 't'",
    ).run();
    expect(() => db.prepare("UPDATE key_contacts SET end_date = '2026-11-21'").run()).toThrow(
      /only a current key contact can be ended/,
    );
    expect(() => db.prepare('DELETE FROM key_contacts').run()).toThrow(/cannot be deleted/);
    closeDatabase(db);
  });
});
