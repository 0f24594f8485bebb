import type { Migration } from '.';

/** Rows that are history: a review is recorded once and never changed or removed. */
const IMMUTABLE = ['policy_reviews', 'filtering_reviews'] as const;

/**
 * Issue 7's policy register (domain.md §3.8) and filtering and monitoring reviews (§3.6).
 * `policies` holds the register's policies (inserted here, with the ids of
 * shared/policies/register.ts) and those the school adds; the title, interval and publication
 * rule of a register policy are read from the register, so its row carries only what the school
 * says about it (owner, notes). Each approval is a `policy_reviews` row with its optional
 * evidence (a PDF); each filtering and monitoring review a `filtering_reviews` row.
 */
export const m0017Policies: Migration = {
  name: '0017-policies',
  up(db) {
    db.exec(`
      CREATE TABLE policies (
        id TEXT PRIMARY KEY,
        builtin INTEGER NOT NULL CHECK (builtin IN (0, 1)),
        -- '' for a register policy (its title is the register's).
        title TEXT NOT NULL CHECK (builtin = 1 OR length(title) > 0),
        owner_name TEXT NOT NULL,
        notes TEXT NOT NULL,
        interval_months INTEGER NOT NULL CHECK (interval_months BETWEEN 1 AND 36),
        -- NULL for the register's policies, inserted by this migration.
        added_at TEXT,
        added_by TEXT REFERENCES users (id)
      ) STRICT;
      CREATE UNIQUE INDEX policies_by_title ON policies (title COLLATE NOCASE) WHERE builtin = 0;

      INSERT INTO policies (id, builtin, title, owner_name, notes, interval_months)
      VALUES ('child_protection', 1, '', '', '', 12), ('staff_behaviour', 1, '', '', '', 12),
        ('behaviour', 1, '', '', '', 12), ('online_safety', 1, '', '', '', 12),
        ('whistleblowing', 1, '', '', '', 12), ('children_absent', 1, '', '', '', 12),
        ('safer_recruitment', 1, '', '', '', 12), ('allegations', 1, '', '', '', 12);

      CREATE TABLE policy_reviews (
        id TEXT PRIMARY KEY,
        policy_id TEXT NOT NULL REFERENCES policies (id),
        approved_on TEXT NOT NULL CHECK (length(approved_on) = 10),
        approved_by TEXT NOT NULL CHECK (length(approved_by) > 0),
        version_label TEXT NOT NULL,
        next_review TEXT NOT NULL CHECK (length(next_review) = 10 AND next_review >= approved_on),
        published_url TEXT NOT NULL,
        document BLOB,
        document_name TEXT,
        document_sha256 TEXT,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id),
        CHECK ((document IS NULL) = (document_name IS NULL)
          AND (document IS NULL) = (document_sha256 IS NULL))
      ) STRICT;
      CREATE INDEX policy_reviews_by_policy ON policy_reviews (policy_id, approved_on);

      -- participants: JSON [{name, role}]; actions: JSON [{action, owner, dueDate}].
      CREATE TABLE filtering_reviews (
        id TEXT PRIMARY KEY,
        reviewed_on TEXT NOT NULL CHECK (length(reviewed_on) = 10),
        participants TEXT NOT NULL
          CHECK (json_valid(participants) AND json_type(participants) = 'array'),
        systems_checked TEXT NOT NULL CHECK (length(systems_checked) > 0),
        findings TEXT NOT NULL CHECK (length(findings) > 0),
        actions TEXT NOT NULL CHECK (json_valid(actions) AND json_type(actions) = 'array'),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX filtering_reviews_by_date ON filtering_reviews (reviewed_on);
    `);
    for (const table of IMMUTABLE) {
      db.exec(`
        CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table}: a recorded review cannot be changed; record a new one'); END;
        CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table}: a recorded review cannot be deleted'); END;
      `);
    }
  },
};
