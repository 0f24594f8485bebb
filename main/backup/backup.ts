import { createHash } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';

import Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';

import type { Checkpoint } from '../audit/chain';
import { chainHead, makeCheckpoint, readAuditKey, verifyChain } from '../audit/chain';
import { SCHEMA_VERSION } from '../db/migrate';
import type { Db } from '../db/open';
import { fsyncDirectory, isEmptyOrMissing, writeFileAtomic } from '../fs-atomic';
import type { Keyring } from '../vault/keyring';
import { readKeyring, unwrapDataKey, WrongSecretError, writeKeyring } from '../vault/keyring';
import type { Vault } from '../vault/vault';
import { DATABASE_FILE, KEYRING_FILE } from '../vault/vault';
import { normaliseRecoveryKey } from '../../shared/users/recovery-key';

export type BackupSecret = { username: string; passphrase: string } | { recoveryKey: string };

export type BackupManifest = {
  format: 'lantern-backup';
  version: 1;
  createdAt: string;
  schemaVersion: number;
  databaseBytes: number;
  databaseSha256: string;
  auditHead: { seq: number; hash: string };
  rowCounts: Record<string, number>;
};

export const MANIFEST_FILE = 'manifest.json';
const FOLDER_PREFIX = 'lantern-backup-';
const PARTIAL_SUFFIX = '.partial';
/** lantern-backup-YYYYMMDD-HHMMSS, with -N when two are made in the same second. */
const BACKUP_FOLDER = /^lantern-backup-\d{8}-\d{6}(-\d{1,3})?$/;

