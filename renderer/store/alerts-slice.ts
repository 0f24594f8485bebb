import type { SecurityAlert } from '../../shared/api';
import type { ApiError, Result } from '../../shared/result';
import { sessionCall } from './request';
import type { SliceCreator } from './types';

export type AlertsSlice = {
  /** Unacknowledged security alerts (they name staff, so they are cleared on lock). */
  alerts: SecurityAlert[];
  alertsError: ApiError | null;
  loadAlerts: () => Promise<void>;
  /** Resolves to null when the session ended before main answered. */
  acknowledgeAlert: (id: string) => Promise<Result<SecurityAlert[]> | null>;
};

export const initialAlerts: Pick<AlertsSlice, 'alerts' | 'alertsError'> = {
  alerts: [],
  alertsError: null,
};

export const createAlertsSlice: SliceCreator<AlertsSlice> = (set, get) => {
  // Pages load alerts as they open; only the latest answer may write them.
  let latest = 0;

  return {
    ...initialAlerts,

    async loadAlerts() {
      const ticket = (latest += 1);
      const result = await sessionCall(get, 'alerts.list', {});
      if (!result || ticket !== latest) return;
      // Alerts already shown stay when a refresh fails: a warning must not vanish on a hiccup.
      set(result.ok ? { alerts: result.value, alertsError: null } : { alertsError: result.error });
    },

    async acknowledgeAlert(id) {
      const ticket = (latest += 1);
      const result = await sessionCall(get, 'alerts.acknowledge', { id });
      if (result?.ok && ticket === latest) set({ alerts: result.value, alertsError: null });
      return result;
    },
  };
};
