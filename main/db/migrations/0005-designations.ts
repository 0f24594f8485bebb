import type { Migration } from '.';

export const m0005Designations: Migration = {
  name: '0005-designations',
  up(db) {
    db.exec(`
      -- Dated designations on a child's file (shared/children/designations.ts). History: never
      -- deleted; end_date is NULL while current and is set once, by ending it.
      CREATE TABLE designations (
        id TEXT PRIMARY KEY,
        child_id TEXT NOT NULL REFERENCES children (id),
        kind TEXT NOT NULL CHECK (kind IN ('cp_plan', 'child_in_need', 'looked_after',
          'previously_looked_after', 'kinship_care', 'early_help', 'ehcp', 'sen_support',
          'young_carer', 'eal', 'pupil_premium')),
        cp_category TEXT CHECK (cp_category IN ('physical', 'emotional', 'sexual', 'neglect')),
        start_date TEXT NOT NULL,
        end_date TEXT,
        notes TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id),
        recorded_at TEXT NOT NULL,
        ended_by TEXT REFERENCES users (id),
        ended_at TEXT,
        CHECK ((kind = 'cp_plan') = (cp_category IS NOT NULL)),
        CHECK (end_date IS NULL OR end_date >= start_date),
        CHECK ((ended_by IS NULL) = (ended_at IS NULL))
      ) STRICT;
      CREATE INDEX designations_by_child ON designations (child_id, kind);

      CREATE TRIGGER designations_no_delete BEFORE DELETE ON designations
        BEGIN SELECT RAISE(ABORT, 'designations: a designation is history and cannot be deleted'); END;
      CREATE TRIGGER designations_end_only BEFORE UPDATE ON designations
        WHEN OLD.end_date IS NOT NULL
          OR NEW.id IS NOT OLD.id OR NEW.child_id IS NOT OLD.child_id OR NEW.kind IS NOT OLD.kind
          OR NEW.cp_category IS NOT OLD.cp_category OR NEW.start_date IS NOT OLD.start_date
          OR NEW.notes IS NOT OLD.notes OR NEW.recorded_by IS NOT OLD.recorded_by
          OR NEW.recorded_at IS NOT OLD.recorded_at
        BEGIN SELECT RAISE(ABORT, 'designations: only a current designation can be ended'); END;
    `);
  },
};
