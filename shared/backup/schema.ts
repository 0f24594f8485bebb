/**
 * Backups (security R6, G3): where they go, how often, how many are kept, and what the log of
 * runs says. A destination is a folder (an external drive, a network share); one of them should
 * be a copy kept offline or off site, and Lantern warns when that copy is getting old.
 */
import { z } from 'zod';

import { recordId } from '../record-id';

export const BACKUP_INTERVAL_HOURS = { default: 24, min: 1, max: 168 } as const;
export const BACKUP_KEEP = { default: 14, min: 1, max: 365 } as const;
/** An external drive, a network share and one more at most. */
export const MAX_BACKUP_DESTINATIONS = 3;
/** The newest good backup should be no older than this (RPO ≤ 24 h). */
export const BACKUP_STALE_HOURS = 24;
/** The newest good backup on an offline or removable destination should be no older than this. */
export const OFFLINE_STALE_DAYS = 7;

/** An absolute folder path on Windows (C:\…, \\server\share) or macOS and Linux (/…). */
function isAbsoluteFolder(path: string): boolean {
  return /^(\/|[A-Za-z]:[\\/]|\\\\[^\\]+\\[^\\]+)/.test(path);
}

export const backupDestinationInput = z.strictObject({
  /** '' for a new destination. */
  id: z.union([z.literal(''), recordId]),
  label: z
    .string()
    .trim()
    .min(1, 'Give this backup folder a name, such as “External drive”.')
    .max(80, 'Keep the name to 80 characters or fewer.'),
  path: z
    .string()
    .trim()
    .min(1, 'Choose a folder.')
    .max(1000, 'That folder path is too long.')
    .refine(isAbsoluteFolder, 'Choose a complete folder path, such as E:\\Lantern backups.'),
  /** Kept offline or off site (a removable drive taken home, a share in another building). */
  offline: z.boolean(),
});
export type BackupDestinationInput = z.input<typeof backupDestinationInput>;

export const backupSettingsInput = z.strictObject({
  destinations: z
    .array(backupDestinationInput)
    .max(MAX_BACKUP_DESTINATIONS, `Choose at most ${MAX_BACKUP_DESTINATIONS} backup folders.`)
    .refine(
      (ds) => new Set(ds.map((d) => d.path)).size === ds.length,
      'Each backup folder can be listed once.',
    ),
  intervalHours: z
    .int('Enter a whole number of hours.')
    .min(BACKUP_INTERVAL_HOURS.min, 'Back up at least once an hour at most.')
    .max(BACKUP_INTERVAL_HOURS.max, 'Back up at least once a week.'),
  keep: z
    .int('Enter a whole number of backups.')
    .min(BACKUP_KEEP.min, 'Keep at least one backup in each folder.')
    .max(BACKUP_KEEP.max, `Keep at most ${BACKUP_KEEP.max} backups in each folder.`),
});
export type BackupSettingsInput = z.input<typeof backupSettingsInput>;

export const backupRunInput = z.strictObject({
  /** Omit to back up to every destination. */
  destinationId: recordId.optional(),
});

export const backupVerifyInput = z.strictObject({ destinationId: recordId });

export type BackupDestination = {
  id: string;
  label: string;
  path: string;
  offline: boolean;
};

/** One line of the append-only log: a backup written, or a backup checked. */
export type BackupRun = {
  id: string;
  at: string;
  kind: 'backup' | 'verify';
  trigger: 'manual' | 'scheduled';
  destinationId: string;
  destinationLabel: string;
  /** The backup folder's name; null when nothing was written. */
  folder: string | null;
  bytes: number | null;
  sha256: string | null;
  ok: boolean;
  /** Why it failed, in words a person can act on; null when it worked. */
  problem: string | null;
  /** The audit log's head sequence number captured in the backup. */
  auditSeq: number | null;
};

export type BackupWarningCode =
  | 'none_configured'
  | 'never_backed_up'
  | 'stale'
  | 'last_run_failed'
  | 'no_offline'
  | 'offline_stale';

export type BackupWarning = { code: BackupWarningCode; message: string };

export type BackupDestinationStatus = BackupDestination & {
  lastGood: BackupRun | null;
  lastRun: BackupRun | null;
  lastVerify: BackupRun | null;
};

export type BackupStatus = {
  destinations: BackupDestinationStatus[];
  intervalHours: number;
  keep: number;
  /** When the newest good backup anywhere was written; null when there is none. */
  lastGoodAt: string | null;
  /** When the next scheduled backup is due; null with no destination. */
  nextDueAt: string | null;
  warnings: BackupWarning[];
  /** The newest runs first. */
  history: BackupRun[];
};

/** What the dashboard shows about backups: the newest good one and any warnings. */
export type BackupHealth = Pick<BackupStatus, 'lastGoodAt' | 'warnings'>;

/** The newest runs the status returns. */
export const BACKUP_HISTORY_SHOWN = 30;
