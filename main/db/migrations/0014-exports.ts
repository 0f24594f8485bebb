import type { Migration } from '.';

/**
 * Issue 6's exports: a log of every pack, form and bundle that left Lantern (who, what, for
 * which child, to whom, with its SHA-256; never its content), and the local authority's own
 * form templates with their field mapping, kept with the school's data so that backups carry
 * them.
 */
export const m0014Exports: Migration = {
  name: '0014-exports',
  up(db) {
    db.exec(`
      CREATE TABLE exports_log (
        id TEXT PRIMARY KEY,
        child_id TEXT REFERENCES children (id),
        -- referral_pack, form (a built-in form), la_form (the LA's own), transfer_bundle,
        -- transfer_pdf, receipt.
        kind TEXT NOT NULL CHECK (kind IN ('referral_pack', 'form', 'la_form', 'transfer_bundle',
          'transfer_pdf', 'receipt')),
        -- Which form or template (a built-in form id, or a form_templates id); '' for the rest.
        form TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('pdf', 'docx', 'bundle', 'json')),
        recipient TEXT NOT NULL,
        reference TEXT NOT NULL,
        -- A JSON array of the concern ids included.
        concern_ids TEXT NOT NULL CHECK (json_valid(concern_ids) AND json_type(concern_ids) = 'array'),
        redacted INTEGER NOT NULL CHECK (redacted IN (0, 1)),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes INTEGER NOT NULL CHECK (bytes >= 0),
        exported_at TEXT NOT NULL,
        exported_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX exports_log_by_child ON exports_log (child_id, exported_at);
      CREATE TRIGGER exports_log_no_update BEFORE UPDATE ON exports_log
        BEGIN SELECT RAISE(ABORT, 'exports_log: the record of an export cannot be changed'); END;
      CREATE TRIGGER exports_log_no_delete BEFORE DELETE ON exports_log
        BEGIN SELECT RAISE(ABORT, 'exports_log: the record of an export cannot be deleted'); END;

      CREATE TABLE form_templates (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) > 0),
        format TEXT NOT NULL CHECK (format IN ('pdf', 'docx')),
        file BLOB NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        -- JSON array of the fields (PDF: AcroForm field names and types) or placeholders (Word).
        fields TEXT NOT NULL CHECK (json_valid(fields) AND json_type(fields) = 'array'),
        -- JSON object: template field → Lantern field key (shared/forms/fields.ts) or fixed text.
        mapping TEXT NOT NULL CHECK (json_valid(mapping) AND json_type(mapping) = 'object'),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
    `);
  },
};
