import type { Migration } from '.';

/**
 * The text of a concern as one searchable document: every narrative field, so that a search for
 * two words finds a concern with one word in the facts and the other in the child's words.
 * `row` is NEW in a trigger, or a table alias in the backfill.
 */
function concernText(row: string): string {
  return `concat_ws(char(10), ${row}.summary, ${row}.child_words, ${row}.opinion,
    ${row}.actions_taken, ${row}.location, ${row}.people_told)`;
}

function addendumText(row: string): string {
  return `concat_ws(char(10), ${row}.reason, ${row}.text)`;
}

const COLUMNS =
  'text, kind, source_id, concern_id, child_ids, recorded_by, occurred_at, recorded_at';

/**
 * Full-text search (issue 4, part 5): one FTS5 table for every kind of text a safeguarding
 * search should find, kept current by triggers on the tables it indexes.
 *
 * Columns (all but `text` are UNINDEXED: stored with the row, never matched):
 * - text: what is searched, shown in snippets. `unicode61 remove_diacritics 2` folds case and
 *   accents ("Zoë" matches "zoe"); the prefix indexes make "bruis*" quick.
 * - kind: 'concern', 'addendum', and for casework 'decision', 'action', 'encompass'. The kinds a
 *   role may see are listed in shared/search/schema.ts (anything else is casework.manage only).
 * - source_id: the id of the indexed row in its own table.
 * - concern_id: the concern the row belongs to, or NULL. Who may see a row follows its concern
 *   (without concerns.read, only the concerns one recorded); its children are the concern's
 *   (concern_children is read at search time, because a concern's children are inserted after
 *   the concern itself).
 * - child_ids: space-separated ids of children a row is about beyond its concern's, such as an
 *   Operation Encompass notification, which has no concern. '' when there are none.
 * - recorded_by: the user who wrote the text. occurred_at: when it happened, as recorded
 *   (YYYY-MM-DD or YYYY-MM-DDTHH:MM, London), or NULL. recorded_at: the instant it was written.
 *
 * Recipe for indexing another table (the triage migration does this for decision rationales,
 * action notes and Operation Encompass notes), in that table's own migration:
 *
 *   CREATE TRIGGER concern_decisions_search AFTER INSERT ON concern_decisions BEGIN
 *     INSERT INTO search_index (text, kind, source_id, concern_id, child_ids, recorded_by,
 *       occurred_at, recorded_at)
 *     VALUES (NEW.rationale, 'decision', NEW.id, NEW.concern_id, '', NEW.decided_by, NULL,
 *       NEW.decided_at);
 *   END;
 *
 * plus, when the table already has rows, the same INSERT as `INSERT INTO search_index (...)
 * SELECT ... FROM concern_decisions`. Join several text fields with concat_ws(char(10), ...).
 * A row about children but no concern puts their ids in child_ids, space-separated; if those
 * links live in another table and are written after the row, index from a trigger on the last
 * table written, or build child_ids with (SELECT group_concat(child_id, ' ') FROM ...). A table
 * whose rows can change also needs AFTER UPDATE and AFTER DELETE triggers that run
 * `DELETE FROM search_index WHERE kind = '<kind>' AND source_id = OLD.id` (then re-insert on
 * update). Add a new kind to shared/search/schema.ts. Key rotation copies this table as it is
 * (main/db/copy.ts), so nothing else is needed.
 */
export const m0007Search: Migration = {
  name: '0007-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search_index USING fts5(
        text,
        kind UNINDEXED,
        source_id UNINDEXED,
        concern_id UNINDEXED,
        child_ids UNINDEXED,
        recorded_by UNINDEXED,
        occurred_at UNINDEXED,
        recorded_at UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );

      -- Concerns and their addenda are never updated or deleted (0004), so inserts are enough.
      CREATE TRIGGER concerns_search AFTER INSERT ON concerns BEGIN
        INSERT INTO search_index (${COLUMNS})
        VALUES (${concernText('NEW')}, 'concern', NEW.id, NEW.id, '', NEW.recorded_by,
          NEW.occurred_at, NEW.recorded_at);
      END;
      CREATE TRIGGER concern_addenda_search AFTER INSERT ON concern_addenda BEGIN
        INSERT INTO search_index (${COLUMNS})
        VALUES (${addendumText('NEW')}, 'addendum', NEW.id, NEW.concern_id, '', NEW.added_by,
          NULL, NEW.added_at);
      END;

      INSERT INTO search_index (${COLUMNS})
        SELECT ${concernText('c')}, 'concern', c.id, c.id, '', c.recorded_by, c.occurred_at,
          c.recorded_at
        FROM concerns c ORDER BY c.rowid;
      INSERT INTO search_index (${COLUMNS})
        SELECT ${addendumText('a')}, 'addendum', a.id, a.concern_id, '', a.added_by, NULL,
          a.added_at
        FROM concern_addenda a ORDER BY a.rowid;
    `);
  },
};
