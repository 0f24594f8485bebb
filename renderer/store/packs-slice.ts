import type { MethodInput } from '../../shared/api';
import type {
  PackExported,
  PackHistoryItem,
  PackOptions,
  PackPreview,
} from '../../shared/exports/pack';
import type { ApiError, Result } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

/** What the referral pack form offers for one child: its concerns, attachments, third parties. */
export type OpenedPackOptions = {
  childId: string | null;
  options: PackOptions | null;
  /** What has been sent about the child, newest first. */
  history: PackHistoryItem[];
  status: LoadStatus;
  error: ApiError | null;
};

export type PacksSlice = {
  packOptions: OpenedPackOptions;
  loadPackOptions: (childId: string) => Promise<void>;
  /** Resolves to null when the session ended before main answered. */
  previewPack: (input: MethodInput<'packs.preview'>) => Promise<Result<PackPreview> | null>;
  exportPack: (input: MethodInput<'packs.export'>) => Promise<Result<PackExported> | null>;
};

export const initialPacks: Pick<PacksSlice, 'packOptions'> = {
  packOptions: { childId: null, options: null, history: [], status: 'idle', error: null },
};

export const createPacksSlice: SliceCreator<PacksSlice> = (set, get) => ({
  ...initialPacks,

  async loadPackOptions(childId) {
    set({ packOptions: { childId, options: null, history: [], status: 'loading', error: null } });
    const [result, history] = await Promise.all([
      sessionCall(get, 'packs.options', { childId }),
      sessionCall(get, 'packs.history', { childId }),
    ]);
    if (!result || !history || get().packOptions.childId !== childId) return;
    const failed = !result.ok ? result.error : !history.ok ? history.error : null;
    set({
      packOptions:
        result.ok && history.ok
          ? { childId, options: result.value, history: history.value, status: 'ready', error: null }
          : { childId, options: null, history: [], status: 'failed', error: failed },
    });
  },

  previewPack(input) {
    return sessionCall(get, 'packs.preview', input);
  },

  async exportPack(input) {
    const result = await sessionCall(get, 'packs.export', input);
    if (result?.ok && result.value.savedTo !== null) {
      const history = await sessionCall(get, 'packs.history', { childId: input.childId });
      const opened = get().packOptions;
      if (history?.ok && opened.childId === input.childId)
        set({ packOptions: { ...opened, history: history.value } });
    }
    return result;
  },
});
