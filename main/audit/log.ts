import type { Db } from '../db/open';
import { chainHead, entryHash } from './chain';

import type { AuditOutcome } from '../../shared/audit/schema';

export type { AuditOutcome };

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

/**
 * Appends one audit row, chained to the one before (see chain.ts). Ids and codes only, never
 * content (security A9). The head is read from the table each time, so a rolled-back
 * transaction can never leave the writer believing in a row that does not exist.
 */
export function auditWriter(db: Db, key: Buffer): (entry: AuditEntry) => void {
  const insert = db.prepare(`
    INSERT INTO audit_log (seq, at, session_id, actor_id, role, method, record_ids, outcome,
      error_code, prev_hash, entry_hash)
    VALUES (:seq, :at, :session_id, :actor_id, :role, :method, :record_ids, :outcome,
      :error_code, :prev_hash, :entry_hash)
  `);
  const index = db.prepare('INSERT OR IGNORE INTO audit_records (record_id, seq) VALUES (?, ?)');
  return (entry) => {
    const head = chainHead(db);
    const fields = {
      seq: head.seq + 1,
      at: entry.at,
      session_id: entry.sessionId,
      actor_id: entry.actorId,
      role: entry.role,
      method: entry.method,
      record_ids: JSON.stringify(entry.recordIds),
      outcome: entry.outcome,
      error_code: entry.errorCode,
      prev_hash: head.hash,
    };
    insert.run({ ...fields, entry_hash: entryHash(key, fields) });
    for (const id of entry.recordIds) index.run(id, fields.seq);
  };
}
