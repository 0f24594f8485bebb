import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { SCHEMA_VERSION } from '../../../main/db/migrate';
import { closeDatabase, openDatabase } from '../../../main/db/open';
import { storeBefore, tempDir } from '../../support/core';

/**
 * 0019-backups adds the backup folders, the schedule (daily, keep 14) and the append-only log of
 * runs to a store written at the version before; the register stays as it was.
 */
describe('migration 0019-backups', () => {
  const dir = tempDir();
  afterAll(() => {
    dir.remove();
  });

  it('keeps the register, starts daily with 14 kept, and keeps the log append-only', () => {
    const file = join(dir.path, 'before-0019.db');
    const { before, key } = storeBefore(file, '0019-backups');
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
      expect(db.prepare('SELECT interval_hours, keep FROM backup_schedule').all()).toEqual([
        { interval_hours: 24, keep: 14 },
      ]);
      db.exec(`
        INSERT INTO backup_destinations VALUES ('d1', 'External drive', '/media/b', 1, 0, 't',
          't', 'u1', NULL);
        INSERT INTO backup_runs VALUES ('r1', 't', 'backup', 'manual', 'u1', 'd1',
          'lantern-backup-20261128-140500', 100, '${'a'.repeat(64)}', 1, NULL, 7);
      `);
      const refused: [string, RegExp][] = [
        ["UPDATE backup_runs SET ok = 0, problem = 'x'", /append-only/],
        ['DELETE FROM backup_runs', /append-only/],
        ['INSERT INTO backup_schedule VALUES (2, 24, 14, NULL, NULL)', /CHECK/],
        ['UPDATE backup_schedule SET keep = 0', /CHECK/],
        [
          "INSERT INTO backup_runs VALUES ('r2', 't', 'backup', 'manual', 'u1', 'd1', NULL, NULL, NULL, 0, NULL, NULL)",
          /CHECK/,
        ],
        [
          "INSERT INTO backup_runs VALUES ('r3', 't', 'backup', 'manual', 'u1', 'nowhere', NULL, NULL, NULL, 0, 'x', NULL)",
          /FOREIGN KEY/,
        ],
      ];
      for (const [sql, error] of refused) expect(() => db.exec(sql), sql).toThrow(error);
    } finally {
      closeDatabase(db);
    }
  });
});
