import type { Migration } from '.';

/** Tables whose rows never change once written (a submitted concern is immutable). */
const IMMUTABLE = [
  'concerns',
  'concern_children',
  'concern_categories',
  'concern_flags',
  'concern_addenda',
] as const;

export const m0004Concerns: Migration = {
  name: '0004-concerns',
  up(db) {
    db.exec(`
      -- occurred_at is as given (YYYY-MM-DD or YYYY-MM-DDTHH:MM, London wall-clock time);
      -- occurred_at_utc is the same moment as an instant when a time was given.
      CREATE TABLE concerns (
        id TEXT PRIMARY KEY,
        recorded_by TEXT NOT NULL REFERENCES users (id),
        recorded_at TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        occurred_at_utc TEXT,
        occurred_at_approx INTEGER NOT NULL CHECK (occurred_at_approx IN (0, 1)),
        location TEXT NOT NULL,
        summary TEXT NOT NULL CHECK (length(summary) > 0),
        child_words TEXT NOT NULL,
        opinion TEXT NOT NULL,
        actions_taken TEXT NOT NULL,
        people_told TEXT NOT NULL,
        dsl_told_in_person INTEGER NOT NULL CHECK (dsl_told_in_person IN (0, 1)),
        status TEXT NOT NULL CHECK (status IN ('submitted'))
      ) STRICT;
      CREATE INDEX concerns_by_recorder ON concerns (recorded_by);

      CREATE TABLE concern_children (
        concern_id TEXT NOT NULL REFERENCES concerns (id),
        child_id TEXT NOT NULL REFERENCES children (id),
        role TEXT NOT NULL CHECK (role IN ('subject', 'victim', 'alleged_perpetrator', 'witness')),
        PRIMARY KEY (concern_id, child_id)
      ) STRICT;
      CREATE INDEX concern_children_by_child ON concern_children (child_id);

      -- A level-1 statutory category id or a level-2 tag id (shared/concerns/taxonomy.ts).
      CREATE TABLE concern_categories (
        concern_id TEXT NOT NULL REFERENCES concerns (id),
        category_id TEXT NOT NULL,
        PRIMARY KEY (concern_id, category_id)
      ) STRICT;

      CREATE TABLE concern_flags (
        concern_id TEXT PRIMARY KEY REFERENCES concerns (id),
        possible_child_sex_offence INTEGER NOT NULL CHECK (possible_child_sex_offence IN (0, 1)),
        fgm_known_case INTEGER NOT NULL CHECK (fgm_known_case IN (0, 1)),
        allegation_about_adult INTEGER NOT NULL CHECK (allegation_about_adult IN (0, 1))
      ) STRICT;

      CREATE TABLE concern_addenda (
        id TEXT PRIMARY KEY,
        concern_id TEXT NOT NULL REFERENCES concerns (id),
        added_by TEXT NOT NULL REFERENCES users (id),
        added_at TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(reason) >= 10),
        text TEXT NOT NULL CHECK (length(text) > 0)
      ) STRICT;
      CREATE INDEX concern_addenda_by_concern ON concern_addenda (concern_id);
    `);
    for (const table of IMMUTABLE) {
      db.exec(`
        CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table}: a submitted concern cannot be changed; add an addendum'); END;
        CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table}: a submitted concern cannot be deleted'); END;
      `);
    }
  },
};
