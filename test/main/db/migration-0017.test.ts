import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { SCHEMA_VERSION } from '../../../main/db/migrate';
import { closeDatabase, openDatabase } from '../../../main/db/open';
import { policyIds } from '../../../shared/policies/register';
import { storeBefore, tempDir } from '../../support/core';

/**
 * 0017-policies adds the policy register to a store written at the version before: the users
 * stay, the register's policies are there, and reviews are append-only with their dates checked.
 */
describe('migration 0017-policies', () => {
  const dir = tempDir();
  afterAll(() => {
    dir.remove();
  });

  it('keeps the users, seeds the register and keeps reviews append-only', () => {
    const file = join(dir.path, 'before-0017.db');
    const { before, key } = storeBefore(file, '0017-policies');
    before.exec(`
      INSERT INTO users (id, username, display_name, role, status, must_change_passphrase,
        created_at, updated_at)
      VALUES ('u1', 'dlead', 'Dana Lead', 'dsl', 'active', 0, 't', 't');
    `);
    const users = before.prepare('SELECT * FROM users').all();
    before.close();

    const db = openDatabase(file, Buffer.from(key), { create: false });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT * FROM users').all()).toEqual(users);
      expect(
        db
          .prepare('SELECT id FROM policies WHERE builtin = 1 ORDER BY rowid')
          .all()
          .map((r) => (r as { id: string }).id),
      ).toEqual([...policyIds]);
      db.exec(`
        INSERT INTO policy_reviews (id, policy_id, approved_on, approved_by, version_label,
          next_review, published_url, recorded_at, recorded_by)
        VALUES ('r1', 'child_protection', '2026-01-31', 'Board', '', '2027-01-31',
          'https://example.org/cp', 't', 'u1');
        INSERT INTO filtering_reviews VALUES ('f1', '2026-10-05', '[]', 'Filter', 'Fine', '[]',
          't', 'u1');
      `);
      const refused: [string, RegExp][] = [
        [
          `INSERT INTO policy_reviews (id, policy_id, approved_on, approved_by, version_label,
            next_review, published_url, recorded_at, recorded_by)
          VALUES ('r2', 'behaviour', '2026-01-31', 'Board', '', '2026-01-30', '', 't', 'u1')`,
          /CHECK/,
        ],
        [
          `INSERT INTO policy_reviews (id, policy_id, approved_on, approved_by, version_label,
            next_review, published_url, document, recorded_at, recorded_by)
          VALUES ('r3', 'behaviour', '2026-01-31', 'Board', '', '2027-01-31', '', x'25', 't',
            'u1')`,
          /CHECK/,
        ],
        [
          `INSERT INTO policy_reviews (id, policy_id, approved_on, approved_by, version_label,
            next_review, published_url, recorded_at, recorded_by)
          VALUES ('r4', 'no_such_policy', '2026-01-31', 'Board', '', '2027-01-31', '', 't', 'u1')`,
          /FOREIGN KEY/,
        ],
        [
          "INSERT INTO filtering_reviews VALUES ('f2', '2026-10-05', '{', 'F', 'F', '[]', 't', 'u1')",
          /CHECK/,
        ],
        ["UPDATE policy_reviews SET next_review = '2026-06-01'", /cannot be changed/],
        ['DELETE FROM policy_reviews', /cannot be deleted/],
        ["UPDATE filtering_reviews SET findings = 'x'", /cannot be changed/],
        ['DELETE FROM filtering_reviews', /cannot be deleted/],
      ];
      for (const [sql, error] of refused) expect(() => db.exec(sql), sql).toThrow(error);
    } finally {
      closeDatabase(db);
    }
  });
});
