import type { MethodInput } from '../../shared/api';
import type { EncompassNotification, EncompassSummary } from '../../shared/encompass/schema';
import type { ApiError, Result } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

/** One child's Operation Encompass notifications, as that child's page lists them. */
export type ChildEncompass = {
  childId: string | null;
  items: EncompassSummary[];
  status: LoadStatus;
  error: ApiError | null;
};

/** The notification open in the read-only view. */
export type OpenedEncompass = {
  id: string | null;
  notification: EncompassNotification | null;
  status: LoadStatus;
  error: ApiError | null;
};

export type EncompassSlice = {
  childEncompass: ChildEncompass;
  openedEncompass: OpenedEncompass;
  loadChildEncompass: (childId: string) => Promise<void>;
  openEncompass: (id: string) => Promise<void>;
  /** Resolves to null when the session ended before main answered. */
  recordEncompass: (
    input: MethodInput<'encompass.record'>,
  ) => Promise<Result<EncompassNotification> | null>;
  addEncompassAddendum: (
    input: MethodInput<'encompass.addAddendum'>,
  ) => Promise<Result<EncompassNotification> | null>;
};

export const initialEncompass: Pick<EncompassSlice, 'childEncompass' | 'openedEncompass'> = {
  childEncompass: { childId: null, items: [], status: 'idle', error: null },
  openedEncompass: { id: null, notification: null, status: 'idle', error: null },
};

function opened(notification: EncompassNotification): OpenedEncompass {
  return { id: notification.id, notification, status: 'ready', error: null };
}

export const createEncompassSlice: SliceCreator<EncompassSlice> = (set, get) => ({
  ...initialEncompass,

  async loadChildEncompass(childId) {
    set((s) => ({
      childEncompass: {
        childId,
        items: s.childEncompass.childId === childId ? s.childEncompass.items : [],
        status: 'loading',
        error: null,
      },
    }));
    const result = await sessionCall(get, 'encompass.forChild', { childId });
    if (!result || get().childEncompass.childId !== childId) return;
    set({
      childEncompass: result.ok
        ? { childId, items: result.value, status: 'ready', error: null }
        : { childId, items: [], status: 'failed', error: result.error },
    });
  },

  async openEncompass(id) {
    set((s) => ({
      openedEncompass: {
        id,
        notification:
          s.openedEncompass.notification?.id === id ? s.openedEncompass.notification : null,
        status: 'loading',
        error: null,
      },
    }));
    const result = await sessionCall(get, 'encompass.get', { id });
    if (!result || get().openedEncompass.id !== id) return;
    set({
      openedEncompass: result.ok
        ? opened(result.value)
        : { id, notification: null, status: 'failed', error: result.error },
    });
  },

  async recordEncompass(input) {
    const result = await sessionCall(get, 'encompass.record', input);
    if (result?.ok) set({ openedEncompass: opened(result.value) });
    return result;
  },

  async addEncompassAddendum(input) {
    const result = await sessionCall(get, 'encompass.addAddendum', input);
    if (result?.ok)
      set({
        openedEncompass: opened(result.value),
        notice: { tone: 'success', text: 'Correction added beneath the notification.' },
      });
    return result;
  },
});
