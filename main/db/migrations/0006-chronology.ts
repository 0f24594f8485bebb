import type { CpCategory, DesignationKind } from '../../../shared/children/designations';
import type { ChildRole } from '../../../shared/concerns/schema';
import {
  addendumEntries,
  concernEntries,
  designationEndEntry,
  designationStartEntry,
} from '../../chronology/entries';
import { chronologyRepo } from '../../chronology/repo';
import type { Db } from '../open';
import type { Migration } from '.';

/** Entries for the records written before the chronology existed, read from 0004/0005 tables. */
function backfill(db: Db): void {
  const chronology = chronologyRepo(db);
  const now = new Date();
  const childrenOf = db.prepare<[string], { childId: string; role: ChildRole }>(
    'SELECT child_id AS childId, role FROM concern_children WHERE concern_id = ?',
  );
  const categoriesOf = db
    .prepare<[string], string>(
      'SELECT category_id FROM concern_categories WHERE concern_id = ? ORDER BY rowid',
    )
    .pluck();
  const concerns = db
    .prepare(
      `SELECT id, occurred_at AS occurredAt, recorded_at AS recordedAt,
        recorded_by AS recordedBy, summary FROM concerns ORDER BY recorded_at`,
    )
    .all() as {
    id: string;
    occurredAt: string;
    recordedAt: string;
    recordedBy: string;
    summary: string;
  }[];
  for (const c of concerns) {
    chronology.append(
      concernEntries({ ...c, children: childrenOf.all(c.id), categories: categoriesOf.all(c.id) }),
      now,
    );
  }
  const addenda = db
    .prepare(
      `SELECT id, concern_id AS concernId, added_at AS addedAt, added_by AS addedBy, reason, text
       FROM concern_addenda ORDER BY added_at`,
    )
    .all() as {
    id: string;
    concernId: string;
    addedAt: string;
    addedBy: string;
    reason: string;
    text: string;
  }[];
  for (const a of addenda) chronology.append(addendumEntries(a, childrenOf.all(a.concernId)), now);
  const designations = db
    .prepare(
      `SELECT id, child_id AS childId, kind, coalesce(cp_category, '') AS cpCategory,
        start_date AS startDate, end_date AS endDate, notes, recorded_by AS recordedBy,
        recorded_at AS recordedAt, ended_by AS endedBy, ended_at AS endedAt
       FROM designations ORDER BY recorded_at`,
    )
    .all() as {
    id: string;
    childId: string;
    kind: DesignationKind;
    cpCategory: CpCategory | '';
    startDate: string;
    endDate: string | null;
    notes: string;
    recordedBy: string;
    recordedAt: string;
    endedBy: string | null;
    endedAt: string | null;
  }[];
  for (const d of designations) {
    chronology.append([designationStartEntry(d, d.recordedAt, d.recordedBy)], now);
    if (d.endDate !== null && d.endedAt !== null && d.endedBy !== null)
      chronology.append([designationEndEntry(d, d.endDate, d.endedAt, d.endedBy)], now);
  }
}

export const m0006Chronology: Migration = {
  name: '0006-chronology',
  up(db) {
    db.exec(`
      -- One row per event on one child's file, derived from its source record
      -- (shared/chronology/schema.ts). Only significant and headline ever change.
      CREATE TABLE chronology_entries (
        id TEXT PRIMARY KEY,
        child_id TEXT NOT NULL REFERENCES children (id),
        source TEXT NOT NULL CHECK (source IN ('concern', 'addendum', 'level', 'decision',
          'action', 'action_done', 'closure', 'designation', 'designation_end', 'encompass')),
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
    backfill(db);
  },
};
