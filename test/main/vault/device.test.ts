import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { cpSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import { createApp } from '../../../main/app';
import { silentLogger } from '../../../main/log';
import type { DeviceKeyStore } from '../../../main/platform';
import { readKeyring } from '../../../main/vault/keyring';
import { storePaths } from '../../../main/vault/vault';
import type { SessionStatus } from '../../../shared/api';
import {
  must,
  sampleSchool,
  tempDir,
  TEST_DSL,
  TEST_KDF,
  TEST_PASSPHRASE,
} from '../../support/core';

/** A stand-in for one computer's OS key store: its own secret, never leaving the machine. */
function computer(backend: string | null): DeviceKeyStore {
  const secret = randomBytes(32);
  return {
    backend: () => Promise.resolve(backend),
    seal(text) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Promise.resolve(Buffer.concat([iv, c.getAuthTag(), body]));
    },
    unseal(sealed) {
      const d = createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Promise.resolve(
        Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8'),
      );
    },
  };
}

const dsl = { ...TEST_DSL, passphrase: TEST_PASSPHRASE, confirmation: TEST_PASSPHRASE };

async function setUpOn(dataDir: string, deviceKeys: DeviceKeyStore): Promise<string> {
  const core = createApp({ dataDir, kdf: TEST_KDF, logger: silentLogger(), deviceKeys });
  const created = await must<{ recoveryKey: string }>(
    core.invoke(core.createSession(), 'setup.create', { school: sampleSchool, dsl }),
  );
  core.close();
  return created.recoveryKey;
}

describe('passphrase plus this computer (security G1)', () => {
  const dirs: ReturnType<typeof tempDir>[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) d.remove();
  });
  const fresh = () => {
    const d = tempDir();
    dirs.push(d);
    return d.path;
  };

  it('seals each person’s slot to the computer’s key store, never the recovery slot', async () => {
    const dataDir = fresh();
    await setUpOn(dataDir, computer('win32'));
    const slots = readKeyring(storePaths(dataDir).keyring).slots;
    expect(slots.find((s) => s.kind === 'user')?.device).toEqual({ backend: 'win32' });
    expect(slots.find((s) => s.kind === 'recovery')?.device).toBeUndefined();
  });

  it('the passphrase alone opens nothing on another computer; the recovery key still does', async () => {
    const original = fresh();
    const recoveryKey = await setUpOn(original, computer('win32'));
    const copy = fresh();
    cpSync(original, copy, { recursive: true });
    const elsewhere = createApp({
      dataDir: copy,
      kdf: TEST_KDF,
      logger: silentLogger(),
      deviceKeys: computer('win32'),
    });
    const s = elsewhere.createSession();
    const refused = await elsewhere.invoke(s, 'auth.signIn', {
      username: TEST_DSL.username,
      passphrase: TEST_PASSPHRASE,
    });
    expect(refused.ok ? 'ok' : refused.error).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/recovery key/),
    });
    const recovered = await must<SessionStatus>(
      elsewhere.invoke(s, 'auth.recover', {
        recoveryKey,
        username: TEST_DSL.username,
        passphrase: 'new one for this laptop',
        confirmation: 'new one for this laptop',
      }),
    );
    expect(recovered.unlocked).toBe(true);
    // The new passphrase is sealed to this computer now.
    expect(
      readKeyring(storePaths(copy).keyring).slots.find((x) => x.kind === 'user')?.device,
    ).toEqual({ backend: 'win32' });
    elsewhere.close();
  });

  it('without a secure key store (Linux basic_text) the passphrase alone still opens, never blocked (K5)', async () => {
    const dataDir = fresh();
    await setUpOn(dataDir, computer(null));
    expect(
      readKeyring(storePaths(dataDir).keyring).slots.find((s) => s.kind === 'user')?.device,
    ).toBeUndefined();
    const core = createApp({
      dataDir,
      kdf: TEST_KDF,
      logger: silentLogger(),
      deviceKeys: computer(null),
    });
    const status = await must<SessionStatus>(
      core.invoke(core.createSession(), 'auth.signIn', {
        username: TEST_DSL.username,
        passphrase: TEST_PASSPHRASE,
      }),
    );
    expect(status.unlocked).toBe(true);
    core.close();
  });

  it('a key store that changed backend is refused with a clear message, and nothing is wiped', async () => {
    const dataDir = fresh();
    await setUpOn(dataDir, computer('gnome_libsecret'));
    const before = readKeyring(storePaths(dataDir).keyring);
    const core = createApp({
      dataDir,
      kdf: TEST_KDF,
      logger: silentLogger(),
      deviceKeys: computer('kwallet6'),
    });
    const r = await core.invoke(core.createSession(), 'auth.signIn', {
      username: TEST_DSL.username,
      passphrase: TEST_PASSPHRASE,
    });
    expect(r.ok ? 'ok' : r.error.code).toBe('forbidden');
    expect(readKeyring(storePaths(dataDir).keyring)).toEqual(before);
    core.close();
  });
});
