import { describe, expect, it, vi } from 'vitest';

import { safeStorageKeys } from '../../../main/electron/device-keys';

function fakeSafeStorage(
  available: boolean,
  backend: 'basic_text' | 'gnome_libsecret' | 'kwallet6' | 'unknown',
) {
  return {
    isAsyncEncryptionAvailable: vi.fn(() => Promise.resolve(available)),
    encryptStringAsync: vi.fn((text: string) => Promise.resolve(Buffer.from(`sealed:${text}`))),
    decryptStringAsync: vi.fn((b: Buffer) =>
      Promise.resolve({ result: b.toString().slice(7), shouldReEncrypt: false }),
    ),
    getSelectedStorageBackend: vi.fn(() => backend),
  };
}

describe('the OS key store as a second factor (security G1, E11, K5)', () => {
  it('uses DPAPI or the Keychain when Electron says encryption is available', async () => {
    expect(await safeStorageKeys(fakeSafeStorage(true, 'unknown'), 'win32').backend()).toBe(
      'win32',
    );
    expect(await safeStorageKeys(fakeSafeStorage(true, 'unknown'), 'darwin').backend()).toBe(
      'darwin',
    );
  });

  it('names the Linux backend, and treats basic_text as no key store at all', async () => {
    expect(await safeStorageKeys(fakeSafeStorage(true, 'kwallet6'), 'linux').backend()).toBe(
      'kwallet6',
    );
    expect(
      await safeStorageKeys(fakeSafeStorage(true, 'basic_text'), 'linux').backend(),
    ).toBeNull();
    expect(
      await safeStorageKeys(fakeSafeStorage(false, 'gnome_libsecret'), 'linux').backend(),
    ).toBeNull();
  });

  it('seals and unseals through the asynchronous API', async () => {
    const storage = fakeSafeStorage(true, 'gnome_libsecret');
    const keys = safeStorageKeys(storage, 'linux');
    const sealed = await keys.seal('wrapped-key');
    expect(await keys.unseal(sealed)).toBe('wrapped-key');
    expect(storage.encryptStringAsync).toHaveBeenCalledWith('wrapped-key');
  });
});
