import { basename, join } from 'node:path';

import type { MethodOutput, ParsedInput } from '../../shared/api';
import type {
  BackupDestination,
  BackupHealth,
  BackupRun,
  BackupStatus,
  BackupWarning,
} from '../../shared/backup/schema';
import {
  BACKUP_HISTORY_SHOWN,
  BACKUP_STALE_HOURS,
  OFFLINE_STALE_DAYS,
} from '../../shared/backup/schema';
import { formatInstant } from '../../shared/dates/calendar-date';
import { ApiFailure } from '../api-failure';
import type { Handled, HandlerContext } from '../handler';
import { signedInUserId } from '../handler';
import { newId } from '../ids';
import type { Store } from '../store';
import type { Vault } from '../vault/vault';
import {
  BackupError,
  INSIDE_DATA_DIR,
  isWithin,
  listBackups,
  pruneBackups,
  verifyBackupWithKey,
  writeBackup,
} from './backup';
import type { NewBackupRun } from './repo';

const HOUR_MS = 3_600_000;
/** After a failed scheduled backup, wait this long (or the interval, if shorter) before retrying. */
export const RETRY_AFTER_MS = HOUR_MS;

function hoursBetween(fromIso: string, to: Date): number {
  return (to.getTime() - new Date(fromIso).getTime()) / HOUR_MS;
}

/** When a destination's next scheduled backup falls due. */
function dueAt(store: Store, d: BackupDestination, intervalHours: number, now: Date): Date {
  const good = store.backups.latestRun(d.id, 'backup', true);
  const last = store.backups.latestRun(d.id, 'backup', false);
  const byInterval = good ? new Date(good.at).getTime() + intervalHours * HOUR_MS : now.getTime();
  const byRetry =
    last && !last.ok
      ? new Date(last.at).getTime() + Math.min(RETRY_AFTER_MS, intervalHours * HOUR_MS)
      : 0;
  return new Date(Math.max(byInterval, byRetry));
}

/** The destinations whose scheduled backup is due at `now`. */
export function dueDestinations(store: Store, now: Date): BackupDestination[] {
  const { intervalHours } = store.backups.schedule();
  return store.backups
    .destinations()
    .filter((d) => dueAt(store, d, intervalHours, now).getTime() <= now.getTime());
}

function warningsFor(
  destinations: BackupStatus['destinations'],
  lastGoodAt: string | null,
  now: Date,
): BackupWarning[] {
  const warnings: BackupWarning[] = [];
  if (destinations.length === 0) {
    warnings.push({
      code: 'none_configured',
      message:
        'No backup folder is set up, so nothing is being backed up. Choose one under Backups.',
    });
    return warnings;
  }
  if (lastGoodAt === null)
    warnings.push({ code: 'never_backed_up', message: 'There is no good backup yet.' });
  else if (hoursBetween(lastGoodAt, now) > BACKUP_STALE_HOURS)
    warnings.push({
      code: 'stale',
      message: `The newest good backup is more than a day old (${formatInstant(lastGoodAt)}).`,
    });
  for (const d of destinations) {
    if (d.lastRun && !d.lastRun.ok)
      warnings.push({
        code: 'last_run_failed',
        message: `The last backup to ${d.label} failed: ${d.lastRun.problem ?? 'no reason was recorded'}`,
      });
  }
  const offline = destinations.filter((d) => d.offline);
  if (offline.length === 0)
    warnings.push({
      code: 'no_offline',
      message:
        'No backup folder is marked as kept offline or off site. Keep one copy away from this computer (the 3-2-1 rule).',
    });
  for (const d of offline) {
    if (!d.lastGood || hoursBetween(d.lastGood.at, now) > OFFLINE_STALE_DAYS * 24)
      warnings.push({
        code: 'offline_stale',
        message: d.lastGood
          ? `The offline copy on ${d.label} is more than ${OFFLINE_STALE_DAYS} days old (${formatInstant(d.lastGood.at)}). Connect it and back up.`
          : `The offline copy on ${d.label} has no good backup yet. Connect it and back up.`,
      });
  }
  return warnings;
}

