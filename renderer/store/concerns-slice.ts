import type { MethodInput, SavedFile } from '../../shared/api';
import type { AttachmentContent, AttachmentMeta } from '../../shared/concerns/attachments';
import type { DraftContent, DraftSummary, SavedDraft } from '../../shared/concerns/drafts';
import type { ChildSummary } from '../../shared/children/schema';
import type { Concern, ConcernInput, ConcernSummary } from '../../shared/concerns/schema';
import type { ApiError, Result } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

/** One child's concerns, as that child's page lists them. */
export type ChildConcerns = {
  childId: string | null;
  items: ConcernSummary[];
  status: LoadStatus;
  error: ApiError | null;
};

/** The concern open in the read-only view. */
export type OpenedConcern = {
  id: string | null;
  concern: Concern | null;
  status: LoadStatus;
  error: ApiError | null;
};

/** The signed-in person's own drafts of concerns ("Continue your draft"). */
export type MyDrafts = {
  items: DraftSummary[];
  status: LoadStatus;
  error: ApiError | null;
};

export type ConcernsSlice = {
  childConcerns: ChildConcerns;
  openedConcern: OpenedConcern;
  myDrafts: MyDrafts;
  loadChildConcerns: (childId: string) => Promise<void>;
  openConcern: (id: string) => Promise<void>;
  /** Resolves to null when the session ended before main answered. */
  submitConcern: (input: ConcernInput) => Promise<Result<Concern> | null>;
  addAddendum: (input: MethodInput<'concerns.addAddendum'>) => Promise<Result<Concern> | null>;
  loadMyDrafts: () => Promise<void>;
  openDraft: (id: string) => Promise<Result<SavedDraft> | null>;
  /** Saves the form as a draft (a new one when `id` is null). */
  saveDraft: (
    id: string | null,
    content: DraftContent,
  ) => Promise<Result<{ id: string; savedAt: string }> | null>;
  discardDraft: (id: string) => Promise<Result<null> | null>;
  attachToDraft: (
    input: MethodInput<'concernDrafts.attach'>,
  ) => Promise<Result<AttachmentMeta> | null>;
  detachFromDraft: (
    input: MethodInput<'concernDrafts.detach'>,
  ) => Promise<Result<AttachmentMeta[]> | null>;
  /** One attachment's bytes (for an image preview); not kept in the store. */
  loadAttachment: (id: string) => Promise<Result<AttachmentContent> | null>;
  /** Saves a copy of an attachment where the person chooses, and says where it went. */
  saveAttachmentCopy: (id: string) => Promise<Result<SavedFile> | null>;
  /** Pupils to add to a concern: a search of the register that leaves the Pupils page alone. */
  findChildrenForConcern: (query: string) => Promise<Result<ChildSummary[]> | null>;
};

export const initialConcerns: Pick<ConcernsSlice, 'childConcerns' | 'openedConcern' | 'myDrafts'> =
  {
    childConcerns: { childId: null, items: [], status: 'idle', error: null },
    openedConcern: { id: null, concern: null, status: 'idle', error: null },
    myDrafts: { items: [], status: 'idle', error: null },
  };

function opened(concern: Concern): OpenedConcern {
  return { id: concern.id, concern, status: 'ready', error: null };
}

export const createConcernsSlice: SliceCreator<ConcernsSlice> = (set, get) => ({
  ...initialConcerns,

  async loadChildConcerns(childId) {
    set((s) => ({
      childConcerns: {
        childId,
        items: s.childConcerns.childId === childId ? s.childConcerns.items : [],
        status: 'loading',
        error: null,
      },
    }));
    const result = await sessionCall(get, 'concerns.forChild', { childId });
    if (!result || get().childConcerns.childId !== childId) return;
    set({
      childConcerns: result.ok
        ? { childId, items: result.value, status: 'ready', error: null }
        : { childId, items: [], status: 'failed', error: result.error },
    });
  },

  async openConcern(id) {
    set((s) => ({
      openedConcern: {
        id,
        concern: s.openedConcern.concern?.id === id ? s.openedConcern.concern : null,
        status: 'loading',
        error: null,
      },
    }));
    const result = await sessionCall(get, 'concerns.get', { id });
    if (!result || get().openedConcern.id !== id) return;
    set({
      openedConcern: result.ok
        ? opened(result.value)
        : { id, concern: null, status: 'failed', error: result.error },
    });
  },

  async submitConcern(input) {
    const result = await sessionCall(get, 'concerns.submit', input);
    if (result?.ok) set({ openedConcern: opened(result.value) });
    return result;
  },

  async addAddendum(input) {
    const result = await sessionCall(get, 'concerns.addAddendum', input);
    if (result?.ok)
      set({
        openedConcern: opened(result.value),
        notice: { tone: 'success', text: 'Correction added beneath the concern.' },
      });
    return result;
  },

  async loadMyDrafts() {
    set((s) => ({ myDrafts: { ...s.myDrafts, status: 'loading', error: null } }));
    const result = await sessionCall(get, 'concernDrafts.list', {});
    if (!result) return;
    set({
      myDrafts: result.ok
        ? { items: result.value, status: 'ready', error: null }
        : { items: [], status: 'failed', error: result.error },
    });
  },

  openDraft(id) {
    return sessionCall(get, 'concernDrafts.get', { id });
  },

  saveDraft(id, content) {
    return sessionCall(get, 'concernDrafts.save', { id, content });
  },

  async discardDraft(id) {
    const result = await sessionCall(get, 'concernDrafts.discard', { id });
    if (result?.ok)
      set((s) => ({
        myDrafts: { ...s.myDrafts, items: s.myDrafts.items.filter((d) => d.id !== id) },
      }));
    return result;
  },

  attachToDraft(input) {
    return sessionCall(get, 'concernDrafts.attach', input);
  },

  detachFromDraft(input) {
    return sessionCall(get, 'concernDrafts.detach', input);
  },

  loadAttachment(id) {
    return sessionCall(get, 'concerns.attachment', { id });
  },

  async saveAttachmentCopy(id) {
    const result = await sessionCall(get, 'concerns.saveAttachment', { id });
    if (result?.ok && result.value.savedTo !== null)
      set({ notice: { tone: 'success', text: `Saved a copy to ${result.value.savedTo}.` } });
    return result;
  },

  async findChildrenForConcern(query) {
    const result = await sessionCall(get, 'children.list', {
      query: query.trim(),
      includeLeavers: false,
      limit: 20,
      offset: 0,
    });
    if (!result) return null;
    return result.ok ? { ok: true, value: result.value.items } : result;
  },
});
