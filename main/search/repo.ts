import { displayName, rollStatus } from '../../shared/children/schema';
import type { SearchChild, SearchHit, SearchKind } from '../../shared/search/schema';
import type { Db } from '../db/open';
import { CONCERN_CHILD_ORDER } from '../concerns/repo';
import { HIT_END, HIT_START, snippetSegments } from './fts-query';

type HitRow = {
  kind: SearchKind;
  source_id: string;
  concern_id: string | null;
  child_ids: string;
  occurred_at: string | null;
  recorded_at: string;
  snippet: string;
};

type ChildRow = {
  id: string;
  legal_forename: string;
  legal_surname: string;
  preferred_forename: string;
  preferred_surname: string;
  leaving_date: string | null;
};

/** How many words of context a snippet gives around the matches (FTS5 allows up to 64). */
const SNIPPET_TOKENS = 24;

export type SearchRequest = {
  /** Built by ftsQuery: never a person's raw text. */
  match: string;
  /** Null: every concern; otherwise only the concerns this user recorded. */
  onlyConcernsOf: string | null;
  kinds: readonly SearchKind[];
  limit: number;
  offset: number;
  /** Today in London, to mark pupils who have left. */
  today: string;
};

export function searchRepo(db: Db) {
  // Best match first (bm25), then the newest. A row whose concern was recorded by someone else
  // is left out for those who may read only their own, and so is a row with no concern.
  const hits = db.prepare<
    {
      match: string;
      onlyBy: string;
      kinds: string;
      limit: number;
      offset: number;
    },
    HitRow
  >(`
    WITH top AS (
      SELECT s.rowid AS row, s.rank AS rank
      FROM search_index s
      WHERE s.search_index MATCH :match
        AND s.kind IN (SELECT value FROM json_each(:kinds))
        AND (:onlyBy = '' OR EXISTS (SELECT 1 FROM concerns c
          WHERE c.id = s.concern_id AND c.recorded_by = :onlyBy))
      ORDER BY s.rank, s.recorded_at DESC, s.source_id DESC
      LIMIT :limit OFFSET :offset
    )
    -- The snippet is made only for the page of rows chosen above: making one for every match
    -- of a common word is what a search would otherwise spend its time on.
    SELECT s.kind, s.source_id, s.concern_id, s.child_ids, s.occurred_at, s.recorded_at,
      snippet(search_index, 0, '${HIT_START}', '${HIT_END}', '…', ${SNIPPET_TOKENS}) AS snippet
    FROM top JOIN search_index s ON s.rowid = top.row
    WHERE s.search_index MATCH :match
    ORDER BY top.rank, s.recorded_at DESC, s.source_id DESC
  `);
  const children = db.prepare<{ concernId: string; childIds: string }, ChildRow>(`
    SELECT ch.id, ch.legal_forename, ch.legal_surname, ch.preferred_forename,
      ch.preferred_surname, ch.leaving_date
    FROM children ch
    LEFT JOIN concern_children cc ON cc.concern_id = :concernId AND cc.child_id = ch.id
    WHERE ch.id IN (SELECT child_id FROM concern_children WHERE concern_id = :concernId
      UNION SELECT value FROM json_each(:childIds))
    ORDER BY ${CONCERN_CHILD_ORDER}
  `);

  function childrenOf(row: HitRow, today: string): SearchChild[] {
    const childIds = JSON.stringify(row.child_ids.split(' ').filter(Boolean));
    return children.all({ concernId: row.concern_id ?? '', childIds }).map((c) => ({
      id: c.id,
      name: displayName({
        legalForename: c.legal_forename,
        legalSurname: c.legal_surname,
        preferredForename: c.preferred_forename,
        preferredSurname: c.preferred_surname,
      }),
      left: rollStatus({ leavingDate: c.leaving_date ?? '' }, today) === 'left',
    }));
  }

  return {
    /** One page of matches, and whether more follow. */
    search(request: SearchRequest): { items: SearchHit[]; more: boolean } {
      const rows = hits.all({
        match: request.match,
        onlyBy: request.onlyConcernsOf ?? '',
        kinds: JSON.stringify(request.kinds),
        limit: request.limit + 1,
        offset: request.offset,
      });
      return {
        items: rows.slice(0, request.limit).map((row) => ({
          kind: row.kind,
          sourceId: row.source_id,
          concernId: row.concern_id,
          children: childrenOf(row, request.today),
          occurredAt: row.occurred_at,
          recordedAt: row.recorded_at,
          snippet: snippetSegments(row.snippet),
        })),
        more: rows.length > request.limit,
      };
    },
  };
}
