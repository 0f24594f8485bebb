import type { EscalationRule } from '../../shared/casework/escalation';
import { defaultEscalationRules, escalationRules } from '../../shared/casework/escalation';
import type { Settings } from '../../shared/settings/schema';
import { AUTO_LOCK_MINUTES } from '../../shared/settings/schema';
import { SUPPRESSION_THRESHOLD } from '../../shared/governance/stats';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../shared/governance/suppression';
import type { Db } from '../db/open';

const THRESHOLD_KEY = 'governance_suppression_threshold';

/** Stored rules, or the defaults until the school saves its own (or if what is stored is bad). */
function rulesFrom(raw: string | undefined): EscalationRule[] {
  if (raw === undefined) return [...defaultEscalationRules];
  try {
    const parsed = escalationRules.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [...defaultEscalationRules];
  } catch {
    // Only Lantern writes this value; were it ever unreadable, the prompt falls back to the
    // defaults rather than taking settings (and with them the auto-lock) down.
    return [...defaultEscalationRules];
  }
}

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
      return {
        autoLockMinutes: inRange ? raw : AUTO_LOCK_MINUTES.default,
        escalationRules: rulesFrom(get.get('escalation_rules')?.value),
      };
    },
    save(settings: Pick<Settings, 'autoLockMinutes'>, now: string, by: string | null): void {
      put.run({ key: 'auto_lock_minutes', value: String(settings.autoLockMinutes), now, by });
    },
    saveEscalationRules(rules: readonly EscalationRule[], now: string, by: string | null): void {
      put.run({ key: 'escalation_rules', value: JSON.stringify(rules), now, by });
    },
    /** The governors' statistics withhold counts below this (issue 7): the default until saved. */
    suppressionThreshold(): number {
      const raw = Number(get.get(THRESHOLD_KEY)?.value);
      return Number.isInteger(raw) &&
        raw >= SUPPRESSION_THRESHOLD.min &&
        raw <= SUPPRESSION_THRESHOLD.max
        ? raw
        : DEFAULT_SUPPRESSION_THRESHOLD;
    },
    saveSuppressionThreshold(threshold: number, now: string, by: string | null): void {
      put.run({ key: THRESHOLD_KEY, value: String(threshold), now, by });
    },
  };
}
