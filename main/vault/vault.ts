import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import type { Checkpoint } from '../audit/chain';
import { chainHead, makeCheckpoint } from '../audit/chain';
import { StoreError } from '../db/errors';
import { copyEncrypted } from '../db/copy';
import { openDatabase } from '../db/open';
import { fsyncDirectory } from '../fs-atomic';
import type { Store } from '../store';
import { storeFor } from '../store';
import type { DeviceKeyStore } from '../platform';
import type { KdfParams, Keyring, KeySlot } from './keyring';
import {
  DeviceKeyError,
  DEFAULT_KDF,
  kdfBelowPolicy,
  newDataKey,
  readKeyring,
  spendKdfTime,
  unwrapDataKey,
  WrongSecretError,
  wrapDataKey,
  writeKeyring,
} from './keyring';

export const DATABASE_FILE = 'lantern.db';
export const KEYRING_FILE = 'keyring.json';
const RECOVERY_SLOT = 'recovery';
/** Checkpoint the audit head into the keyring after this many new rows (and on every lock). */
const CHECKPOINT_EVERY = 32;

export type StorePaths = {
  dataDir: string;
  database: string;
  keyring: string;
  /** The keyring for a new data key while a rotation is under way. */
  nextKeyring: string;
  /** The database copy under the new data key while a rotation is under way. */
  rotating: string;
  creating: string;
};

export function storePaths(dataDir: string): StorePaths {
  const database = join(dataDir, DATABASE_FILE);
  const keyring = join(dataDir, KEYRING_FILE);
  return {
    dataDir,
    database,
    keyring,
    nextKeyring: `${keyring}.next`,
    rotating: `${database}.rotating`,
    creating: `${database}.creating`,
  };
}

export type RotationSlot = { id: string; username: string; passphrase: string };

/** A database file with its companions; for leftovers of an interrupted set-up or rotation. */
function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    rmSync(`${file}${suffix}`, { force: true });
}

export type FirstUser = { id: string; username: string; passphrase: string };

/**
 * Owns the one open connection to the school's database and the keyring that opens it.
 * The data key stays in memory only while the store is open (it is needed to wrap new slots)
 * and is zeroed when the store closes.
 */
