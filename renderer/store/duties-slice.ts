import type { MethodInput } from '../../shared/api';
import type { DueView, DutyDetail, DutyReminders, DutySummary } from '../../shared/duties/schema';
import type { ApiError, Result } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

export type DueScope = MethodInput<'duties.due'>['scope'];

/** The due view on screen (the duties page, or the dashboard's card), for one scope. */
export type LoadedDueView = {
  scope: DueScope | null;
  value: DueView | null;
  status: LoadStatus;
  error: ApiError | null;
};

/** The duty open on its own page, and the confirmation of the last thing recorded on it. */
export type OpenedDuty = {
  id: string | null;
  detail: DutyDetail | null;
  status: LoadStatus;
  error: ApiError | null;
  saved: string | null;
};

/** Where a list of duties comes from: a child's file or the concern that started them. */
export type DutyListOf = { childId: string } | { concernId: string };

/** The duties of one child or one concern, as their page lists them. */
export type DutyList = {
  key: string | null;
  items: DutySummary[];
  status: LoadStatus;
  error: ApiError | null;
};

type DutyWrite =
  | 'duties.discharge'
  | 'duties.notApplicable'
  | 'duties.recordException'
  | 'duties.delay'
  | 'duties.extend';

export type DutiesSlice = {
  dueView: LoadedDueView;
  openedDuty: OpenedDuty;
  dutyList: DutyList;
  /** Counts only, never a child's name (for the banner and the OS notification). */
  dutyReminders: DutyReminders | null;
  loadDueView: (scope: DueScope) => Promise<void>;
  openDuty: (id: string) => Promise<void>;
  loadDutyList: (of: DutyListOf) => Promise<void>;
  loadDutyReminders: () => Promise<void>;
  /** Each resolves to null when the session ended before main answered. */
  dischargeDuty: (input: MethodInput<'duties.discharge'>) => Promise<Result<DutyDetail> | null>;
  markDutyNotApplicable: (
    input: MethodInput<'duties.notApplicable'>,
  ) => Promise<Result<DutyDetail> | null>;
  recordDutyException: (
    input: MethodInput<'duties.recordException'>,
  ) => Promise<Result<DutyDetail> | null>;
  delayDuty: (input: MethodInput<'duties.delay'>) => Promise<Result<DutyDetail> | null>;
  extendDuty: (input: MethodInput<'duties.extend'>) => Promise<Result<DutyDetail> | null>;
  startDuty: (input: MethodInput<'duties.start'>) => Promise<Result<DutyDetail> | null>;
};

export const initialDuties: Pick<
  DutiesSlice,
  'dueView' | 'openedDuty' | 'dutyList' | 'dutyReminders'
> = {
  dueView: { scope: null, value: null, status: 'idle', error: null },
  openedDuty: { id: null, detail: null, status: 'idle', error: null, saved: null },
  dutyList: { key: null, items: [], status: 'idle', error: null },
  dutyReminders: null,
};

const saved: Record<DutyWrite, string> = {
  'duties.discharge': 'Recorded as done.',
  'duties.notApplicable': 'Marked not applicable.',
  'duties.recordException': 'Exception recorded: the duty is closed.',
  'duties.delay': 'Delay recorded: the duty is now due by the end of the delay.',
  'duties.extend': 'Extended by two months.',
};

/** The key a page compares with `dutyList.key` to know the list on screen is its own. */
export function dutyListKey(of: DutyListOf): string {
  return 'childId' in of ? `child:${of.childId}` : `concern:${of.concernId}`;
}

export const createDutiesSlice: SliceCreator<DutiesSlice> = (set, get) => {
  /** A write on the open duty: the page shows main's new state, and the reminders follow. */
  async function write<M extends DutyWrite>(
    method: M,
    input: MethodInput<M>,
  ): Promise<Result<DutyDetail> | null> {
    const result = (await sessionCall(get, method, input)) as Result<DutyDetail> | null;
    if (result?.ok) {
      set({
        openedDuty: {
          id: result.value.id,
          detail: result.value,
          status: 'ready',
          error: null,
          saved: saved[method],
        },
      });
      void get().loadDutyReminders();
    }
    return result;
  }

  return {
    ...initialDuties,

    async loadDueView(scope) {
      set((s) => ({
        dueView: {
          scope,
          value: s.dueView.scope === scope ? s.dueView.value : null,
          status: 'loading',
          error: null,
        },
      }));
      const result = await sessionCall(get, 'duties.due', { scope });
      if (!result || get().dueView.scope !== scope) return;
      set({
        dueView: result.ok
          ? { scope, value: result.value, status: 'ready', error: null }
          : { scope, value: null, status: 'failed', error: result.error },
      });
    },

    async openDuty(id) {
      set((s) => ({
        openedDuty: {
          id,
          detail: s.openedDuty.id === id ? s.openedDuty.detail : null,
          status: 'loading',
          error: null,
          saved: null,
        },
      }));
      const result = await sessionCall(get, 'duties.get', { dutyId: id });
      if (!result || get().openedDuty.id !== id) return;
      set({
        openedDuty: result.ok
          ? { id, detail: result.value, status: 'ready', error: null, saved: null }
          : { id, detail: null, status: 'failed', error: result.error, saved: null },
      });
    },

    async loadDutyList(of) {
      const key = dutyListKey(of);
      set((s) => ({
        dutyList: {
          key,
          items: s.dutyList.key === key ? s.dutyList.items : [],
          status: 'loading',
          error: null,
        },
      }));
      const result =
        'childId' in of
          ? await sessionCall(get, 'duties.forChild', of)
          : await sessionCall(get, 'duties.forConcern', of);
      if (!result || get().dutyList.key !== key) return;
      set({
        dutyList: result.ok
          ? { key, items: result.value, status: 'ready', error: null }
          : { key, items: [], status: 'failed', error: result.error },
      });
    },

    async loadDutyReminders() {
      const result = await sessionCall(get, 'duties.reminders', {});
      // A failed count leaves the last one shown: a reminder is a prompt, not a record.
      if (result?.ok) set({ dutyReminders: result.value });
    },

    dischargeDuty: (input) => write('duties.discharge', input),
    markDutyNotApplicable: (input) => write('duties.notApplicable', input),
    recordDutyException: (input) => write('duties.recordException', input),
    delayDuty: (input) => write('duties.delay', input),
    extendDuty: (input) => write('duties.extend', input),

    async startDuty(input) {
      const result = await sessionCall(get, 'duties.start', input);
      if (result?.ok) void get().loadDutyReminders();
      return result;
    },
  };
};
