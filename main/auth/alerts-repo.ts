import type { SecurityAlert } from '../../shared/api';
import type { Db } from '../db/open';

export function alertsRepo(db: Db) {
  const open = db.prepare<
    [],
    { id: string; kind: string; at: string; user_id: string; display_name: string }
  >(`
    SELECT a.id, a.kind, a.at, a.user_id, u.display_name FROM security_alerts a
    JOIN users u ON u.id = a.user_id WHERE a.acknowledged_at IS NULL ORDER BY a.at
  `);
  const insert = db.prepare(
    'INSERT INTO security_alerts (id, kind, at, user_id) VALUES (:id, :kind, :at, :userId)',
  );
  const ack = db.prepare(`
    UPDATE security_alerts SET acknowledged_at = :now, acknowledged_by = :by
    WHERE id = :id AND acknowledged_at IS NULL
  `);
  return {
    open: (): SecurityAlert[] =>
      open.all().map((r) => ({
        id: r.id,
        kind: 'recovery_key_used' as const,
        at: r.at,
        userId: r.user_id,
        displayName: r.display_name,
      })),
    raise(alert: { id: string; kind: SecurityAlert['kind']; at: string; userId: string }): void {
      insert.run(alert);
    },
    acknowledge(id: string, by: string, now: string): boolean {
      return ack.run({ id, by, now }).changes === 1;
    },
  };
}
