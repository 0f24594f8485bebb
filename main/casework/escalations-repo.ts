import type { EscalationConcern } from '../../shared/casework/escalation';
import type { ChildRole } from '../../shared/concerns/schema';
import type { Db } from '../db/open';

type FactRow = {
  concern_id: string;
  child_id: string;
  role: ChildRole;
  occurred_at: string;
  categories: string;
};

/**
 * What the escalation prompt reads: each on-roll child's part in each concern that happened from
 * `from` to `today` (concerns_by_occurred, migration 0011, keeps this to the window's rows).
 */
export function escalationsRepo(db: Db) {
  const facts = db.prepare<{ from: string; today: string }, FactRow>(`
    SELECT c.id AS concern_id, cc.child_id, cc.role, c.occurred_at,
      (SELECT json_group_array(category_id) FROM concern_categories k WHERE k.concern_id = c.id)
        AS categories
    FROM concerns c
    JOIN concern_children cc ON cc.concern_id = c.id
    JOIN children ch ON ch.id = cc.child_id
    WHERE c.occurred_at >= :from AND substr(c.occurred_at, 1, 10) <= :today
      AND (ch.leaving_date IS NULL OR ch.leaving_date >= :today)
  `);
  return {
    concernsSince(from: string, today: string): EscalationConcern[] {
      return facts.all({ from, today }).map((r) => ({
        concernId: r.concern_id,
        childId: r.child_id,
        role: r.role,
        occurredAt: r.occurred_at,
        categories: JSON.parse(r.categories) as string[],
      }));
    },
  };
}
