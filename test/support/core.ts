import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { LanternCore, Session } from '../../main/app';
import { createApp } from '../../main/app';
import { silentLogger } from '../../main/log';
import Database from 'better-sqlite3-multiple-ciphers';

import type { KdfParams } from '../../main/vault/keyring';
import { readKeyring, unwrapDataKey } from '../../main/vault/keyring';
import { storePaths } from '../../main/vault/vault';
import type { ChildInput } from '../../shared/children/schema';
import type { SchoolInput } from '../../shared/school/schema';

/** Real Argon2id, at the lowest cost the keyring accepts, so tests stay quick. */
export const TEST_KDF: KdfParams = { memoryKiB: 8192, iterations: 1, parallelism: 1 };
export const TEST_PASSPHRASE = 'correct horse battery staple';

export function tempDir(prefix = 'lantern-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    remove: () => {
      rmSync(path, { recursive: true, force: true });
    },
  };
}

export function makeCore(dataDir: string, clock?: () => Date): LanternCore {
  return createApp({ dataDir, kdf: TEST_KDF, logger: silentLogger(), ...(clock ? { clock } : {}) });
}

/** A core whose store exists and whose returned session is unlocked as the DSL. */
export async function unlockedCore(
  dataDir: string,
  clock?: () => Date,
): Promise<{ core: LanternCore; session: Session }> {
  const core = makeCore(dataDir, clock);
  const session = core.createSession();
  const status = await core.invoke(session, 'session.status', {});
  if (!status.ok) throw new Error(status.error.message);
  const { storeExists } = status.value as { storeExists: boolean };
  const result = storeExists
    ? await core.invoke(session, 'vault.unlock', { passphrase: TEST_PASSPHRASE })
    : await core.invoke(session, 'vault.create', {
        passphrase: TEST_PASSPHRASE,
        confirmation: TEST_PASSPHRASE,
      });
  if (!result.ok) throw new Error(result.error.message);
  return { core, session };
}

/** Valid UPNs: the check letter is computed by hand-checked examples in upn.test.ts. */
export const sampleSchool: SchoolInput = {
  name: 'Riverside Primary School',
  urn: '123456',
  localAuthority: 'Devon',
  laCode: '878',
  phase: 'primary',
};

export function sampleChild(overrides: Partial<ChildInput> = {}): ChildInput {
  return {
    legalForename: 'Amara',
    legalSurname: 'Okafor',
    preferredForename: '',
    preferredSurname: '',
    dateOfBirth: '2016-03-14',
    upn: 'B801200005001',
    yearGroup: '5',
    gender: 'female',
    admissionDate: '2020-09-02',
    ...overrides,
  };
}

/**
 * Reads the school database through a second, read-only connection opened the way an
 * investigator with the passphrase would: unwrap the data key from the keyring, then key SQLite.
 */
export async function readStore<T>(
  dataDir: string,
  read: (db: Database.Database) => T,
  passphrase = TEST_PASSPHRASE,
): Promise<T> {
  const paths = storePaths(dataDir);
  const [slot] = readKeyring(paths.keyring).slots;
  if (!slot) throw new Error('keyring has no slots');
  const key = await unwrapDataKey(slot, passphrase);
  const db = new Database(paths.database, { readonly: true, fileMustExist: true });
  try {
    db.key(key);
    return read(db);
  } finally {
    key.fill(0);
    db.close();
  }
}
