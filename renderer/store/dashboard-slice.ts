import type { Dashboard } from '../../shared/dashboard/schema';
import type { ApiError } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

export type DashboardSlice = {
  dashboard: { value: Dashboard | null; status: LoadStatus; error: ApiError | null };
  loadDashboard: () => Promise<void>;
};

export const initialDashboard: Pick<DashboardSlice, 'dashboard'> = {
  dashboard: { value: null, status: 'idle', error: null },
};

export const createDashboardSlice: SliceCreator<DashboardSlice> = (set, get) => ({
  ...initialDashboard,

  async loadDashboard() {
    set((s) => ({ dashboard: { ...s.dashboard, status: 'loading', error: null } }));
    const result = await sessionCall(get, 'dashboard.get', {});
    if (!result) return;
    set({
      dashboard: result.ok
        ? { value: result.value, status: 'ready', error: null }
        : { value: null, status: 'failed', error: result.error },
    });
  },
});
