import type { Migration } from '.';

/**
 * Tables holding what Lantern keeps about a child whose `_no_delete` trigger must let the
 * destruction of a child's file through (main/retention/destroy.ts). Everything else stays
 * append-only, and audit_log and destruction_records are never relaxed: their rows hold ids and
 * counts, not content, and they are the evidence that a destruction happened.
 */
export const DESTRUCTIBLE_TABLES = [
  'concerns',
  'concern_children',
  'concern_categories',
  'concern_flags',
  'concern_addenda',
  'concern_body_marks',
  'concern_attachments',
  'designations',
  'chronology_entries',
  'family_adults',
  'key_contacts',
  'concern_levels',
  'concern_decisions',
  'concern_closures',
  'concern_reopenings',
  'concern_actions',
  'encompass_notifications',
  'encompass_children',
  'encompass_addenda',
  'duties',
  'duty_events',
  'exports_log',
  'transfers_out',
  'transfers_in',
  'transfer_receipts',
] as const;

const DESTRUCTION = 'NOT EXISTS (SELECT 1 FROM destruction_in_progress)';

/**
 * The same trigger, firing only while no destruction is in progress: the old one's condition
 * (if any) is kept and the new condition added to it.
 */
function relaxed(sql: string, table: string): string {
  const match =
    /^CREATE TRIGGER (\w+) BEFORE DELETE ON (\w+)\s+(?:WHEN ([\s\S]+?)\s+)?BEGIN ([\s\S]+)$/.exec(
      sql.trim(),
    );
  if (!match || match[2] !== table) throw new Error(`Unexpected trigger on ${table}: ${sql}`);
  const condition = match[3] === undefined ? DESTRUCTION : `(${match[3]}) AND ${DESTRUCTION}`;
  return `CREATE TRIGGER ${match[1] ?? ''} BEFORE DELETE ON ${table}
    WHEN ${condition}
    BEGIN ${match[4] ?? ''}`;
}

/**
 * Retention, legal holds and destruction (issue 8; security G6; domain.md §6.3; shared/retention).
 *
 * - retention_settings_versions: the DSL's periods per record type, versioned, append-only.
 * - legal_holds: a hold on a child's file (litigation, an inquiry, a police request). A hold is
 *   lifted once, with a reason, and never deleted; at most one is current per child.
 * - destruction_records: the register of destroyed files. No name, no date of birth, no text
 *   about the child: the child's record id, counts per table, the rule, the review date, who
 *   authorised it, when and why. Never changed or deleted.
 * - destruction_in_progress: one row exists only inside a destruction's transaction, which
 *   inserts it first and deletes it last; the relaxed triggers let deletes through only then.
 */
export const m0020Retention: Migration = {
  name: '0020-retention',
  up(db) {
    db.exec(`
      CREATE TABLE destruction_in_progress (
        id INTEGER PRIMARY KEY CHECK (id = 1)
      ) STRICT;

      CREATE TABLE retention_settings_versions (
        version INTEGER PRIMARY KEY CHECK (version >= 1),
        settings TEXT NOT NULL CHECK (json_valid(settings) AND json_type(settings) = 'object'),
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE TRIGGER retention_settings_versions_no_update BEFORE UPDATE ON retention_settings_versions
        BEGIN SELECT RAISE(ABORT, 'retention_settings_versions: history cannot be changed'); END;
      CREATE TRIGGER retention_settings_versions_no_delete BEFORE DELETE ON retention_settings_versions
        BEGIN SELECT RAISE(ABORT, 'retention_settings_versions: history cannot be deleted'); END;

      CREATE TABLE legal_holds (
        id TEXT PRIMARY KEY,
        child_id TEXT NOT NULL REFERENCES children (id),
        reason TEXT NOT NULL CHECK (length(reason) >= 10),
        placed_by TEXT NOT NULL REFERENCES users (id),
        placed_at TEXT NOT NULL,
        lifted_by TEXT REFERENCES users (id),
        lifted_at TEXT,
        lift_reason TEXT,
        CHECK ((lifted_by IS NULL) = (lifted_at IS NULL)
          AND (lifted_at IS NULL) = (lift_reason IS NULL)),
        CHECK (lift_reason IS NULL OR length(lift_reason) >= 10)
      ) STRICT;
      CREATE INDEX legal_holds_by_child ON legal_holds (child_id, placed_at);
      CREATE UNIQUE INDEX legal_holds_one_current ON legal_holds (child_id) WHERE lifted_at IS NULL;
      CREATE TRIGGER legal_holds_lift_once BEFORE UPDATE ON legal_holds
        WHEN OLD.lifted_at IS NOT NULL OR NEW.lifted_at IS NULL
          OR NEW.id IS NOT OLD.id OR NEW.child_id IS NOT OLD.child_id
          OR NEW.reason IS NOT OLD.reason OR NEW.placed_by IS NOT OLD.placed_by
          OR NEW.placed_at IS NOT OLD.placed_at
        BEGIN SELECT RAISE(ABORT, 'legal_holds: a hold is only ever lifted, once'); END;
      CREATE TRIGGER legal_holds_no_delete BEFORE DELETE ON legal_holds
        WHEN ${DESTRUCTION}
        BEGIN SELECT RAISE(ABORT, 'legal_holds: a legal hold is history and cannot be deleted'); END;

      CREATE TABLE destruction_records (
        id TEXT PRIMARY KEY,
        child_id TEXT NOT NULL,
        record_type TEXT NOT NULL CHECK (record_type IN ('cp_file', 'allegation_about_adult')),
        review_date TEXT NOT NULL,
        -- JSON object: table → rows deleted.
        deleted TEXT NOT NULL CHECK (json_valid(deleted) AND json_type(deleted) = 'object'),
        shared_concerns_kept INTEGER NOT NULL CHECK (shared_concerns_kept >= 0),
        reason TEXT NOT NULL CHECK (length(reason) >= 10),
        authorised_by TEXT NOT NULL REFERENCES users (id),
        destroyed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX destruction_records_by_date ON destruction_records (destroyed_at);
      CREATE TRIGGER destruction_records_no_update BEFORE UPDATE ON destruction_records
        BEGIN SELECT RAISE(ABORT, 'destruction_records: the register cannot be changed'); END;
      CREATE TRIGGER destruction_records_no_delete BEFORE DELETE ON destruction_records
        BEGIN SELECT RAISE(ABORT, 'destruction_records: the register cannot be deleted'); END;
    `);
    const triggerSql = db.prepare<[string], string>(
      "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
    );
    for (const table of DESTRUCTIBLE_TABLES) {
      const name = `${table}_no_delete`;
      const sql = triggerSql.pluck().get(name);
      if (sql === undefined) throw new Error(`Missing trigger ${name}`);
      db.exec(`DROP TRIGGER ${name}`);
      db.exec(relaxed(sql, table));
    }
  },
};
