import type { Migration } from '.';

/** Rows that are history once written: never changed, never deleted. */
const HISTORY = ['concern_levels', 'concern_decisions', 'concern_closures', 'concern_reopenings'];

const SEARCH_COLUMNS =
  'text, kind, source_id, concern_id, child_ids, recorded_by, occurred_at, recorded_at';

/**
 * Triage and case work (issue 4, part 3; domain.md §3.2). Every change is a new row: a level
 * change, a decision, an action (completed once, in place), a closure, a reopening that names
 * the closure it undoes. A concern is closed while its latest closure has no reopening.
 * Decision rationales and action texts are indexed for search (0007's recipe).
 */
export const m0010Triage: Migration = {
  name: '0010-triage',
  up(db) {
    db.exec(`
      CREATE TABLE concern_levels (
        id TEXT PRIMARY KEY,
        concern_id TEXT NOT NULL REFERENCES concerns (id),
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
        rationale TEXT NOT NULL CHECK (length(rationale) >= 20),
        set_by TEXT NOT NULL REFERENCES users (id),
        set_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX concern_levels_by_concern ON concern_levels (concern_id, set_at);

      -- review_date (YYYY-MM-DD) for 'monitor' only; description for 'other' only.
      CREATE TABLE concern_decisions (
        id TEXT PRIMARY KEY,
        concern_id TEXT NOT NULL REFERENCES concerns (id),
        kind TEXT NOT NULL CHECK (kind IN ('no_further_action', 'monitor', 'early_help',
          'referral_csc', 'police', 'lado', 'prevent', 'other')),
        description TEXT NOT NULL CHECK ((kind = 'other') = (length(description) > 0)),
        review_date TEXT CHECK ((kind = 'monitor') = (review_date IS NOT NULL)),
        rationale TEXT NOT NULL CHECK (length(rationale) >= 20),
        decided_by TEXT NOT NULL REFERENCES users (id),
        decided_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX concern_decisions_by_concern ON concern_decisions (concern_id, decided_at);

      -- completed_at, completed_by and completion_note are set together, once.
      CREATE TABLE concern_actions (
        id TEXT PRIMARY KEY,
        concern_id TEXT NOT NULL REFERENCES concerns (id),
        description TEXT NOT NULL CHECK (length(description) > 0),
        owner_id TEXT NOT NULL REFERENCES users (id),
        due_date TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        completed_at TEXT,
        completed_by TEXT REFERENCES users (id),
        completion_note TEXT,
        CHECK ((completed_at IS NULL) = (completed_by IS NULL)
          AND (completed_at IS NULL) = (completion_note IS NULL))
      ) STRICT;
      CREATE INDEX concern_actions_by_concern ON concern_actions (concern_id, created_at);
      CREATE INDEX concern_actions_open_by_owner ON concern_actions (owner_id, due_date)
        WHERE completed_at IS NULL;
      CREATE TRIGGER concern_actions_complete_once BEFORE UPDATE ON concern_actions
        WHEN OLD.completed_at IS NOT NULL OR NEW.completed_at IS NULL
          OR NEW.id IS NOT OLD.id OR NEW.concern_id IS NOT OLD.concern_id
          OR NEW.description IS NOT OLD.description OR NEW.owner_id IS NOT OLD.owner_id
          OR NEW.due_date IS NOT OLD.due_date OR NEW.created_by IS NOT OLD.created_by
          OR NEW.created_at IS NOT OLD.created_at
        BEGIN SELECT RAISE(ABORT, 'concern_actions: an action is only ever completed, once'); END;
      CREATE TRIGGER concern_actions_no_delete BEFORE DELETE ON concern_actions
        BEGIN SELECT RAISE(ABORT, 'concern_actions: an action is history and cannot be deleted'); END;

      CREATE TABLE concern_closures (
        id TEXT PRIMARY KEY,
        concern_id TEXT NOT NULL REFERENCES concerns (id),
        summary TEXT NOT NULL CHECK (length(summary) > 0),
        follow_up TEXT NOT NULL CHECK (length(follow_up) > 0),
        outcome TEXT NOT NULL CHECK (length(outcome) > 0),
        closed_by TEXT NOT NULL REFERENCES users (id),
        closed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX concern_closures_by_concern ON concern_closures (concern_id, closed_at);

      CREATE TABLE concern_reopenings (
        id TEXT PRIMARY KEY,
        closure_id TEXT NOT NULL UNIQUE REFERENCES concern_closures (id),
        reason TEXT NOT NULL CHECK (length(reason) >= 10),
        reopened_by TEXT NOT NULL REFERENCES users (id),
        reopened_at TEXT NOT NULL
      ) STRICT;

      -- Where each concern stands, kept by the triggers below so that the inbox and the
      -- dashboard read the open concerns from an index instead of working it out for every
      -- concern ever recorded. Derived data: it is rebuilt from the history tables above.
      CREATE TABLE concern_state (
        concern_id TEXT PRIMARY KEY REFERENCES concerns (id),
        triaged INTEGER NOT NULL DEFAULT 0 CHECK (triaged IN (0, 1)),
        closed INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1))
      ) STRICT;
      CREATE INDEX concern_state_open ON concern_state (triaged) WHERE closed = 0;
      INSERT INTO concern_state (concern_id) SELECT id FROM concerns;
      CREATE TRIGGER concerns_state AFTER INSERT ON concerns BEGIN
        INSERT INTO concern_state (concern_id) VALUES (NEW.id);
      END;
      CREATE TRIGGER concern_levels_state AFTER INSERT ON concern_levels BEGIN
        UPDATE concern_state SET triaged = 1 WHERE concern_id = NEW.concern_id;
      END;
      CREATE TRIGGER concern_decisions_state AFTER INSERT ON concern_decisions BEGIN
        UPDATE concern_state SET triaged = 1 WHERE concern_id = NEW.concern_id;
      END;
      CREATE TRIGGER concern_closures_state AFTER INSERT ON concern_closures BEGIN
        UPDATE concern_state SET closed = 1 WHERE concern_id = NEW.concern_id;
      END;
      CREATE TRIGGER concern_reopenings_state AFTER INSERT ON concern_reopenings BEGIN
        UPDATE concern_state SET closed = 0
        WHERE concern_id = (SELECT concern_id FROM concern_closures WHERE id = NEW.closure_id);
      END;

      CREATE TRIGGER concern_decisions_search AFTER INSERT ON concern_decisions BEGIN
        INSERT INTO search_index (${SEARCH_COLUMNS})
        VALUES (concat_ws(char(10), nullif(NEW.description, ''), NEW.rationale), 'decision',
          NEW.id, NEW.concern_id, '', NEW.decided_by, NULL, NEW.decided_at);
      END;
      CREATE TRIGGER concern_actions_search AFTER INSERT ON concern_actions BEGIN
        INSERT INTO search_index (${SEARCH_COLUMNS})
        VALUES (NEW.description, 'action', NEW.id, NEW.concern_id, '', NEW.created_by, NULL,
          NEW.created_at);
      END;
      -- An action is completed once (concern_actions_complete_once): its note is indexed as a
      -- text of its own, so completing never rewrites the index (finding a row there by source
      -- id would read the whole index).
      CREATE TRIGGER concern_actions_search_done AFTER UPDATE OF completed_at ON concern_actions
        WHEN OLD.completed_at IS NULL AND NEW.completed_at IS NOT NULL BEGIN
        INSERT INTO search_index (${SEARCH_COLUMNS})
        VALUES (NEW.completion_note, 'action_done', NEW.id, NEW.concern_id, '', NEW.completed_by,
          NULL, NEW.completed_at);
      END;
    `);
    for (const table of HISTORY) {
      db.exec(`
        CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table}: casework history cannot be changed'); END;
        CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table}: casework history cannot be deleted'); END;
      `);
    }
  },
};
