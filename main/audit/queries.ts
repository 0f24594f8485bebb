import type { AuditFilter } from '../../shared/api';
import type { AuditOutcome, AuditRow, ChildViewer } from '../../shared/audit/schema';
import { CHILD_VIEW_METHODS } from '../../shared/audit/schema';
import type { Role } from '../../shared/auth/roles';
import type { Db } from '../db/open';

type Row = {
  seq: number;
  at: string;
  actor_id: string | null;
  display_name: string | null;
  role: string | null;
  method: string;
  record_ids: string;
  outcome: string;
  error_code: string | null;
};

/** London calendar dates bound the filter; rows are stored in UTC, so widen by a day and trim. */
const WHERE = `
  WHERE (:userId = '' OR a.actor_id = :userId)
    AND (:childId = '' OR a.seq IN (SELECT seq FROM audit_records WHERE record_id = :childId))
    AND (:method = '' OR a.method LIKE '%' || :method || '%' ESCAPE '\\')
    AND (:from = '' OR a.at >= :fromInstant)
    AND (:to = '' OR a.at < :toInstant)
`;

function toRow(r: Row): AuditRow {
  return {
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.display_name,
    role: r.role as Role | null,
    method: r.method,
    recordIds: JSON.parse(r.record_ids) as string[],
    outcome: r.outcome as AuditOutcome,
    errorCode: r.error_code,
  };
}

export type AuditQueryFilter = Omit<AuditFilter, 'limit' | 'offset'>;

export function auditQueries(db: Db) {
  const list = db.prepare(`
    SELECT a.seq, a.at, a.actor_id, u.display_name, a.role, a.method, a.record_ids, a.outcome, a.error_code
    FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
    ${WHERE} ORDER BY a.seq DESC LIMIT :limit OFFSET :offset
  `);
  const count = db.prepare(`SELECT count(*) AS n FROM audit_log a ${WHERE}`);
  const viewers = db.prepare(`
    SELECT a.actor_id AS userId, u.display_name AS displayName, u.role AS role, count(*) AS views,
      min(a.at) AS firstViewedAt, max(a.at) AS lastViewedAt
    FROM audit_records r JOIN audit_log a ON a.seq = r.seq JOIN users u ON u.id = a.actor_id
    WHERE r.record_id = ? AND a.outcome = 'ok'
      AND a.method IN (${CHILD_VIEW_METHODS.map(() => '?').join(', ')})
    GROUP BY a.actor_id ORDER BY max(a.seq) DESC
  `);

  function params(filter: AuditQueryFilter) {
    return {
      userId: filter.userId,
      childId: filter.childId,
      method: filter.method.replace(/[\\%_]/g, (c) => `\\${c}`),
      from: filter.from,
      to: filter.to,
      fromInstant: filter.from === '' ? '' : londonMidnightUtc(filter.from),
      toInstant: filter.to === '' ? '' : londonMidnightUtc(nextDay(filter.to)),
    };
  }

  return {
    list(filter: AuditFilter): { items: AuditRow[]; total: number } {
      const p = params(filter);
      const items = (list.all({ ...p, limit: filter.limit, offset: filter.offset }) as Row[]).map(
        toRow,
      );
      return { items, total: (count.get(p) as { n: number }).n };
    },
    /** Every matching row, newest first, for export. */
    *iterate(filter: AuditQueryFilter): Generator<AuditRow> {
      for (const r of list.iterate({ ...params(filter), limit: -1, offset: 0 }))
        yield toRow(r as Row);
    },
    viewers(childId: string): ChildViewer[] {
      return viewers.all(childId, ...CHILD_VIEW_METHODS) as ChildViewer[];
    },
  };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The UTC instant of midnight in London at the start of this date (BST or GMT). */
export function londonMidnightUtc(date: string): string {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  const londonHour = Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: '2-digit',
      hour12: false,
    }).format(utcMidnight),
  );
  // At UTC midnight London shows 00 (GMT) or 01 (BST); midnight London is that many hours earlier.
  return new Date(utcMidnight.getTime() - (londonHour % 24) * 3_600_000).toISOString();
}