const manifestSchema = z.strictObject({
  format: z.literal('lantern-backup'),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  schemaVersion: z.int().min(1),
  databaseBytes: z.int().min(0),
  databaseSha256: z.string().regex(/^[0-9a-f]{64}$/),
  auditHead: z.strictObject({ seq: z.int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
  rowCounts: z.record(z.string(), z.int().min(0)),
});

/** A backup could not be written or restored; the message says what to do. */
export class BackupError extends Error {
  override name = 'BackupError';
}

const DAMAGED = 'The backup’s database is damaged';

function sha256File(file: string): { bytes: number; sha256: string } {
  const hash = createHash('sha256');
  const chunk = Buffer.alloc(1024 * 1024);
  const fd = openSync(file, 'r');
  let bytes = 0;
  try {
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      hash.update(chunk.subarray(0, n));
      bytes += n;
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: hash.digest('hex') };
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The ordinary tables (not FTS5's own storage) and how many rows each holds. */
function rowCounts(db: Db): Record<string, number> {
  const tables = (db.pragma('table_list') as { schema: string; name: string; type: string }[])
    .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'))
    .map((t) => t.name)
    .sort();
  const counts: Record<string, number> = {};
  for (const name of tables) {
    counts[name] = db
      .prepare(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`)
      .pluck()
      .get() as number;
  }
  return counts;
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

export const INSIDE_DATA_DIR =
  'A backup inside Lantern’s own data folder would be lost with it. Choose a folder on another drive or a network share.';

/** True when `inner` is `outer` or somewhere inside it (after following links). */
export function isWithin(inner: string, outer: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  const rel = relative(real(outer), real(inner));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A file-system or SQLite failure while writing to `root`, as a message a person can act on. */
export function backupFailure(err: unknown, root: string): BackupError {
  const code = (err as { code?: unknown }).code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return new BackupError(
      `The drive holding ${root} is full. Free some space or choose another backup folder.`,
      { cause: err },
    );
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_READONLY')
    return new BackupError(`Lantern may not write to ${root}. Choose another backup folder.`, {
      cause: err,
    });
  if (code === 'SQLITE_CANTOPEN' || code === 'ENOENT')
    return new BackupError(
      `The backup folder ${root} went away while the backup was being written. Check the drive or network share.`,
      { cause: err },
    );
  return new BackupError(
    `The backup to ${root} could not be written (${err instanceof Error ? err.message : String(err)}).`,
    { cause: err },
  );
}

/** Refuses a destination that is missing, not a folder, not writable, or inside the data. */
function checkDestination(root: string, dataDir: string): void {
  if (!isAbsolute(root)) throw new BackupError(`Choose a complete folder path, not “${root}”.`);
  if (isWithin(root, dataDir)) throw new BackupError(INSIDE_DATA_DIR);
  if (!existsSync(root))
    throw new BackupError(
      `The backup folder ${root} is not there. Connect the drive or network share, or choose another folder.`,
    );
  if (!statSync(root).isDirectory())
    throw new BackupError(`${root} is a file, not a folder. Choose a folder for backups.`);
  try {
    accessSync(root, constants.W_OK);
  } catch (err) {
    throw new BackupError(`Lantern may not write to ${root}. Choose another backup folder.`, {
      cause: err,
    });
  }
}

function folderName(now: Date, root: string): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-');
  for (let n = 1; n < 1000; n += 1) {
    const name = `${FOLDER_PREFIX}${stamp}${n === 1 ? '' : `-${n}`}`;
    if (!existsSync(join(root, name)) && !existsSync(join(root, `${name}${PARTIAL_SUFFIX}`)))
      return name;
  }
  throw new BackupError(`Too many backups were started in one second in ${root}.`);
}

/** Opens a backup's database read-only with `key`; null when the key does not open it. */
function openBackupDb(file: string, key: Buffer): Db | null {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.key(Buffer.from(key));
    db.pragma('schema_version', { simple: true });
    return db;
  } catch {
    db.close();
    return null;
  }
}

/**
 * Checks an opened backup database: full integrity check, foreign keys, the audit chain against
 * the checkpoint in the backup's keyring, the manifest's audit head, schema and row counts.
 */
function checkDatabase(
  db: Db,
  checkpoint: Checkpoint | null,
  manifest: BackupManifest,
): string | null {
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') return `${DAMAGED}: it fails SQLite’s integrity check.`;
  if ((db.pragma('foreign_key_check') as unknown[]).length > 0)
    return `${DAMAGED}: some records point at records that are not there.`;
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version !== manifest.schemaVersion)
    return `${DAMAGED}: its schema version does not match its manifest.`;
  const auditKey = readAuditKey(db);
  try {
    const chain = verifyChain(db, auditKey, checkpoint);
    if (!chain.ok)
      return 'The backup’s audit log does not verify: it has been altered or cut short.';
  } finally {
    auditKey.fill(0);
  }
  const head = chainHead(db);
  if (head.seq !== manifest.auditHead.seq || head.hash !== manifest.auditHead.hash)
    return 'The backup’s audit log does not end where its manifest says.';
  if (!sameCounts(rowCounts(db), manifest.rowCounts))
    return 'The backup’s record counts do not match its manifest.';
  return null;
}

type Opened = { manifest: BackupManifest; keyring: Keyring; database: string };

/** Reads a backup folder's manifest and keyring and checks the database file's hash. */
function readFolder(folder: string): Opened | string {
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    return `There is no backup folder at ${folder}.`;
  const manifestFile = join(folder, MANIFEST_FILE);
  const keyringFile = join(folder, KEYRING_FILE);
  const database = join(folder, DATABASE_FILE);
  if (!existsSync(manifestFile))
    return 'The backup has no manifest.json: it is incomplete or not a Lantern backup.';
  if (!existsSync(keyringFile))
    return 'The backup has no keyring.json, so nothing can open it. Use another backup.';
  if (!existsSync(database)) return 'The backup has no database file (lantern.db).';
  let manifest: BackupManifest;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(manifestFile, 'utf8')));
    if (!parsed.success) return 'The backup’s manifest.json is damaged.';
    manifest = parsed.data;
  } catch {
    return 'The backup’s manifest.json is damaged.';
  }
  if (manifest.schemaVersion > SCHEMA_VERSION)
    return 'This backup was made by a newer version of Lantern. Update Lantern, then restore it.';
  let keyring: Keyring;
  try {
    keyring = readKeyring(keyringFile);
  } catch {
    return 'The backup’s keyring.json is damaged, so nothing can open it. Use another backup.';
  }
  const file = sha256File(database);
  if (file.bytes !== manifest.databaseBytes || file.sha256 !== manifest.databaseSha256)
    return `${DAMAGED}: its contents are not what was written (the checksum differs).`;
  return { manifest, keyring, database };
}

function verifyOpened(opened: Opened, key: Buffer): string | null {
  const db = openBackupDb(opened.database, key);
  if (!db) return `${DAMAGED} or was made under another encryption key.`;
  try {
    return checkDatabase(db, opened.keyring.auditCheckpoint, opened.manifest);
  } catch (err) {
    return `${DAMAGED} (${err instanceof Error ? err.message : String(err)}).`;
  } finally {
    db.close();
  }
}

export type BackupCheck = { ok: true; manifest: BackupManifest } | { ok: false; problem: string };

/**
 * Checks a backup with a data key already in hand (the open store's own, through
 * vault.withDataKey): a backup made before a change of key reports that it needs the recovery key.
 */
export function verifyBackupWithKey(folder: string, key: Buffer): BackupCheck {
  const opened = readFolder(folder);
  if (typeof opened === 'string') return { ok: false, problem: opened };
  const db = openBackupDb(opened.database, key);
  if (!db)
    return {
      ok: false,
      problem:
        'This backup was made under an earlier encryption key. Check it with the recovery key that was current then.',
    };
  db.close();
  const problem = verifyOpened(opened, key);
  return problem === null ? { ok: true, manifest: opened.manifest } : { ok: false, problem };
}

/** Unwraps the backup's data key with the secret; a problem message when it does not open. */
async function keyFor(keyring: Keyring, secret: BackupSecret): Promise<Buffer | string> {
  const slot =
    'recoveryKey' in secret
      ? keyring.slots.find((s) => s.kind === 'recovery')
      : keyring.slots.find((s) => s.kind === 'user' && s.username === secret.username);
  const refused =
    'recoveryKey' in secret
      ? 'That recovery key does not open this backup. Use the recovery key that was current when it was made.'
      : 'That username and passphrase do not open this backup. Try the recovery key.';
  if (!slot) return refused;
  const typed =
    'recoveryKey' in secret ? normaliseRecoveryKey(secret.recoveryKey) : secret.passphrase;
  if (typed === null) return 'A recovery key has 30 letters and digits, in six groups of five.';
  if (slot.device)
    return 'This account’s key in the backup is sealed to the computer it was made on. Use the recovery key.';
  try {
    return await unwrapDataKey(slot, typed);
  } catch (err) {
    if (err instanceof WrongSecretError) return refused;
    throw err;
  }
}

/**
 * Writes a verified backup folder (lantern.db via VACUUM INTO, keyring.json, manifest.json) under
 * destinationRoot; the vault must be open. Throws BackupError with a clear message.
 *
 * Security R6: VACUUM INTO a `.partial` folder (the copy stays encrypted under the same key),
 * fsync the file and the folder, copy the keyring with a fresh audit checkpoint, reopen the copy
 * with the key and check it completely, and only then rename it into place and fsync the root.
 * Never db.backup() (it fails from an encrypted source) and never serialize() (plaintext).
 */
export function writeBackup(
  vault: Vault,
  destinationRoot: string,
  now: Date,
): { folder: string; manifest: BackupManifest } {
  const store = vault.store();
  if (!store) throw new BackupError('Lantern is locked, so there is nothing to back up.');
  const root = resolve(destinationRoot);
  checkDestination(root, vault.paths.dataDir);
  const name = folderName(now, root);
  const partial = join(root, `${name}${PARTIAL_SUFFIX}`);
  const folder = join(root, name);
  const database = join(partial, DATABASE_FILE);
  try {
    mkdirSync(partial, { mode: 0o700 });
    // The head, its checkpoint and the counts are read in the same synchronous stretch as the
    // VACUUM, so no write can fall between them.
    const head = chainHead(store.db);
    const checkpoint = makeCheckpoint(store.auditKey, head.seq, head.hash);
    const counts = rowCounts(store.db);
    store.db.prepare('VACUUM INTO ?').run(database);
    fsyncFile(database);
    fsyncDirectory(partial);
    writeKeyring(join(partial, KEYRING_FILE), {
      ...readKeyring(vault.paths.keyring),
      auditCheckpoint: checkpoint,
    });
    const file = sha256File(database);
    const manifest: BackupManifest = {
      format: 'lantern-backup',
      version: 1,
      createdAt: now.toISOString(),
      schemaVersion: Number(store.db.pragma('user_version', { simple: true })),
      databaseBytes: file.bytes,
      databaseSha256: file.sha256,
      auditHead: head,
      rowCounts: counts,
    };
    writeFileAtomic(join(partial, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const opened = readFolder(partial);
    const problem =
      typeof opened === 'string' ? opened : vault.withDataKey((key) => verifyOpened(opened, key));
    if (problem !== null)
      throw new BackupError(`The backup was written but failed its check: ${problem}`);
    renameSync(partial, folder);
    fsyncDirectory(root);
    return { folder, manifest };
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    throw err instanceof BackupError ? err : backupFailure(err, root);
  }
}

/**
 * Opens a backup folder with a secret from its keyring and checks integrity, foreign keys, the
 * audit chain against its checkpoint, the manifest's hash and counts. Never throws for a bad
 * backup: returns the problem.
 */
export async function verifyBackup(
  folder: string,
  secret: BackupSecret,
): Promise<{ ok: true; manifest: BackupManifest } | { ok: false; problem: string }> {
  const opened = readFolder(folder);
  if (typeof opened === 'string') return { ok: false, problem: opened };
  const key = await keyFor(opened.keyring, secret);
  if (typeof key === 'string') return { ok: false, problem: key };
  try {
    const problem = verifyOpened(opened, key);
    return problem === null ? { ok: true, manifest: opened.manifest } : { ok: false, problem };
  } finally {
    key.fill(0);
  }
}

/**
 * Verifies, copies into a data directory that must not exist (or be empty), verifies the copy;
 * BackupError otherwise. The copy is built in `<dataDir>.restoring` and renamed into place only
 * when it checks out, so an interrupted restore never leaves a half store where Lantern looks.
 */
export async function restoreBackup(
  folder: string,
  dataDir: string,
  secret: BackupSecret,
): Promise<BackupManifest> {
  const target = resolve(dataDir);
  if (!isEmptyOrMissing(target))
    throw new BackupError(
      `${target} already holds files. Restore into a new, empty folder; Lantern never overwrites a store.`,
    );
  const opened = readFolder(folder);
  if (typeof opened === 'string') throw new BackupError(opened);
  const key = await keyFor(opened.keyring, secret);
  if (typeof key === 'string') throw new BackupError(key);
  const staging = `${target}.restoring`;
  try {
    const original = verifyOpened(opened, key);
    if (original !== null) throw new BackupError(original);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(dirname(target), { recursive: true });
    mkdirSync(staging, { mode: 0o700 });
    for (const file of [DATABASE_FILE, KEYRING_FILE]) {
      copyFileSync(join(folder, file), join(staging, file));
      fsyncFile(join(staging, file));
    }
    fsyncDirectory(staging);
    const copy = readKeyring(join(staging, KEYRING_FILE));
    const file = sha256File(join(staging, DATABASE_FILE));
    if (file.sha256 !== opened.manifest.databaseSha256)
      throw new BackupError('The copy of the backup differs from the backup. Try again.');
    const problem = verifyOpened(
      { manifest: opened.manifest, keyring: copy, database: join(staging, DATABASE_FILE) },
      key,
    );
    if (problem !== null) throw new BackupError(`The restored copy failed its check: ${problem}`);
    if (!isEmptyOrMissing(target))
      throw new BackupError(
        `${target} gained files while the backup was restored. Nothing was changed.`,
      );
    if (existsSync(target)) rmSync(target, { recursive: true });
    renameSync(staging, target);
    fsyncDirectory(dirname(target));
    return opened.manifest;
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err instanceof BackupError ? err : backupFailure(err, target);
  } finally {
    key.fill(0);
  }
}

/** The complete backups in a destination (our folder name and a manifest), newest first. */
export function listBackups(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter(
      (e) =>
        e.isDirectory() &&
        BACKUP_FOLDER.test(e.name) &&
        existsSync(join(root, e.name, MANIFEST_FILE)),
    )
    .map((e) => e.name)
    .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

/**
 * Keeps the newest `keep` complete backups in a destination and deletes the rest; only folders
 * named like ours with a manifest are touched, and never `justWritten`. Returns what it removed.
 */
export function pruneBackups(root: string, keep: number, justWritten: string): string[] {
  const names = listBackups(root);
  const removed: string[] = [];
  for (const name of names.slice(Math.max(keep, 1))) {
    if (join(root, name) === justWritten) continue;
    rmSync(join(root, name), { recursive: true, force: true });
    removed.push(name);
  }
  if (removed.length > 0) fsyncDirectory(root);
  return removed;
}

/**
 * A first look at a folder someone chose to restore from: is it a complete Lantern backup, and
 * when was it made? Checks the files and the checksum; opening it needs a secret (verifyBackup).
 */
export function inspectBackup(
  folder: string,
): { ok: true; manifest: BackupManifest } | { ok: false; problem: string } {
  const opened = readFolder(folder);
  return typeof opened === 'string'
    ? { ok: false, problem: opened }
    : { ok: true, manifest: opened.manifest };
}
