import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { deriveAuditKey } from '../audit/chain';
import { StoreError } from '../db/errors';
import { openDatabase } from '../db/open';
import type { Store } from '../store';
import { storeFor } from '../store';
import type { KdfParams } from './keyring';
import {
  DEFAULT_KDF,
  newDataKey,
  readKeyring,
  unwrapDataKey,
  wrapDataKey,
  WrongSecretError,
  writeKeyring,
} from './keyring';

export const DATABASE_FILE = 'lantern.db';
export const KEYRING_FILE = 'keyring.json';

/** The slot id of the passphrase set at first run (per-user slots arrive with accounts). */
const PRIMARY_SLOT = 'primary';

export type StorePaths = { dataDir: string; database: string; keyring: string };

export function storePaths(dataDir: string): StorePaths {
  return { dataDir, database: join(dataDir, DATABASE_FILE), keyring: join(dataDir, KEYRING_FILE) };
}

/**
 * Owns the one open connection to the school's database and the secret that opens it.
 * The data key lives only as long as the open connection; it is zeroed once handed to SQLite.
 */
export function createVault(paths: StorePaths, kdf: KdfParams = DEFAULT_KDF) {
  let store: Store | null = null;

  function exists(): boolean {
    return existsSync(paths.database) || existsSync(paths.keyring);
  }

  function open(key: Buffer, create: boolean): void {
    try {
      const auditKey = deriveAuditKey(key);
      try {
        store = storeFor(openDatabase(paths.database, key, { create }), auditKey);
      } catch (err) {
        auditKey.fill(0);
        throw err;
      }
    } finally {
      key.fill(0);
    }
  }

  return {
    paths,
    exists,
    store: (): Store | null => store,

    /** First run: a fresh data key, the database, then the keyring that unlocks it. */
    async create(passphrase: string): Promise<void> {
      if (exists())
        throw new StoreError('missing', 'A school store already exists in this data directory.');
      mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 });
      const key = newDataKey();
      const slot = await wrapDataKey(key, PRIMARY_SLOT, passphrase, kdf);
      // Database first: a crash before the keyring is written leaves a database that
      // `exists()` reports, so set-up can never silently overwrite it.
      open(key, true);
      writeKeyring(paths.keyring, { format: 'lantern-keyring', version: 1, slots: [slot] });
    },

    /** Throws WrongSecretError when no slot opens with this passphrase. */
    async unlock(passphrase: string): Promise<void> {
      if (!existsSync(paths.keyring)) {
        throw new StoreError(
          'missing',
          'The keyring file is missing from the data directory. Restore it from a backup.',
        );
      }
      const keyring = readKeyring(paths.keyring);
      let key: Buffer | null = null;
      for (const slot of keyring.slots) {
        try {
          key = await unwrapDataKey(slot, passphrase);
          break;
        } catch (err) {
          if (!(err instanceof WrongSecretError)) throw err;
        }
      }
      if (!key) throw new WrongSecretError('No key slot opens with this passphrase.');
      if (store) {
        key.fill(0);
        return;
      }
      if (!existsSync(paths.database)) {
        key.fill(0);
        throw new StoreError(
          'missing',
          'The school database is missing from the data directory. Restore it from a backup.',
        );
      }
      open(key, false);
    },

    lock(): void {
      const open = store;
      store = null;
      open?.close();
    },
  };
}
export type Vault = ReturnType<typeof createVault>;
