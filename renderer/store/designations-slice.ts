import type { MethodInput } from '../../shared/api';
import type { Designation, DesignationBadge } from '../../shared/children/designations';
import type { ApiError, Result } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

/** One child's designations, as that child's page lists them: current first, then past. */
export type ChildDesignations = {
  childId: string | null;
  items: Designation[];
  status: LoadStatus;
  error: ApiError | null;
};

export type DesignationsSlice = {
  childDesignations: ChildDesignations;
  /** Current designations of the pupils on the register page, by child id (for the badges). */
  registerDesignations: Record<string, DesignationBadge[]>;
  loadChildDesignations: (childId: string) => Promise<void>;
  loadRegisterDesignations: (childIds: readonly string[]) => Promise<void>;
  /** Resolves to null when the session ended before main answered. */
  addDesignation: (input: MethodInput<'designations.add'>) => Promise<Result<Designation> | null>;
  endDesignation: (input: MethodInput<'designations.end'>) => Promise<Result<Designation> | null>;
};

export const initialDesignations: Pick<
  DesignationsSlice,
  'childDesignations' | 'registerDesignations'
> = {
  childDesignations: { childId: null, items: [], status: 'idle', error: null },
  registerDesignations: {},
};

export const createDesignationsSlice: SliceCreator<DesignationsSlice> = (set, get) => ({
  ...initialDesignations,

  async loadChildDesignations(childId) {
    set((s) => ({
      childDesignations: {
        childId,
        items: s.childDesignations.childId === childId ? s.childDesignations.items : [],
        status: 'loading',
        error: null,
      },
    }));
    const result = await sessionCall(get, 'designations.forChild', { childId });
    if (!result || get().childDesignations.childId !== childId) return;
    set({
      childDesignations: result.ok
        ? { childId, items: result.value, status: 'ready', error: null }
        : { childId, items: [], status: 'failed', error: result.error },
    });
  },

  async loadRegisterDesignations(childIds) {
    if (childIds.length === 0) {
      set({ registerDesignations: {} });
      return;
    }
    const result = await sessionCall(get, 'designations.current', {
      childIds: childIds.slice(0, 500),
    });
    // Badges are an aid, not the record: without them the register still works.
    set({ registerDesignations: result?.ok ? result.value : {} });
  },

  async addDesignation(input) {
    const result = await sessionCall(get, 'designations.add', input);
    if (result?.ok) {
      set({ notice: { tone: 'success', text: 'Designation added.' } });
      await get().loadChildDesignations(input.childId);
    }
    return result;
  },

  async endDesignation(input) {
    const result = await sessionCall(get, 'designations.end', input);
    if (result?.ok) {
      set({ notice: { tone: 'success', text: 'Designation ended.' } });
      await get().loadChildDesignations(result.value.childId);
    }
    return result;
  },
});
