/**
 * Crash safety under SIGKILL (security R2).
 *
 * A child process (test/support/crash-writer.ts, bundled once) opens the real encrypted store,
 * signs in through the real core and writes for ever through `invoke`: concerns (the concern,
 * its two children, categories, flags, chronology entries and the audit row, one transaction)
 * and every fourth write a child on the register. It prints a record's id only after `invoke`
 * answered ok. This test SIGKILLs it at a random moment: three kills in four 0–WRITE_WINDOW_MS
 * after it signed in (mid-write), one in four 0–START_WINDOW_MS after it was started (during
 * start-up, opening and WAL recovery, sign-in and its audit row, or the first writes). After
 * every kill it reopens the store with the DSL's key and proves:
 *   - `PRAGMA integrity_check` is ok and `foreign_key_check` finds nothing;
 *   - every acknowledged concern and child is there (0 acknowledged-but-missing);
 *   - no transaction applied in part: every concern has both children, both categories, its
 *     flags, a chronology entry per child and exactly one audit row; every child its audit row;
 *     every successful write's audit row its record;
 *   - the audit chain verifies against the checkpoint in the keyring (written after commits,
 *     so the kill also lands in keyring writes).
 * The checks read through a read-only connection, which never checkpoints, so the next run
 * continues in the same data directory and recovers what earlier kills left in the WAL.
 * KILLS (env CRASH_KILLS, default 200) kills per run: about 100 s on the 2-core development
 * machine (per kill about 290 ms for the writer's start-up and writes, 210 ms for the checks,
 * which grow with the store).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Acknowledged, BundledChild } from '../../support/crash-harness';
import {
  acknowledged,
  bundleChild,
  checkStore,
  seedSchool,
  wholeStore,
} from '../../support/crash-harness';
import { tempDir } from '../../support/core';
import type { Kill } from '../../support/kill';
import { killed, runChild } from '../../support/kill';

const KILLS = Number(process.env.CRASH_KILLS ?? 200);
const WRITE_WINDOW_MS = 50;
const START_WINDOW_MS = 500;

function randomKill(i: number): Kill {
  return i % 4 === 3
    ? { ms: Math.floor(Math.random() * START_WINDOW_MS), from: 'start' }
    : { ms: Math.floor(Math.random() * WRITE_WINDOW_MS), from: 'first line' };
}

describe('SIGKILL at any moment loses no acknowledged write and leaves no half-applied one (R2)', () => {
  const dir = tempDir('lantern-crash-');
  let writer: BundledChild;
  let children: [string, string];

  beforeAll(async () => {
    writer = await bundleChild('crash-writer.ts');
    children = await seedSchool(dir.path);
  });
  afterAll(() => {
    writer.remove();
    dir.remove();
  });

  it(`survives ${KILLS} SIGKILLs mid-write`, { timeout: 30_000 + KILLS * 1_500 }, async () => {
    const ack: Acknowledged = { concerns: [], children: [...children] };
    const started = performance.now();
    let childMs = 0;
    let checkMs = 0;
    let killedBeforeAnyWrite = 0;
    for (let i = 0; i < KILLS; i += 1) {
      const t = performance.now();
      const kill = randomKill(i);
      const lines = killed(
        await runChild(process.execPath, [writer.file, dir.path, ...children, '0'], kill),
      );
      childMs += performance.now() - t;
      const context = `kill ${i} (${kill.ms} ms after ${kill.from}): ${lines.join(' | ')}`;
      // Signed in first, then nothing but acknowledgements: no write was refused.
      expect(lines.slice(0, 1), context).toEqual(lines.length > 0 ? ['ready'] : []);
      expect(
        lines.slice(1).filter((l) => !/^(concern|child) /.test(l)),
        context,
      ).toEqual([]);
      if (lines.length <= 1) killedBeforeAnyWrite += 1;
      acknowledged(lines, ack);
      const checking = performance.now();
      const check = await checkStore(dir.path, ack);
      checkMs += performance.now() - checking;
      expect(check, context).toMatchObject(wholeStore(check));
    }
    const final = await checkStore(dir.path, ack);
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `${KILLS} SIGKILLs in ${seconds.toFixed(1)} s (${((seconds * 1000) / KILLS).toFixed(0)} ms a kill, ` +
        `${(childMs / KILLS).toFixed(0)} ms the writer, ${(checkMs / KILLS).toFixed(0)} ms the checks); ` +
        `${ack.concerns.length} concerns and ` +
        `${ack.children.length - 2} children acknowledged, ${killedBeforeAnyWrite} kills before ` +
        `any write; store holds ${final.concerns} concerns (${final.concerns - ack.concerns.length} ` +
        `committed but killed before acknowledging), ${final.chain.rows} audit rows`,
    );
    // The kills landed mid-stream, among acknowledged writes, not all before the first.
    expect(ack.concerns.length).toBeGreaterThan(KILLS / 2);
  });
});
