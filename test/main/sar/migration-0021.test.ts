import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { SCHEMA_VERSION } from '../../../main/db/migrate';
import { openDatabase } from '../../../main/db/open';
import { storeBefore, tempDir } from '../../support/core';

/**
 * 0021-sar rebuilds exports_log to allow 'subject_access' and adds the SAR tables, to a store
 * written at the version before: the logged exports stay, still append-only.
 */
describe('migration 0021-sar', () => {
  const dir = tempDir();
  afterAll(() => {
    dir.remove();
  });

  it('keeps the exports log, lets it hold a SAR response, and keeps it append-only', () => {
    const file = join(dir.path, 'before-0021.db');
    const { before, key } = storeBefore(file, '0021-sar');
    before.exec(`
      INSERT INTO users (id, username, display_name, role, status, must_change_passphrase,
        created_at, updated_at)
      VALUES ('u1', 'dlead', 'Dana Lead', 'dsl', 'active', 0, 't', 't');
      INSERT INTO children (id, legal_forename, legal_surname, preferred_forename,
        preferred_surname, date_of_birth, upn, year_group, gender, admission_date, search_key,
        created_at, updated_at)
      VALUES ('c1', 'Amara', 'Okafor', '', '', '2016-03-14', NULL, 'Y5', 'female', NULL,
        'amara okafor', 't', 't');
      INSERT INTO exports_log VALUES ('e1', 'c1', 'referral_pack', '', 'pdf', 'Westshire MASH',
        'MASH-1', '[]', 1, '${'b'.repeat(64)}', 1200, 't', 'u1');
    `);
    const logged = before.prepare('SELECT * FROM exports_log').all();
    expect(() =>
      before.exec(`INSERT INTO exports_log VALUES ('e0', 'c1', 'subject_access', '', 'pdf', 'X',
        'R', '[]', 0, '${'c'.repeat(64)}', 1, 't', 'u1')`),
    ).toThrow(/CHECK/);
    before.close();

    const db = openDatabase(file, Buffer.from(key), { create: false });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT * FROM exports_log').all()).toEqual(logged);
      db.exec(`INSERT INTO exports_log VALUES ('e2', 'c1', 'subject_access', '', 'pdf',
        'Grace Okafor', 'SAR-1', '[]', 0, '${'c'.repeat(64)}', 1, 't', 'u1')`);
      expect(() => db.exec(`UPDATE exports_log SET recipient = 'X'`)).toThrow(/cannot be changed/);
      expect(() => db.exec(`DELETE FROM exports_log`)).toThrow(/cannot be deleted/);
      expect(
        db
          .prepare(
            `SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'sar_%' ORDER BY name`,
          )
          .all(),
      ).toEqual(
        [
          'sar_completions',
          'sar_events',
          'sar_exemptions',
          'sar_redaction_removals',
          'sar_redactions',
          'sar_requests',
        ].map((name) => ({ name })),
      );
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // 0020's destruction of a child's file may still delete what is logged about the child.
      db.transaction(() => {
        db.exec('INSERT INTO destruction_in_progress (id) VALUES (1)');
        db.exec(`DELETE FROM exports_log WHERE child_id = 'c1'`);
        db.exec('DELETE FROM sar_requests');
        db.exec('DELETE FROM destruction_in_progress');
      })();
      expect(db.prepare('SELECT count(*) FROM exports_log').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
