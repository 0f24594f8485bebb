/**
 * What the governors' statistics count (issue 7). Every query returns bare facts to count — an
 * instant, a kind, a category id — never a child, a name or any free text; the service turns
 * them into suppressed tables.
 */
import type { DecisionKind } from '../../shared/casework/schema';
import type { DutyRuleId } from '../../shared/duties/rules';
import type { Db } from '../db/open';

/** A window of instants (ISO, UTC) wide enough to hold an academic year in Europe/London. */
export type InstantRange = { from: string; to: string };

export type CategoryFact = { concernId: string; recordedAt: string; categoryId: string | null };
export type DecisionFact = { kind: DecisionKind; decidedAt: string };
export type LadoFact = { recordedAt: string; referred: boolean };
/** A discharged duty: its deadline (instant) and when it was done (London wall-clock minute). */
export type DischargeFact = { ruleId: DutyRuleId; dueAt: string; doneAt: string };

export function governanceStatsRepo(db: Db) {
  const categories = db.prepare<InstantRange, CategoryFact>(`
    SELECT c.id AS concernId, c.recorded_at AS recordedAt, cc.category_id AS categoryId
    FROM concerns c LEFT JOIN concern_categories cc ON cc.concern_id = c.id
    WHERE c.recorded_at >= :from AND c.recorded_at < :to
  `);
  const decisions = db.prepare<InstantRange, DecisionFact>(`
    SELECT kind, decided_at AS decidedAt FROM concern_decisions
    WHERE decided_at >= :from AND decided_at < :to
  `);
  const lado = db.prepare<InstantRange, { recordedAt: string; referred: number }>(`
    SELECT c.recorded_at AS recordedAt,
      EXISTS (SELECT 1 FROM concern_decisions d WHERE d.concern_id = c.id AND d.kind = 'lado')
        AS referred
    FROM concerns c LEFT JOIN concern_flags f ON f.concern_id = c.id
    WHERE c.recorded_at >= :from AND c.recorded_at < :to
      AND (f.allegation_about_adult = 1
        OR EXISTS (SELECT 1 FROM concern_decisions d WHERE d.concern_id = c.id AND d.kind = 'lado'))
  `);
  // The discharge's own time is a London wall-clock minute ("YYYY-MM-DDTHH:MM"); as text it
  // sorts by date, so a window of London dates ("2026-09-01" to "2027-09-01") is exact.
  const discharges = db.prepare<{ from: string; to: string }, DischargeFact>(`
    SELECT d.rule_id AS ruleId, d.due_at AS dueAt, e.at AS doneAt
    FROM duties d JOIN duty_events e ON e.duty_id = d.id AND e.kind = 'discharged'
    WHERE d.status = 'discharged' AND d.due_at IS NOT NULL AND e.at IS NOT NULL
      AND e.at >= :from AND e.at < :to
  `);
  const earliest = db.prepare<[], { at: string | null }>(
    'SELECT min(recorded_at) AS at FROM concerns',
  );
  return {
    concernCategories: (range: InstantRange): CategoryFact[] => categories.all(range),
    decisions: (range: InstantRange): DecisionFact[] => decisions.all(range),
    ladoConcerns: (range: InstantRange): LadoFact[] =>
      lado.all(range).map((r) => ({ recordedAt: r.recordedAt, referred: r.referred === 1 })),
    /** Discharges whose London time falls from `from` (inclusive) to `to` (exclusive). */
    discharges: (from: string, to: string): DischargeFact[] => discharges.all({ from, to }),
    /** The first concern's recording instant, or null when there is none. */
    earliestConcern: (): string | null => earliest.get()?.at ?? null,
  };
}
