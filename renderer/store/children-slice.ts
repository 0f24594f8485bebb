import type { ChildViewer } from '../../shared/audit/schema';
import type { Child, ChildInput, ChildSummary } from '../../shared/children/schema';
import type { ApiError, Result } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

/** How many rows the register asks for at a time ("Show more" fetches the next page). */
const REGISTER_PAGE_SIZE = 50;

export type Register = {
  query: string;
  /** Show pupils whose leaving date has passed too (off by default: the register is who is on roll). */
  includeLeavers: boolean;
  items: ChildSummary[];
  total: number;
  status: LoadStatus;
  error: ApiError | null;
};

export type ChildRecord = {
  id: string | null;
  child: Child | null;
  status: LoadStatus;
  error: ApiError | null;
};

/** Who has opened one child's file, from the audit log. */
export type ChildViewers = {
  childId: string | null;
  items: ChildViewer[];
  status: LoadStatus;
  error: ApiError | null;
};

export type ChildrenSlice = {
  register: Register;
  childRecord: ChildRecord;
  childViewers: ChildViewers;
  searchRegister: (query: string) => Promise<void>;
  /** Shows or hides pupils who have left, and searches again. */
  setIncludeLeavers: (include: boolean) => Promise<void>;
  showMoreRegister: () => Promise<void>;
  openChild: (id: string) => Promise<void>;
  /** Resolves to null when the session ended before main answered. */
  addChild: (input: ChildInput) => Promise<Result<Child> | null>;
  updateChild: (id: string, input: ChildInput) => Promise<Result<Child> | null>;
  loadChildViewers: (id: string) => Promise<void>;
};

export const initialChildren: Pick<ChildrenSlice, 'register' | 'childRecord' | 'childViewers'> = {
  register: { query: '', includeLeavers: false, items: [], total: 0, status: 'idle', error: null },
  childRecord: { id: null, child: null, status: 'idle', error: null },
  childViewers: { childId: null, items: [], status: 'idle', error: null },
};

function loaded(child: Child): ChildRecord {
  return { id: child.id, child, status: 'ready', error: null };
}

export const createChildrenSlice: SliceCreator<ChildrenSlice> = (set, get) => {
  // Searches overlap while someone types; only the latest request may write the register.
  let latestList = 0;

  return {
    ...initialChildren,

    async searchRegister(query) {
      const ticket = (latestList += 1);
      // `query` changes only when results arrive: it always names the search the rows answer.
      set((s) => ({ register: { ...s.register, status: 'loading', error: null } }));
      const { includeLeavers } = get().register;
      const result = await sessionCall(get, 'children.list', {
        query: query.trim(),
        includeLeavers,
        limit: REGISTER_PAGE_SIZE,
        offset: 0,
      });
      if (!result || ticket !== latestList) return;
      set({
        register: result.ok
          ? { query, includeLeavers, ...result.value, status: 'ready', error: null }
          : { query, includeLeavers, items: [], total: 0, status: 'failed', error: result.error },
      });
    },

    async setIncludeLeavers(includeLeavers) {
      set((s) => ({ register: { ...s.register, includeLeavers } }));
      await get().searchRegister(get().register.query);
    },

    async showMoreRegister() {
      const { register } = get();
      if (register.status === 'loading' || register.items.length >= register.total) return;
      const ticket = (latestList += 1);
      set({ register: { ...register, status: 'loading', error: null } });
      const result = await sessionCall(get, 'children.list', {
        query: register.query.trim(),
        includeLeavers: register.includeLeavers,
        limit: REGISTER_PAGE_SIZE,
        offset: register.items.length,
      });
      if (!result || ticket !== latestList) return;
      // Rows already shown stay when the next page fails, so the reader does not lose their place.
      set((s) => ({
        register: result.ok
          ? {
              ...s.register,
              items: [...s.register.items, ...result.value.items],
              total: result.value.total,
              status: 'ready',
            }
          : { ...s.register, status: 'failed', error: result.error },
      }));
    },

    async openChild(id) {
      set((s) => ({
        childRecord: {
          id,
          // Keep showing the child already on screen (just added or edited) while it refreshes.
          child: s.childRecord.child?.id === id ? s.childRecord.child : null,
          status: 'loading',
          error: null,
        },
      }));
      const result = await sessionCall(get, 'children.get', { id });
      if (!result || get().childRecord.id !== id) return;
      set({
        childRecord: result.ok
          ? loaded(result.value)
          : { id, child: null, status: 'failed', error: result.error },
      });
    },

    async addChild(input) {
      const result = await sessionCall(get, 'children.add', input);
      if (result?.ok) set({ childRecord: loaded(result.value) });
      return result;
    },

    async updateChild(id, input) {
      const result = await sessionCall(get, 'children.update', { id, child: input });
      if (result?.ok) set({ childRecord: loaded(result.value) });
      return result;
    },

    async loadChildViewers(id) {
      set((s) => ({
        childViewers: {
          childId: id,
          items: s.childViewers.childId === id ? s.childViewers.items : [],
          status: 'loading',
          error: null,
        },
      }));
      const result = await sessionCall(get, 'children.viewers', { id });
      if (!result || get().childViewers.childId !== id) return;
      set({
        childViewers: result.ok
          ? { childId: id, items: result.value, status: 'ready', error: null }
          : { childId: id, items: [], status: 'failed', error: result.error },
      });
    },
  };
};