/** Everything the Backups page and the dashboard show. */
export function backupStatus(store: Store, now: Date): BackupStatus {
  const { intervalHours, keep } = store.backups.schedule();
  const destinations = store.backups.destinations().map((d) => ({
    ...d,
    lastGood: store.backups.latestRun(d.id, 'backup', true),
    lastRun: store.backups.latestRun(d.id, 'backup', false),
    lastVerify: store.backups.latestRun(d.id, 'verify', false),
  }));
  const goods = destinations.flatMap((d) => (d.lastGood ? [d.lastGood.at] : []));
  const lastGoodAt = goods.length > 0 ? goods.reduce((a, b) => (a > b ? a : b)) : null;
  const dues = destinations.map((d) => dueAt(store, d, intervalHours, now).getTime());
  return {
    destinations,
    intervalHours,
    keep,
    lastGoodAt,
    nextDueAt: dues.length > 0 ? new Date(Math.min(...dues)).toISOString() : null,
    warnings: warningsFor(destinations, lastGoodAt, now),
    history: store.backups.recentRuns(BACKUP_HISTORY_SHOWN),
  };
}

export function backupHealth(store: Store, now: Date): BackupHealth {
  const { lastGoodAt, warnings } = backupStatus(store, now);
  return { lastGoodAt, warnings };
}

/**
 * Writes one backup to each destination and prunes old ones; the outcome of each is returned
 * for the log, never thrown, so one unplugged drive does not stop the others.
 */
export function performBackups(
  vault: Vault,
  destinations: readonly BackupDestination[],
  keep: number,
  now: Date,
  trigger: BackupRun['trigger'],
  actorId: string | null,
): NewBackupRun[] {
  return destinations.map((d) => {
    const base = {
      id: newId(now),
      at: now.toISOString(),
      kind: 'backup' as const,
      trigger,
      actorId,
      destinationId: d.id,
    };
    try {
      const written = writeBackup(vault, d.path, now);
      pruneBackups(d.path, keep, written.folder);
      return {
        ...base,
        folder: basename(written.folder),
        bytes: written.manifest.databaseBytes,
        sha256: written.manifest.databaseSha256,
        ok: true,
        problem: null,
        auditSeq: written.manifest.auditHead.seq,
      };
    } catch (err) {
      if (!(err instanceof BackupError)) throw err;
      return {
        ...base,
        folder: null,
        bytes: null,
        sha256: null,
        ok: false,
        problem: err.message,
        auditSeq: null,
      };
    }
  });
}

function recordedRun(store: Store, id: string): BackupRun {
  const run = store.backups.runById(id);
  if (!run) throw new Error('a backup run was not recorded');
  return run;
}

/** Writes the log rows (and their one audit row) for backups the scheduler ran. */
export function recordScheduledRuns(store: Store, runs: readonly NewBackupRun[], now: Date): void {
  store.db
    .transaction(() => {
      for (const r of runs) store.backups.addRun(r);
      store.audit({
        at: now.toISOString(),
        sessionId: 'backup-scheduler',
        actorId: null,
        role: null,
        method: 'backup.scheduled',
        recordIds: runs.map((r) => r.id),
        outcome: runs.every((r) => r.ok) ? 'ok' : 'failed',
        errorCode: runs.every((r) => r.ok) ? null : 'store_error',
      });
    })
    .immediate();
}

export async function chooseBackupFolder(
  ctx: HandlerContext,
): Promise<Handled<MethodOutput<'backup.chooseFolder'>>> {
  return {
    value: { path: await ctx.platform.chooseFolder('Choose a folder for Lantern backups') },
  };
}

export function getBackupStatus(ctx: HandlerContext): Handled<MethodOutput<'backup.status'>> {
  return { value: backupStatus(ctx.store, ctx.now) };
}

