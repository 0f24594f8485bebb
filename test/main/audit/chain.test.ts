import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Checkpoint } from '../../../main/audit/chain';
import { chainHead, makeCheckpoint, verifyChain } from '../../../main/audit/chain';
import type { Store } from '../../../main/store';
import { createVault, storePaths } from '../../../main/vault/vault';
import { tempDir, TEST_KDF, TEST_PASSPHRASE } from '../../support/core';

const ROWS = 300;
const RUNS = Number(process.env.TAMPER_RUNS ?? 10_000);

type Mutation =
  | {
      kind: 'edit';
      seq: number;
      column: 'at' | 'actor_id' | 'role' | 'method' | 'record_ids' | 'outcome' | 'error_code';
    }
  | { kind: 'delete'; seq: number }
  | { kind: 'insert'; seq: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'truncate'; keep: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    seq: fc.integer({ min: 1, max: ROWS }),
    column: fc.constantFrom(
      'at',
      'actor_id',
      'role',
      'method',
      'record_ids',
      'outcome',
      'error_code',
    ),
  }),
  fc.record({ kind: fc.constant('delete' as const), seq: fc.integer({ min: 1, max: ROWS }) }),
  fc.record({ kind: fc.constant('insert' as const), seq: fc.integer({ min: 1, max: ROWS + 1 }) }),
  fc
    .tuple(fc.integer({ min: 1, max: ROWS }), fc.integer({ min: 1, max: ROWS }))
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => ({ kind: 'swap' as const, a, b })),
  fc.record({
    kind: fc.constant('truncate' as const),
    keep: fc.integer({ min: 0, max: ROWS - 1 }),
  }),
);

describe('the audit hash chain detects tampering (security A3, A4)', () => {
  const dir = tempDir();
  const vault = createVault(storePaths(dir.path), TEST_KDF);
  let store: Store;
  let checkpoint: Checkpoint;

  beforeAll(async () => {
    await vault.create(
      {
        id: '01900000-0000-7000-8000-000000000001',
        username: 'dlead',
        passphrase: TEST_PASSPHRASE,
      },
      '0'.repeat(30),
      () => undefined,
    );
    const s = vault.store();
    if (!s) throw new Error('no store');
    store = s;
    for (let i = 0; i < ROWS; i += 1) {
      store.audit({
        at: new Date(Date.UTC(2026, 10, 28, 9, 0, i)).toISOString(),
        sessionId: `s${i % 3}`,
        actorId: i % 4 === 0 ? null : `u${i % 5}`,
        role: i % 4 === 0 ? null : 'dsl',
        method: i % 2 ? 'children.get' : 'children.list',
        recordIds: [`c${i}`],
        outcome: i % 7 === 0 ? 'denied' : 'ok',
        errorCode: i % 7 === 0 ? 'forbidden' : null,
      });
    }
    const head = chainHead(store.db);
    checkpoint = makeCheckpoint(store.auditKey, head.seq, head.hash);
    // A key holder can drop the guard triggers; the chain must catch what they then do.
    store.db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    store.db.pragma('foreign_keys = OFF');
  });
  afterAll(() => {
    vault.lock();
    dir.remove();
  });

  function apply(m: Mutation): void {
    const db = store.db;
    switch (m.kind) {
      case 'edit': {
        const current = db
          .prepare(`SELECT ${m.column} AS v FROM audit_log WHERE seq = ?`)
          .get(m.seq) as { v: string | null };
        const next =
          current.v === null
            ? 'x'
            : m.column === 'at'
              ? current.v.replace(/.$/, (c) => (c === '0' ? '1' : '0'))
              : `${current.v}x`;
        db.prepare(`UPDATE audit_log SET ${m.column} = ? WHERE seq = ?`).run(next, m.seq);
        return;
      }
      case 'delete':
        db.prepare('DELETE FROM audit_log WHERE seq = ?').run(m.seq);
        return;
      case 'insert': {
        // A forger without the key shifts later rows up and slots a plausible row in.
        db.prepare('UPDATE audit_log SET seq = -seq - 1 WHERE seq >= ?').run(m.seq);
        db.prepare('UPDATE audit_log SET seq = -seq WHERE seq < 0').run();
        const prev =
          (
            db.prepare('SELECT entry_hash FROM audit_log WHERE seq = ?').get(m.seq - 1) as
              { entry_hash: string } | undefined
          )?.entry_hash ?? '0'.repeat(64);
        db.prepare(
          `INSERT INTO audit_log VALUES (?, '2026-11-28T09:30:00.000Z', 's0', 'u1', 'dsl', 'children.get', '["c999"]', 'ok', NULL, ?, ?)`,
        ).run(m.seq, prev, 'f'.repeat(64));
        return;
      }
      case 'swap': {
        const cols =
          'at, session_id, actor_id, role, method, record_ids, outcome, error_code, prev_hash, entry_hash';
        const a = db.prepare(`SELECT ${cols} FROM audit_log WHERE seq = ?`).get(m.a) as Record<
          string,
          unknown
        >;
        const b = db.prepare(`SELECT ${cols} FROM audit_log WHERE seq = ?`).get(m.b) as Record<
          string,
          unknown
        >;
        const set = db.prepare(
          `UPDATE audit_log SET at = :at, session_id = :session_id, actor_id = :actor_id, role = :role, method = :method,
             record_ids = :record_ids, outcome = :outcome, error_code = :error_code, prev_hash = :prev_hash,
             entry_hash = :entry_hash WHERE seq = :seq`,
        );
        set.run({ ...b, seq: m.a });
        set.run({ ...a, seq: m.b });
        return;
      }
      case 'truncate':
        db.prepare('DELETE FROM audit_log WHERE seq > ?').run(m.keep);
        return;
    }
  }

  it('the untouched chain verifies, with and without the checkpoint', () => {
    expect(verifyChain(store.db, store.auditKey, checkpoint)).toMatchObject({
      ok: true,
      rows: ROWS,
      lastSeq: ROWS,
    });
    expect(verifyChain(store.db, store.auditKey, null).ok).toBe(true);
  });

  it(`catches every edit, delete, insert, reorder and truncation (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(mutation, (m) => {
        store.db.exec('SAVEPOINT tamper');
        try {
          apply(m);
          const report = verifyChain(store.db, store.auditKey, checkpoint);
          expect(report.ok, JSON.stringify(m)).toBe(false);
        } finally {
          store.db.exec('ROLLBACK TO tamper; RELEASE tamper;');
        }
      }),
      { numRuns: RUNS, seed: 175 },
    );
    expect(verifyChain(store.db, store.auditKey, checkpoint).ok).toBe(true);
  });

  it('detects a forged checkpoint and a chain verified with the wrong key', () => {
    const forged = { ...checkpoint, seq: checkpoint.seq - 1 };
    expect(verifyChain(store.db, store.auditKey, forged).problems).toContainEqual({
      kind: 'checkpoint_forged',
    });
    expect(verifyChain(store.db, Buffer.alloc(32, 7), null).ok).toBe(false);
  });
});
