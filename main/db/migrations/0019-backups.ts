import type { Migration } from '.';

/**
 * Backups (issue 8; security R6, G3): the folders backups go to, the schedule and how many to
 * keep, and an append-only log of every backup written or checked. A destination that is taken
 * away is marked removed, never deleted, so the log keeps pointing at it.
 */
export const m0019Backups: Migration = {
  name: '0019-backups',
  up(db) {
    db.exec(`
      CREATE TABLE backup_destinations (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
        path TEXT NOT NULL CHECK (length(path) BETWEEN 1 AND 1000),
        offline INTEGER NOT NULL CHECK (offline IN (0, 1)),
        position INTEGER NOT NULL CHECK (position >= 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT REFERENCES users (id),
        removed_at TEXT
      ) STRICT;

      CREATE TABLE backup_schedule (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        interval_hours INTEGER NOT NULL CHECK (interval_hours BETWEEN 1 AND 168),
        keep INTEGER NOT NULL CHECK (keep BETWEEN 1 AND 365),
        updated_at TEXT,
        updated_by TEXT REFERENCES users (id)
      ) STRICT;
      INSERT INTO backup_schedule (id, interval_hours, keep) VALUES (1, 24, 14);

      CREATE TABLE backup_runs (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('backup', 'verify')),
        trigger TEXT NOT NULL CHECK (trigger IN ('manual', 'scheduled')),
        actor_id TEXT REFERENCES users (id),
        destination_id TEXT NOT NULL REFERENCES backup_destinations (id),
        folder TEXT,
        bytes INTEGER CHECK (bytes >= 0),
        sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
        ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
        problem TEXT,
        audit_seq INTEGER,
        CHECK ((ok = 1) = (problem IS NULL))
      ) STRICT;
      CREATE INDEX backup_runs_by_destination ON backup_runs (destination_id, kind, ok, at);
      CREATE TRIGGER backup_runs_no_update BEFORE UPDATE ON backup_runs
        BEGIN SELECT RAISE(ABORT, 'backup_runs is append-only'); END;
      CREATE TRIGGER backup_runs_no_delete BEFORE DELETE ON backup_runs
        BEGIN SELECT RAISE(ABORT, 'backup_runs is append-only'); END;
    `);
  },
};
