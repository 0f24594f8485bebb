import type { Migration } from '.';

export const m0012CuratedChronologies: Migration = {
  name: '0012-curated-chronologies',
  up(db) {
    db.exec(`
      -- A selection from a child's (or family's) chronology for a conference or court
      -- (shared/chronology/curated.ts). A working document: saving replaces its entries.
      CREATE TABLE curated_chronologies (
        id TEXT PRIMARY KEY,
        child_id TEXT NOT NULL REFERENCES children (id),
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
        purpose TEXT NOT NULL CHECK (length(purpose) <= 300),
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users (id),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX curated_chronologies_by_child ON curated_chronologies (child_id, updated_at);

      CREATE TABLE curated_chronology_entries (
        curated_id TEXT NOT NULL REFERENCES curated_chronologies (id),
        position INTEGER NOT NULL CHECK (position >= 0),
        entry_id TEXT NOT NULL REFERENCES chronology_entries (id),
        analysis TEXT NOT NULL CHECK (length(analysis) <= 2000),
        PRIMARY KEY (curated_id, position),
        UNIQUE (curated_id, entry_id)
      ) STRICT;
      CREATE INDEX curated_chronology_entries_by_entry ON curated_chronology_entries (entry_id);
    `);
  },
};
