/**
 * What the crash tests (test/main/crash/*) share: the writer child bundled once, and the checks
 * a store must pass after the writer was killed or refused space.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';

import { build } from 'esbuild';

import { readAuditKey, verifyChain } from '../../main/audit/chain';
import { readKeyring } from '../../main/vault/keyring';
import { storePaths } from '../../main/vault/vault';
import { addTwoChildren, readStore, unlockedCore } from './core';

/** Document libraries the writer never reaches: each costs start-up time in every run. */
const UNUSED_ON_THE_WRITE_PATH =
  /^(pdf-lib|@pdf-lib\/fontkit|pdfmake|docx|docxtemplater|pizzip)(\/.*)?$/;

/** A bundled child script: run it with `process.execPath file …`; remove it when done. */
export type BundledChild = { file: string; remove(): void };

/**
 * A child script of the crash tests (test/support/crash-writer.ts, rewrap-child.ts,
 * rotate-child.ts) bundled to one .mjs (its packages left as imports), inside
 * node_modules/.cache so those imports resolve. The document libraries, which only exports and
 * forms load, become empty modules: with them `node file` starts in about 600 ms on a 2-core
 * machine, without them in about 250 ms (tsx: over a second). The write path is unchanged; a
 * call that reached them would fail, not pass.
 */
export async function bundleChild(script: string): Promise<BundledChild> {
  const cache = join('node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'lantern-crash-'));
  const file = join(dir, `${basename(script, '.ts')}.mjs`);
  await build({
    entryPoints: [join('test', 'support', script)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: file,
    logLevel: 'warning',
    plugins: [
      {
        name: 'unused-document-libraries',
        setup(bundle) {
          bundle.onResolve({ filter: UNUSED_ON_THE_WRITE_PATH }, (args) => ({
            path: args.path,
            namespace: 'unused',
          }));
          bundle.onLoad({ filter: /.*/, namespace: 'unused' }, () => ({
            contents: 'module.exports = {};',
            loader: 'js',
          }));
        },
      },
    ],
  });
  return {
    file,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new school with two children on the register: the writer's starting point. */
export async function seedSchool(dataDir: string): Promise<[string, string]> {
  const { core, session } = await unlockedCore(dataDir);
  const [a, b] = await addTwoChildren(core, session);
  core.close();
  return [a.id, b.id];
}

/** What the writer acknowledged, by kind, from its output. */
export type Acknowledged = { concerns: string[]; children: string[] };

export function acknowledged(lines: readonly string[], into: Acknowledged): Acknowledged {
  for (const line of lines) {
    if (line.startsWith('concern ')) into.concerns.push(line.slice(8));
    if (line.startsWith('child ')) into.children.push(line.slice(6));
  }
  return into;
}

export type StoreCheck = {
  integrity: unknown;
  foreignKeyProblems: unknown[];
  missingConcerns: string[];
  missingChildren: string[];
  /** Concerns without all of their children, categories, flags, chronology entries and audit row. */
  halfConcerns: string[];
  /** Children without the audit row of their addition. */
  unauditedChildren: string[];
  /** Audit rows of a successful write whose record is not there. */
  orphanAudits: number[];
  chain: { ok: boolean; rows: number; problems: unknown[] };
  concerns: number;
  children: number;
};

/**
 * Reopens the store with the DSL's key (as an investigator would, not through the writer) and
 * checks it whole: integrity, foreign keys, every acknowledged record present, no transaction
 * applied in part, and the audit chain intact up to the checkpoint in the keyring.
 */
export function checkStore(dataDir: string, ack: Acknowledged): Promise<StoreCheck> {
  const checkpoint = readKeyring(storePaths(dataDir).keyring).auditCheckpoint;
  return readStore(dataDir, (db) => {
    const ids = (sql: string): string[] => db.prepare(sql).pluck().all() as string[];
    const concernIds = new Set(ids('SELECT id FROM concerns'));
    const childIds = new Set(ids('SELECT id FROM children'));
    const audited = (method: string) => `
      (SELECT count(*) FROM audit_records r JOIN audit_log a ON a.seq = r.seq
        WHERE r.record_id = x.id AND a.method = '${method}' AND a.outcome = 'ok')`;
    const chain = verifyChain(db, readAuditKey(db), checkpoint);
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      foreignKeyProblems: db.pragma('foreign_key_check') as unknown[],
      missingConcerns: ack.concerns.filter((id) => !concernIds.has(id)),
      missingChildren: ack.children.filter((id) => !childIds.has(id)),
      halfConcerns: ids(`
        SELECT x.id FROM concerns x WHERE
          (SELECT count(*) FROM concern_children c WHERE c.concern_id = x.id) <> 2
          OR (SELECT count(*) FROM concern_categories c WHERE c.concern_id = x.id) <> 2
          OR (SELECT count(*) FROM concern_flags c WHERE c.concern_id = x.id) <> 1
          OR (SELECT count(*) FROM chronology_entries e
                WHERE e.concern_id = x.id AND e.source = 'concern') <> 2
          OR ${audited('concerns.submit')} <> 1`),
      unauditedChildren: ids(`SELECT x.id FROM children x WHERE ${audited('children.add')} <> 1`),
      orphanAudits: db
        .prepare(
          `SELECT seq FROM audit_log
            WHERE outcome = 'ok' AND (
              (method = 'concerns.submit'
                AND json_extract(record_ids, '$[0]') NOT IN (SELECT id FROM concerns))
              OR (method = 'children.add'
                AND json_extract(record_ids, '$[0]') NOT IN (SELECT id FROM children)))`,
        )
        .pluck()
        .all() as number[],
      chain: { ok: chain.ok, rows: chain.rows, problems: chain.problems },
      concerns: concernIds.size,
      children: childIds.size,
    };
  });
}

/** The check of a store that lost nothing and holds no half-applied write. */
export function wholeStore(check: StoreCheck): Partial<StoreCheck> {
  return {
    integrity: 'ok',
    foreignKeyProblems: [],
    missingConcerns: [],
    missingChildren: [],
    halfConcerns: [],
    unauditedChildren: [],
    orphanAudits: [],
    chain: { ok: true, rows: check.chain.rows, problems: [] },
  };
}
