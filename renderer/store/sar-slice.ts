import type { MethodInput } from '../../shared/api';
import type { SarDetail, SarExported, SarSummary } from '../../shared/sar/schema';
import type { ApiError, Result } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

type Loaded<T> = { value: T | null; status: LoadStatus; error: ApiError | null };

/** The calls that change a request and answer with it as it now stands. */
type SarChange =
  'sar.redact' | 'sar.exemption' | 'sar.pause' | 'sar.resume' | 'sar.extend' | 'sar.withdraw';

export type SarSlice = {
  /** Names children and requesters: record data, cleared on lock. */
  sarList: Loaded<SarSummary[]>;
  /** The request that is open, with everything held about its child. */
  sarDetail: Loaded<SarDetail>;
  loadSars: () => Promise<void>;
  loadSar: (sarId: string) => Promise<void>;
  /** Each resolves to null when the session ended before main answered. */
  createSar: (input: MethodInput<'sar.create'>) => Promise<Result<SarDetail> | null>;
  changeSar: <M extends SarChange>(
    method: M,
    input: MethodInput<M>,
  ) => Promise<Result<SarDetail> | null>;
  exportSar: (input: MethodInput<'sar.export'>) => Promise<Result<SarExported> | null>;
};

const idle = { value: null, status: 'idle', error: null } as const;

export const initialSar: Pick<SarSlice, 'sarList' | 'sarDetail'> = {
  sarList: idle,
  sarDetail: idle,
};

function loaded<T>(result: Result<T>): Loaded<T> {
  return result.ok
    ? { value: result.value, status: 'ready', error: null }
    : { value: null, status: 'failed', error: result.error };
}

export const createSarSlice: SliceCreator<SarSlice> = (set, get) => ({
  ...initialSar,

  async loadSars() {
    set((s) => ({ sarList: { ...s.sarList, status: 'loading', error: null } }));
    const result = await sessionCall(get, 'sar.list', {});
    if (result) set({ sarList: loaded(result) });
  },

  async loadSar(sarId) {
    set({ sarDetail: { value: null, status: 'loading', error: null } });
    const result = await sessionCall(get, 'sar.get', { sarId });
    if (result) set({ sarDetail: loaded(result) });
  },

  async createSar(input) {
    const result = await sessionCall(get, 'sar.create', input);
    if (result?.ok) await get().loadSars();
    return result;
  },

  async changeSar(method, input) {
    const result = (await sessionCall(get, method, input)) as Result<SarDetail> | null;
    if (result?.ok) set({ sarDetail: { value: result.value, status: 'ready', error: null } });
    return result;
  },

  async exportSar(input) {
    const result = await sessionCall(get, 'sar.export', input);
    if (result?.ok && result.value.savedTo !== null) await get().loadSar(input.sarId);
    return result;
  },
});
