import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { SCHEMA_VERSION } from '../../../main/db/migrate';
import { closeDatabase, openDatabase } from '../../../main/db/open';
import { storeBefore, tempDir } from '../../support/core';

/**
 * 0015-transfers adds the CP file transfer tables to a store written at the version before:
 * the pupils stay, and the new tables are append-only with one bundle id each.
 */
describe('migration 0015-transfers', () => {
  const dir = tempDir();
  afterAll(() => {
    dir.remove();
  });

  it('keeps the register and adds append-only transfer tables', () => {
    const file = join(dir.path, 'before-0015.db');
    const { before, key } = storeBefore(file, '0015-transfers');
    before.exec(`
      INSERT INTO users (id, username, display_name, role, status, must_change_passphrase,
        created_at, updated_at)
      VALUES ('u1', 'dlead', 'Dana Lead', 'dsl', 'active', 0, 't', 't');
      INSERT INTO children (id, legal_forename, legal_surname, preferred_forename,
        preferred_surname, date_of_birth, upn, year_group, gender, admission_date, search_key,
        created_at, updated_at)
      VALUES ('c1', 'Amara', 'Okafor', '', '', '2016-03-14', NULL, 'Y5', 'female', NULL,
        'amara okafor', 't', 't');
    `);
    const children = before.prepare('SELECT * FROM children').all();
    before.close();

    const db = openDatabase(file, Buffer.from(key), { create: false });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT * FROM children').all()).toEqual(children);
      db.exec(`
        INSERT INTO transfer_signing_key VALUES (1, zeroblob(32), x'00', 't', 'u1');
        INSERT INTO transfers_out VALUES ('o1', 'b1', 'c1', 'Hillside Academy', '100002',
          '${'a'.repeat(64)}', 't', 'u1');
        INSERT INTO transfers_in VALUES ('i1', 'b2', 'c1', 'Riverside Primary School', '100001',
          'Dana Lead', zeroblob(32), '{}', 0, 3, 't', 'u1');
        INSERT INTO transfer_receipts VALUES ('r1', 'b1', 't', 'Pat Jones', 'DSL',
          'Hillside Academy', '100002', zeroblob(32), '{}', 't', 'u1');
      `);
      const refused: [string, RegExp][] = [
        ["INSERT INTO transfer_signing_key VALUES (2, zeroblob(32), x'00', 't', 'u1')", /CHECK/],
        ['UPDATE transfer_signing_key SET created_at = ?', /cannot be changed/],
        ["UPDATE transfers_out SET to_urn = '999999'", /cannot be changed/],
        ['DELETE FROM transfers_out', /cannot be deleted/],
        ["UPDATE transfers_in SET payload = '[]'", /cannot be changed/],
        ['DELETE FROM transfers_in', /cannot be deleted/],
        ["UPDATE transfer_receipts SET received_by_name = 'X'", /cannot be changed/],
        ['DELETE FROM transfer_receipts', /cannot be deleted/],
        [
          `INSERT INTO transfers_in VALUES ('i2', 'b2', 'c1', 'R', '100001', 'D', zeroblob(32),
            '{}', 0, 0, 't', 'u1')`,
          /UNIQUE/,
        ],
        [
          `INSERT INTO transfer_receipts VALUES ('r2', 'unknown', 't', 'P', 'DSL', 'H', '100002',
            zeroblob(32), '{}', 't', 'u1')`,
          /FOREIGN KEY/,
        ],
      ];
      for (const [sql, error] of refused) {
        expect(() => db.prepare(sql).run(...(sql.includes('?') ? ['x'] : []))).toThrow(error);
      }
    } finally {
      closeDatabase(db);
    }
  });
});