export function createVault(
  paths: StorePaths,
  kdf: KdfParams = DEFAULT_KDF,
  deviceKeys?: DeviceKeyStore,
) {
  let store: Store | null = null;

  /** Seals a person's slot to this computer when it has a secure key store. */
  async function sealed(slot: Promise<KeySlot>): Promise<KeySlot> {
    const plain = await slot;
    const backend = deviceKeys ? await deviceKeys.backend() : null;
    if (!deviceKeys || backend === null) return plain;
    const seal = await deviceKeys.seal(plain.wrap.ciphertext);
    return {
      ...plain,
      device: { backend },
      wrap: { ...plain.wrap, ciphertext: seal.toString('base64') },
    };
  }

  /** The slot as wrapped by the passphrase alone; throws DeviceKeyError on another computer. */
  async function unsealed(slot: KeySlot): Promise<KeySlot> {
    if (!slot.device) return slot;
    const backend = deviceKeys ? await deviceKeys.backend() : null;
    if (!deviceKeys || backend !== slot.device.backend) {
      throw new DeviceKeyError('This account is sealed to another computer or key store.');
    }
    try {
      const ciphertext = await deviceKeys.unseal(Buffer.from(slot.wrap.ciphertext, 'base64'));
      return { ...slot, wrap: { ...slot.wrap, ciphertext } };
    } catch (err) {
      throw new DeviceKeyError('This computer’s key store could not open the account’s key.', {
        cause: err,
      });
    }
  }

  async function unwrapUser(slot: KeySlot, secret: string): Promise<Buffer> {
    return unwrapDataKey(await unsealed(slot), secret);
  }
  let dataKey: Buffer | null = null;
  let checkpointedSeq = 0;

  function keyring(): Keyring {
    if (!existsSync(paths.keyring)) {
      throw new StoreError(
        'missing',
        'The keyring file is missing from the data directory. Restore it from a backup.',
      );
    }
    return readKeyring(paths.keyring);
  }

  function open(key: Buffer, file: string, create: boolean): Store {
    const db = openDatabase(file, key, { create });
    try {
      return storeFor(db);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  function adopt(key: Buffer): void {
    if (!existsSync(paths.database)) {
      key.fill(0);
      throw new StoreError(
        'missing',
        'The school database is missing from the data directory. Restore it from a backup.',
      );
    }
    try {
      store = open(key, paths.database, false);
    } catch (err) {
      key.fill(0);
      throw err;
    }
    dataKey = key;
    checkpointedSeq = chainHead(store.db).seq;
  }

  function currentCheckpoint(s: Store): Checkpoint {
    const head = chainHead(s.db);
    return makeCheckpoint(s.auditKey, head.seq, head.hash);
  }

  function saveKeyring(next: Keyring): void {
    writeKeyring(paths.keyring, next);
  }

  /** Records the audit head in the keyring when enough rows have been added (or `force`). */
  function maybeCheckpoint(force = false): void {
    if (!store) return;
    const cp = currentCheckpoint(store);
    if (cp.seq === checkpointedSeq || (!force && cp.seq - checkpointedSeq < CHECKPOINT_EVERY))
      return;
    saveKeyring({ ...keyring(), auditCheckpoint: cp });
    checkpointedSeq = cp.seq;
  }

  /**
   * Opens the store with a key from the keyring, finishing a rotation that a crash interrupted.
   * The old key is always tried first: if the re-encryption never committed, SQLite rolls its
   * journal back with that key and the half-written new keyring is dropped. Only when the old
   * key no longer opens the database (the re-encryption committed) is the same secret tried
   * against the new keyring, which then replaces the old.
   */
  async function adoptChecked(
    key: Buffer,
    findNext: (next: Keyring) => KeySlot | undefined,
    secret: string,
  ): Promise<void> {
    if (!existsSync(paths.nextKeyring)) {
      adopt(key);
      return;
    }
    try {
      adopt(key);
      rmSync(paths.nextKeyring, { force: true });
      removeDatabaseFiles(paths.rotating);
      fsyncDirectory(paths.dataDir);
      return;
    } catch (err) {
      if (!(err instanceof StoreError && err.kind === 'wrong_key')) throw err;
    }
    const nextSlot = findNext(readKeyring(paths.nextKeyring));
    if (!nextSlot) {
      throw new StoreError(
        'wrong_key',
        'A change of encryption key was interrupted. Sign in as the DSL who started it, or use the new recovery key, to finish it.',
      );
    }
    adopt(
      await (nextSlot.kind === 'user'
        ? unwrapUser(nextSlot, secret)
        : unwrapDataKey(nextSlot, secret)),
    );
    renameSync(paths.nextKeyring, paths.keyring);
    fsyncDirectory(paths.dataDir);
  }

  function requireOpen(): { store: Store; key: Buffer } {
    if (!store || !dataKey) throw new StoreError('missing', 'Lantern is locked.');
    return { store, key: dataKey };
  }

  return {
    paths,
    kdf,
    /** The store exists once its database file does: set-up renames it into place last. */
    exists: (): boolean => existsSync(paths.database),
    store: (): Store | null => store,
    isOpen: (): boolean => store !== null,

    /**
     * First run. The database is built under a temporary name, `initialise` fills it in one
     * transaction, the keyring is written, and only then is the database renamed into place:
     * a crash at any point leaves either no store or a complete one.
     */
    async create(
      first: FirstUser,
      recoveryKey: string,
      initialise: (s: Store) => void,
    ): Promise<void> {
      if (existsSync(paths.database))
        throw new StoreError('missing', 'A school store already exists in this data directory.');
      mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 });
      removeDatabaseFiles(paths.creating);
      const key = newDataKey();
      try {
        const slots: KeySlot[] = [
          await sealed(
            wrapDataKey(
              key,
              { id: first.id, kind: 'user', username: first.username },
              first.passphrase,
              kdf,
            ),
          ),
          await wrapDataKey(key, { id: RECOVERY_SLOT, kind: 'recovery' }, recoveryKey, kdf),
        ];
        const building = open(key, paths.creating, true);
        let checkpoint: Checkpoint;
        try {
          building.db
            .transaction(() => {
              initialise(building);
            })
            .immediate();
          checkpoint = currentCheckpoint(building);
        } finally {
          building.close();
        }
        saveKeyring({ format: 'lantern-keyring', version: 1, slots, auditCheckpoint: checkpoint });
        renameSync(paths.creating, paths.database);
        fsyncDirectory(paths.dataDir);
        adopt(Buffer.from(key));
      } finally {
        key.fill(0);
      }
    },

    /** The user id whose slot this username and passphrase open; throws WrongSecretError. */
    async unlockUser(
      username: string,
      passphrase: string,
    ): Promise<{ userId: string; upgrade: boolean }> {
      const slot = keyring().slots.find((s) => s.kind === 'user' && s.username === username);
      if (!slot) {
        await spendKdfTime(passphrase, kdf);
        throw new WrongSecretError('No slot for this username.');
      }
      const key = await unwrapUser(slot, passphrase);
      if (store) key.fill(0);
      else
        await adoptChecked(
          key,
          (next) => next.slots.find((s) => s.kind === 'user' && s.username === username),
          passphrase,
        );
      return { userId: slot.id, upgrade: kdfBelowPolicy(slot, kdf) };
    },

    /** Opens the store with the recovery key; throws WrongSecretError. */
    async unlockRecovery(recoveryKey: string): Promise<void> {
      const slot = keyring().slots.find((s) => s.kind === 'recovery');
      if (!slot) throw new StoreError('missing', 'This store has no recovery key slot.');
      const key = await unwrapDataKey(slot, recoveryKey);
      if (store) key.fill(0);
      else
        await adoptChecked(
          key,
          (next) => next.slots.find((s) => s.kind === 'recovery'),
          recoveryKey,
        );
    },

    /**
     * Replaces the data key (security K2 step 5: after a compromise or a departure). The new
     * keyring is written beside the old one, a complete copy of the database is built under the
     * new key and checked, the old file is closed cleanly (no WAL left) and the copy renamed over
     * it, and only then does the new keyring replace the old. A crash at any point leaves a
     * store that opens: with the old key, or (see adoptChecked) with the new one.
     */
    async rotate(slotsFor: RotationSlot[], recoveryKey: string): Promise<void> {
      const { store: open } = requireOpen();
      const newKey = newDataKey();
      try {
        const slots: KeySlot[] = [];
        for (const u of slotsFor) {
          slots.push(
            await sealed(
              wrapDataKey(
                newKey,
                { id: u.id, kind: 'user', username: u.username },
                u.passphrase,
                kdf,
              ),
            ),
          );
        }
        slots.push(
          await wrapDataKey(newKey, { id: RECOVERY_SLOT, kind: 'recovery' }, recoveryKey, kdf),
        );
        const checkpoint = currentCheckpoint(open);
        writeKeyring(paths.nextKeyring, {
          format: 'lantern-keyring',
          version: 1,
          slots,
          auditCheckpoint: checkpoint,
        });
        removeDatabaseFiles(paths.rotating);
        copyEncrypted(open.db, paths.rotating, newKey);
        // Proves the copy opens with the new key, passes its checks and is at the same schema.
        open.db.pragma('wal_checkpoint(TRUNCATE)');
        const check = openDatabase(paths.rotating, Buffer.from(newKey), { create: false });
        check.pragma('journal_mode = DELETE');
        check.close();
        store = null;
        open.close();
        for (const suffix of ['-wal', '-shm', '-journal']) {
          if (existsSync(`${paths.database}${suffix}`)) {
            throw new StoreError(
              'pragma',
              `The old database left ${suffix} behind; the key change was stopped before any swap.`,
            );
          }
        }
        renameSync(paths.rotating, paths.database);
        fsyncDirectory(paths.dataDir);
        renameSync(paths.nextKeyring, paths.keyring);
        fsyncDirectory(paths.dataDir);
        dataKey?.fill(0);
        dataKey = null;
        adopt(Buffer.from(newKey));
      } finally {
        newKey.fill(0);
      }
    },

    /** True when this passphrase opens this user's slot (the store must be open). */
    async checkUserSecret(userId: string, passphrase: string): Promise<boolean> {
      const slot = keyring().slots.find((s) => s.kind === 'user' && s.id === userId);
      if (!slot) return false;
      try {
        (await unwrapUser(slot, passphrase)).fill(0);
        return true;
      } catch (err) {
        if (err instanceof WrongSecretError) return false;
        throw err;
      }
    },

    /**
     * Wraps the data key for this user under a new secret and replaces their slot. The keyring
     * is replaced atomically, so a crash leaves the old slot or the new one, never neither.
     */
    async setUserSecret(userId: string, username: string, passphrase: string): Promise<void> {
      const { key } = requireOpen();
      const slot = await sealed(
        wrapDataKey(key, { id: userId, kind: 'user', username }, passphrase, kdf),
      );
      const current = keyring();
      saveKeyring({
        ...current,
        slots: [...current.slots.filter((s) => !(s.kind === 'user' && s.id === userId)), slot],
      });
    },

    removeUserSlot(userId: string): void {
      requireOpen();
      const current = keyring();
      saveKeyring({
        ...current,
        slots: current.slots.filter((s) => !(s.kind === 'user' && s.id === userId)),
      });
    },

    checkpoint(): Checkpoint | null {
      return existsSync(paths.keyring) ? keyring().auditCheckpoint : null;
    },

    maybeCheckpoint,

    /**
     * Lends a copy of the data key to `use`, which must not keep it, and zeroes the copy after:
     * a backup is reopened with the store's own key to prove it (security R6).
     */
    withDataKey<T>(use: (key: Buffer) => T): T {
      const copy = Buffer.from(requireOpen().key);
      try {
        return use(copy);
      } finally {
        copy.fill(0);
      }
    },

    lock(): void {
      const open = store;
      if (!open) return;
      try {
        maybeCheckpoint(true);
      } finally {
        store = null;
        dataKey?.fill(0);
        dataKey = null;
        open.close();
      }
    },
  };
}
export type Vault = ReturnType<typeof createVault>;
