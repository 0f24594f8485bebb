import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { SCHEMA_VERSION } from '../../../main/db/migrate';
import { closeDatabase, openDatabase } from '../../../main/db/open';
import { storeBefore, tempDir } from '../../support/core';

/**
 * 0018-audit adds the annual safeguarding audit to a store written at the version before: the
 * users stay; a year's questions, answers and sign-offs cannot be changed; an action can only
 * be marked done, once.
 */
describe('migration 0018-audit', () => {
  const dir = tempDir();
  afterAll(() => {
    dir.remove();
  });

  it('keeps the users and holds the audit append-only', () => {
    const file = join(dir.path, 'before-0018.db');
    const { before, key } = storeBefore(file, '0018-audit');
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
      db.exec(`
        INSERT INTO audit_years VALUES ('2026/27', '[]', 't', 'u1');
        INSERT INTO audit_answers VALUES ('a1', '2026/27', 'k001', 'amber', '', '[]', 't', 'u1');
        INSERT INTO audit_actions (id, academic_year, question_id, action, owner, due_on,
          added_at, added_by)
        VALUES ('x1', '2026/27', 'k001', 'Train', 'DSL', '2027-01-31', 't', 'u1');
        INSERT INTO audit_signoffs VALUES ('s1', '2026/27', 'dsl', 'Dana Lead', 't', 'u1');
        INSERT INTO audit_actions (id, academic_year, question_id, action, owner, due_on,
          added_at, added_by)
        VALUES ('x2', '2026/27', 'k002', 'Review', 'DSL', '2027-01-31', 't', 'u1');
        UPDATE audit_actions SET done_on = '2026-12-01', done_by = 'u1' WHERE id = 'x1';
      `);
      const refused: [string, RegExp][] = [
        ["INSERT INTO audit_years VALUES ('2026-27', '[]', 't', 'u1')", /CHECK/],
        [
          "INSERT INTO audit_answers VALUES ('a2', '2026/27', 'k001', 'blue', '', '[]', 't', 'u1')",
          /CHECK/,
        ],
        [
          "INSERT INTO audit_answers VALUES ('a3', '2025/26', 'k001', 'red', '', '[]', 't', 'u1')",
          /FOREIGN KEY/,
        ],
        ["INSERT INTO audit_signoffs VALUES ('s2', '2026/27', 'dsl', 'D', 't', 'u1')", /UNIQUE/],
        ["UPDATE audit_years SET questions = '[1]'", /cannot be changed/],
        ["UPDATE audit_answers SET rag = 'green'", /append-only/],
        ['DELETE FROM audit_answers', /append-only/],
        ["UPDATE audit_actions SET done_on = '2026-12-02' WHERE id = 'x1'", /done, once/],
        ["UPDATE audit_actions SET owner = 'Head' WHERE id = 'x2'", /done, once/],
        ["UPDATE audit_actions SET done_on = '2026-12-02' WHERE id = 'x2'", /CHECK/],
        ['DELETE FROM audit_actions', /cannot be deleted/],
        ["UPDATE audit_signoffs SET name = 'X'", /final/],
        ['DELETE FROM audit_signoffs', /final/],
      ];
      for (const [sql, error] of refused) expect(() => db.exec(sql), sql).toThrow(error);
    } finally {
      closeDatabase(db);
    }
  });
});
