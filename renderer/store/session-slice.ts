import type { MethodInput, SessionStatus } from '../../shared/api';
import type { ApiError, Result } from '../../shared/result';
import { call } from '../api';
import { initialAlerts } from './alerts-slice';
import { initialAudit } from './audit-slice';
import { initialCasework } from './casework-slice';
import { initialChildren } from './children-slice';
import { initialChronology } from './chronology-slice';
import { initialConcerns } from './concerns-slice';
import { initialDashboard } from './dashboard-slice';
import { initialDesignations } from './designations-slice';
import { initialDuties } from './duties-slice';
import { initialDutySettings } from './duty-settings-slice';
import { initialEncompass } from './encompass-slice';
import { initialFamily } from './family-slice';
import { initialForms } from './forms-slice';
import { initialGovernance } from './governance-slice';
import { initialPacks } from './packs-slice';
import { initialPolicies } from './policies-slice';
import { initialRetention } from './retention-slice';
import { initialSar } from './sar-slice';
import { initialTemplates } from './templates-slice';
import { initialImport } from './import-slice';
import type { Notice } from './navigation-slice';
import { initialNavigation } from './navigation-slice';
import { openedState } from './opened';
import { sessionCall } from './request';
import { initialSafeguardingAudit } from './safeguarding-audit-slice';
import { initialSchool } from './school-slice';
import { initialSearch } from './search-slice';
import { initialSecurity } from './security-slice';
import { initialSettings } from './settings-slice';
import { initialSetup } from './setup-slice';
import { initialUsers } from './users-slice';
import type { LanternState, SliceCreator } from './types';

export type SessionSlice = {
  session: SessionStatus | null;
  sessionError: ApiError | null;
  /** Shown on the sign-in screen: why Lantern locked, or that a lock could not be confirmed. */
  lockNotice: Notice | null;
  /** Bumped whenever the session ends, so answers to calls made before then are dropped. */
  epoch: number;
  loadSession: () => Promise<void>;
  /** Each resolves to the error to show, or null once signed in. */
  signIn: (username: string, passphrase: string) => Promise<ApiError | null>;
  recover: (input: MethodInput<'auth.recover'>) => Promise<ApiError | null>;
  /** Resolves to null when the session ended before main answered. */
  changePassphrase: (
    input: MethodInput<'auth.changePassphrase'>,
  ) => Promise<Result<SessionStatus> | null>;
  /** Locks now; `reason` is shown on the sign-in screen (for example after inactivity). */
  lock: (reason?: Notice) => Promise<void>;
  /** main reported the session gone (it locked itself): forget every record. */
  sessionEnded: () => void;
  /** Opens the demonstration school (built first if needed), signed in as its DSL. */
  exploreDemo: (fresh: boolean) => Promise<ApiError | null>;
  /** Leaves the demonstration school for the school's own store, forgetting its records. */
  leaveDemo: () => Promise<ApiError | null>;
};

/**
 * Every slice's record data back to empty: after a lock the renderer holds no child data, no
 * one-time passphrase and no recovery key.
 */
function withoutRecords(state: LanternState): Partial<LanternState> {
  return {
    ...initialNavigation,
    ...initialSchool,
    ...initialChildren,
    ...initialConcerns,
    ...initialCasework,
    ...initialDashboard,
    ...initialDuties,
    ...initialDutySettings,
    ...initialSearch,
    ...initialDesignations,
    ...initialEncompass,
    ...initialSafeguardingAudit,
    ...initialChronology,
    ...initialFamily,
    ...initialForms,
    ...initialGovernance,
    ...initialPacks,
    ...initialPolicies,
    ...initialRetention,
    ...initialSar,
    ...initialTemplates,
    ...initialImport,
    ...initialUsers,
    ...initialAudit,
    ...initialSettings,
    ...initialAlerts,
    ...initialSetup,
    ...initialSecurity,
    epoch: state.epoch + 1,
    session: state.session && {
      ...state.session,
      unlocked: false,
      role: null,
      user: null,
      mustChangePassphrase: false,
    },
  };
}

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get) => {
  function opened(session: SessionStatus): null {
    set(openedState(session));
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

    async signIn(username, passphrase) {
      const result = await call('auth.signIn', { username, passphrase });
      return result.ok ? opened(result.value) : result.error;
    },

    async recover(input) {
      const result = await call('auth.recover', input);
      return result.ok ? opened(result.value) : result.error;
    },

    async changePassphrase(input) {
      const result = await sessionCall(get, 'auth.changePassphrase', input);
      if (result?.ok) set({ session: result.value });
      return result;
    },

    async lock(reason) {
      if (!get().session?.unlocked) return;
      // Forget records before asking main, so nothing lingers even if main never answers.
      set(withoutRecords(get()));
      const result = await call('auth.lock', {});
      set(
        result.ok
          ? { session: result.value, lockNotice: reason ?? null }
          : {
              lockNotice: {
                tone: 'warning',
                text: `Lantern could not confirm that it is locked: ${result.error.message} Close Lantern to be sure.`,
              },
            },
      );
    },

    async exploreDemo(fresh) {
      const result = await call('demo.explore', { fresh });
      return result.ok ? opened(result.value) : result.error;
    },

    async leaveDemo() {
      set(withoutRecords(get()));
      const result = await call('demo.leave', {});
      if (!result.ok) return result.error;
      set({ session: result.value, lockNotice: null });
      return null;
    },

    sessionEnded() {
      set({ ...withoutRecords(get()), lockNotice: { tone: 'info', text: 'Lantern locked.' } });
    },
  };
};
