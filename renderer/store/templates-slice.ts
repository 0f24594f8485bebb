import type { MethodInput, SavedFile } from '../../shared/api';
import type {
  TemplateDetail,
  TemplatePreview,
  TemplateSummary,
} from '../../shared/forms/templates';
import type { ApiError, Result } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

/** One local authority form open for mapping: the request it answers and main's answer. */
export type OpenedTemplate = {
  id: string | null;
  detail: TemplateDetail | null;
  status: LoadStatus;
  error: ApiError | null;
};

/** The local authority's own forms: the list in Settings, one open for mapping, fills. */
export type TemplatesSlice = {
  templates: TemplateSummary[] | null;
  templatesError: ApiError | null;
  openedTemplate: OpenedTemplate;
  loadTemplates: () => Promise<void>;
  openTemplate: (id: string) => Promise<void>;
  /** Each resolves to null when the session ended before main answered. */
  importTemplate: (
    input: MethodInput<'templates.import'>,
  ) => Promise<Result<TemplateDetail> | null>;
  saveTemplateMapping: (
    input: MethodInput<'templates.saveMapping'>,
  ) => Promise<Result<TemplateDetail> | null>;
  deleteTemplate: (id: string) => Promise<Result<null> | null>;
  previewTemplate: (
    input: MethodInput<'templates.preview'>,
  ) => Promise<Result<TemplatePreview> | null>;
  fillTemplate: (input: MethodInput<'templates.fill'>) => Promise<Result<SavedFile> | null>;
};

export const initialTemplates: Pick<
  TemplatesSlice,
  'templates' | 'templatesError' | 'openedTemplate'
> = {
  templates: null,
  templatesError: null,
  openedTemplate: { id: null, detail: null, status: 'idle', error: null },
};

export const createTemplatesSlice: SliceCreator<TemplatesSlice> = (set, get) => ({
  ...initialTemplates,

  async loadTemplates() {
    set({ templatesError: null });
    const result = await sessionCall(get, 'templates.list', {});
    if (!result) return;
    set(result.ok ? { templates: result.value } : { templatesError: result.error });
  },

  async openTemplate(id) {
    set({ openedTemplate: { id, detail: null, status: 'loading', error: null } });
    const result = await sessionCall(get, 'templates.get', { id });
    if (!result || get().openedTemplate.id !== id) return;
    set({
      openedTemplate: result.ok
        ? { id, detail: result.value, status: 'ready', error: null }
        : { id, detail: null, status: 'failed', error: result.error },
    });
  },

  async importTemplate(input) {
    const result = await sessionCall(get, 'templates.import', input);
    if (result?.ok) await get().loadTemplates();
    return result;
  },

  async saveTemplateMapping(input) {
    const result = await sessionCall(get, 'templates.saveMapping', input);
    if (result?.ok) {
      const detail = result.value;
      if (get().openedTemplate.id === detail.id)
        set({ openedTemplate: { id: detail.id, detail, status: 'ready', error: null } });
      await get().loadTemplates();
    }
    return result;
  },

  async deleteTemplate(id) {
    const result = await sessionCall(get, 'templates.delete', { id });
    if (result?.ok) await get().loadTemplates();
    return result;
  },

  previewTemplate(input) {
    return sessionCall(get, 'templates.preview', input);
  },

  fillTemplate(input) {
    return sessionCall(get, 'templates.fill', input);
  },
});
