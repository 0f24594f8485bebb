import type { BackupRun } from '../../shared/backup/schema';
import { formatInstant } from '../../shared/dates/calendar-date';

/** 1 234 567 bytes → "1.2 MB". */
export function sizeText(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "Backed up 28 Nov 2026, 14:05" / "Check failed 28 Nov 2026, 14:05: …", in words, not colour. */
export function runText(run: BackupRun): string {
  const what = run.kind === 'backup' ? 'Backup' : 'Check';
  const when = formatInstant(run.at);
  return run.ok
    ? `${what} succeeded ${when}`
    : `${what} failed ${when}: ${run.problem ?? 'no reason was recorded'}`;
}

export function lastGoodText(at: string | null): string {
  return at === null ? 'None yet' : formatInstant(at);
}
