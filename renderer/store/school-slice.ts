import type { ApiError, Result } from '../../shared/result';
import type { SchoolInput, SchoolProfile } from '../../shared/school/schema';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

export type SchoolSlice = {
  school: SchoolProfile | null;
  schoolLoad: LoadStatus;
  schoolError: ApiError | null;
  loadSchool: () => Promise<void>;
  /** Resolves to null when the session ended before main answered. */
  saveSchool: (input: SchoolInput) => Promise<Result<SchoolProfile> | null>;
};

export const initialSchool: Pick<SchoolSlice, 'school' | 'schoolLoad' | 'schoolError'> = {
  school: null,
  schoolLoad: 'idle',
  schoolError: null,
};

export const createSchoolSlice: SliceCreator<SchoolSlice> = (set, get) => ({
  ...initialSchool,

  async loadSchool() {
    set({ schoolLoad: 'loading', schoolError: null });
    const result = await sessionCall(get, 'school.get', {});
    if (!result) return;
    set(
      result.ok
        ? { school: result.value, schoolLoad: 'ready' }
        : { schoolLoad: 'failed', schoolError: result.error },
    );
  },

  async saveSchool(input) {
    const result = await sessionCall(get, 'school.save', input);
    if (result?.ok) {
      const { session } = get();
      set({
        school: result.value,
        schoolLoad: 'ready',
        schoolError: null,
        // Saving the profile is what completes set-up; main reports the same on its next status.
        session: session && { ...session, schoolConfigured: true },
      });
    }
    return result;
  },
});
