import type {
  ChronologyEntry,
  ChronologyFilter,
  ChronologySource,
  NewChronologyEntry,
} from '../../shared/chronology/schema';
import type { Db } from '../db/open';
import { newId } from '../ids';

type EntryRow = {
  id: string;
  child_id: string;
  source: ChronologySource;
  source_id: string;
  concern_id: string | null;
  occurred_at: string;
  approx: number;
  recorded_at: string;
  recorded_by_name: string | null;
  role: string | null;
  title: string;
  detail: string;
  categories: string;
  significant: number;
  headline: string;
};

function toEntry(row: EntryRow): ChronologyEntry {
  return {
    id: row.id,
    childId: row.child_id,
    source: row.source,
    sourceId: row.source_id,
    concernId: row.concern_id,
    occurredAt: row.occurred_at,
    approx: row.approx === 1,
    recordedAt: row.recorded_at,
    recordedByName: row.recorded_by_name ?? 'Unknown user',
    role: row.role,
    title: row.title,
    detail: row.detail,
    categories: JSON.parse(row.categories) as string[],
    significant: row.significant === 1,
    headline: row.headline,
  };
}

const SELECT = `
  SELECT e.id, e.child_id, e.source, e.source_id, e.concern_id, e.occurred_at,
    coalesce(c.occurred_at_approx, 0) AS approx, e.recorded_at,
    u.display_name AS recorded_by_name, e.role, e.title, e.detail, e.categories,
    e.significant, e.headline
  FROM chronology_entries e LEFT JOIN users u ON u.id = e.recorded_by
    LEFT JOIN concerns c ON c.id = e.concern_id AND e.source = 'concern'
`;

/**
 * Oldest first: by when it happened, then by when it was recorded. A date without a time
 * ("2026-11-28") sorts before the times on that day, which is where a reader expects it.
 * Filters are JSON arrays so one prepared statement serves every combination.
 */
const FILTERED = `${SELECT}
  WHERE e.child_id IN (SELECT value FROM json_each(:childIds))
    AND (:from = '' OR substr(e.occurred_at, 1, 10) >= :from)
    AND (:to = '' OR substr(e.occurred_at, 1, 10) <= :to)
    AND (:significantOnly = 0 OR e.significant = 1)
    AND (json_array_length(:sources) = 0 OR e.source IN (SELECT value FROM json_each(:sources)))
    AND (json_array_length(:categories) = 0 OR EXISTS (
      SELECT 1 FROM json_each(e.categories) k WHERE k.value IN (SELECT value FROM json_each(:categories))))
  ORDER BY e.occurred_at, e.recorded_at, e.id
`;

export function chronologyRepo(db: Db) {
  const insert = db.prepare(`
    INSERT INTO chronology_entries (id, child_id, source, source_id, concern_id, occurred_at,
      recorded_at, recorded_by, role, title, detail, categories)
    VALUES (:id, :childId, :source, :sourceId, :concernId, :occurredAt, :recordedAt,
      :recordedBy, :role, :title, :detail, :categories)
  `);
  const byId = db.prepare<[string], EntryRow>(`${SELECT} WHERE e.id = ?`);
  const filtered = db.prepare<
    {
      childIds: string;
      from: string;
      to: string;
      significantOnly: number;
      sources: string;
      categories: string;
    },
    EntryRow
  >(FILTERED);
  const mark = db.prepare(
    'UPDATE chronology_entries SET significant = :significant, headline = :headline WHERE id = :id',
  );

  return {
    /** Adds entries; `now` orders their ids. */
    append(entries: readonly NewChronologyEntry[], now: Date): string[] {
      return entries.map((entry) => {
        const id = newId(now);
        insert.run({ ...entry, id, categories: JSON.stringify(entry.categories) });
        return id;
      });
    },
    get(id: string): ChronologyEntry | null {
      const row = byId.get(id);
      return row ? toEntry(row) : null;
    },
    /** The entries of one or more children (a family), filtered, oldest first. */
    forChildren(childIds: readonly string[], filter: ChronologyFilter): ChronologyEntry[] {
      return filtered
        .all({
          childIds: JSON.stringify(childIds),
          from: filter.from,
          to: filter.to,
          significantOnly: filter.significantOnly ? 1 : 0,
          sources: JSON.stringify(filter.sources),
          categories: JSON.stringify(filter.categories),
        })
        .map(toEntry);
    },
    mark(id: string, significant: boolean, headline: string): void {
      mark.run({ id, significant: significant ? 1 : 0, headline });
    },
  };
}
export type ChronologyRepo = ReturnType<typeof chronologyRepo>;
