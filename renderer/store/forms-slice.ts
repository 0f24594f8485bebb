import type { MethodInput, SavedFile } from '../../shared/api';
import type { PreparedForm } from '../../shared/forms/builtin';
import type { ApiError, Result } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

/** The built-in form open for filling in: which one, for whom, and main's prefilled values. */
export type OpenedForm = {
  /** form id, child id and concern id: the request this state answers. */
  key: string | null;
  prepared: PreparedForm | null;
  status: LoadStatus;
  error: ApiError | null;
};

export type FormsSlice = {
  openedForm: OpenedForm;
  prepareForm: (input: MethodInput<'forms.prepare'>) => Promise<void>;
  /** Resolves to null when the session ended before main answered. */
  exportForm: (input: MethodInput<'forms.export'>) => Promise<Result<SavedFile> | null>;
};

export const initialForms: Pick<FormsSlice, 'openedForm'> = {
  openedForm: { key: null, prepared: null, status: 'idle', error: null },
};

export function formKey(input: MethodInput<'forms.prepare'>): string {
  return `${input.formId} ${input.childId} ${input.concernId ?? ''}`;
}

export const createFormsSlice: SliceCreator<FormsSlice> = (set, get) => ({
  ...initialForms,

  async prepareForm(input) {
    const key = formKey(input);
    set({ openedForm: { key, prepared: null, status: 'loading', error: null } });
    const result = await sessionCall(get, 'forms.prepare', input);
    if (!result || get().openedForm.key !== key) return;
    set({
      openedForm: result.ok
        ? { key, prepared: result.value, status: 'ready', error: null }
        : { key, prepared: null, status: 'failed', error: result.error },
    });
  },

  exportForm(input) {
    return sessionCall(get, 'forms.export', input);
  },
});
