import type { Migration } from '.';

export const m0003Leavers: Migration = {
  name: '0003-leavers',
  up(db) {
    db.exec(`
      -- NULL while the pupil is on roll. Leavers are never deleted: their files are kept.
      ALTER TABLE children ADD COLUMN leaving_date TEXT;

      -- Column mappings for MIS imports, saved by name (JSON: Lantern field → CSV header).
      CREATE TABLE import_mappings (
        name TEXT PRIMARY KEY,
        mapping TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
