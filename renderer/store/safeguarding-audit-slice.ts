import type { MethodInput, SavedFile } from '../../shared/api';
import type {
  AuditList,
  AuditYear,
  EvidenceOption,
  QuestionImportResult,
} from '../../shared/audit-s175/schema';
import type { ApiError, Result } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

/** The annual safeguarding audit (s.175/s.157): the years, and the one open on screen. */
export type SafeguardingAudits = {
  list: AuditList | null;
  status: LoadStatus;
  error: ApiError | null;
};

export type OpenedAuditYear = {
  academicYear: string | null;
  year: AuditYear | null;
  status: LoadStatus;
  error: ApiError | null;
};

export type SafeguardingAuditSlice = {
  safeguardingAudits: SafeguardingAudits;
  openedAuditYear: OpenedAuditYear;
  /** Training records and policy reviews an answer can link to (governance.manage only). */
  auditEvidenceOptions: EvidenceOption[];
  loadSafeguardingAudits: () => Promise<void>;
  openAuditYear: (academicYear: string) => Promise<void>;
  loadAuditEvidenceOptions: () => Promise<void>;
  /** Each resolves to null when the session ended before main answered. */
  startAuditYear: (academicYear: string) => Promise<Result<AuditYear> | null>;
  answerAuditQuestion: (input: MethodInput<'audits.answer'>) => Promise<Result<AuditYear> | null>;
  addAuditAction: (input: MethodInput<'audits.addAction'>) => Promise<Result<AuditYear> | null>;
  completeAuditAction: (
    input: MethodInput<'audits.completeAction'>,
  ) => Promise<Result<AuditYear> | null>;
  signOffAudit: (academicYear: string) => Promise<Result<AuditYear> | null>;
  importAuditQuestions: (
    input: MethodInput<'audits.importQuestions'>,
  ) => Promise<Result<QuestionImportResult> | null>;
  exportSafeguardingAudit: (
    input: MethodInput<'audits.export'>,
  ) => Promise<Result<SavedFile> | null>;
};

export const initialSafeguardingAudit: Pick<
  SafeguardingAuditSlice,
  'safeguardingAudits' | 'openedAuditYear' | 'auditEvidenceOptions'
> = {
  safeguardingAudits: { list: null, status: 'idle', error: null },
  openedAuditYear: { academicYear: null, year: null, status: 'idle', error: null },
  auditEvidenceOptions: [],
};

export const createSafeguardingAuditSlice: SliceCreator<SafeguardingAuditSlice> = (set, get) => {
  /** A change to the open year: show main's answer, and refresh the years' progress. */
  async function changed(result: Result<AuditYear> | null): Promise<Result<AuditYear> | null> {
    if (result?.ok) {
      set({
        openedAuditYear: {
          academicYear: result.value.academicYear,
          year: result.value,
          status: 'ready',
          error: null,
        },
      });
      await get().loadSafeguardingAudits();
    }
    return result;
  }

  return {
    ...initialSafeguardingAudit,

    async loadSafeguardingAudits() {
      set((s) => ({ safeguardingAudits: { ...s.safeguardingAudits, status: 'loading' } }));
      const result = await sessionCall(get, 'audits.list', {});
      if (!result) return;
      set({
        safeguardingAudits: result.ok
          ? { list: result.value, status: 'ready', error: null }
          : { list: null, status: 'failed', error: result.error },
      });
    },

    async openAuditYear(academicYear) {
      set((s) => ({
        openedAuditYear: {
          academicYear,
          year: s.openedAuditYear.academicYear === academicYear ? s.openedAuditYear.year : null,
          status: 'loading',
          error: null,
        },
      }));
      const result = await sessionCall(get, 'audits.get', { academicYear });
      if (!result || get().openedAuditYear.academicYear !== academicYear) return;
      set({
        openedAuditYear: result.ok
          ? { academicYear, year: result.value, status: 'ready', error: null }
          : { academicYear, year: null, status: 'failed', error: result.error },
      });
    },

    async loadAuditEvidenceOptions() {
      const result = await sessionCall(get, 'audits.evidenceOptions', {});
      if (result?.ok) set({ auditEvidenceOptions: result.value });
    },

    async startAuditYear(academicYear) {
      return changed(await sessionCall(get, 'audits.start', { academicYear }));
    },
    async answerAuditQuestion(input) {
      return changed(await sessionCall(get, 'audits.answer', input));
    },
    async addAuditAction(input) {
      return changed(await sessionCall(get, 'audits.addAction', input));
    },
    async completeAuditAction(input) {
      return changed(await sessionCall(get, 'audits.completeAction', input));
    },
    async signOffAudit(academicYear) {
      return changed(await sessionCall(get, 'audits.signOff', { academicYear }));
    },
    async importAuditQuestions(input) {
      const result = await sessionCall(get, 'audits.importQuestions', input);
      if (result?.ok) await get().loadSafeguardingAudits();
      return result;
    },
    async exportSafeguardingAudit(input) {
      return sessionCall(get, 'audits.export', input);
    },
  };
};
