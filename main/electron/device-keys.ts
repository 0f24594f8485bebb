import type { SafeStorage } from 'electron';

import type { DeviceKeyStore } from '../platform';

/**
 * safeStorage through its asynchronous API (the synchronous one goes in Electron 46). Linux's
 * `basic_text` backend encrypts with a hard-coded password, so it counts as no key store at all
 * (security E11): slots are then sealed by the passphrase alone rather than falsely "sealed".
 */
export function safeStorageKeys(
  safeStorage: Pick<
    SafeStorage,
    | 'isAsyncEncryptionAvailable'
    | 'encryptStringAsync'
    | 'decryptStringAsync'
    | 'getSelectedStorageBackend'
  >,
  platform: NodeJS.Platform,
): DeviceKeyStore {
  return {
    async backend() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return null;
      if (platform !== 'linux') return platform;
      const backend = safeStorage.getSelectedStorageBackend();
      return backend === 'basic_text' || backend === 'unknown' ? null : backend;
    },
    seal: (text) => safeStorage.encryptStringAsync(text),
    async unseal(sealed) {
      return (await safeStorage.decryptStringAsync(sealed)).result;
    },
  };
}
