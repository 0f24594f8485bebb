import type { Migration } from '.';

/**
 * The chronology's source CHECK gains 'duty', and with it the sources the exports of issue 6 write
 * ('export': a pack or form sent; 'transfer_in': an entry from a CP file transferred in), so the
 * table is rebuilt once. SQLite cannot alter a CHECK, so the table is
 * rebuilt. Not by the usual create-copy-drop-rename: dropping the old table leaves a deferred
 * foreign-key violation for every curated chronology entry (0012) that points into it, and a
 * rename does not clear it, so the commit would fail. Instead the rows wait in a holding table
 * while chronology_entries is dropped and created again under its own name; inserting them
 * back resolves each deferred violation. Indexes and triggers are exactly 0006's.
 * defer_foreign_keys lasts only until the migrations' transaction commits.
 */
function rebuildChronology(db: Parameters<Migration['up']>[0]): void {
  db.pragma('defer_foreign_keys = ON');
  db.exec(`
    CREATE TABLE chronology_entries_0013 AS SELECT * FROM chronology_entries;
    DROP TRIGGER chronology_entries_no_delete;
    DROP TRIGGER chronology_entries_marks_only;
    DROP TABLE chronology_entries;

    CREATE TABLE chronology_entries (
      id TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children (id),
      source TEXT NOT NULL CHECK (source IN ('concern', 'addendum', 'level', 'decision',
        'action', 'action_done', 'closure', 'designation', 'designation_end', 'encompass',
        'duty', 'export', 'transfer_in')),
      source_id TEXT NOT NULL,
      concern_id TEXT REFERENCES concerns (id),
      occurred_at TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL REFERENCES users (id),
      role TEXT,
      title TEXT NOT NULL CHECK (length(title) > 0),
      detail TEXT NOT NULL,
      -- A JSON array of taxonomy ids (shared/concerns/taxonomy.ts).
      categories TEXT NOT NULL CHECK (json_valid(categories) AND json_type(categories) = 'array'),
      significant INTEGER NOT NULL DEFAULT 0 CHECK (significant IN (0, 1)),
      headline TEXT NOT NULL DEFAULT '',
      UNIQUE (child_id, source, source_id)
    ) STRICT;
    INSERT INTO chronology_entries (id, child_id, source, source_id, concern_id, occurred_at,
      recorded_at, recorded_by, role, title, detail, categories, significant, headline)
    SELECT id, child_id, source, source_id, concern_id, occurred_at, recorded_at, recorded_by,
      role, title, detail, categories, significant, headline
    FROM chronology_entries_0013 ORDER BY rowid;
    DROP TABLE chronology_entries_0013;

    CREATE INDEX chronology_by_child ON chronology_entries (child_id, occurred_at, recorded_at);
    CREATE INDEX chronology_by_concern ON chronology_entries (concern_id) WHERE concern_id IS NOT NULL;

    CREATE TRIGGER chronology_entries_no_delete BEFORE DELETE ON chronology_entries
      BEGIN SELECT RAISE(ABORT, 'chronology_entries: an entry is history and cannot be deleted'); END;
    CREATE TRIGGER chronology_entries_marks_only BEFORE UPDATE ON chronology_entries
      WHEN NEW.id IS NOT OLD.id OR NEW.child_id IS NOT OLD.child_id OR NEW.source IS NOT OLD.source
        OR NEW.source_id IS NOT OLD.source_id OR NEW.concern_id IS NOT OLD.concern_id
        OR NEW.occurred_at IS NOT OLD.occurred_at OR NEW.recorded_at IS NOT OLD.recorded_at
        OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.role IS NOT OLD.role
        OR NEW.title IS NOT OLD.title OR NEW.detail IS NOT OLD.detail
        OR NEW.categories IS NOT OLD.categories
      BEGIN SELECT RAISE(ABORT, 'chronology_entries: only the significant flag and headline can change'); END;
  `);
}

/**
 * Statutory duties (issue 5; shared/duties): each duty is a rule's edition applied to one
 * trigger, with its deadline fixed when it was created (and the working kept for the "why"
 * panel); every step since is an append-only event. The local settings are versioned, append
 * only; the school calendar (terms, INSET days, bank-holiday overrides) is a working setting
 * that is replaced as a whole per academic year.
 */
