import type { BackupDestination, BackupRun } from '../../shared/backup/schema';
import { BACKUP_INTERVAL_HOURS, BACKUP_KEEP } from '../../shared/backup/schema';
import type { Db } from '../db/open';

type DestinationRow = { id: string; label: string; path: string; offline: number };

type RunRow = {
  id: string;
  at: string;
  kind: BackupRun['kind'];
  trigger: BackupRun['trigger'];
  destination_id: string;
  destination_label: string;
  folder: string | null;
  bytes: number | null;
  sha256: string | null;
  ok: number;
  problem: string | null;
  audit_seq: number | null;
};

function destination(row: DestinationRow): BackupDestination {
  return { id: row.id, label: row.label, path: row.path, offline: row.offline === 1 };
}

function run(row: RunRow): BackupRun {
  return {
    id: row.id,
    at: row.at,
    kind: row.kind,
    trigger: row.trigger,
    destinationId: row.destination_id,
    destinationLabel: row.destination_label,
    folder: row.folder,
    bytes: row.bytes,
    sha256: row.sha256,
    ok: row.ok === 1,
    problem: row.problem,
    auditSeq: row.audit_seq,
  };
}

export type NewBackupRun = Omit<BackupRun, 'destinationLabel'> & { actorId: string | null };

const RUN_COLUMNS = `r.id, r.at, r.kind, r.trigger, r.destination_id, d.label AS destination_label,
  r.folder, r.bytes, r.sha256, r.ok, r.problem, r.audit_seq`;

/**
 * Backup destinations, the schedule and the append-only log of runs (migration 0019). Runs made
 * in the same millisecond are told apart by insertion order (rowid), not by their random ids.
 */
export function backupsRepo(db: Db) {
  const listDestinations = db.prepare<[], DestinationRow>(
    'SELECT id, label, path, offline FROM backup_destinations WHERE removed_at IS NULL ORDER BY position, id',
  );
  const insertDestination = db.prepare(`
    INSERT INTO backup_destinations (id, label, path, offline, position, created_at, updated_at,
      updated_by)
    VALUES (:id, :label, :path, :offline, :position, :now, :now, :by)
  `);
  const updateDestination = db.prepare(`
    UPDATE backup_destinations SET label = :label, path = :path, offline = :offline,
      position = :position, updated_at = :now, updated_by = :by
    WHERE id = :id AND removed_at IS NULL
  `);
  const removeDestination = db.prepare(
    'UPDATE backup_destinations SET removed_at = :now, updated_at = :now, updated_by = :by WHERE id = :id',
  );
  const getSchedule = db.prepare<[], { interval_hours: number; keep: number }>(
    'SELECT interval_hours, keep FROM backup_schedule WHERE id = 1',
  );
  const putSchedule = db.prepare(
    'UPDATE backup_schedule SET interval_hours = :intervalHours, keep = :keep, updated_at = :now, updated_by = :by WHERE id = 1',
  );
  const insertRun = db.prepare(`
    INSERT INTO backup_runs (id, at, kind, trigger, actor_id, destination_id, folder, bytes,
      sha256, ok, problem, audit_seq)
    VALUES (:id, :at, :kind, :trigger, :actorId, :destinationId, :folder, :bytes, :sha256, :ok,
      :problem, :auditSeq)
  `);
  const recent = db.prepare<[number], RunRow>(`
    SELECT ${RUN_COLUMNS} FROM backup_runs r JOIN backup_destinations d ON d.id = r.destination_id
    ORDER BY r.at DESC, r.rowid DESC LIMIT ?
  `);
  const byId = db.prepare<[string], RunRow>(`
    SELECT ${RUN_COLUMNS} FROM backup_runs r JOIN backup_destinations d ON d.id = r.destination_id
    WHERE r.id = ?
  `);
  const latest = db.prepare<{ destinationId: string; kind: string; okOnly: number }, RunRow>(`
    SELECT ${RUN_COLUMNS} FROM backup_runs r JOIN backup_destinations d ON d.id = r.destination_id
    WHERE r.destination_id = :destinationId AND r.kind = :kind AND (:okOnly = 0 OR r.ok = 1)
    ORDER BY r.at DESC, r.rowid DESC LIMIT 1
  `);

  return {
    destinations: (): BackupDestination[] => listDestinations.all().map(destination),
    addDestination(d: BackupDestination, position: number, now: string, by: string | null): void {
      insertDestination.run({ ...d, offline: d.offline ? 1 : 0, position, now, by });
    },
    updateDestination(
      d: BackupDestination,
      position: number,
      now: string,
      by: string | null,
    ): void {
      updateDestination.run({ ...d, offline: d.offline ? 1 : 0, position, now, by });
    },
    removeDestination(id: string, now: string, by: string | null): void {
      removeDestination.run({ id, now, by });
    },
    schedule(): { intervalHours: number; keep: number } {
      const row = getSchedule.get();
      return {
        intervalHours: row?.interval_hours ?? BACKUP_INTERVAL_HOURS.default,
        keep: row?.keep ?? BACKUP_KEEP.default,
      };
    },
    saveSchedule(s: { intervalHours: number; keep: number }, now: string, by: string | null): void {
      putSchedule.run({ ...s, now, by });
    },
    addRun(r: NewBackupRun): void {
      insertRun.run({ ...r, ok: r.ok ? 1 : 0 });
    },
    recentRuns: (limit: number): BackupRun[] => recent.all(limit).map(run),
    runById(id: string): BackupRun | null {
      const row = byId.get(id);
      return row ? run(row) : null;
    },
    latestRun(destinationId: string, kind: BackupRun['kind'], okOnly: boolean): BackupRun | null {
      const row = latest.get({ destinationId, kind, okOnly: okOnly ? 1 : 0 });
      return row ? run(row) : null;
    },
  };
}
