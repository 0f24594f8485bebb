import type { MethodInput, MethodName, MethodOutput } from '../../shared/api';
import type { Result } from '../../shared/result';
import { call } from '../api';
import type { LanternState } from './types';

/**
 * Sends a call on behalf of the unlocked session. An answer that arrives after the session has
 * ended (locked here, or expired in main) is dropped and reads as null, so no record can re-enter
 * the store after a lock.
 */
export async function sessionCall<M extends MethodName>(
  get: () => LanternState,
  method: M,
  input: MethodInput<M>,
): Promise<Result<MethodOutput<M>> | null> {
  const epoch = get().epoch;
  const result = await call(method, input);
  if (get().epoch !== epoch) return null;
  if (!result.ok && result.error.code === 'unauthenticated') {
    get().sessionEnded();
    return null;
  }
  return result;
}
