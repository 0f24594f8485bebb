import type { Migration } from '.';

/**
 * Body map marks and attachments of a concern, and drafts of concerns being written. Marks are
 * written with their concern and never change. An attachment belongs to a draft (its author may
 * remove it) until the concern is submitted, when it moves to the concern and is fixed for good.
 */
export const m0009ConcernExtras: Migration = {
  name: '0009-concern-extras',
  up(db) {
    db.exec(`
      -- x and y are fractions of the outline's width and height (shared/concerns/body-outline.ts).
      CREATE TABLE concern_body_marks (
        concern_id TEXT NOT NULL REFERENCES concerns (id),
        seq INTEGER NOT NULL CHECK (seq >= 0),
        view TEXT NOT NULL CHECK (view IN ('front', 'back')),
        x REAL NOT NULL CHECK (x BETWEEN 0 AND 1),
        y REAL NOT NULL CHECK (y BETWEEN 0 AND 1),
        region TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('bruise', 'cut', 'burn', 'mark', 'other')),
        description TEXT NOT NULL CHECK (length(description) > 0),
        PRIMARY KEY (concern_id, seq)
      ) STRICT;
      CREATE TRIGGER concern_body_marks_no_update BEFORE UPDATE ON concern_body_marks
        BEGIN SELECT RAISE(ABORT, 'concern_body_marks: a submitted concern cannot be changed; add an addendum'); END;
      CREATE TRIGGER concern_body_marks_no_delete BEFORE DELETE ON concern_body_marks
        BEGIN SELECT RAISE(ABORT, 'concern_body_marks: a submitted concern cannot be deleted'); END;

      -- content is the form as its author left it (JSON, shared/concerns/drafts.ts).
      CREATE TABLE concern_drafts (
        id TEXT PRIMARY KEY,
        author_id TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        content TEXT NOT NULL CHECK (json_valid(content))
      ) STRICT;
      CREATE INDEX concern_drafts_by_author ON concern_drafts (author_id);

      -- Exactly one of draft_id and concern_id is set.
      CREATE TABLE concern_attachments (
        id TEXT PRIMARY KEY,
        draft_id TEXT REFERENCES concern_drafts (id) ON DELETE CASCADE,
        concern_id TEXT REFERENCES concerns (id),
        added_by TEXT NOT NULL REFERENCES users (id),
        added_at TEXT NOT NULL,
        file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 120),
        media_type TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'application/pdf')),
        size INTEGER NOT NULL CHECK (size BETWEEN 1 AND 10485760),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        data BLOB NOT NULL CHECK (length(data) = size),
        CHECK ((draft_id IS NULL) <> (concern_id IS NULL))
      ) STRICT;
      CREATE INDEX concern_attachments_by_draft ON concern_attachments (draft_id);
      CREATE INDEX concern_attachments_by_concern ON concern_attachments (concern_id);
      CREATE TRIGGER concern_attachments_no_update BEFORE UPDATE ON concern_attachments
        WHEN OLD.concern_id IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'concern_attachments: a submitted concern cannot be changed'); END;
      CREATE TRIGGER concern_attachments_no_delete BEFORE DELETE ON concern_attachments
        WHEN OLD.concern_id IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'concern_attachments: a submitted concern cannot be deleted'); END;
    `);
  },
};
