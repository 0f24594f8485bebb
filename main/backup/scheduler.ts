import type { Logger } from '../log';
import type { Vault } from '../vault/vault';
import type { NewBackupRun } from './repo';
import { dueDestinations, performBackups, recordScheduledRuns } from './service';

/** How often the desktop asks whether a backup is due (main/electron/main.ts). */
export const BACKUP_CHECK_MS = 5 * 60_000;

/**
 * Runs the scheduled backups while the store is open: each destination whose newest good backup
 * is older than the schedule's interval gets a new one (a failed one is retried after an hour).
 * The desktop calls `runDue` every few minutes and the core calls it when someone unlocks, so an
 * overdue backup runs then. Never two at once: a call while one is running waits for that one.
 */
export function backupScheduler(vault: Vault, clock: () => Date, logger: Logger) {
  let running: Promise<NewBackupRun[]> | null = null;

  async function run(): Promise<NewBackupRun[]> {
    // Lets the call that triggered this (an unlock) answer first.
    await new Promise<void>((resolve) => {
      setImmediate(resolve);
    });
    const store = vault.store();
    if (!store) return [];
    const now = clock();
    const due = dueDestinations(store, now);
    if (due.length === 0) return [];
    // Synchronous from here on: nothing can lock the store between the backup and its log row.
    const runs = performBackups(vault, due, store.backups.schedule().keep, now, 'scheduled', null);
    recordScheduledRuns(store, runs, now);
    for (const r of runs) {
      if (r.ok) logger.info('scheduled backup written', { runId: r.id, bytes: r.bytes });
      else logger.warn('scheduled backup failed', { runId: r.id });
    }
    return runs;
  }

  return {
    /** The runs made (none when nothing was due or the store is locked); never rejects. */
    runDue(): Promise<NewBackupRun[]> {
      running ??= run()
        .catch((err: unknown) => {
          logger.error('scheduled backup could not run', {
            error: err instanceof Error ? err.name : 'non-error thrown',
          });
          return [];
        })
        .finally(() => {
          running = null;
        });
      return running;
    },
  };
}
