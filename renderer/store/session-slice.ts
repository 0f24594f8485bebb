import type { SessionStatus } from '../../shared/api';
import type { ApiError } from '../../shared/result';
import { call } from '../api';
import { initialChildren } from './children-slice';
import type { Notice } from './navigation-slice';
import { homeRoute, initialNavigation } from './navigation-slice';
import { initialSchool } from './school-slice';
import type { LanternState, SliceCreator } from './types';

export type SessionSlice = {
  session: SessionStatus | null;
  sessionError: ApiError | null;
  /** Shown on the unlock screen: why Lantern locked, or that a lock could not be confirmed. */
  lockNotice: Notice | null;
  /** Bumped whenever the session ends, so answers to calls made before then are dropped. */
  epoch: number;
  loadSession: () => Promise<void>;
  /** Each resolves to the error to show, or null once the session is unlocked. */
  createVault: (passphrase: string, confirmation: string) => Promise<ApiError | null>;
  unlock: (passphrase: string) => Promise<ApiError | null>;
  lock: () => Promise<void>;
  /** main reported the session gone (it locked itself): forget every record. */
  sessionEnded: () => void;
};

/** Every slice's record data back to empty: after a lock the renderer holds no child data. */
function withoutRecords(state: LanternState): Partial<LanternState> {
  return {
    ...initialNavigation,
    ...initialSchool,
    ...initialChildren,
    epoch: state.epoch + 1,
    session: state.session && { ...state.session, unlocked: false, role: null },
  };
}

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get) => {
  function opened(session: SessionStatus): null {
    set({ session, route: homeRoute(session.role), lockNotice: null });
    return null;
  }

  return {
    session: null,
    sessionError: null,
    lockNotice: null,
    epoch: 0,

    async loadSession() {
      set({ sessionError: null });
      const result = await call('session.status', {});
      if (result.ok) opened(result.value);
      else set({ sessionError: result.error });
    },

    async createVault(passphrase, confirmation) {
      const result = await call('vault.create', { passphrase, confirmation });
      return result.ok ? opened(result.value) : result.error;
    },

    async unlock(passphrase) {
      const result = await call('vault.unlock', { passphrase });
      return result.ok ? opened(result.value) : result.error;
    },

    async lock() {
      if (!get().session?.unlocked) return;
      // Forget records before asking main, so nothing lingers even if main never answers.
      set(withoutRecords(get()));
      const result = await call('vault.lock', {});
      set(
        result.ok
          ? { session: result.value }
          : {
              lockNotice: {
                tone: 'warning',
                text: `Lantern could not confirm that the store is locked: ${result.error.message} Close Lantern to be sure.`,
              },
            },
      );
    },

    sessionEnded() {
      set({
        ...withoutRecords(get()),
        lockNotice: { tone: 'info', text: 'Lantern locked. Enter the passphrase to carry on.' },
      });
    },
  };
};
