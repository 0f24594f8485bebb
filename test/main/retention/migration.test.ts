import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { DESTRUCTIBLE_TABLES, m0020Retention } from '../../../main/db/migrations/0020-retention';
import { storeBefore, tempDir } from '../../support/core';

const dir = tempDir('lantern-0020-');
afterAll(() => {
  dir.remove();
});

describe('migration 0020-retention', () => {
  it('keeps what was written before, and every history table refuses a delete outside a destruction', () => {
    const { before: db } = storeBefore(join(dir.path, 'lantern.db'), '0020-retention');
    try {
      db.exec(`
        INSERT INTO users (id, username, display_name, role, status, must_change_passphrase,
          created_at, updated_at) VALUES ('u1', 'dlead', 'Dana Lead', 'dsl', 'active', 0, 'x', 'x');
        INSERT INTO children (id, legal_forename, legal_surname, preferred_forename,
          preferred_surname, date_of_birth, upn, year_group, gender, search_key, created_at,
          updated_at) VALUES ('c1', 'Jordan', 'Quillfeather', '', '', '2000-05-10', NULL, '13',
          'male', 'jordan quillfeather', 'x', 'x');
        INSERT INTO designations (id, child_id, kind, start_date, notes, recorded_by, recorded_at)
          VALUES ('d1', 'c1', 'child_in_need', '2019-03-03', '', 'u1', 'x');
      `);
      db.transaction(() => {
        m0020Retention.up(db);
      })();
      expect(db.prepare('SELECT count(*) FROM designations').pluck().get()).toBe(1);

      const triggers = db
        .prepare(
          "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_no_delete'",
        )
        .all() as { name: string; sql: string }[];
      const relaxed = triggers.filter((t) => t.sql.includes('destruction_in_progress'));
      expect(relaxed.map((t) => t.name).sort()).toEqual(
        [...DESTRUCTIBLE_TABLES.map((t) => `${t}_no_delete`), 'legal_holds_no_delete'].sort(),
      );
      const audit = triggers.find((t) => t.name === 'audit_log_no_delete');
      expect(audit?.sql).not.toContain('destruction_in_progress');
      // concern_attachments keeps its own condition: a draft's attachment may always go.
      expect(triggers.find((t) => t.name === 'concern_attachments_no_delete')?.sql).toContain(
        'OLD.concern_id IS NOT NULL',
      );

      expect(() => db.prepare('DELETE FROM designations').run()).toThrow(
        /a designation is history and cannot be deleted/,
      );
      db.transaction(() => {
        db.prepare('INSERT INTO destruction_in_progress (id) VALUES (1)').run();
        db.prepare('DELETE FROM designations').run();
        db.prepare('DELETE FROM destruction_in_progress').run();
      })();
      expect(db.prepare('SELECT count(*) FROM designations').pluck().get()).toBe(0);
      expect(() => db.prepare('INSERT INTO destruction_in_progress (id) VALUES (2)').run()).toThrow(
        /CHECK constraint failed/,
      );
    } finally {
      db.close();
    }
  });
});
