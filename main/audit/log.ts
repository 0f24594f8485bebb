import type { Db } from '../db/open';

export type AuditOutcome = 'ok' | 'denied' | 'invalid' | 'failed';

export type AuditEntry = {
  at: string;
  sessionId: string;
  actorId: string | null;
  role: string | null;
  method: string;
  recordIds: readonly string[];
  outcome: AuditOutcome;
  errorCode: string | null;
};

/** Appends one audit row. Ids and codes only, never content (security A9). */
export function auditWriter(db: Db): (entry: AuditEntry) => void {
  const insert = db.prepare(`
    INSERT INTO audit_log (at, session_id, actor_id, role, method, record_ids, outcome, error_code)
    VALUES (:at, :sessionId, :actorId, :role, :method, :recordIds, :outcome, :errorCode)
  `);
  return (entry) => {
    insert.run({ ...entry, recordIds: JSON.stringify(entry.recordIds) });
  };
}
