import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { SCHEMA_VERSION } from '../../../main/db/migrate';
import { migrations } from '../../../main/db/migrations';
import { closeDatabase, openDatabase } from '../../../main/db/open';
import { storeBefore, tempDir } from '../../support/core';

/** 0010-triage runs against a concern written at the version before it (security R7). */
describe('migration 0010-triage', () => {
  const dir = tempDir();
  afterAll(() => {
    dir.remove();
  });

  it('keeps the concern, and adds casework tables that keep history and feed search', () => {
    const file = join(dir.path, 'before-0010.db');
    const { before, key, at } = storeBefore(file, '0010-triage');
    expect(migrations[at - 1]?.name).toBe('0009-concern-extras');
    before.exec(`
      INSERT INTO users (id, username, display_name, role, status, must_change_passphrase,
        created_at, updated_at)
      VALUES ('u1', 'dlead', 'Dana Lead', 'dsl', 'active', 0, 't', 't');
      INSERT INTO concerns (id, recorded_by, recorded_at, occurred_at, occurred_at_utc,
        occurred_at_approx, location, summary, child_words, opinion, actions_taken, people_told,
        dsl_told_in_person, status)
      VALUES ('k1', 'u1', 't', '2026-11-27', NULL, 0, '', 'Came in hungry.', '', '', '', '', 0,
        'submitted');
    `);
    before.close();

    const db = openDatabase(file, Buffer.from(key), { create: false });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT summary FROM concerns').pluck().all()).toEqual(['Came in hungry.']);

    db.prepare(
      "INSERT INTO concern_levels VALUES ('l1', 'k1', 2, 'Parents agreed to early help support.', 'u1', 't')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO concern_levels VALUES ('l2', 'k1', 5, 'A level beyond the continuum of need.', 'u1', 't')",
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    const decision = db.prepare(
      `INSERT INTO concern_decisions VALUES (:id, 'k1', :kind, '', :review,
         'Below threshold; keep a close eye at lunchtimes.', 'u1', 't')`,
    );
    expect(() => decision.run({ id: 'd0', kind: 'monitor', review: null })).toThrow(
      /CHECK constraint failed/,
    );
    decision.run({ id: 'd1', kind: 'monitor', review: '2027-01-15' });
    db.prepare(
      "INSERT INTO concern_actions (id, concern_id, description, owner_id, due_date, created_by, created_at) VALUES ('a1', 'k1', 'Phone the parents', 'u1', '2026-12-01', 'u1', 't')",
    ).run();
    db.prepare(
      "UPDATE concern_actions SET completed_at = 't2', completed_by = 'u1', completion_note = 'Spoke to mum' WHERE id = 'a1'",
    ).run();
    expect(() =>
      db.prepare("UPDATE concern_actions SET completion_note = 'Changed' WHERE id = 'a1'").run(),
    ).toThrow(/completed, once/);
    expect(() => db.prepare('UPDATE concern_levels SET level = 3').run()).toThrow(/history/);

    const indexed = db
      .prepare(
        "SELECT kind, source_id AS id, text FROM search_index WHERE kind IN ('decision', 'action', 'action_done') ORDER BY kind",
      )
      .all();
    expect(indexed).toEqual([
      { kind: 'action', id: 'a1', text: 'Phone the parents' },
      { kind: 'action_done', id: 'a1', text: 'Spoke to mum' },
      { kind: 'decision', id: 'd1', text: 'Below threshold; keep a close eye at lunchtimes.' },
    ]);
    closeDatabase(db);
  });
});
