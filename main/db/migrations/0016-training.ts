import type { Migration } from '.';

/**
 * Issue 7's training records (domain.md §3.7): the people whose safeguarding training the
 * school tracks (staff, volunteers and governors; not necessarily Lantern users), their
 * completions (append-only; a mistaken record is withdrawn with a reason, never deleted), their
 * attestations that they read each edition of KCSIE Part one, and the school's own interval for
 * each requirement whose frequency the sources leave open (versioned: the latest row wins).
 */
export const m0016Training: Migration = {
  name: '0016-training',
  up(db) {
    db.exec(`
      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) > 0),
        job_title TEXT NOT NULL,
        -- A JSON array of TrainingAudience values (shared/governance/training.ts).
        groups TEXT NOT NULL CHECK (json_valid(groups) AND json_type(groups) = 'array'),
        start_date TEXT NOT NULL CHECK (length(start_date) = 10),
        -- '' while in post.
        leaving_date TEXT NOT NULL CHECK (leaving_date = '' OR length(leaving_date) = 10),
        user_id TEXT REFERENCES users (id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      -- One person per name and start date: what makes a staff CSV import idempotent.
      CREATE UNIQUE INDEX people_by_name_start ON people (name COLLATE NOCASE, start_date);
      CREATE UNIQUE INDEX people_by_user ON people (user_id) WHERE user_id IS NOT NULL;

      CREATE TABLE training_records (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES people (id),
        kind TEXT NOT NULL CHECK (kind IN ('induction', 'annual_update', 'kcsie_part_one',
          'dsl_formal', 'dsl_refresh', 'prevent', 'governor', 'cyber', 'safer_recruitment')),
        completed_on TEXT NOT NULL CHECK (length(completed_on) = 10),
        provider TEXT NOT NULL,
        notes TEXT NOT NULL,
        -- The evidence file (PNG, JPEG or PDF, typed by its first bytes), or all NULL.
        evidence BLOB,
        evidence_name TEXT,
        evidence_type TEXT CHECK (evidence_type IN ('image/png', 'image/jpeg', 'application/pdf')),
        evidence_sha256 TEXT CHECK (length(evidence_sha256) = 64),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id),
        CHECK ((evidence IS NULL) = (evidence_name IS NULL)
          AND (evidence IS NULL) = (evidence_type IS NULL)
          AND (evidence IS NULL) = (evidence_sha256 IS NULL))
      ) STRICT;
      CREATE INDEX training_records_by_person ON training_records (person_id, kind, completed_on);
      CREATE TRIGGER training_records_no_update BEFORE UPDATE ON training_records
        BEGIN SELECT RAISE(ABORT, 'training_records: a training record cannot be changed; withdraw it'); END;
      CREATE TRIGGER training_records_no_delete BEFORE DELETE ON training_records
        BEGIN SELECT RAISE(ABORT, 'training_records: a training record cannot be deleted; withdraw it'); END;

      CREATE TABLE training_withdrawals (
        record_id TEXT PRIMARY KEY REFERENCES training_records (id),
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        withdrawn_at TEXT NOT NULL,
        withdrawn_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE TRIGGER training_withdrawals_no_update BEFORE UPDATE ON training_withdrawals
        BEGIN SELECT RAISE(ABORT, 'training_withdrawals: a withdrawal cannot be changed'); END;
      CREATE TRIGGER training_withdrawals_no_delete BEFORE DELETE ON training_withdrawals
        BEGIN SELECT RAISE(ABORT, 'training_withdrawals: a withdrawal cannot be deleted'); END;

      CREATE TABLE kcsie_attestations (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES people (id),
        -- 'KCSIE 2026': the edition in force from 1 September of that year.
        edition TEXT NOT NULL CHECK (edition GLOB 'KCSIE [0-9][0-9][0-9][0-9]'),
        attested_on TEXT NOT NULL CHECK (length(attested_on) = 10),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id),
        UNIQUE (person_id, edition)
      ) STRICT;
      CREATE TRIGGER kcsie_attestations_no_update BEFORE UPDATE ON kcsie_attestations
        BEGIN SELECT RAISE(ABORT, 'kcsie_attestations: an attestation cannot be changed'); END;
      CREATE TRIGGER kcsie_attestations_no_delete BEFORE DELETE ON kcsie_attestations
        BEGIN SELECT RAISE(ABORT, 'kcsie_attestations: an attestation cannot be deleted'); END;

      CREATE TABLE training_intervals (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('prevent', 'governor', 'safer_recruitment')),
        interval_months INTEGER NOT NULL CHECK (interval_months BETWEEN 1 AND 120),
        set_at TEXT NOT NULL,
        set_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX training_intervals_by_kind ON training_intervals (kind, set_at);
      CREATE TRIGGER training_intervals_no_update BEFORE UPDATE ON training_intervals
        BEGIN SELECT RAISE(ABORT, 'training_intervals: a setting cannot be changed; add a new one'); END;
      CREATE TRIGGER training_intervals_no_delete BEFORE DELETE ON training_intervals
        BEGIN SELECT RAISE(ABORT, 'training_intervals: a setting cannot be deleted'); END;
    `);
  },
};
