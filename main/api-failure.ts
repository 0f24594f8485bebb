import Database from 'better-sqlite3-multiple-ciphers';

import type { ErrorCode } from '../shared/result';

/** An expected failure a handler reports to the caller: rolled back, audited, shown as is. */
export class ApiFailure extends Error {
  override name = 'ApiFailure';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const STORAGE_FULL =
  'Lantern could not save this because the disk is full or the file limit was reached. Nothing was saved; free some space and try again.';
export const STORAGE_IO =
  'Lantern could not read or write its data file: the disk may be full, a file limit reached or the disk failing. Nothing was saved; free some space and try again, and if it keeps happening tell your IT administrator.';

/** What the file system says when there is no room: a full disk, a quota, a file-size limit. */
const NO_ROOM = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/**
 * The failure to show when the disk refused a read or write (security R3): SQLite's
 * SQLITE_FULL and SQLITE_IOERR_* (the transaction was rolled back), or a file write refused for
 * want of room. Null for any other error.
 */
export function storageFailure(err: unknown): ApiFailure | null {
  if (err instanceof Database.SqliteError) {
    if (err.code === 'SQLITE_FULL') return new ApiFailure('storage_full', STORAGE_FULL);
    if (err.code.startsWith('SQLITE_IOERR')) return new ApiFailure('storage_io', STORAGE_IO);
    return null;
  }
  const code = err instanceof Error && 'code' in err ? err.code : null;
  return typeof code === 'string' && NO_ROOM.has(code)
    ? new ApiFailure('storage_full', STORAGE_FULL)
    : null;
}
