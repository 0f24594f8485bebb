import type { MethodInput, SavedFile } from '../../shared/api';
import type { FilteringReview, PolicyRegisterView } from '../../shared/policies/schema';
import type { ApiError, Result } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

export type PoliciesSlice = {
  policyRegister: { value: PolicyRegisterView | null; status: LoadStatus; error: ApiError | null };
  filteringReviews: { items: FilteringReview[]; status: LoadStatus; error: ApiError | null };
  loadPolicyRegister: () => Promise<void>;
  loadFilteringReviews: () => Promise<void>;
  /** Each resolves to null when the session ended before main answered. */
  reviewPolicy: (
    input: MethodInput<'policies.review'>,
  ) => Promise<Result<PolicyRegisterView> | null>;
  addPolicy: (input: MethodInput<'policies.add'>) => Promise<Result<PolicyRegisterView> | null>;
  updatePolicy: (
    input: MethodInput<'policies.update'>,
  ) => Promise<Result<PolicyRegisterView> | null>;
  recordFilteringReview: (
    input: MethodInput<'policies.recordFilteringReview'>,
  ) => Promise<Result<FilteringReview[]> | null>;
  savePolicyDocument: (reviewId: string) => Promise<Result<SavedFile> | null>;
};

export const initialPolicies: Pick<PoliciesSlice, 'policyRegister' | 'filteringReviews'> = {
  policyRegister: { value: null, status: 'idle', error: null },
  filteringReviews: { items: [], status: 'idle', error: null },
};

export const createPoliciesSlice: SliceCreator<PoliciesSlice> = (set, get) => ({
  ...initialPolicies,

  async loadPolicyRegister() {
    set((s) => ({ policyRegister: { ...s.policyRegister, status: 'loading', error: null } }));
    const result = await sessionCall(get, 'policies.list', {});
    if (!result) return;
    set({
      policyRegister: result.ok
        ? { value: result.value, status: 'ready', error: null }
        : { value: null, status: 'failed', error: result.error },
    });
  },

  async loadFilteringReviews() {
    set((s) => ({ filteringReviews: { ...s.filteringReviews, status: 'loading', error: null } }));
    const result = await sessionCall(get, 'policies.filteringReviews', {});
    if (!result) return;
    set({
      filteringReviews: result.ok
        ? { items: result.value, status: 'ready', error: null }
        : { items: [], status: 'failed', error: result.error },
    });
  },

  async reviewPolicy(input) {
    const result = await sessionCall(get, 'policies.review', input);
    if (result?.ok) set({ policyRegister: { value: result.value, status: 'ready', error: null } });
    return result;
  },

  async addPolicy(input) {
    const result = await sessionCall(get, 'policies.add', input);
    if (result?.ok) set({ policyRegister: { value: result.value, status: 'ready', error: null } });
    return result;
  },

  async updatePolicy(input) {
    const result = await sessionCall(get, 'policies.update', input);
    if (result?.ok) set({ policyRegister: { value: result.value, status: 'ready', error: null } });
    return result;
  },

  async recordFilteringReview(input) {
    const result = await sessionCall(get, 'policies.recordFilteringReview', input);
    if (result?.ok) {
      set({ filteringReviews: { items: result.value, status: 'ready', error: null } });
      // The register's summary of the filtering review changes with it.
      await get().loadPolicyRegister();
    }
    return result;
  },

  savePolicyDocument(reviewId) {
    return sessionCall(get, 'policies.document', { reviewId });
  },
});
