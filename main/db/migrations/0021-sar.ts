import type { Migration } from '.';

/**
 * Subject access requests (issue 8, security G5, domain.md §6.2). A request about one child with
 * the `sar-response` duty it started; its clock stops and starts as append-only events (DUAA
 * 2025 "stop the clock"); redactions and the decisions to leave a suggested one in, each with a
 * reason; removals of a redaction as rows of their own; exemption decisions; and the completion
 * record pointing at the export that answered it. Every table is append-only; like the other
 * records about a child (0020), their rows can be deleted only inside a destruction of the
 * child's file. That destruction deletes the child's duties and exports log rows before it reaches
 * the rows that point at the child, so the request's links to its duty and its export are
 * checked at commit, and deleting a request takes its history with it (cascade).
 *
 * exports_log's kind CHECK gains 'subject_access'. SQLite cannot alter a CHECK, so the table is
 * rebuilt: its rows wait in a holding table while it is dropped and created again under its own
 * name (nothing references it yet), and its indexes and triggers are created again exactly as
 * they were (0014's, with 0020's destruction condition).
 */
function rebuildExportsLog(db: Parameters<Migration['up']>[0]): void {
  const kept = db
    .prepare<[], string>(
      `SELECT sql FROM sqlite_master
       WHERE tbl_name = 'exports_log' AND type IN ('index', 'trigger') AND sql IS NOT NULL
       ORDER BY type, name`,
    )
    .pluck()
    .all();
  db.exec(`
    CREATE TABLE exports_log_0021 AS SELECT * FROM exports_log;
    DROP TABLE exports_log;
    CREATE TABLE exports_log (
      id TEXT PRIMARY KEY,
      child_id TEXT REFERENCES children (id),
      kind TEXT NOT NULL CHECK (kind IN ('referral_pack', 'form', 'la_form', 'transfer_bundle',
        'transfer_pdf', 'receipt', 'subject_access')),
      form TEXT NOT NULL,
      format TEXT NOT NULL CHECK (format IN ('pdf', 'docx', 'bundle', 'json')),
      recipient TEXT NOT NULL,
      reference TEXT NOT NULL,
      concern_ids TEXT NOT NULL CHECK (json_valid(concern_ids) AND json_type(concern_ids) = 'array'),
      redacted INTEGER NOT NULL CHECK (redacted IN (0, 1)),
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      bytes INTEGER NOT NULL CHECK (bytes >= 0),
      exported_at TEXT NOT NULL,
      exported_by TEXT NOT NULL REFERENCES users (id)
    ) STRICT;
    INSERT INTO exports_log (id, child_id, kind, form, format, recipient, reference, concern_ids,
      redacted, sha256, bytes, exported_at, exported_by)
    SELECT id, child_id, kind, form, format, recipient, reference, concern_ids, redacted, sha256,
      bytes, exported_at, exported_by
    FROM exports_log_0021 ORDER BY rowid;
    DROP TABLE exports_log_0021;
  `);
  for (const sql of kept) db.exec(sql);
}

const APPEND_ONLY = [
  'sar_requests',
  'sar_events',
  'sar_redactions',
  'sar_redaction_removals',
  'sar_exemptions',
  'sar_completions',
];

