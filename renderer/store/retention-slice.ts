import type { MethodInput } from '../../shared/api';
import type {
  ChildHolds,
  DestructionRecord,
  RetentionQueue,
  RetentionSettingsVersion,
} from '../../shared/retention/schema';
import type { ApiError, Result } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

type Loaded<T> = { value: T | null; status: LoadStatus; error: ApiError | null };
type RetentionSettingsView = {
  current: RetentionSettingsVersion;
  history: RetentionSettingsVersion[];
};

export type RetentionSlice = {
  /** Names children: record data, cleared on lock. */
  retentionQueue: Loaded<RetentionQueue>;
  destructionRegister: Loaded<DestructionRecord[]>;
  retentionSettings: Loaded<RetentionSettingsView>;
  /** The holds on the child's file that is open. */
  childHolds: Loaded<ChildHolds>;
  loadRetentionQueue: (withinMonths: number) => Promise<void>;
  loadDestructionRegister: () => Promise<void>;
  loadRetentionSettings: () => Promise<void>;
  loadChildHolds: (childId: string) => Promise<void>;
  /** Each resolves to null when the session ended before main answered. */
  placeHold: (input: MethodInput<'retention.placeHold'>) => Promise<Result<ChildHolds> | null>;
  liftHold: (input: MethodInput<'retention.liftHold'>) => Promise<Result<ChildHolds> | null>;
  saveRetentionSettings: (
    input: MethodInput<'retention.saveSettings'>,
  ) => Promise<Result<RetentionSettingsVersion> | null>;
  destroyFile: (
    input: MethodInput<'retention.destroy'>,
  ) => Promise<Result<DestructionRecord> | null>;
};

const idle = { value: null, status: 'idle', error: null } as const;

export const initialRetention: Pick<
  RetentionSlice,
  'retentionQueue' | 'destructionRegister' | 'retentionSettings' | 'childHolds'
> = {
  retentionQueue: idle,
  destructionRegister: idle,
  retentionSettings: idle,
  childHolds: idle,
};

function loaded<T>(result: Result<T>): Loaded<T> {
  return result.ok
    ? { value: result.value, status: 'ready', error: null }
    : { value: null, status: 'failed', error: result.error };
}

export const createRetentionSlice: SliceCreator<RetentionSlice> = (set, get) => {
  /** After a hold or a destruction: the queue as last asked for, and the open child's holds. */
  async function refresh(childHolds: ChildHolds | null): Promise<void> {
    if (childHolds && get().childHolds.value?.childId === childHolds.childId)
      set({ childHolds: { value: childHolds, status: 'ready', error: null } });
    const queue = get().retentionQueue.value;
    if (queue) await get().loadRetentionQueue(queue.withinMonths);
  }

  return {
    ...initialRetention,

    async loadRetentionQueue(withinMonths) {
      set((s) => ({ retentionQueue: { ...s.retentionQueue, status: 'loading', error: null } }));
      const result = await sessionCall(get, 'retention.queue', { withinMonths });
      if (result) set({ retentionQueue: loaded(result) });
    },

    async loadDestructionRegister() {
      set((s) => ({
        destructionRegister: { ...s.destructionRegister, status: 'loading', error: null },
      }));
      const result = await sessionCall(get, 'retention.register', {});
      if (result) set({ destructionRegister: loaded(result) });
    },

    async loadRetentionSettings() {
      set((s) => ({
        retentionSettings: { ...s.retentionSettings, status: 'loading', error: null },
      }));
      const result = await sessionCall(get, 'retention.settings', {});
      if (result) set({ retentionSettings: loaded(result) });
    },

    async loadChildHolds(childId) {
      set({ childHolds: { value: null, status: 'loading', error: null } });
      const result = await sessionCall(get, 'retention.holds', { childId });
      if (result) set({ childHolds: loaded(result) });
    },

    async placeHold(input) {
      const result = await sessionCall(get, 'retention.placeHold', input);
      if (result?.ok) await refresh(result.value);
      return result;
    },

    async liftHold(input) {
      const result = await sessionCall(get, 'retention.liftHold', input);
      if (result?.ok) await refresh(result.value);
      return result;
    },

    async saveRetentionSettings(input) {
      const result = await sessionCall(get, 'retention.saveSettings', input);
      if (result?.ok) {
        await get().loadRetentionSettings();
        await refresh(null);
      }
      return result;
    },

    async destroyFile(input) {
      const result = await sessionCall(get, 'retention.destroy', input);
      if (result?.ok) {
        await refresh(null);
        await get().loadDestructionRegister();
      }
      return result;
    },
  };
};
