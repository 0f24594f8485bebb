import type { AuditOutcome } from '../../shared/audit/schema';

export const outcomeLabels: Record<AuditOutcome, string> = {
  ok: 'Allowed',
  denied: 'Refused',
  invalid: 'Rejected',
  failed: 'Failed',
};
