import type { BackupToRestore, MethodInput, SavedFile, SessionStatus } from '../../shared/api';
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
  /** First run after a lost computer: main's folder dialog, then a first look at the backup. */
  chooseBackup: () => Promise<Result<BackupToRestore | null>>;
  /** Restores the chosen backup into this computer's empty data directory. */
  restoreBackup: (input: MethodInput<'setup.restore'>) => Promise<ApiError | null>;
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

  chooseBackup() {
    return call('setup.chooseBackup', {});
  },

  async restoreBackup(input) {
    const result = await call('setup.restore', input);
    if (!result.ok) return result.error;
    set({
      ...openedState(result.value),
      // Restored with the recovery key: the store is back, and nobody is signed in yet.
      ...(result.value.unlocked
        ? {}
        : {
            lockNotice: {
              tone: 'success' as const,
              text: 'The backup was checked and restored. Choose “Forgotten your passphrase?” and use the recovery key to set a new passphrase.',
            },
          }),
    });
    return null;
  },

  async confirmRecoveryKey(lastGroup) {
    const result = await sessionCall(get, 'setup.confirmRecoveryKey', { lastGroup });
    if (result?.ok) set({ session: result.value, recoveryKey: null });
    return result;
  },
});
