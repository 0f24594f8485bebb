import { createHmac, timingSafeEqual } from 'node:crypto';

import type { Db } from '../db/open';

/**
 * The audit log is a keyed hash chain (security A3): each row's hash is
 * HMAC-SHA256(K_audit, previous hash ‖ the row's canonical form), with K_audit a random key
 * kept inside the encrypted database (so only a holder of the data key could recompute the
 * chain, and rotating the data key leaves it intact). Editing, deleting, inserting or
 * reordering a row breaks the chain. Truncation of the newest rows is caught against a
 * checkpoint kept outside the database (in the keyring, and in backups).
 */
export const GENESIS_HASH = '0'.repeat(64);

export function readAuditKey(db: Db): Buffer {
  const row = db.prepare('SELECT key FROM audit_key WHERE id = 1').get() as
    { key: Buffer } | undefined;
  if (!row) throw new Error('the audit key is missing from the database');
  return Buffer.from(row.key);
}

export type ChainRow = {
  seq: number;
  at: string;
  session_id: string;
  actor_id: string | null;
  role: string | null;
  method: string;
  record_ids: string;
  outcome: string;
  error_code: string | null;
  prev_hash: string;
  entry_hash: string;
};

export type ChainFields = Omit<ChainRow, 'entry_hash'>;

export function entryHash(key: Buffer, row: ChainFields): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.session_id,
    row.actor_id,
    row.role,
    row.method,
    row.record_ids,
    row.outcome,
    row.error_code,
  ]);
  return createHmac('sha256', key)
    .update(row.prev_hash)
    .update('\n')
    .update(canonical)
    .digest('hex');
}

export type Checkpoint = { seq: number; hash: string; mac: string };

function checkpointMac(key: Buffer, seq: number, hash: string): string {
  return createHmac('sha256', key)
    .update(`lantern/audit-checkpoint/v1\n${seq}\n${hash}`)
    .digest('hex');
}

export function makeCheckpoint(key: Buffer, seq: number, hash: string): Checkpoint {
  return { seq, hash, mac: checkpointMac(key, seq, hash) };
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export type ChainProblem =
  | { kind: 'gap'; seq: number; expected: number }
  | { kind: 'broken_link'; seq: number }
  | { kind: 'bad_hash'; seq: number }
  | { kind: 'checkpoint_forged' }
  | { kind: 'truncated'; checkpointSeq: number; lastSeq: number }
  | { kind: 'checkpoint_mismatch'; seq: number };

export type ChainReport = { ok: boolean; rows: number; lastSeq: number; problems: ChainProblem[] };

/** Walks the whole chain; reports every problem found (up to `limit`). */
export function verifyChain(
  db: Db,
  key: Buffer,
  checkpoint: Checkpoint | null,
  limit = 100,
): ChainReport {
  const problems: ChainProblem[] = [];
  const add = (p: ChainProblem) => {
    if (problems.length < limit) problems.push(p);
  };
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  let rows = 0;
  let lastSeq = 0;
  const hashAt = new Map<number, string>();
  const stmt = db.prepare('SELECT * FROM audit_log ORDER BY seq');
  for (const raw of stmt.iterate()) {
    const row = raw as ChainRow;
    rows += 1;
    if (row.seq !== expectedSeq) add({ kind: 'gap', seq: row.seq, expected: expectedSeq });
    if (row.prev_hash !== prev) add({ kind: 'broken_link', seq: row.seq });
    if (!sameHex(entryHash(key, row), row.entry_hash)) add({ kind: 'bad_hash', seq: row.seq });
    if (checkpoint && row.seq === checkpoint.seq) hashAt.set(row.seq, row.entry_hash);
    prev = row.entry_hash;
    expectedSeq = row.seq + 1;
    lastSeq = row.seq;
  }
  if (checkpoint) {
    if (!sameHex(checkpointMac(key, checkpoint.seq, checkpoint.hash), checkpoint.mac)) {
      add({ kind: 'checkpoint_forged' });
    } else if (lastSeq < checkpoint.seq) {
      add({ kind: 'truncated', checkpointSeq: checkpoint.seq, lastSeq });
    } else if (checkpoint.seq > 0 && hashAt.get(checkpoint.seq) !== checkpoint.hash) {
      add({ kind: 'checkpoint_mismatch', seq: checkpoint.seq });
    }
  }
  return { ok: problems.length === 0, rows, lastSeq, problems };
}

export function chainHead(db: Db): { seq: number; hash: string } {
  const row = db
    .prepare('SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1')
    .get() as { seq: number; entry_hash: string } | undefined;
  return row ? { seq: row.seq, hash: row.entry_hash } : { seq: 0, hash: GENESIS_HASH };
}
