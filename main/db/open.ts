import './node-version-guard';

import Database from 'better-sqlite3-multiple-ciphers';

import { storageFailure } from '../api-failure';
import { StoreError } from './errors';
import { migrate } from './migrate';

export type Db = Database.Database;

/** The settings every connection must have; asserted after they are set (security R1). */
export const REQUIRED_PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 2,
  foreign_keys: 1,
  secure_delete: 1,
  trusted_schema: 0,
} as const;

export type OpenOptions = {
  /** Create the file when it does not exist; otherwise a missing file is an error. */
  create: boolean;
};

/**
 * Opens (or creates) the encrypted school database with the 32-byte data key, applies and
 * checks the pragmas, runs a quick integrity check and brings the schema up to date.
 */
export function openDatabase(file: string, key: Buffer, options: OpenOptions): Db {
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: !options.create });
  } catch (err) {
    throw new StoreError('missing', `The school database was not found at ${file}.`, {
      cause: err,
    });
  }
  try {
    db.key(key);
    // The first read is where a wrong key shows: SQLITE_NOTADB.
    try {
      db.pragma('schema_version', { simple: true });
    } catch (err) {
      // A disk that refuses the read (or the shared-memory file) is not a wrong key.
      if (storageFailure(err)) throw err;
      throw new StoreError('wrong_key', 'The database could not be decrypted with this key.', {
        cause: err,
      });
    }
    applyPragmas(db);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new StoreError(
        'corrupt',
        'The school database failed its integrity check. Restore it from a backup.',
      );
    }
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // better-sqlite3 compiles WAL connections to synchronous=NORMAL; a committed record must
  // survive power loss, so FULL is set on every connection (security R1).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('trusted_schema = OFF');
  db.pragma('busy_timeout = 5000');
  if (process.platform === 'darwin') db.pragma('fullfsync = ON');
  for (const [name, expected] of Object.entries(REQUIRED_PRAGMAS)) {
    const actual: unknown = db.pragma(name, { simple: true });
    if (actual !== expected) {
      throw new StoreError(
        'pragma',
        `PRAGMA ${name} is ${String(actual)}, expected ${String(expected)}.`,
      );
    }
  }
}

export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
  } finally {
    db.close();
  }
}
