import type { Migration } from '.';

export const m0001Initial: Migration = {
  name: '0001-initial',
  up(db) {
    db.exec(`
      CREATE TABLE school (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        urn TEXT NOT NULL,
        local_authority TEXT NOT NULL,
        la_code TEXT NOT NULL,
        phase TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE children (
        id TEXT PRIMARY KEY,
        legal_forename TEXT NOT NULL,
        legal_surname TEXT NOT NULL,
        preferred_forename TEXT NOT NULL,
        preferred_surname TEXT NOT NULL,
        date_of_birth TEXT NOT NULL,
        upn TEXT UNIQUE,
        year_group TEXT NOT NULL,
        gender TEXT NOT NULL,
        admission_date TEXT,
        search_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX children_by_name ON children (legal_surname COLLATE NOCASE, legal_forename COLLATE NOCASE);

      -- Ids and codes only: never narrative or names (security A9).
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        session_id TEXT NOT NULL,
        actor_id TEXT,
        role TEXT,
        method TEXT NOT NULL,
        record_ids TEXT NOT NULL,
        outcome TEXT NOT NULL,
        error_code TEXT,
        prev_hash TEXT NOT NULL,
        entry_hash TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
