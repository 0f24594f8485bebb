import type { MethodInput, SavedFile } from '../../shared/api';
import type { GovernanceStats, GovernanceStatsInput } from '../../shared/governance/stats';
import type { ApiError, Result } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

export type GovernanceSlice = {
  /** The governors' statistics as last asked for (aggregates only, security G8). */
  governance: {
    value: GovernanceStats | null;
    status: LoadStatus;
    error: ApiError | null;
  };
  loadGovernance: (input: GovernanceStatsInput) => Promise<void>;
  /** Resolves to null when the session ended before main answered. */
  exportGovernorsReport: (input: GovernanceStatsInput) => Promise<Result<SavedFile> | null>;
  /** Saves the threshold and reloads the statistics with it; resolves to the call's result. */
  saveSuppressionThreshold: (
    input: MethodInput<'governance.saveThreshold'>,
    reload: GovernanceStatsInput,
  ) => Promise<Result<{ threshold: number }> | null>;
};

export const initialGovernance: Pick<GovernanceSlice, 'governance'> = {
  governance: { value: null, status: 'idle', error: null },
};

export const createGovernanceSlice: SliceCreator<GovernanceSlice> = (set, get) => ({
  ...initialGovernance,

  async loadGovernance(input) {
    set((s) => ({ governance: { ...s.governance, status: 'loading', error: null } }));
    const result = await sessionCall(get, 'governance.stats', input);
    if (!result) return;
    set({
      governance: result.ok
        ? { value: result.value, status: 'ready', error: null }
        : { value: null, status: 'failed', error: result.error },
    });
  },

  exportGovernorsReport(input) {
    return sessionCall(get, 'governance.report', input);
  },

  async saveSuppressionThreshold(input, reload) {
    const result = await sessionCall(get, 'governance.saveThreshold', input);
    if (result?.ok) await get().loadGovernance(reload);
    return result;
  },
});
