import type { MethodInput, MethodName, MethodOutput } from '../../shared/api';
import type { ActionOwner, InboxItem, MyAction, TriageState } from '../../shared/casework/schema';
import type { ApiError, Result } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

export type Loaded<T> = { items: T[]; status: LoadStatus; error: ApiError | null };

type TriageWrite =
  'triage.setLevel' | 'triage.decide' | 'actions.add' | 'triage.close' | 'triage.reopen';

/** A triage form, named by the method it calls. */
export type TriageForm = TriageWrite | 'actions.complete';

/** The triage state of the concern open on the concern page. */
export type OpenedTriage = {
  concernId: string | null;
  state: TriageState | null;
  status: LoadStatus;
  error: ApiError | null;
  /** The form that last saved, and its confirmation: shown beside that form, not at the top. */
  saved: { form: TriageForm; text: string } | null;
};

export type CaseworkSlice = {
  triageInbox: Loaded<InboxItem>;
  openedTriage: OpenedTriage;
  actionOwners: ActionOwner[];
  myActions: Loaded<MyAction>;
  loadTriageInbox: () => Promise<void>;
  loadTriage: (concernId: string) => Promise<void>;
  loadActionOwners: () => Promise<void>;
  loadMyActions: () => Promise<void>;
  /** Each resolves to null when the session ended before main answered. */
  setLevel: (input: MethodInput<'triage.setLevel'>) => Promise<Result<TriageState> | null>;
  decide: (input: MethodInput<'triage.decide'>) => Promise<Result<TriageState> | null>;
  addAction: (input: MethodInput<'actions.add'>) => Promise<Result<TriageState> | null>;
  completeAction: (
    input: MethodInput<'actions.complete'>,
  ) => Promise<Result<TriageState | null> | null>;
  closeConcern: (input: MethodInput<'triage.close'>) => Promise<Result<TriageState> | null>;
  reopenConcern: (input: MethodInput<'triage.reopen'>) => Promise<Result<TriageState> | null>;
};

export const initialCasework: Pick<
  CaseworkSlice,
  'triageInbox' | 'openedTriage' | 'actionOwners' | 'myActions'
> = {
  triageInbox: { items: [], status: 'idle', error: null },
  openedTriage: { concernId: null, state: null, status: 'idle', error: null, saved: null },
  actionOwners: [],
  myActions: { items: [], status: 'idle', error: null },
};

const saved: Record<TriageForm, string> = {
  'triage.setLevel': 'Level saved.',
  'triage.decide': 'Decision recorded.',
  'actions.add': 'Action added.',
  'actions.complete': 'Action completed.',
  'triage.close': 'Concern closed.',
  'triage.reopen': 'Concern reopened.',
};

export const createCaseworkSlice: SliceCreator<CaseworkSlice> = (set, get) => {
  /**
   * A triage write: on success the panel shows the new state, with the confirmation beside the
   * form (the concern page is long: a message at its top would be out of sight), and the inbox
   * count follows.
   */
  async function write<M extends TriageWrite>(
    method: M,
    input: MethodInput<M>,
  ): Promise<Result<MethodOutput<M>> | null> {
    const result = await sessionCall<MethodName>(get, method, input);
    if (result?.ok) {
      const state = result.value as TriageState;
      set({
        openedTriage: {
          concernId: state.concernId,
          state,
          status: 'ready',
          error: null,
          saved: { form: method, text: saved[method] },
        },
      });
      void get().loadTriageInbox();
    }
    return result as Result<MethodOutput<M>> | null;
  }

  return {
    ...initialCasework,

    async loadTriageInbox() {
      set((s) => ({ triageInbox: { ...s.triageInbox, status: 'loading', error: null } }));
      const result = await sessionCall(get, 'triage.inbox', {});
      if (!result) return;
      set({
        triageInbox: result.ok
          ? { items: result.value, status: 'ready', error: null }
          : { items: [], status: 'failed', error: result.error },
      });
    },

    async loadTriage(concernId) {
      set((s) => ({
        openedTriage: {
          concernId,
          state: s.openedTriage.concernId === concernId ? s.openedTriage.state : null,
          status: 'loading',
          error: null,
          saved: null,
        },
      }));
      const result = await sessionCall(get, 'triage.get', { concernId });
      if (!result || get().openedTriage.concernId !== concernId) return;
      set({
        openedTriage: result.ok
          ? { concernId, state: result.value, status: 'ready', error: null, saved: null }
          : { concernId, state: null, status: 'failed', error: result.error, saved: null },
      });
    },

    async loadActionOwners() {
      const result = await sessionCall(get, 'actions.owners', {});
      if (result?.ok) set({ actionOwners: result.value });
    },

    async loadMyActions() {
      set((s) => ({ myActions: { ...s.myActions, status: 'loading', error: null } }));
      const result = await sessionCall(get, 'actions.mine', {});
      if (!result) return;
      set({
        myActions: result.ok
          ? { items: result.value, status: 'ready', error: null }
          : { items: [], status: 'failed', error: result.error },
      });
    },

    setLevel: (input) => write('triage.setLevel', input),
    decide: (input) => write('triage.decide', input),
    addAction: (input) => write('actions.add', input),
    closeConcern: (input) => write('triage.close', input),
    reopenConcern: (input) => write('triage.reopen', input),

    async completeAction(input) {
      const result = await sessionCall(get, 'actions.complete', input);
      if (result?.ok) {
        const state = result.value;
        const text = saved['actions.complete'];
        // On the concern page the confirmation goes beside the actions; "My actions" is short.
        const { route } = get();
        const onConcern = route.page === 'concern' && route.id === state?.concernId;
        set({
          ...(onConcern ? {} : { notice: { tone: 'success', text } }),
          ...(state
            ? {
                openedTriage: {
                  concernId: state.concernId,
                  state,
                  status: 'ready',
                  error: null,
                  saved: onConcern ? { form: 'actions.complete', text } : null,
                },
              }
            : {}),
        });
        void get().loadMyActions();
      }
      return result;
    },
  };
};
