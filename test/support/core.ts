import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import Database from 'better-sqlite3-multiple-ciphers';

import type { LanternCore, Platform, Session } from '../../main/app';
import { createApp } from '../../main/app';
import { migrations } from '../../main/db/migrations';
import { silentLogger } from '../../main/log';
import type { KdfParams } from '../../main/vault/keyring';
import { readKeyring, unwrapDataKey } from '../../main/vault/keyring';
import { storePaths } from '../../main/vault/vault';
import type { MethodInput } from '../../shared/api';
import type { Child, ChildInput } from '../../shared/children/schema';
import type { DraftContent } from '../../shared/concerns/drafts';
import type { ApiError, Result } from '../../shared/result';
import type { SchoolInput } from '../../shared/school/schema';

/** Real Argon2id, at the lowest cost the keyring accepts, so tests stay quick. */
export const TEST_KDF: KdfParams = { memoryKiB: 8192, iterations: 1, parallelism: 1 };
export const TEST_PASSPHRASE = 'correct horse battery staple';
export const TEST_DSL = { displayName: 'Dana Lead', username: 'dlead' };

export function tempDir(prefix = 'lantern-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    remove: () => {
      rmSync(path, { recursive: true, force: true });
    },
  };
}

export const sampleSchool: SchoolInput = {
  name: 'Riverside Primary School',
  urn: '123456',
  localAuthority: 'Devon',
  laCode: '878',
  phase: 'primary',
};

/** The UPN's check letter is worked by hand in upn.test.ts. */
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
    leavingDate: '',
    ...overrides,
  };
}

/** Saves exports into `<dir>/exports` as if the person had chosen that folder. */
export function folderPlatform(dir: string): Platform {
  return {
    saveFile(request, data) {
      const target = join(dir, 'exports', request.suggestedName);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, data);
      return Promise.resolve(target);
    },
    chooseFolder() {
      // Beside the data directory, never inside it (a backup there is refused).
      const folder = `${dir}-backups`;
      mkdirSync(folder, { recursive: true });
      return Promise.resolve(folder);
    },
  };
}

export function makeCore(
  dataDir: string,
  clock?: () => Date,
  platform?: Platform,
  demoDataDir?: string,
): LanternCore {
  return createApp({
    dataDir,
    kdf: TEST_KDF,
    logger: silentLogger(),
    ...(clock ? { clock } : {}),
    ...(platform ? { platform } : {}),
    ...(demoDataDir ? { demoDataDir } : {}),
  });
}

/** The value of a successful result; throws with the error's code and message otherwise. */
export function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** The error of a failed result; throws when it succeeded. */
export function errorOf(r: Result<unknown>): ApiError {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

export async function must<T = unknown>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok)
    throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
  return r.value as T;
}

/**
 * A core whose store exists, with the returned session signed in as the DSL: set-up on a new
 * data directory, sign-in on an existing one.
 */
export async function unlockedCore(
  dataDir: string,
  clock?: () => Date,
  platform?: Platform,
): Promise<{ core: LanternCore; session: Session; recoveryKey: string | null }> {
  const core = makeCore(dataDir, clock, platform);
  const session = core.createSession();
  const status = await must<{ storeExists: boolean }>(core.invoke(session, 'session.status', {}));
  if (status.storeExists) {
    await must(
      core.invoke(session, 'auth.signIn', {
        username: TEST_DSL.username,
        passphrase: TEST_PASSPHRASE,
      }),
    );
    return { core, session, recoveryKey: null };
  }
  const created = await must<{ recoveryKey: string }>(
    core.invoke(session, 'setup.create', {
      school: sampleSchool,
      dsl: { ...TEST_DSL, passphrase: TEST_PASSPHRASE, confirmation: TEST_PASSPHRASE },
    }),
  );
  await must(
    core.invoke(session, 'setup.confirmRecoveryKey', { lastGroup: created.recoveryKey.slice(-5) }),
  );
  return { core, session, recoveryKey: created.recoveryKey };
}

/**
 * Reads the school database through a second, read-only connection opened the way an
 * investigator with the passphrase would: unwrap the data key from the keyring, then key SQLite.
 */
export async function readStore<T>(
  dataDir: string,
  read: (db: Database.Database) => T,
  passphrase = TEST_PASSPHRASE,
  username = TEST_DSL.username,
): Promise<T> {
  return withStore(dataDir, true, read, passphrase, username);
}

