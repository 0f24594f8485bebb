import type { Settings } from '../../shared/settings/schema';
import { AUTO_LOCK_MINUTES } from '../../shared/settings/schema';
import type { Db } from '../db/open';

export function settingsRepo(db: Db) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare(`
    INSERT INTO settings (key, value, updated_at, updated_by) VALUES (:key, :value, :now, :by)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
      updated_by = excluded.updated_by
  `);
  return {
    get(): Settings {
      const raw = Number(get.get('auto_lock_minutes')?.value);
      const inRange =
        Number.isInteger(raw) && raw >= AUTO_LOCK_MINUTES.min && raw <= AUTO_LOCK_MINUTES.max;
      return { autoLockMinutes: inRange ? raw : AUTO_LOCK_MINUTES.default };
    },
    save(settings: Settings, now: string, by: string | null): void {
      put.run({ key: 'auto_lock_minutes', value: String(settings.autoLockMinutes), now, by });
    },
  };
}
