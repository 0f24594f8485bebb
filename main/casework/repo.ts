import type { ConcernLevel } from '../../shared/casework/levels';
import type {
  CaseAction,
  Closure,
  Decision,
  DecisionKind,
  LevelChange,
  TriageStatus,
} from '../../shared/casework/schema';
import type { Db } from '../db/open';

const UNKNOWN = 'Unknown user';

type LevelRow = {
  id: string;
  level: ConcernLevel;
  rationale: string;
  set_by_name: string | null;
  set_at: string;
};
type DecisionRow = {
  id: string;
  kind: DecisionKind;
  description: string;
  review_date: string | null;
  rationale: string;
  decided_by_name: string | null;
  decided_at: string;
};
type ActionRow = {
  id: string;
  concern_id: string;
  description: string;
  owner_id: string;
  owner_name: string | null;
  due_date: string;
  created_by_name: string | null;
  created_at: string;
  completed_at: string | null;
  completed_by_name: string | null;
  completion_note: string | null;
};
type ClosureRow = {
  id: string;
  summary: string;
  follow_up: string;
  outcome: string;
  closed_by_name: string | null;
  closed_at: string;
  reason: string | null;
  reopened_by_name: string | null;
  reopened_at: string | null;
};
/** A concern that is not closed, with what the inbox orders and shows it by. */
type OpenRow = {
  id: string;
  level: ConcernLevel | null;
  triaged: number;
  open_actions: number;
  next_due: string | null;
  recorded_at: string;
};
type MyActionRow = {
  id: string;
  description: string;
  due_date: string;
  concern_id: string;
  concern_occurred_at: string;
};

export type NewLevel = {
  id: string;
  concernId: string;
  level: ConcernLevel;
  rationale: string;
  setBy: string;
  setAt: string;
};
export type NewDecision = {
  id: string;
  concernId: string;
  kind: DecisionKind;
  description: string;
  reviewDate: string | null;
  rationale: string;
  decidedBy: string;
  decidedAt: string;
};
export type NewAction = {
  id: string;
  concernId: string;
  description: string;
  ownerId: string;
  dueDate: string;
  createdBy: string;
  createdAt: string;
};
export type NewClosure = {
  id: string;
  concernId: string;
  summary: string;
  followUp: string;
  outcome: string;
  closedBy: string;
  closedAt: string;
};

function toAction(r: ActionRow): CaseAction {
  return {
    id: r.id,
    description: r.description,
    ownerId: r.owner_id,
    ownerName: r.owner_name ?? UNKNOWN,
    dueDate: r.due_date,
    createdByName: r.created_by_name ?? UNKNOWN,
    createdAt: r.created_at,
    completedAt: r.completed_at,
    completedByName: r.completed_at === null ? null : (r.completed_by_name ?? UNKNOWN),
    completionNote: r.completion_note,
  };
}

const CURRENT_LEVEL = `(SELECT l.level FROM concern_levels l WHERE l.concern_id = c.id
  ORDER BY l.set_at DESC, l.rowid DESC LIMIT 1)`;

const ACTION_SELECT = `
  SELECT a.id, a.concern_id, a.description, a.owner_id, o.display_name AS owner_name,
    a.due_date, cb.display_name AS created_by_name, a.created_at, a.completed_at,
    db.display_name AS completed_by_name, a.completion_note
  FROM concern_actions a
  LEFT JOIN users o ON o.id = a.owner_id
  LEFT JOIN users cb ON cb.id = a.created_by
  LEFT JOIN users db ON db.id = a.completed_by
`;

