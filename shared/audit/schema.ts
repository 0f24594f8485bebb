import type { Role } from '../auth/roles';

export type AuditOutcome = 'ok' | 'denied' | 'invalid' | 'failed';

/** One audit row as the viewer shows it: who, as what, did what to which records, and how it went. */
export type AuditRow = {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  role: Role | null;
  method: string;
  recordIds: string[];
  outcome: AuditOutcome;
  errorCode: string | null;
};

export type ChildViewer = {
  userId: string;
  displayName: string;
  role: Role | null;
  views: number;
  firstViewedAt: string;
  lastViewedAt: string;
};

export type AuditVerification = {
  ok: boolean;
  rows: number;
  /** Plain-English descriptions of each problem found. */
  problems: string[];
  checkedAt: string;
};

/** Methods that read a child's file: these make up "who has viewed this child". */
export const CHILD_VIEW_METHODS = ['children.get'] as const;