export const m0021Sar: Migration = {
  name: '0021-sar',
  up(db) {
    rebuildExportsLog(db);
    db.exec(`
      CREATE TABLE sar_requests (
        id TEXT PRIMARY KEY,
        child_id TEXT NOT NULL REFERENCES children (id),
        -- London wall-clock date (YYYY-MM-DD) or minute (YYYY-MM-DDTHH:MM) it was received.
        received_at TEXT NOT NULL CHECK (length(received_at) IN (10, 16)),
        requester_name TEXT NOT NULL CHECK (length(requester_name) > 0),
        relationship TEXT NOT NULL
          CHECK (relationship IN ('child', 'parent_carer', 'solicitor', 'other')),
        relationship_detail TEXT NOT NULL,
        received_how TEXT NOT NULL
          CHECK (received_how IN ('email', 'letter', 'in_person', 'phone', 'online_form', 'other')),
        -- Required (by the service) when the child is about 12+ or a parent asks for them.
        competence_note TEXT NOT NULL,
        identity_checked INTEGER NOT NULL CHECK (identity_checked IN (0, 1)),
        identity_checked_at TEXT,
        duty_id TEXT NOT NULL UNIQUE REFERENCES duties (id) DEFERRABLE INITIALLY DEFERRED,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        CHECK ((identity_checked = 1) = (identity_checked_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX sar_requests_by_child ON sar_requests (child_id);

      -- The clock and the request's life: paused / resumed (stop the clock), extended,
      -- identity_checked (after the request was logged), withdrawn.
      CREATE TABLE sar_events (
        id TEXT PRIMARY KEY,
        sar_id TEXT NOT NULL REFERENCES sar_requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL
          CHECK (kind IN ('paused', 'resumed', 'extended', 'identity_checked', 'withdrawn')),
        at TEXT NOT NULL,
        reason TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX sar_events_by_sar ON sar_events (sar_id, at);

      CREATE TABLE sar_redactions (
        id TEXT PRIMARY KEY,
        sar_id TEXT NOT NULL REFERENCES sar_requests (id) ON DELETE CASCADE,
        -- The item: its source (shared/sar/schema.ts sarSources) and the record's id.
        item_source TEXT NOT NULL CHECK (length(item_source) > 0),
        item_id TEXT NOT NULL CHECK (length(item_id) > 0),
        -- A suggested third party ("adult:<id>", "child:<id>"), or null.
        party_id TEXT,
        -- The words withheld; '' with no party for the whole item.
        span TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('redact', 'disclose')),
        reason TEXT NOT NULL CHECK (reason IN ('third_party', 'serious_harm', 'crime_taxation',
          'child_abuse_data', 'legal_privilege', 'other')),
        note TEXT NOT NULL CHECK (length(note) > 0),
        made_at TEXT NOT NULL,
        made_by TEXT NOT NULL REFERENCES users (id),
        CHECK (party_id IS NULL OR span = '')
      ) STRICT;
      CREATE INDEX sar_redactions_by_sar ON sar_redactions (sar_id);

      CREATE TABLE sar_redaction_removals (
        redaction_id TEXT PRIMARY KEY REFERENCES sar_redactions (id) ON DELETE CASCADE,
        note TEXT NOT NULL CHECK (length(note) > 0),
        removed_at TEXT NOT NULL,
        removed_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;

      CREATE TABLE sar_exemptions (
        id TEXT PRIMARY KEY,
        sar_id TEXT NOT NULL REFERENCES sar_requests (id) ON DELETE CASCADE,
        exemption TEXT NOT NULL CHECK (exemption IN ('third_party', 'serious_harm',
          'crime_taxation', 'child_abuse_data', 'legal_privilege', 'other')),
        applies INTEGER NOT NULL CHECK (applies IN (0, 1)),
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        decided_at TEXT NOT NULL,
        decided_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX sar_exemptions_by_sar ON sar_exemptions (sar_id);

      CREATE TABLE sar_completions (
        sar_id TEXT PRIMARY KEY REFERENCES sar_requests (id) ON DELETE CASCADE,
        export_id TEXT NOT NULL UNIQUE REFERENCES exports_log (id) DEFERRABLE INITIALLY DEFERRED,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        pages INTEGER NOT NULL CHECK (pages > 0),
        completed_at TEXT NOT NULL,
        completed_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
    `);
    for (const table of APPEND_ONLY)
      db.exec(`
        CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table}: the record of a subject access request cannot be changed'); END;
        CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
          WHEN NOT EXISTS (SELECT 1 FROM destruction_in_progress)
          BEGIN SELECT RAISE(ABORT, '${table}: the record of a subject access request cannot be deleted'); END;
      `);
  },
};