export function caseworkRepo(db: Db) {
  const insertLevel = db.prepare(`
    INSERT INTO concern_levels (id, concern_id, level, rationale, set_by, set_at)
    VALUES (:id, :concernId, :level, :rationale, :setBy, :setAt)
  `);
  const insertDecision = db.prepare(`
    INSERT INTO concern_decisions (id, concern_id, kind, description, review_date, rationale,
      decided_by, decided_at)
    VALUES (:id, :concernId, :kind, :description, :reviewDate, :rationale, :decidedBy,
      :decidedAt)
  `);
  const insertAction = db.prepare(`
    INSERT INTO concern_actions (id, concern_id, description, owner_id, due_date, created_by,
      created_at)
    VALUES (:id, :concernId, :description, :ownerId, :dueDate, :createdBy, :createdAt)
  `);
  const completeAction = db.prepare(`
    UPDATE concern_actions SET completed_at = :at, completed_by = :by, completion_note = :note
    WHERE id = :id AND completed_at IS NULL
  `);
  const insertClosure = db.prepare(`
    INSERT INTO concern_closures (id, concern_id, summary, follow_up, outcome, closed_by,
      closed_at)
    VALUES (:id, :concernId, :summary, :followUp, :outcome, :closedBy, :closedAt)
  `);
  const insertReopening = db.prepare(`
    INSERT INTO concern_reopenings (id, closure_id, reason, reopened_by, reopened_at)
    VALUES (:id, :closureId, :reason, :reopenedBy, :reopenedAt)
  `);
  const levelsOf = db.prepare<[string], LevelRow>(`
    SELECT l.id, l.level, l.rationale, u.display_name AS set_by_name, l.set_at
    FROM concern_levels l LEFT JOIN users u ON u.id = l.set_by
    WHERE l.concern_id = ? ORDER BY l.set_at, l.rowid
  `);
  const decisionsOf = db.prepare<[string], DecisionRow>(`
    SELECT d.id, d.kind, d.description, d.review_date, d.rationale,
      u.display_name AS decided_by_name, d.decided_at
    FROM concern_decisions d LEFT JOIN users u ON u.id = d.decided_by
    WHERE d.concern_id = ? ORDER BY d.decided_at, d.rowid
  `);
  const actionsOf = db.prepare<[string], ActionRow>(
    `${ACTION_SELECT} WHERE a.concern_id = ? ORDER BY a.created_at, a.rowid`,
  );
  const actionById = db.prepare<[string], ActionRow>(`${ACTION_SELECT} WHERE a.id = ?`);
  const closuresOf = db.prepare<[string], ClosureRow>(`
    SELECT cl.id, cl.summary, cl.follow_up, cl.outcome, cu.display_name AS closed_by_name,
      cl.closed_at, r.reason, ru.display_name AS reopened_by_name, r.reopened_at
    FROM concern_closures cl
    LEFT JOIN users cu ON cu.id = cl.closed_by
    LEFT JOIN concern_reopenings r ON r.closure_id = cl.id
    LEFT JOIN users ru ON ru.id = r.reopened_by
    WHERE cl.concern_id = ? ORDER BY cl.closed_at, cl.rowid
  `);
  // Awaiting triage (no level, no decision) first, then the rest; each oldest recorded first.
  const open = db.prepare<[], OpenRow>(`
    SELECT c.id, ${CURRENT_LEVEL} AS level, s.triaged,
      (SELECT count(*) FROM concern_actions a
        WHERE a.concern_id = c.id AND a.completed_at IS NULL) AS open_actions,
      (SELECT min(a.due_date) FROM concern_actions a
        WHERE a.concern_id = c.id AND a.completed_at IS NULL) AS next_due,
      c.recorded_at
    FROM concern_state s JOIN concerns c ON c.id = s.concern_id
    WHERE s.closed = 0
    ORDER BY s.triaged, c.recorded_at, c.id
  `);
  const mine = db.prepare<[string], MyActionRow>(`
    SELECT a.id, a.description, a.due_date, a.concern_id, c.occurred_at AS concern_occurred_at
    FROM concern_actions a JOIN concerns c ON c.id = a.concern_id
    WHERE a.owner_id = ? AND a.completed_at IS NULL
    ORDER BY a.due_date, a.created_at, a.id
  `);

  function levels(concernId: string): LevelChange[] {
    let previous: ConcernLevel | null = null;
    return levelsOf.all(concernId).map((r) => {
      const change: LevelChange = {
        id: r.id,
        level: r.level,
        previous,
        rationale: r.rationale,
        setByName: r.set_by_name ?? UNKNOWN,
        setAt: r.set_at,
      };
      previous = r.level;
      return change;
    });
  }

  function closures(concernId: string): Closure[] {
    return closuresOf.all(concernId).map((r) => ({
      id: r.id,
      summary: r.summary,
      followUp: r.follow_up,
      outcome: r.outcome,
      closedByName: r.closed_by_name ?? UNKNOWN,
      closedAt: r.closed_at,
      reopening:
        r.reopened_at === null
          ? null
          : {
              reason: r.reason ?? '',
              byName: r.reopened_by_name ?? UNKNOWN,
              at: r.reopened_at,
            },
    }));
  }

  return {
    addLevel(level: NewLevel): void {
      insertLevel.run(level);
    },
    addDecision(decision: NewDecision): void {
      insertDecision.run(decision);
    },
    addAction(action: NewAction): void {
      insertAction.run(action);
    },
    /** False when the action was already completed (nothing changes then). */
    completeAction(id: string, by: string, at: string, note: string): boolean {
      return completeAction.run({ id, by, at, note }).changes === 1;
    },
    addClosure(closure: NewClosure): void {
      insertClosure.run(closure);
    },
    addReopening(reopening: {
      id: string;
      closureId: string;
      reason: string;
      reopenedBy: string;
      reopenedAt: string;
    }): void {
      insertReopening.run(reopening);
    },
    levels,
    decisions(concernId: string): Decision[] {
      return decisionsOf.all(concernId).map((r) => ({
        id: r.id,
        kind: r.kind,
        description: r.description,
        reviewDate: r.review_date ?? '',
        rationale: r.rationale,
        decidedByName: r.decided_by_name ?? UNKNOWN,
        decidedAt: r.decided_at,
      }));
    },
    actions(concernId: string): CaseAction[] {
      return actionsOf.all(concernId).map(toAction);
    },
    action(id: string): (CaseAction & { concernId: string }) | null {
      const row = actionById.get(id);
      return row ? { ...toAction(row), concernId: row.concern_id } : null;
    },
    closures,
    /** new: no level and no decision yet; closed: the latest closure stands. */
    status(concernId: string): TriageStatus {
      const last = closures(concernId).at(-1);
      if (last && last.reopening === null) return 'closed';
      if (levelsOf.all(concernId).length > 0 || decisionsOf.all(concernId).length > 0)
        return 'open';
      return 'new';
    },
    /** Every concern not closed: awaiting triage first, then open; oldest recorded first. */
    openConcerns(): {
      concernId: string;
      status: 'new' | 'open';
      level: ConcernLevel | null;
      openActions: number;
      nextDue: string;
    }[] {
      return open.all().map((r) => ({
        concernId: r.id,
        status: r.triaged === 1 ? 'open' : 'new',
        level: r.level,
        openActions: r.open_actions,
        nextDue: r.next_due ?? '',
      }));
    },
    /** One person's open actions, soonest due first. */
    openActionsOf(ownerId: string): {
      id: string;
      description: string;
      dueDate: string;
      concernId: string;
      concernOccurredAt: string;
    }[] {
      return mine.all(ownerId).map((r) => ({
        id: r.id,
        description: r.description,
        dueDate: r.due_date,
        concernId: r.concern_id,
        concernOccurredAt: r.concern_occurred_at,
      }));
    },
  };
}
export type CaseworkRepo = ReturnType<typeof caseworkRepo>;
