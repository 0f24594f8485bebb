import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { methodNames, methods } from '../../shared/api';
import { routerFixture } from '../support/router-fixture';
import { validInputs } from '../support/samples';

/** Runs per method in `npm test` (security F2 asks 10,000 in CI: raise FUZZ_RUNS there). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

const dangerousKeys = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
);

/** Values that look like the real thing: right shape, wrong content. */
function nearValid(base: unknown): fc.Arbitrary<unknown> {
  if (base === null || typeof base !== 'object') return fc.anything();
  const entries = Object.entries(base);
  return fc.oneof(
    // One field replaced by anything.
    fc
      .tuple(fc.constantFrom(...(entries.length ? entries.map(([k]) => k) : ['x'])), fc.anything())
      .map(([k, v]) => ({
        ...base,
        [k]: v,
      })),
    // An extra key, sometimes a dangerous one.
    fc.tuple(fc.oneof(dangerousKeys, fc.string()), fc.anything()).map(([k, v]) => {
      const copy: Record<string, unknown> = { ...base };
      Object.defineProperty(copy, k, {
        value: v,
        enumerable: true,
        configurable: true,
        writable: true,
      });
      return copy;
    }),
    // A field removed.
    fc.constantFrom(...(entries.length ? entries.map(([k]) => k) : ['x'])).map((k) => {
      const copy: Record<string, unknown> = { ...base };
      Reflect.deleteProperty(copy, k);
      return copy;
    }),
    // Strings stretched past their bounds or filled with control characters.
    fc
      .tuple(
        fc.constantFrom(...(entries.length ? entries.map(([k]) => k) : ['x'])),
        fc.string({ unit: 'binary', maxLength: 400 }),
      )
      .map(([k, v]) => ({ ...base, [k]: v.repeat(3) })),
  );
}

describe('fuzzing every method (security F2)', () => {
  // A fresh store for each method: every call adds an audit row, and a valid audit.verify reads
  // the whole log, so one store for every method makes the run quadratic in the number of calls.
  let fx: ReturnType<typeof routerFixture>;
  beforeEach(async () => {
    fx = routerFixture();
    await fx.setUp();
  });
  afterEach(() => {
    fx.close();
  });

  /** Everything but the audit log (which records each refused call by design). */
  const SNAPSHOT_TABLES = [
    'school',
    'children',
    'users',
    'settings',
    'security_alerts',
    'import_mappings',
    'concerns',
    'concern_children',
    'concern_categories',
    'concern_flags',
    'concern_addenda',
    'concern_body_marks',
    'concern_drafts',
    'concern_attachments',
    'search_index',
    'designations',
    'families',
    'family_children',
    'family_adults',
    'key_contacts',
    'chronology_entries',
    'encompass_notifications',
    'encompass_children',
    'encompass_addenda',
    'concern_levels',
    'concern_decisions',
    'concern_actions',
    'concern_closures',
    'concern_reopenings',
    'concern_state',
    'curated_chronologies',
    'curated_chronology_entries',
    'duties',
    'duty_events',
    'duty_settings_versions',
    'school_terms',
    'inset_days',
    'bank_holiday_overrides',
    'transfer_signing_key',
    'transfers_out',
    'transfers_in',
    'transfer_receipts',
    'exports_log',
    'form_templates',
    'sar_requests',
    'sar_events',
    'sar_redactions',
    'sar_redaction_removals',
    'sar_exemptions',
    'sar_completions',
    'legal_holds',
    'retention_settings_versions',
    'destruction_records',
    'destruction_in_progress',
    'people',
    'training_records',
    'training_withdrawals',
    'kcsie_attestations',
    'training_intervals',
    'policies',
    'policy_reviews',
    'filtering_reviews',
    'audit_question_sets',
    'audit_years',
    'audit_answers',
    'audit_actions',
    'audit_signoffs',
    'backup_destinations',
    'backup_schedule',
    'backup_runs',
  ];
  // Statements are prepared once per database: preparing them on every run leaves native
  // memory the garbage collector does not see, and tens of thousands of runs exhaust the machine.
  const snapshotStatements = new WeakMap<object, { all(): unknown[] }[]>();
  function snapshot(): string {
    const db = fx.vault.store()?.db;
    if (!db) throw new Error('store closed');
    let statements = snapshotStatements.get(db);
    if (!statements) {
      statements = SNAPSHOT_TABLES.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1`));
      snapshotStatements.set(db, statements);
    }
    return JSON.stringify(statements.map((s) => s.all()));
  }

  /**
   * Every row this connection has inserted, updated or deleted so far (SQLite's total_changes,
   * which counts each direct INSERT, UPDATE or DELETE in any table), less the audit log's own
   * rows. A refused call writes its audit row and nothing else, so this must not move; reading
   * it costs three statements where the full snapshot costs one per table, which kept the run
   * growing with every table added. The full snapshot is still compared every SNAPSHOT_EVERY
   * refused calls, so a change the counter could miss would still be seen.
   */
  const changeStatements = new WeakMap<object, { get(): unknown }>();
  function writesOutsideAudit(): number {
    const db = fx.vault.store()?.db;
    if (!db) throw new Error('store closed');
    let statement = changeStatements.get(db);
    if (!statement) {
      statement = db.prepare(
        'SELECT total_changes() - (SELECT count(*) FROM audit_log) - (SELECT count(*) FROM audit_records) AS n',
      );
      changeStatements.set(db, statement);
    }
    return (statement.get() as { n: number }).n;
  }
  const SNAPSHOT_EVERY = 25;

  for (const method of methodNames) {
    it(`${method}: invalid input is refused with a typed error and changes nothing`, async () => {
      const schema = methods[method].input;
      const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.anything(), nearValid(validInputs[method])), async (input) => {
          const valid = schema.safeParse(input).success;
          refused += valid ? 0 : 1;
          const full = !valid && refused % SNAPSHOT_EVERY === 1;
          const before = full ? snapshot() : '';
          const writes = writesOutsideAudit();
          const result = await fx.router.invoke(fx.session('dsl'), method, input);
          expect(typeof result.ok).toBe('boolean');
          if (!valid) {
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.error.code).toBe('invalid_input');
            expect(writesOutsideAudit()).toBe(writes);
            if (full) expect(snapshot()).toBe(before);
          }
        }),
        { numRuns: RUNS, seed: 20261128 },
      );
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
      expect(fx.vault.store()).not.toBeNull();
    });
  }

  it('refuses non-string method names and oversized payloads', async () => {
    const session = fx.session('dsl');
    await fc.assert(
      fc.asyncProperty(
        fc.anything().filter((m) => typeof m !== 'string'),
        async (m) => {
          const r = await fx.router.invoke(session, m, {});
          expect(r.ok ? 'ok' : r.error.code).toBe('unknown_method');
        },
      ),
      { numRuns: 200 },
    );
    const big = await fx.router.invoke(session, 'children.list', {
      query: 'x'.repeat(300_000),
      includeLeavers: false,
      limit: 1,
      offset: 0,
    });
    expect(big.ok ? 'ok' : big.error.code).toBe('invalid_input');
  });
});
