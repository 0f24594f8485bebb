import type { Permission } from '../../shared/auth/roles';
import { can } from '../../shared/auth/roles';
import { useLantern } from '../store';

/** Whether the signed-in role may use a feature; the UI hides what main would refuse anyway. */
export function useCan(permission: Permission): boolean {
  return useLantern((s) => can(s.session?.role ?? null, permission));
}