export function saveBackupSettings(
  ctx: HandlerContext,
  input: ParsedInput<'backup.saveSettings'>,
): Handled<MethodOutput<'backup.saveSettings'>> {
  const by = signedInUserId(ctx);
  const at = ctx.now.toISOString();
  const repo = ctx.store.backups;
  const current = new Map(repo.destinations().map((d) => [d.id, d]));
  const fields: Record<string, string> = {};
  input.destinations.forEach((d, i) => {
    if (d.id !== '' && !current.has(d.id))
      fields[`destinations.${i}.id`] = 'That backup folder has been removed. Reload the page.';
    // A folder that is not there now (a drive taken home) may still be saved; only a folder
    // inside Lantern's own data is refused outright.
    if (isWithin(d.path, ctx.vault.paths.dataDir))
      fields[`destinations.${i}.path`] = INSIDE_DATA_DIR;
  });
  if (Object.keys(fields).length > 0)
    throw new ApiFailure('invalid_input', 'Some backup folders need correcting.', fields);
  const kept = new Set<string>();
  const ids: string[] = [];
  input.destinations.forEach((d, position) => {
    const id = d.id === '' ? newId(ctx.now) : d.id;
    const destination = { id, label: d.label, path: d.path, offline: d.offline };
    if (d.id === '') repo.addDestination(destination, position, at, by);
    else repo.updateDestination(destination, position, at, by);
    kept.add(id);
    ids.push(id);
  });
  for (const id of current.keys()) {
    if (!kept.has(id)) {
      repo.removeDestination(id, at, by);
      ids.push(id);
    }
  }
  repo.saveSchedule({ intervalHours: input.intervalHours, keep: input.keep }, at, by);
  return { value: backupStatus(ctx.store, ctx.now), recordIds: ids };
}

export function runBackupNow(
  ctx: HandlerContext,
  input: ParsedInput<'backup.run'>,
): Handled<MethodOutput<'backup.run'>> {
  const by = signedInUserId(ctx);
  const all = ctx.store.backups.destinations();
  const chosen =
    input.destinationId === undefined ? all : all.filter((d) => d.id === input.destinationId);
  if (all.length === 0)
    throw new ApiFailure('conflict', 'Choose a backup folder first, then back up.');
  if (chosen.length === 0) throw new ApiFailure('not_found', 'That backup folder is not set up.');
  const runs = performBackups(
    ctx.vault,
    chosen,
    ctx.store.backups.schedule().keep,
    ctx.now,
    'manual',
    by,
  );
  const recorded = ctx.commit(
    runs.map((r) => r.id),
    () =>
      runs.map((r) => {
        ctx.store.backups.addRun(r);
        return recordedRun(ctx.store, r.id);
      }),
  );
  return { value: { runs: recorded, status: backupStatus(ctx.store, ctx.now) } };
}

export function verifyLatestBackup(
  ctx: HandlerContext,
  input: ParsedInput<'backup.verify'>,
): Handled<MethodOutput<'backup.verify'>> {
  const by = signedInUserId(ctx);
  const d = ctx.store.backups.destinations().find((x) => x.id === input.destinationId);
  if (!d) throw new ApiFailure('not_found', 'That backup folder is not set up.');
  const latest = listBackups(d.path)[0];
  const base = {
    id: newId(ctx.now),
    at: ctx.now.toISOString(),
    kind: 'verify' as const,
    trigger: 'manual' as const,
    actorId: by,
    destinationId: d.id,
  };
  let run: NewBackupRun;
  if (latest === undefined) {
    run = {
      ...base,
      folder: null,
      bytes: null,
      sha256: null,
      ok: false,
      problem: `There is no backup in ${d.path} to check.`,
      auditSeq: null,
    };
  } else {
    const check = ctx.vault.withDataKey((key) => verifyBackupWithKey(join(d.path, latest), key));
    run = check.ok
      ? {
          ...base,
          folder: latest,
          bytes: check.manifest.databaseBytes,
          sha256: check.manifest.databaseSha256,
          ok: true,
          problem: null,
          auditSeq: check.manifest.auditHead.seq,
        }
      : {
          ...base,
          folder: latest,
          bytes: null,
          sha256: null,
          ok: false,
          problem: check.problem,
          auditSeq: null,
        };
  }
  const recorded = ctx.commit([run.id], () => {
    ctx.store.backups.addRun(run);
    return recordedRun(ctx.store, run.id);
  });
  return { value: { run: recorded, status: backupStatus(ctx.store, ctx.now) } };
}