/**
 * Like readStore, through a writable connection: what someone with the passphrase and a SQLite
 * shell could attempt behind Lantern's back (the schema's triggers must still refuse it).
 */
export async function writeStore<T>(
  dataDir: string,
  write: (db: Database.Database) => T,
): Promise<T> {
  return withStore(dataDir, false, write, TEST_PASSPHRASE, TEST_DSL.username);
}

async function withStore<T>(
  dataDir: string,
  readonly: boolean,
  use: (db: Database.Database) => T,
  passphrase: string,
  username: string,
): Promise<T> {
  const paths = storePaths(dataDir);
  const slot = readKeyring(paths.keyring).slots.find((s) => s.username === username);
  if (!slot) throw new Error(`keyring has no slot for ${username}`);
  const key = await unwrapDataKey(slot, passphrase);
  const db = new Database(paths.database, { readonly, fileMustExist: true });
  try {
    db.key(key);
    return use(db);
  } finally {
    key.fill(0);
    db.close();
  }
}

/**
 * Adds an account as the DSL would, then signs it in on a new session and replaces its
 * one-time passphrase, so the session can do what its role allows.
 */
export async function signedInAs(
  core: LanternCore,
  dsl: Session,
  username: string,
  role: string,
): Promise<Session> {
  const issued = await must<{ oneTimePassphrase: string }>(
    core.invoke(dsl, 'users.add', { displayName: `Test ${username}`, username, role }),
  );
  const session = core.createSession();
  await must(
    core.invoke(session, 'auth.signIn', { username, passphrase: issued.oneTimePassphrase }),
  );
  await must(
    core.invoke(session, 'auth.changePassphrase', {
      current: issued.oneTimePassphrase,
      passphrase: 'a walk along the quiet river',
      confirmation: 'a walk along the quiet river',
    }),
  );
  return session;
}

/**
 * A new encrypted store at `file`, migrated only as far as the version before `migration`, for
 * a test that the migration keeps what was written then (security R7). Returns it open, with
 * its key and the migration's place in the list.
 */
export function storeBefore(
  file: string,
  migration: string,
): { before: Database.Database; key: Buffer; at: number } {
  const at = migrations.findIndex((m) => m.name === migration);
  if (at <= 0) throw new Error(`No migration comes before ${migration}.`);
  const key = randomBytes(32);
  const before = new Database(file);
  before.key(Buffer.from(key));
  for (const m of migrations.slice(0, at)) m.up(before);
  before.pragma(`user_version = ${at}`);
  return { before, key, at };
}

/**
 * Amara Okafor (the sample child) and Tomasz Nowak, added to the register as `session`: two
 * pupils for a case that involves more than one child.
 */
export async function addTwoChildren(core: LanternCore, session: Session): Promise<[Child, Child]> {
  const amara = await must<Child>(core.invoke(session, 'children.add', sampleChild()));
  const tomasz = await must<Child>(
    core.invoke(
      session,
      'children.add',
      sampleChild({ legalForename: 'Tomasz', legalSurname: 'Nowak', upn: '' }),
    ),
  );
  return [amara, tomasz];
}

/** A fight between two pupils, as a teacher would record it. */
export function fight(victim: string, perpetrator: string): MethodInput<'concerns.submit'> {
  return {
    children: [
      { childId: victim, role: 'victim' },
      { childId: perpetrator, role: 'alleged_perpetrator' },
    ],
    occurredAt: '2026-11-27T12:40',
    occurredAtApprox: true,
    location: 'Top playground',
    categories: ['physical', 'peer_physical'],
    summary: '  Saw one pupil punch another twice on the arm during lunch.  ',
    childWords: 'He said he would get me after school.',
    opinion: 'This may be part of a pattern.',
    actionsTaken: 'Separated them and took both to the office.',
    peopleTold: 'Head of year',
    dslToldInPerson: true,
    flags: { possibleChildSexOffence: false, fgmKnownCase: false, allegationAboutAdult: false },
  };
}

/** A concern draft about one child with only a line of summary: somewhere to attach files. */
export function blankDraft(childId: string): DraftContent {
  return {
    children: [{ childId, role: 'subject' }],
    date: '2026-11-27',
    time: '',
    approx: false,
    location: '',
    categories: [],
    summary: 'Draft',
    childWords: '',
    opinion: '',
    actionsTaken: '',
    peopleTold: '',
    dslToldInPerson: false,
    flags: { possibleChildSexOffence: false, fgmKnownCase: false, allegationAboutAdult: false },
    bodyMap: [],
  };
}
