import type { Migration } from '.';

/**
 * The annual safeguarding audit (s.175/s.157; issue 7; domain.md §3.8). A year copies its
 * question set when it starts, so importing a new set later never changes a past year. Answers
 * are append-only (the latest per question wins, the rest are history); an action can only be
 * marked done, once; a sign-off is final.
 */
export const m0018Audit: Migration = {
  name: '0018-audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit_question_sets (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL CHECK (length(source) > 0),
        questions TEXT NOT NULL CHECK (json_valid(questions) AND json_type(questions) = 'array'),
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE TRIGGER audit_question_sets_no_update BEFORE UPDATE ON audit_question_sets
        BEGIN SELECT RAISE(ABORT, 'audit_question_sets: an imported set cannot be changed'); END;
      CREATE TRIGGER audit_question_sets_no_delete BEFORE DELETE ON audit_question_sets
        BEGIN SELECT RAISE(ABORT, 'audit_question_sets: an imported set cannot be deleted'); END;

      CREATE TABLE audit_years (
        academic_year TEXT PRIMARY KEY CHECK (academic_year GLOB '[0-9][0-9][0-9][0-9]/[0-9][0-9]'),
        questions TEXT NOT NULL CHECK (json_valid(questions) AND json_type(questions) = 'array'),
        started_at TEXT NOT NULL,
        started_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE TRIGGER audit_years_no_update BEFORE UPDATE ON audit_years
        BEGIN SELECT RAISE(ABORT, 'audit_years: a year''s questions cannot be changed'); END;
      CREATE TRIGGER audit_years_no_delete BEFORE DELETE ON audit_years
        BEGIN SELECT RAISE(ABORT, 'audit_years: an audit year cannot be deleted'); END;

      CREATE TABLE audit_answers (
        id TEXT PRIMARY KEY,
        academic_year TEXT NOT NULL REFERENCES audit_years (academic_year),
        question_id TEXT NOT NULL,
        rag TEXT NOT NULL CHECK (rag IN ('red', 'amber', 'green')),
        comment TEXT NOT NULL,
        evidence TEXT NOT NULL CHECK (json_valid(evidence) AND json_type(evidence) = 'array'),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX audit_answers_by_question ON audit_answers (academic_year, question_id, id);
      CREATE TRIGGER audit_answers_no_update BEFORE UPDATE ON audit_answers
        BEGIN SELECT RAISE(ABORT, 'audit_answers: answers are append-only'); END;
      CREATE TRIGGER audit_answers_no_delete BEFORE DELETE ON audit_answers
        BEGIN SELECT RAISE(ABORT, 'audit_answers: answers are append-only'); END;

      CREATE TABLE audit_actions (
        id TEXT PRIMARY KEY,
        academic_year TEXT NOT NULL REFERENCES audit_years (academic_year),
        question_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (length(action) > 0),
        owner TEXT NOT NULL CHECK (length(owner) > 0),
        due_on TEXT NOT NULL,
        done_on TEXT,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL REFERENCES users (id),
        done_by TEXT REFERENCES users (id),
        CHECK ((done_on IS NULL) = (done_by IS NULL))
      ) STRICT;
      CREATE INDEX audit_actions_by_year ON audit_actions (academic_year, question_id, id);
      CREATE TRIGGER audit_actions_done_once BEFORE UPDATE ON audit_actions
        WHEN OLD.done_on IS NOT NULL
          OR NEW.id IS NOT OLD.id OR NEW.academic_year IS NOT OLD.academic_year
          OR NEW.question_id IS NOT OLD.question_id OR NEW.action IS NOT OLD.action
          OR NEW.owner IS NOT OLD.owner OR NEW.due_on IS NOT OLD.due_on
          OR NEW.added_at IS NOT OLD.added_at OR NEW.added_by IS NOT OLD.added_by
        BEGIN SELECT RAISE(ABORT, 'audit_actions: an action can only be marked done, once'); END;
      CREATE TRIGGER audit_actions_no_delete BEFORE DELETE ON audit_actions
        BEGIN SELECT RAISE(ABORT, 'audit_actions: an action cannot be deleted'); END;

      CREATE TABLE audit_signoffs (
        id TEXT PRIMARY KEY,
        academic_year TEXT NOT NULL REFERENCES audit_years (academic_year),
        role TEXT NOT NULL CHECK (role IN ('dsl', 'governor')),
        name TEXT NOT NULL CHECK (length(name) > 0),
        signed_at TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users (id),
        UNIQUE (academic_year, role)
      ) STRICT;
      CREATE TRIGGER audit_signoffs_no_update BEFORE UPDATE ON audit_signoffs
        BEGIN SELECT RAISE(ABORT, 'audit_signoffs: a sign-off is final'); END;
      CREATE TRIGGER audit_signoffs_no_delete BEFORE DELETE ON audit_signoffs
        BEGIN SELECT RAISE(ABORT, 'audit_signoffs: a sign-off is final'); END;
    `);
  },
};