export const m0013Duties: Migration = {
  name: '0013-duties',
  up(db) {
    rebuildChronology(db);
    db.exec(`
      -- trigger_at, due_at, target_at, closed_at, created_at: ISO 8601 UTC instants.
      -- deadlines: shared/duties/deadline.ts DutyDeadlines as JSON, for the "why" panel.
      CREATE TABLE duties (
        id TEXT PRIMARY KEY,
        rule_id TEXT NOT NULL CHECK (length(rule_id) > 0),
        rule_edition TEXT NOT NULL CHECK (length(rule_edition) > 0),
        child_id TEXT REFERENCES children (id),
        concern_id TEXT REFERENCES concerns (id),
        owner TEXT NOT NULL CHECK (owner IN ('person', 'dsl', 'headteacher', 'school')),
        owner_user_id TEXT REFERENCES users (id),
        trigger_at TEXT NOT NULL,
        trigger_note TEXT NOT NULL,
        due_at TEXT,
        target_at TEXT,
        deadlines TEXT NOT NULL CHECK (json_valid(deadlines)),
        settings_version INTEGER NOT NULL CHECK (settings_version >= 0),
        status TEXT NOT NULL CHECK (status IN ('open', 'discharged', 'not_applicable', 'exception')),
        closed_at TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        CHECK (owner <> 'person' OR owner_user_id IS NOT NULL),
        CHECK ((status = 'open') = (closed_at IS NULL))
      ) STRICT;
      CREATE INDEX duties_by_child ON duties (child_id) WHERE child_id IS NOT NULL;
      CREATE INDEX duties_by_concern ON duties (concern_id) WHERE concern_id IS NOT NULL;
      CREATE INDEX duties_open ON duties (status, closed_at);

      CREATE TRIGGER duties_no_delete BEFORE DELETE ON duties
        BEGIN SELECT RAISE(ABORT, 'duties: a duty is history and cannot be deleted'); END;
      CREATE TRIGGER duties_state_only BEFORE UPDATE ON duties
        WHEN NEW.id IS NOT OLD.id OR NEW.rule_id IS NOT OLD.rule_id
          OR NEW.rule_edition IS NOT OLD.rule_edition OR NEW.child_id IS NOT OLD.child_id
          OR NEW.concern_id IS NOT OLD.concern_id OR NEW.owner IS NOT OLD.owner
          OR NEW.owner_user_id IS NOT OLD.owner_user_id OR NEW.trigger_at IS NOT OLD.trigger_at
          OR NEW.trigger_note IS NOT OLD.trigger_note
          OR NEW.settings_version IS NOT OLD.settings_version
          OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
        BEGIN SELECT RAISE(ABORT, 'duties: only the status and deadlines of a duty can change'); END;

      -- at: a London wall-clock minute (YYYY-MM-DDTHH:MM) as given, or NULL.
      CREATE TABLE duty_events (
        id TEXT PRIMARY KEY,
        duty_id TEXT NOT NULL REFERENCES duties (id),
        kind TEXT NOT NULL CHECK (kind IN ('created', 'discharged', 'not_applicable', 'exception',
          'delayed', 'extended')),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id),
        at TEXT,
        recipient TEXT NOT NULL,
        method TEXT,
        reference TEXT NOT NULL,
        acted_by TEXT REFERENCES users (id),
        exception TEXT,
        text TEXT NOT NULL
      ) STRICT;
      CREATE INDEX duty_events_by_duty ON duty_events (duty_id, recorded_at);

      CREATE TABLE duty_settings_versions (
        version INTEGER PRIMARY KEY CHECK (version >= 1),
        settings TEXT NOT NULL CHECK (json_valid(settings)),
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;

      -- Dates: YYYY-MM-DD. academic_year: "2026/27".
      CREATE TABLE school_terms (
        academic_year TEXT NOT NULL,
        position INTEGER NOT NULL CHECK (position >= 0),
        name TEXT NOT NULL CHECK (length(name) > 0),
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL CHECK (ends_on >= starts_on),
        PRIMARY KEY (academic_year, position)
      ) STRICT;
      CREATE TABLE inset_days (
        academic_year TEXT NOT NULL,
        date TEXT PRIMARY KEY,
        note TEXT NOT NULL
      ) STRICT;
      CREATE TABLE bank_holiday_overrides (
        date TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('add', 'remove')),
        name TEXT NOT NULL
      ) STRICT;
    `);
    for (const table of ['duty_events', 'duty_settings_versions']) {
      db.exec(`
        CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table}: history cannot be changed'); END;
        CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table}: history cannot be deleted'); END;
      `);
    }
  },
};
