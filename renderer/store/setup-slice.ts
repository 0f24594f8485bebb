import type { MethodInput, SavedFile, SessionStatus } from '../../shared/api';
import type { ApiError, Result } from '../../shared/result';
import { call } from '../api';
import { sessionCall } from './request';
import { openedState } from './opened';
import type { SliceCreator } from './types';

export type SetupSlice = {
  /**
   * The recovery key set-up issued, held only until the DSL confirms they have stored it (or
   * Lantern locks). main shows it once; after a reload it is gone from here for good.
   */
  recoveryKey: string | null;
  /** Creates the store, school and first DSL; resolves to the error to show, or null. */
  createStore: (input: MethodInput<'setup.create'>) => Promise<ApiError | null>;
  saveRecoverySheet: () => Promise<Result<SavedFile> | null>;
  confirmRecoveryKey: (lastGroup: string) => Promise<Result<SessionStatus> | null>;
};

export const initialSetup: Pick<SetupSlice, 'recoveryKey'> = { recoveryKey: null };

export const createSetupSlice: SliceCreator<SetupSlice> = (set, get) => ({
  ...initialSetup,

  async createStore(input) {
    const result = await call('setup.create', input);
    if (!result.ok) return result.error;
    set({ ...openedState(result.value.status), recoveryKey: result.value.recoveryKey });
    return null;
  },

  saveRecoverySheet() {
    return sessionCall(get, 'setup.saveRecoverySheet', {});
  },

  async confirmRecoveryKey(lastGroup) {
    const result = await sessionCall(get, 'setup.confirmRecoveryKey', { lastGroup });
    if (result?.ok) set({ session: result.value, recoveryKey: null });
    return result;
  },
});
