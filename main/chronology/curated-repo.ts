import type { CuratedSummary } from '../../shared/chronology/curated';
import type { Db } from '../db/open';

type SummaryRow = {
  id: string;
  child_id: string;
  title: string;
  purpose: string;
  entry_count: number;
  created_by_name: string | null;
  created_at: string;
  updated_by_name: string | null;
  updated_at: string;
};

function toSummary(row: SummaryRow): CuratedSummary {
  return {
    id: row.id,
    childId: row.child_id,
    title: row.title,
    purpose: row.purpose,
    entryCount: row.entry_count,
    createdByName: row.created_by_name ?? 'Unknown user',
    createdAt: row.created_at,
    updatedByName: row.updated_by_name ?? 'Unknown user',
    updatedAt: row.updated_at,
  };
}

const SELECT = `
  SELECT k.id, k.child_id, k.title, k.purpose,
    (SELECT count(*) FROM curated_chronology_entries x WHERE x.curated_id = k.id) AS entry_count,
    cu.display_name AS created_by_name, k.created_at, uu.display_name AS updated_by_name,
    k.updated_at
  FROM curated_chronologies k
  LEFT JOIN users cu ON cu.id = k.created_by
  LEFT JOIN users uu ON uu.id = k.updated_by
`;

/** Curated chronologies and the entries each holds, in their chosen order. */
export function curatedRepo(db: Db) {
  const insert = db.prepare(`
    INSERT INTO curated_chronologies (id, child_id, title, purpose, created_by, created_at,
      updated_by, updated_at)
    VALUES (:id, :childId, :title, :purpose, :by, :at, :by, :at)
  `);
  const update = db.prepare(`
    UPDATE curated_chronologies SET title = :title, purpose = :purpose, updated_by = :by,
      updated_at = :at
    WHERE id = :id
  `);
  const clearEntries = db.prepare('DELETE FROM curated_chronology_entries WHERE curated_id = ?');
  const insertEntry = db.prepare(`
    INSERT INTO curated_chronology_entries (curated_id, position, entry_id, analysis)
    VALUES (:curatedId, :position, :entryId, :analysis)
  `);
  const byId = db.prepare<[string], SummaryRow>(`${SELECT} WHERE k.id = ?`);
  const forChild = db.prepare<[string], SummaryRow>(
    `${SELECT} WHERE k.child_id = ? ORDER BY k.updated_at DESC, k.id DESC`,
  );
  const entriesOf = db.prepare<[string], { entryId: string; analysis: string }>(`
    SELECT entry_id AS entryId, analysis FROM curated_chronology_entries
    WHERE curated_id = ? ORDER BY position
  `);

  function writeEntries(
    curatedId: string,
    entries: readonly { entryId: string; analysis: string }[],
  ): void {
    clearEntries.run(curatedId);
    entries.forEach((e, position) => {
      insertEntry.run({ curatedId, position, entryId: e.entryId, analysis: e.analysis });
    });
  }

  return {
    create(
      curated: { id: string; childId: string; title: string; purpose: string },
      entries: readonly { entryId: string; analysis: string }[],
      meta: { by: string; at: string },
    ): void {
      insert.run({ ...curated, ...meta });
      writeEntries(curated.id, entries);
    },
    update(
      curated: { id: string; title: string; purpose: string },
      entries: readonly { entryId: string; analysis: string }[],
      meta: { by: string; at: string },
    ): void {
      update.run({ ...curated, ...meta });
      writeEntries(curated.id, entries);
    },
    get(id: string): CuratedSummary | null {
      const row = byId.get(id);
      return row ? toSummary(row) : null;
    },
    /** Most recently changed first. */
    forChild(childId: string): CuratedSummary[] {
      return forChild.all(childId).map(toSummary);
    },
    entries(id: string): { entryId: string; analysis: string }[] {
      return entriesOf.all(id);
    },
  };
}
export type CuratedRepo = ReturnType<typeof curatedRepo>;
