import type { MethodInput } from '../../shared/api';
import type { ChildFamily, FamilyAdult, KeyContact } from '../../shared/children/family';
import type { ChildSummary } from '../../shared/children/schema';
import type { ApiError, Result } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

/** The family, adults and key contacts of the child whose file is open. */
export type ChildFamilyState = {
  childId: string | null;
  family: ChildFamily | null;
  status: LoadStatus;
  error: ApiError | null;
};

export type FamilySlice = {
  childFamily: ChildFamilyState;
  loadChildFamily: (childId: string) => Promise<void>;
  /** Each resolves to null when the session ended before main answered. */
  linkSibling: (input: MethodInput<'family.link'>) => Promise<Result<ChildFamily> | null>;
  unlinkSibling: (
    input: MethodInput<'family.unlink'>,
  ) => Promise<Result<{ familyId: string; childIds: string[] }> | null>;
  addAdult: (input: MethodInput<'family.addAdult'>) => Promise<Result<FamilyAdult> | null>;
  updateAdult: (input: MethodInput<'family.updateAdult'>) => Promise<Result<FamilyAdult> | null>;
  addKeyContact: (input: MethodInput<'family.addContact'>) => Promise<Result<KeyContact> | null>;
  endKeyContact: (input: MethodInput<'family.endContact'>) => Promise<Result<KeyContact> | null>;
  /**
   * Children to link as siblings: a search of the register (leavers included, since a brother
   * or sister may have left) that leaves the Pupils page alone.
   */
  findSiblingCandidates: (query: string) => Promise<Result<ChildSummary[]> | null>;
};

export const initialFamily: Pick<FamilySlice, 'childFamily'> = {
  childFamily: { childId: null, family: null, status: 'idle', error: null },
};

export const createFamilySlice: SliceCreator<FamilySlice> = (set, get) => {
  /** After a change: say so, and reload the open file so it shows what main now holds. */
  async function changed(text: string): Promise<void> {
    set({ notice: { tone: 'success', text } });
    const childId = get().childFamily.childId;
    if (childId) await get().loadChildFamily(childId);
  }

  return {
    ...initialFamily,

    async loadChildFamily(childId) {
      set((s) => ({
        childFamily: {
          childId,
          family: s.childFamily.childId === childId ? s.childFamily.family : null,
          status: 'loading',
          error: null,
        },
      }));
      const result = await sessionCall(get, 'family.forChild', { childId });
      if (!result || get().childFamily.childId !== childId) return;
      set({
        childFamily: result.ok
          ? { childId, family: result.value, status: 'ready', error: null }
          : { childId, family: null, status: 'failed', error: result.error },
      });
    },

    async linkSibling(input) {
      const result = await sessionCall(get, 'family.link', input);
      if (result?.ok) await changed('Sibling linked.');
      return result;
    },

    async unlinkSibling(input) {
      const result = await sessionCall(get, 'family.unlink', input);
      if (result?.ok) await changed('Removed from the family.');
      return result;
    },

    async addAdult(input) {
      const result = await sessionCall(get, 'family.addAdult', input);
      if (result?.ok) await changed(`${result.value.name} added.`);
      return result;
    },

    async updateAdult(input) {
      const result = await sessionCall(get, 'family.updateAdult', input);
      if (result?.ok) await changed(`${result.value.name}’s details saved.`);
      return result;
    },

    async addKeyContact(input) {
      const result = await sessionCall(get, 'family.addContact', input);
      if (result?.ok) await changed(`${result.value.name} added as a key contact.`);
      return result;
    },

    async endKeyContact(input) {
      const result = await sessionCall(get, 'family.endContact', input);
      if (result?.ok) await changed(`${result.value.name} is no longer a current key contact.`);
      return result;
    },

    async findSiblingCandidates(query) {
      const result = await sessionCall(get, 'children.list', {
        query: query.trim(),
        includeLeavers: true,
        limit: 20,
        offset: 0,
      });
      if (!result) return null;
      return result.ok ? { ok: true, value: result.value.items } : result;
    },
  };
};
