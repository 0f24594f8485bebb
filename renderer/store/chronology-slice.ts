import type { MethodInput } from '../../shared/api';
import type { CuratedChronology, CuratedSummary } from '../../shared/chronology/curated';
import type {
  ChronologyEntry,
  ChronologyFilter,
  FamilyChronologyEntry,
} from '../../shared/chronology/schema';
import { noChronologyFilter } from '../../shared/chronology/schema';
import type { ApiError, Result } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

/** The child's own entries, or the child's and their siblings' merged. */
export type ChronologyScope = 'child' | 'family';

/** The chronology on screen: which child, which entries, and how many there are unfiltered. */
export type ChronologyView = {
  childId: string | null;
  scope: ChronologyScope;
  filter: ChronologyFilter;
  entries: FamilyChronologyEntry[];
  /** Every entry in the scope, before filtering (for "Showing 12 of 340 entries"). */
  total: number;
  status: LoadStatus;
  error: ApiError | null;
};

export type CuratedList = {
  childId: string | null;
  items: CuratedSummary[];
  status: LoadStatus;
  error: ApiError | null;
};

export type OpenedCurated = {
  id: string | null;
  curated: CuratedChronology | null;
  status: LoadStatus;
  error: ApiError | null;
};

export type ChronologySlice = {
  chronology: ChronologyView;
  curatedList: CuratedList;
  openedCurated: OpenedCurated;
  loadChronology: (
    child: { id: string; name: string },
    scope: ChronologyScope,
    filter: ChronologyFilter,
  ) => Promise<void>;
  /** Resolves to null when the session ended before main answered. */
  markChronologyEntry: (
    input: MethodInput<'chronology.mark'>,
  ) => Promise<Result<ChronologyEntry> | null>;
  loadCuratedList: (childId: string) => Promise<void>;
  openCurated: (id: string) => Promise<void>;
  saveCurated: (
    input: MethodInput<'chronology.curated.save'>,
  ) => Promise<Result<CuratedChronology> | null>;
};

export const initialChronology: Pick<
  ChronologySlice,
  'chronology' | 'curatedList' | 'openedCurated'
> = {
  chronology: {
    childId: null,
    scope: 'child',
    filter: noChronologyFilter,
    entries: [],
    total: 0,
    status: 'idle',
    error: null,
  },
  curatedList: { childId: null, items: [], status: 'idle', error: null },
  openedCurated: { id: null, curated: null, status: 'idle', error: null },
};

function isUnfiltered(filter: ChronologyFilter): boolean {
  return (
    filter.from === '' &&
    filter.to === '' &&
    filter.categories.length === 0 &&
    filter.sources.length === 0 &&
    !filter.significantOnly
  );
}

export const createChronologySlice: SliceCreator<ChronologySlice> = (set, get) => {
  /** One scope's entries; a child's own are named with the name the page already shows. */
  async function fetchEntries(
    child: { id: string; name: string },
    scope: ChronologyScope,
    filter: ChronologyFilter,
  ): Promise<Result<FamilyChronologyEntry[]> | null> {
    if (scope === 'family')
      return sessionCall(get, 'chronology.forFamily', { childId: child.id, filter });
    const result = await sessionCall(get, 'chronology.forChild', { childId: child.id, filter });
    if (!result?.ok) return result;
    return { ok: true, value: result.value.map((e) => ({ ...e, childName: child.name })) };
  }

  return {
    ...initialChronology,

    async loadChronology(child, scope, filter) {
      set((s) => ({
        chronology: {
          ...s.chronology,
          childId: child.id,
          scope,
          filter,
          entries:
            s.chronology.childId === child.id && s.chronology.scope === scope
              ? s.chronology.entries
              : [],
          status: 'loading',
          error: null,
        },
      }));
      const [filtered, all] = await Promise.all([
        fetchEntries(child, scope, filter),
        isUnfiltered(filter) ? null : fetchEntries(child, scope, noChronologyFilter),
      ]);
      const now = get().chronology;
      // A newer request (another filter, scope or child) has taken over the page.
      if (!filtered || now.childId !== child.id || now.scope !== scope || now.filter !== filter)
        return;
      if (!filtered.ok) {
        set({
          chronology: { ...now, entries: [], total: 0, status: 'failed', error: filtered.error },
        });
        return;
      }
      const total = all?.ok ? all.value.length : filtered.value.length;
      set({
        chronology: { ...now, entries: filtered.value, total, status: 'ready', error: null },
      });
    },

    async markChronologyEntry(input) {
      const result = await sessionCall(get, 'chronology.mark', input);
      if (result?.ok) {
        const marked = result.value;
        set((s) => ({
          notice: {
            tone: 'success',
            text: marked.significant
              ? `Marked as a significant event: ${marked.headline}`
              : 'No longer marked as a significant event.',
          },
          chronology: {
            ...s.chronology,
            entries: s.chronology.entries.map((e) =>
              e.id === marked.id ? { ...marked, childName: e.childName } : e,
            ),
          },
        }));
      }
      return result;
    },

    async loadCuratedList(childId) {
      set((s) => ({
        curatedList: {
          childId,
          items: s.curatedList.childId === childId ? s.curatedList.items : [],
          status: 'loading',
          error: null,
        },
      }));
      const result = await sessionCall(get, 'chronology.curated.list', { childId });
      if (!result || get().curatedList.childId !== childId) return;
      set({
        curatedList: result.ok
          ? { childId, items: result.value, status: 'ready', error: null }
          : { childId, items: [], status: 'failed', error: result.error },
      });
    },

    async openCurated(id) {
      set({ openedCurated: { id, curated: null, status: 'loading', error: null } });
      const result = await sessionCall(get, 'chronology.curated.get', { id });
      if (!result || get().openedCurated.id !== id) return;
      set({
        openedCurated: result.ok
          ? { id, curated: result.value, status: 'ready', error: null }
          : { id, curated: null, status: 'failed', error: result.error },
      });
    },

    async saveCurated(input) {
      const result = await sessionCall(get, 'chronology.curated.save', input);
      if (result?.ok) {
        const saved = result.value;
        set({
          notice: { tone: 'success', text: `Curated version saved: ${saved.title}` },
          openedCurated: { id: saved.id, curated: saved, status: 'ready', error: null },
        });
        await get().loadCuratedList(saved.childId);
      }
      return result;
    },
  };
};
