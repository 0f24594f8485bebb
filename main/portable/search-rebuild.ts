import type { Db } from '../db/open';

const COLUMNS =
  'text, kind, source_id, concern_id, child_ids, recorded_by, occurred_at, recorded_at';

const encompassChildren = (notificationId: string) =>
  `(SELECT coalesce(group_concat(child_id, ' '), '') FROM encompass_children
    WHERE notification_id = ${notificationId})`;

/**
 * Refills the full-text index from the rows it indexes, exactly as the search triggers of
 * migrations 0007, 0010 and 0011 would have written it as those rows were recorded, in the
 * order they were recorded. The portable tests compare a rebuilt index with the original, so a
 * new indexed kind that is not added here fails them.
 */
export function rebuildSearchIndex(db: Db): void {
  db.exec(`
    DELETE FROM search_index;
    INSERT INTO search_index (${COLUMNS})
    SELECT ${COLUMNS} FROM (
      SELECT concat_ws(char(10), c.summary, c.child_words, c.opinion, c.actions_taken, c.location,
          c.people_told) AS text, 'concern' AS kind, c.id AS source_id, c.id AS concern_id,
        '' AS child_ids, c.recorded_by AS recorded_by, c.occurred_at AS occurred_at,
        c.recorded_at AS recorded_at, 0 AS part, c.rowid AS r
      FROM concerns c
      UNION ALL
      SELECT concat_ws(char(10), a.reason, a.text), 'addendum', a.id, a.concern_id, '',
        a.added_by, NULL, a.added_at, 1, a.rowid
      FROM concern_addenda a
      UNION ALL
      SELECT concat_ws(char(10), nullif(d.description, ''), d.rationale), 'decision', d.id,
        d.concern_id, '', d.decided_by, NULL, d.decided_at, 2, d.rowid
      FROM concern_decisions d
      UNION ALL
      SELECT x.description, 'action', x.id, x.concern_id, '', x.created_by, NULL, x.created_at,
        3, x.rowid
      FROM concern_actions x
      UNION ALL
      SELECT x.completion_note, 'action_done', x.id, x.concern_id, '', x.completed_by, NULL,
        x.completed_at, 4, x.rowid
      FROM concern_actions x WHERE x.completed_at IS NOT NULL
      UNION ALL
      SELECT concat_ws(char(10), n.summary, n.support_planned,
          n.police_force || ' ' || n.police_reference), 'encompass', n.id, NULL,
        ${encompassChildren('n.id')}, n.recorded_by, n.incident_at, n.recorded_at, 5, n.rowid
      FROM encompass_notifications n
      UNION ALL
      SELECT concat_ws(char(10), e.reason, e.text), 'encompass', e.notification_id, NULL,
        ${encompassChildren('e.notification_id')}, e.added_by, NULL, e.added_at, 6, e.rowid
      FROM encompass_addenda e
    )
    ORDER BY recorded_at, part, r;
  `);
}
