import type { EscalationRule } from '../casework/escalation';

/** Auto-lock after inactivity: 5 minutes by default; the DSL may choose within these limits. */
export const AUTO_LOCK_MINUTES = { default: 5, min: 1, max: 30 } as const;

export type Settings = {
  autoLockMinutes: number;
  /** The escalation pattern prompt's rules (shared/casework/escalation.ts), in priority order. */
  escalationRules: EscalationRule[];
};
