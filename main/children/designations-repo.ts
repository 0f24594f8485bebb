import type {
  CpCategory,
  Designation,
  DesignationBadge,
  DesignationDraft,
  DesignationKind,
} from '../../shared/children/designations';
import type { Db } from '../db/open';

type DesignationRow = {
  id: string;
  child_id: string;
  kind: DesignationKind;
  cp_category: CpCategory | null;
  start_date: string;
  end_date: string | null;
  notes: string;
  recorded_by: string;
  recorded_by_name: string | null;
  recorded_at: string;
  ended_by_name: string | null;
  ended_at: string | null;
};

function toDesignation(row: DesignationRow): Designation {
  return {
    id: row.id,
    childId: row.child_id,
    kind: row.kind,
    cpCategory: row.cp_category ?? '',
    startDate: row.start_date,
    endDate: row.end_date ?? '',
    notes: row.notes,
    recordedBy: row.recorded_by,
    recordedByName: row.recorded_by_name ?? 'Unknown user',
    recordedAt: row.recorded_at,
    endedByName: row.ended_at === null ? null : (row.ended_by_name ?? 'Unknown user'),
    endedAt: row.ended_at,
  };
}

const SELECT = `
  SELECT d.id, d.child_id, d.kind, d.cp_category, d.start_date, d.end_date, d.notes,
    d.recorded_by, r.display_name AS recorded_by_name, d.recorded_at,
    e.display_name AS ended_by_name, d.ended_at
  FROM designations d
  LEFT JOIN users r ON r.id = d.recorded_by
  LEFT JOIN users e ON e.id = d.ended_by
`;

export function designationsRepo(db: Db) {
  const insert = db.prepare(`
    INSERT INTO designations (id, child_id, kind, cp_category, start_date, end_date, notes,
      recorded_by, recorded_at, ended_by, ended_at)
    VALUES (:id, :childId, :kind, :cpCategory, :startDate, :endDate, :notes, :recordedBy,
      :recordedAt, :endedBy, :endedAt)
  `);
  const end = db.prepare(`
    UPDATE designations SET end_date = :endDate, ended_by = :endedBy, ended_at = :endedAt
    WHERE id = :id AND end_date IS NULL
  `);
  const byId = db.prepare<[string], DesignationRow>(`${SELECT} WHERE d.id = ?`);
  // Current first, then past; newest start first within each.
  const forChild = db.prepare<[string], DesignationRow>(`
    ${SELECT} WHERE d.child_id = ?
    ORDER BY d.end_date IS NULL DESC, d.start_date DESC, d.recorded_at DESC, d.id DESC
  `);
  const sameKind = db.prepare<[string, string], DesignationRow>(
    `${SELECT} WHERE d.child_id = ? AND d.kind = ? ORDER BY d.start_date, d.id`,
  );
  const currentFor = db.prepare<
    [string],
    { id: string; child_id: string; kind: DesignationKind; cp_category: CpCategory | null }
  >(`
    SELECT id, child_id, kind, cp_category FROM designations
    WHERE end_date IS NULL AND child_id IN (SELECT value FROM json_each(?))
    ORDER BY child_id, start_date DESC, id DESC
  `);

  return {
    add(
      draft: DesignationDraft,
      meta: { id: string; childId: string; recordedBy: string; recordedAt: string },
    ): void {
      const ended = draft.endDate !== '';
      insert.run({
        id: meta.id,
        childId: meta.childId,
        kind: draft.kind,
        cpCategory: draft.cpCategory === '' ? null : draft.cpCategory,
        startDate: draft.startDate,
        endDate: ended ? draft.endDate : null,
        notes: draft.notes,
        recordedBy: meta.recordedBy,
        recordedAt: meta.recordedAt,
        endedBy: ended ? meta.recordedBy : null,
        endedAt: ended ? meta.recordedAt : null,
      });
    },
    /** Sets the end date of a current designation; false when it was not current. */
    end(change: { id: string; endDate: string; endedBy: string; endedAt: string }): boolean {
      return end.run(change).changes === 1;
    },
    get(id: string): Designation | null {
      const row = byId.get(id);
      return row ? toDesignation(row) : null;
    },
    forChild(childId: string): Designation[] {
      return forChild.all(childId).map(toDesignation);
    },
    ofKind(childId: string, kind: DesignationKind): Designation[] {
      return sameKind.all(childId, kind).map(toDesignation);
    },
    /** These children's current designations (newest first), for the register's badges. */
    currentFor(childIds: readonly string[]): Record<string, DesignationBadge[]> {
      const out: Record<string, DesignationBadge[]> = {};
      for (const row of currentFor.all(JSON.stringify(childIds))) {
        (out[row.child_id] ??= []).push({
          id: row.id,
          kind: row.kind,
          cpCategory: row.cp_category ?? '',
        });
      }
      return out;
    },
  };
}
