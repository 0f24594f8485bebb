import { isMethodName, methods } from '../../shared/api';
import type { AuditOutcome } from '../../shared/audit/schema';

export const outcomeLabels: Record<AuditOutcome, string> = {
  ok: 'Allowed',
  denied: 'Refused',
  invalid: 'Rejected',
  failed: 'Failed',
};

/**
 * An audit entry's action in plain English: the contract's summary of the method. main records
 * a call to a method it does not know as `unknown:<name>`, which has no summary.
 */
export function actionLabel(method: string): string {
  return isMethodName(method) ? methods[method].summary : 'Unknown operation';
}
