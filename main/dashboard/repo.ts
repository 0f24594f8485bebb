import { displayName } from '../../shared/children/schema';
import type { DashboardAction, DashboardReview } from '../../shared/dashboard/schema';
import type { Db } from '../db/open';
import { CONCERN_CHILD_ORDER } from '../concerns/repo';

type ActionRow = {
  id: string;
  description: string;
  due_date: string;
  owner_name: string | null;
  concern_id: string;
  children: string;
};

type ReviewRow = {
  id: string;
  concern_id: string;
  review_date: string;
  decided_by_name: string | null;
  children: string;
};

type NameParts = Parameters<typeof displayName>[0];

/** The names of the children in concern `c`, in the concern's order, as a JSON array of NameParts. */
const CHILD_NAMES = `(SELECT json_group_array(json_object(
    'legalForename', ch.legal_forename, 'legalSurname', ch.legal_surname,
    'preferredForename', ch.preferred_forename, 'preferredSurname', ch.preferred_surname)
    ORDER BY ${CONCERN_CHILD_ORDER})
  FROM concern_children cc JOIN children ch ON ch.id = cc.child_id
  WHERE cc.concern_id = c.id)`;

function names(json: string): string[] {
  return (JSON.parse(json) as NameParts[]).map(displayName);
}

/** The queries behind the DSL's dashboard; the triage inbox supplies the rest. */
export function dashboardRepo(db: Db) {
  const actions = db.prepare<{ horizon: string }, ActionRow>(`
    SELECT a.id, a.description, a.due_date, u.display_name AS owner_name, a.concern_id,
      ${CHILD_NAMES} AS children
    FROM concern_actions a
    JOIN concerns c ON c.id = a.concern_id
    LEFT JOIN users u ON u.id = a.owner_id
    WHERE a.completed_at IS NULL AND a.due_date <= :horizon
    ORDER BY a.due_date, a.created_at, a.id
  `);
  // The latest decision on each open concern, when it is to monitor with a review by `horizon`.
  const reviews = db.prepare<{ horizon: string }, ReviewRow>(`
    SELECT d.id, d.concern_id, d.review_date, u.display_name AS decided_by_name,
      ${CHILD_NAMES} AS children
    FROM concern_state s
    JOIN concerns c ON c.id = s.concern_id
    JOIN concern_decisions d ON d.concern_id = s.concern_id
    LEFT JOIN users u ON u.id = d.decided_by
    WHERE s.closed = 0 AND d.kind = 'monitor' AND d.review_date <= :horizon
      AND d.id = (SELECT d2.id FROM concern_decisions d2 WHERE d2.concern_id = d.concern_id
        ORDER BY d2.decided_at DESC, d2.rowid DESC LIMIT 1)
    ORDER BY d.review_date, d.decided_at, d.id
  `);
  return {
    /** Open actions due on or before `horizon`, soonest (most overdue) first. */
    actionsDueBy(horizon: string): DashboardAction[] {
      return actions.all({ horizon }).map((r) => ({
        id: r.id,
        description: r.description,
        dueDate: r.due_date,
        ownerName: r.owner_name ?? 'Unknown user',
        concernId: r.concern_id,
        children: names(r.children),
      }));
    },
    reviewsDueBy(horizon: string): DashboardReview[] {
      return reviews.all({ horizon }).map((r) => ({
        decisionId: r.id,
        concernId: r.concern_id,
        reviewDate: r.review_date,
        decidedByName: r.decided_by_name ?? 'Unknown user',
        children: names(r.children),
      }));
    },
  };
}
export type DashboardRepo = ReturnType<typeof dashboardRepo>;
