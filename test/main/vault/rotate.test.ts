import { existsSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createVault, storePaths } from '../../../main/vault/vault';
import type { IssuedPassphrase, KeyRotation, SessionStatus } from '../../../shared/api';
import type { AuditVerification } from '../../../shared/audit/schema';
import {
  makeCore,
  must,
  readStore,
  sampleChild,
  tempDir,
  TEST_DSL,
  TEST_KDF,
  TEST_PASSPHRASE,
  unlockedCore,
} from '../../support/core';
import type { BundledChild } from '../../support/crash-harness';
import { bundleChild } from '../../support/crash-harness';
import { runAndKill } from '../../support/kill';

describe('rotating the database key', () => {
  it('re-encrypts, keeps the data and the audit chain, and re-issues every other secret', async () => {
    const dir = tempDir();
    const { core, session, recoveryKey: oldRecovery } = await unlockedCore(dir.path);
    await must(core.invoke(session, 'children.add', sampleChild()));
    const staff = await must<IssuedPassphrase>(
      core.invoke(session, 'users.add', {
        displayName: 'Sam Teacher',
        username: 'steacher',
        role: 'staff',
      }),
    );
    const wrong = await core.invoke(session, 'security.rotateKey', { passphrase: 'not mine' });
    expect(wrong.ok ? null : wrong.error.fields?.passphrase).toMatch(/not right/);
    const rotation = await must<KeyRotation>(
      core.invoke(session, 'security.rotateKey', { passphrase: TEST_PASSPHRASE }),
    );
    expect(rotation.recoveryKey).not.toBe(oldRecovery);
    expect(rotation.issued.map((i) => i.user.username)).toEqual(['steacher']);
    expect(rotation.issued[0]?.user.mustChangePassphrase).toBe(true);
    expect((await must<AuditVerification>(core.invoke(session, 'audit.verify', {}))).ok).toBe(true);
    core.close();

    const again = makeCore(dir.path);
    const s = again.createSession();
    // The staff member's old passphrase and the old recovery key no longer open anything.
    expect(
      (
        await again.invoke(s, 'auth.signIn', {
          username: 'steacher',
          passphrase: staff.oneTimePassphrase,
        })
      ).ok,
    ).toBe(false);
    const oldKeyTry = await again.invoke(s, 'auth.recover', {
      recoveryKey: oldRecovery ?? '',
      username: 'dlead',
      passphrase: 'something fresh here',
      confirmation: 'something fresh here',
    });
    expect(oldKeyTry.ok).toBe(false);
    const st = await must<SessionStatus>(
      again.invoke(s, 'auth.signIn', {
        username: 'steacher',
        passphrase: rotation.issued[0]!.oneTimePassphrase,
      }),
    );
    expect(st.mustChangePassphrase).toBe(true);
    expect(
      await readStore(dir.path, (db) => db.prepare('SELECT count(*) FROM children').pluck().get()),
    ).toBe(1);
    again.close();
    dir.remove();
  });
});

const KILLS = Number(process.env.ROTATE_KILLS ?? 25);

describe('a key rotation killed at any moment leaves a store that opens (issue 3, K4)', () => {
  const dir = tempDir();
  let child: BundledChild;
  beforeAll(async () => {
    child = await bundleChild('rotate-child.ts');
    const { core, session } = await unlockedCore(dir.path);
    for (let i = 0; i < 300; i += 1)
      await must(
        core.invoke(session, 'children.add', sampleChild({ legalForename: `Child${i}`, upn: '' })),
      );
    core.close();
  });
  afterAll(() => {
    child.remove();
    dir.remove();
  });

  it(`survives ${KILLS} SIGKILLs mid-rotation with every record intact`, async () => {
    let interrupted = 0;
    for (let i = 0; i < KILLS; i += 1) {
      const lines = await runAndKill(child.file, [dir.path], 5 + Math.floor(Math.random() * 150));
      if ((lines.at(-1) ?? '').startsWith('start')) interrupted += 1;
      // The DSL's own passphrase opens the store whether the kill came before, during or after
      // the re-encryption; a rotation left half-way is finished or undone on the way in.
      const vault = createVault(storePaths(dir.path), TEST_KDF);
      await vault.unlockUser(TEST_DSL.username, TEST_PASSPHRASE);
      const db = vault.store()!.db;
      expect(
        db.pragma('integrity_check', { simple: true }),
        `kill ${i}: ${lines.join(' | ')}`,
      ).toBe('ok');
      expect(db.prepare('SELECT count(*) FROM children').pluck().get()).toBe(300);
      vault.lock();
      // Whatever was half-done is cleared away once the store has opened.
      expect(existsSync(storePaths(dir.path).nextKeyring)).toBe(false);
      expect(existsSync(storePaths(dir.path).rotating)).toBe(false);
    }
    expect(interrupted).toBeGreaterThan(0);
  });
});
