import { StoreError } from './errors';
import type { Db } from './open';
import { migrations } from './migrations';

/** Current schema version: the number of migrations this build knows. */
export const SCHEMA_VERSION = migrations.length;

/**
 * Applies every pending migration in one transaction, tracked by PRAGMA user_version.
 * A database written by a newer Lantern is refused rather than silently downgraded.
 */
export function migrate(db: Db): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > SCHEMA_VERSION) {
    throw new StoreError(
      'newer_version',
      `This school database was written by a newer version of Lantern (schema ${current}; this version understands ${SCHEMA_VERSION}). Update Lantern to open it.`,
    );
  }
  if (current === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (const m of migrations.slice(current)) m.up(db);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
