import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type Database from 'better-sqlite3-multiple-ciphers';

import type { LanternCore, Session } from '../../../main/app';
import type { BackupStatus } from '../../../shared/backup/schema';
import {
  folderPlatform,
  must,
  readStore,
  sampleChild,
  tempDir,
  unlockedCore,
} from '../../support/core';

/**
 * A hash of every row of every table (FTS5's own storage included, rowids aside) and of the
 * schema, so two stores compare in one value.
 */
export function dumpHash(db: Database.Database): string {
  const tables = (db.pragma('table_list') as { schema: string; name: string; type: string }[])
    .filter(
      (t) =>
        t.schema === 'main' &&
        (t.type === 'table' || t.type === 'shadow') &&
        !t.name.startsWith('sqlite_'),
    )
    .map((t) => t.name)
    .sort();
  const hash = createHash('sha256');
  for (const name of tables) {
    const rows = db
      .prepare(`SELECT * FROM "${name}"`)
      .all()
      .map((r) =>
        JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)),
      )
      .sort();
    hash.update(`${name}\n${rows.join('\n')}\n`);
  }
  // The schema itself, less the page numbers a copy is free to change.
  hash.update(
    JSON.stringify(
      db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all(),
    ),
  );
  hash.update(String(db.pragma('user_version', { simple: true })));
  return hash.digest('hex');
}

export type BackupFixture = {
  root: { path: string; remove(): void };
  dataDir: string;
  destination: string;
  core: LanternCore;
  dsl: Session;
  recoveryKey: string;
  clock: { now: Date };
  configure(
    over?: Partial<{ keep: number; intervalHours: number; offline: boolean }>,
  ): Promise<BackupStatus>;
  backUp(): Promise<{ folder: string; status: BackupStatus }>;
  liveDump(): Promise<string>;
};

/** A real encrypted store with a child on it, and an empty backup folder beside it. */
export async function backupFixture(
  start = new Date('2026-11-28T14:05:00Z'),
): Promise<BackupFixture> {
  const root = tempDir('lantern-backup-');
  const dataDir = join(root.path, 'data');
  const destination = join(root.path, 'external-drive');
  mkdirSync(destination);
  const clock = { now: start };
  const made = await unlockedCore(dataDir, () => clock.now, folderPlatform(dataDir));
  const { core, session: dsl } = made;
  if (made.recoveryKey === null) throw new Error('expected a new store');
  await must(core.invoke(dsl, 'children.add', sampleChild()));
  return {
    root,
    dataDir,
    destination,
    core,
    dsl,
    recoveryKey: made.recoveryKey,
    clock,
    async configure(over = {}) {
      const current = await must<BackupStatus>(core.invoke(dsl, 'backup.status', {}));
      const id = current.destinations[0]?.id ?? '';
      return must<BackupStatus>(
        core.invoke(dsl, 'backup.saveSettings', {
          destinations: [
            { id, label: 'External drive', path: destination, offline: over.offline ?? true },
          ],
          intervalHours: over.intervalHours ?? 24,
          keep: over.keep ?? 14,
        }),
      );
    },
    async backUp() {
      const out = await must<{
        runs: { ok: boolean; folder: string | null; problem: string | null }[];
        status: BackupStatus;
      }>(core.invoke(dsl, 'backup.run', {}));
      const run = out.runs[0];
      if (!run?.ok || run.folder === null)
        throw new Error(`backup failed: ${run?.problem ?? 'no run'}`);
      return { folder: join(destination, run.folder), status: out.status };
    },
    liveDump: () => readStore(dataDir, dumpHash),
  };
}
