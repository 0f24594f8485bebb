import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readKeyring, unwrapDataKey } from '../../../main/vault/keyring';
import { storePaths } from '../../../main/vault/vault';
import { readStore, tempDir, TEST_DSL, TEST_PASSPHRASE, unlockedCore } from '../../support/core';
import type { BundledChild } from '../../support/crash-harness';
import { bundleChild } from '../../support/crash-harness';
import { runAndKill } from '../../support/kill';

const KILLS = Number(process.env.REWRAP_KILLS ?? 25);
const OTHER = 'the other passphrase entirely';

describe('a passphrase change killed at any moment leaves the old or the new one working (issue 3)', () => {
  const dir = tempDir();
  let child: BundledChild;

  beforeAll(async () => {
    (await unlockedCore(dir.path)).core.close();
    child = await bundleChild('rewrap-child.ts');
  });
  afterAll(() => {
    child.remove();
    dir.remove();
  });

  it(`survives ${KILLS} SIGKILLs mid-change`, async () => {
    const outcomes = { old: 0, new: 0 };
    for (let i = 0; i < KILLS; i += 1) {
      const lines = await runAndKill(
        child.file,
        [dir.path, TEST_PASSPHRASE, OTHER],
        5 + Math.floor(Math.random() * 120),
      );
      // The keyring parses and the DSL's slot opens with one of the two passphrases, never
      // neither; if the last change had completed, with that one.
      const slot = readKeyring(storePaths(dir.path).keyring).slots.find(
        (s) => s.username === TEST_DSL.username,
      );
      expect(slot).toBeDefined();
      let opened: string | null = null;
      for (const candidate of [TEST_PASSPHRASE, OTHER]) {
        try {
          (await unwrapDataKey(slot!, candidate)).fill(0);
          opened = candidate;
          break;
        } catch {
          // not this one
        }
      }
      expect(opened, `kill ${i}: lines ${lines.join(' | ')}`).not.toBeNull();
      const last = lines.at(-1) ?? '';
      if (last.startsWith('done ')) expect(opened).toBe(last.slice(5));
      if (last.startsWith('start ') && opened === last.slice(6)) outcomes.new += 1;
      else outcomes.old += 1;
      // And the database still opens with the key that slot holds.
      expect(
        await readStore(dir.path, (db) => db.pragma('quick_check', { simple: true }), opened!),
      ).toBe('ok');
    }
    expect(outcomes.old + outcomes.new).toBe(KILLS);
  });
});
