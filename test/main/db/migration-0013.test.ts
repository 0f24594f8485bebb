import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { SCHEMA_VERSION } from '../../../main/db/migrate';
import { closeDatabase, openDatabase } from '../../../main/db/open';
import { storeBefore, tempDir } from '../../support/core';

/**
 * 0013-duties rebuilds chronology_entries to allow the 'duty' source: run against a chronology
 * with marks and a curated chronology pointing into it, written at the version before.
 */
describe('migration 0013-duties', () => {
  const dir = tempDir();
  afterAll(() => {
    dir.remove();
  });

  it('keeps every entry, mark and curated link, the triggers, and adds the duty tables', () => {
    const file = join(dir.path, 'before-0013.db');
    const { before, key } = storeBefore(file, '0013-duties');
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
          'Child protection plan (neglect) started', '', '["neglect"]'),
        ('e2', 'c1', 'encompass', 'n1', '2026-04-01T07:30', 't', 'u1',
          'Operation Encompass notification', 'Police attended.', '["domestic_abuse"]');
      UPDATE chronology_entries SET significant = 1, headline = 'Plan starts' WHERE id = 'e1';
      INSERT INTO curated_chronologies VALUES ('k1', 'c1', 'For the ICPC', '', 'u1', 't', 'u1', 't');
      INSERT INTO curated_chronology_entries VALUES ('k1', 0, 'e1', 'Neglect plan.'),
        ('k1', 1, 'e2', 'First notification.');
    `);
    expect(() =>
      before
        .prepare(
          `INSERT INTO chronology_entries (id, child_id, source, source_id, occurred_at,
            recorded_at, recorded_by, title, detail, categories)
           VALUES ('e0', 'c1', 'duty', 'x', '2026-01-01', 't', 'u1', 'Duty', '', '[]')`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    const beforeRows = before.prepare('SELECT * FROM chronology_entries ORDER BY id').all();
    const schemaOf = (db: typeof before) =>
      db
        .prepare(
          `SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = 'chronology_entries'
           AND type IN ('index', 'trigger') ORDER BY name`,
        )
        .all();
    const beforeSchema = schemaOf(before);
    before.close();

    const db = openDatabase(file, Buffer.from(key), { create: false });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT * FROM chronology_entries ORDER BY id').all()).toEqual(beforeRows);
    expect(
      db.prepare('SELECT significant, headline FROM chronology_entries WHERE id = ?').get('e1'),
    ).toEqual({ significant: 1, headline: 'Plan starts' });
    expect(
      db.prepare('SELECT entry_id FROM curated_chronology_entries ORDER BY position').pluck().all(),
    ).toEqual(['e1', 'e2']);
    // The same indexes and triggers (their SQL is indented differently, so compare names).
    expect(schemaOf(db).map((r) => (r as { name: string }).name)).toEqual(
      beforeSchema.map((r) => (r as { name: string }).name),
    );
    expect(
      db.prepare("SELECT name FROM sqlite_schema WHERE name = 'chronology_entries_0013'").get(),
    ).toBeUndefined();

    // The immutability triggers still fire; the marks can still change.
    expect(() =>
      db.prepare("UPDATE chronology_entries SET title = 'x' WHERE id = 'e1'").run(),
    ).toThrow(/only the significant flag and headline can change/);
    expect(() => db.prepare("DELETE FROM chronology_entries WHERE id = 'e2'").run()).toThrow(
      /cannot be deleted/,
    );
    db.prepare("UPDATE chronology_entries SET significant = 0 WHERE id = 'e1'").run();
    // The curated link is still enforced against the rebuilt table.
    expect(() =>
      db.prepare(`INSERT INTO curated_chronology_entries VALUES ('k1', 2, 'nope', '')`).run(),
    ).toThrow(/FOREIGN KEY constraint failed/);

    // 'duty' is now a source; anything else still is not.
    db.prepare(
      `INSERT INTO chronology_entries (id, child_id, source, source_id, occurred_at, recorded_at,
        recorded_by, title, detail, categories)
       VALUES ('e3', 'c1', 'duty', 'ev1', '2026-11-28T09:00', 't', 'u1',
        'Statutory duty: Report the known case of FGM to the police', '', '[]')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO chronology_entries (id, child_id, source, source_id, occurred_at,
            recorded_at, recorded_by, title, detail, categories)
           VALUES ('e4', 'c1', 'note', 'x', '2026-11-28', 't', 'u1', 'Note', '', '[]')`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);

    // The new tables: a duty's history cannot be deleted or rewritten.
    db.exec(`
      INSERT INTO duties (id, rule_id, rule_edition, child_id, concern_id, owner, owner_user_id,
        trigger_at, trigger_note, due_at, target_at, deadlines, settings_version, status,
        closed_at, created_at, created_by)
      VALUES ('d1', 'csc-referral', 'KCSIE 2026', 'c1', NULL, 'dsl', NULL, 't', '', NULL, NULL,
        '{}', 0, 'open', NULL, 't', 'u1');
      INSERT INTO duty_events (id, duty_id, kind, recorded_at, recorded_by, at, recipient,
        method, reference, acted_by, exception, text)
      VALUES ('v1', 'd1', 'created', 't', 'u1', NULL, '', NULL, '', NULL, NULL, '');
    `);
    db.prepare("UPDATE duties SET status = 'discharged', closed_at = 't2' WHERE id = 'd1'").run();
    expect(() => db.prepare("UPDATE duties SET rule_id = 'icpc' WHERE id = 'd1'").run()).toThrow(
      /only the status and deadlines/,
    );
    expect(() => db.prepare("DELETE FROM duties WHERE id = 'd1'").run()).toThrow(
      /cannot be deleted/,
    );
    expect(() => db.prepare("UPDATE duty_events SET text = 'x'").run()).toThrow(
      /cannot be changed/,
    );
    expect(() => db.prepare('DELETE FROM duty_events').run()).toThrow(/cannot be deleted/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO duties SELECT 'd2', rule_id, rule_edition, child_id, concern_id, owner, owner_user_id, trigger_at, trigger_note, due_at, target_at, deadlines, settings_version, 'open', 't', created_at, created_by FROM duties",
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    closeDatabase(db);
  });
});
