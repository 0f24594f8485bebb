import type { AuditFilter, SavedFile } from '../../shared/api';
import type { AuditRow, AuditVerification } from '../../shared/audit/schema';
import type { ApiError, Result } from '../../shared/result';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

/** How many entries the audit page asks for at a time ("Show more" fetches the next page). */
export const AUDIT_PAGE_SIZE = 100;
/**
 * The contract asks an export for paging too; main exports every entry matching the filter
 * whatever these say, so the export sends the largest page the schema allows.
 */
export const AUDIT_EXPORT_LIMIT = 500;

/** What the audit log is filtered by: everything in a filter except paging. */
export type AuditQuery = Omit<AuditFilter, 'limit' | 'offset'>;

export const noAuditQuery: AuditQuery = { userId: '', childId: '', method: '', from: '', to: '' };

export type AuditLog = {
  /** The filter the rows answer (it changes only when they arrive). */
  query: AuditQuery;
  items: AuditRow[];
  total: number;
  status: LoadStatus;
  error: ApiError | null;
};

export type AuditCheck = {
  status: LoadStatus;
  result: AuditVerification | null;
  error: ApiError | null;
};

export type AuditSlice = {
  auditLog: AuditLog;
  auditCheck: AuditCheck;
  /** Resolves to main's error when it refused the filter (shown on the form), else null. */
  searchAudit: (query: AuditQuery) => Promise<ApiError | null>;
  showMoreAudit: () => Promise<void>;
  /** Exports what the page shows. Resolves to null when the session ended first. */
  exportAudit: () => Promise<Result<SavedFile> | null>;
  verifyAudit: () => Promise<void>;
};

export const initialAudit: Pick<AuditSlice, 'auditLog' | 'auditCheck'> = {
  auditLog: { query: noAuditQuery, items: [], total: 0, status: 'idle', error: null },
  auditCheck: { status: 'idle', result: null, error: null },
};

export const createAuditSlice: SliceCreator<AuditSlice> = (set, get) => {
  let latest = 0;

  return {
    ...initialAudit,

    async searchAudit(query) {
      const ticket = (latest += 1);
      set((s) => ({ auditLog: { ...s.auditLog, status: 'loading', error: null } }));
      const result = await sessionCall(get, 'audit.list', {
        ...query,
        limit: AUDIT_PAGE_SIZE,
        offset: 0,
      });
      if (!result || ticket !== latest) return null;
      if (!result.ok && result.error.code === 'invalid_input' && result.error.fields) {
        // A filter main refused: keep the rows on screen and let the form show why.
        set((s) => ({ auditLog: { ...s.auditLog, status: 'ready' } }));
        return result.error;
      }
      set({
        auditLog: result.ok
          ? { query, ...result.value, status: 'ready', error: null }
          : { query, items: [], total: 0, status: 'failed', error: result.error },
      });
      return null;
    },

    async showMoreAudit() {
      const { auditLog } = get();
      if (auditLog.status === 'loading' || auditLog.items.length >= auditLog.total) return;
      const ticket = (latest += 1);
      set({ auditLog: { ...auditLog, status: 'loading', error: null } });
      const result = await sessionCall(get, 'audit.list', {
        ...auditLog.query,
        limit: AUDIT_PAGE_SIZE,
        offset: auditLog.items.length,
      });
      if (!result || ticket !== latest) return;
      set((s) => ({
        auditLog: result.ok
          ? {
              ...s.auditLog,
              items: [...s.auditLog.items, ...result.value.items],
              total: result.value.total,
              status: 'ready',
            }
          : { ...s.auditLog, status: 'failed', error: result.error },
      }));
    },

    exportAudit() {
      return sessionCall(get, 'audit.exportCsv', {
        ...get().auditLog.query,
        limit: AUDIT_EXPORT_LIMIT,
        offset: 0,
      });
    },

    async verifyAudit() {
      set((s) => ({ auditCheck: { ...s.auditCheck, status: 'loading', error: null } }));
      const result = await sessionCall(get, 'audit.verify', {});
      if (!result) return;
      set({
        auditCheck: result.ok
          ? { status: 'ready', result: result.value, error: null }
          : { status: 'failed', result: null, error: result.error },
      });
    },
  };
};
