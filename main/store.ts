import { readAuditKey } from './audit/chain';
import { auditWriter } from './audit/log';
import { backupsRepo } from './backup/repo';
import { importMappingsRepo } from './children/mappings-repo';
import { childrenRepo } from './children/repo';
import { caseworkRepo } from './casework/repo';
import { escalationsRepo } from './casework/escalations-repo';
import { chronologyRepo } from './chronology/repo';
import { dashboardRepo } from './dashboard/repo';
import { curatedRepo } from './chronology/curated-repo';
import { concernsRepo } from './concerns/repo';
import { attachmentsRepo } from './concerns/attachments-repo';
import { draftsRepo } from './concerns/drafts-repo';
import { designationsRepo } from './children/designations-repo';
import { familiesRepo } from './children/family-repo';
import type { Db } from './db/open';
import { closeDatabase } from './db/open';
import { encompassRepo } from './encompass/repo';
import { calendarRepo } from './calendar/repo';
import { dutiesRepo } from './duties/repo';
import { exportsLogRepo } from './exports/log-repo';
import { governanceStatsRepo } from './governance/stats-repo';
import { formTemplatesRepo } from './forms/templates-repo';
import { schoolRepo } from './school/repo';
import { transfersRepo } from './transfer/repo';
import { policiesRepo } from './policies/repo';
import { trainingRepo } from './training/repo';
import { searchRepo } from './search/repo';
import { alertsRepo } from './auth/alerts-repo';
import { auditRepo } from './audit-s175/repo';
import { auditQueries } from './audit/queries';
import { settingsRepo } from './settings/repo';
import { usersRepo } from './users/repo';
import { retentionRepo } from './retention/repo';
import { sarRepo } from './sar/repo';

/** An open, unlocked school database with its prepared repositories. */
export type Store = {
  db: Db;
  /** K_audit (see audit/chain.ts); zeroed on close. */
  auditKey: Buffer;
  audit: ReturnType<typeof auditWriter>;
  school: ReturnType<typeof schoolRepo>;
  children: ReturnType<typeof childrenRepo>;
  importMappings: ReturnType<typeof importMappingsRepo>;
  concerns: ReturnType<typeof concernsRepo>;
  concernDrafts: ReturnType<typeof draftsRepo>;
  attachments: ReturnType<typeof attachmentsRepo>;
  designations: ReturnType<typeof designationsRepo>;
  search: ReturnType<typeof searchRepo>;
  /** Families (siblingsOf), adults on a child's file and key contacts. */
  families: ReturnType<typeof familiesRepo>;
  chronology: ReturnType<typeof chronologyRepo>;
  dashboard: ReturnType<typeof dashboardRepo>;
  /** Triage: levels, decisions, actions, closures and reopenings of concerns. */
  casework: ReturnType<typeof caseworkRepo>;
  /** What the escalation pattern prompt reads. */
  escalations: ReturnType<typeof escalationsRepo>;
  /** Operation Encompass notifications and their corrections. */
  encompass: ReturnType<typeof encompassRepo>;
  curatedChronologies: ReturnType<typeof curatedRepo>;
  /** Statutory duties, their events and the versioned local settings. */
  duties: ReturnType<typeof dutiesRepo>;
  /** The school calendar: term dates, INSET days and bank-holiday overrides. */
  calendar: ReturnType<typeof calendarRepo>;
  /** What left Lantern (packs, forms, transfer bundles, receipts): append-only, no content. */
  exportsLog: ReturnType<typeof exportsLogRepo>;
  /** The local authority's own forms (PDF or Word) with their field mappings. */
  formTemplates: ReturnType<typeof formTemplatesRepo>;
  /** What the governors' statistics count: no identities, no free text. */
  governanceStats: ReturnType<typeof governanceStatsRepo>;
  /** CP file transfers: the school's signing key, bundles sent and received, receipts. */
  transfers: ReturnType<typeof transfersRepo>;
  /** Training records: people, completions, KCSIE attestations and intervals (issue 7). */
  training: ReturnType<typeof trainingRepo>;
  /** The policy register, policy reviews and filtering and monitoring reviews (issue 7). */
  policies: ReturnType<typeof policiesRepo>;
  users: ReturnType<typeof usersRepo>;
  settings: ReturnType<typeof settingsRepo>;
  alerts: ReturnType<typeof alertsRepo>;
  /** The annual safeguarding audit (s.175/s.157): years, answers, actions, sign-offs. */
  safeguardingAudit: ReturnType<typeof auditRepo>;
  auditQueries: ReturnType<typeof auditQueries>;
  /** Backup folders, the schedule and the append-only log of backups (issue 8). */
  backups: ReturnType<typeof backupsRepo>;
  /** Legal holds, retention settings and the destruction register (issue 8, security G6). */
  retention: ReturnType<typeof retentionRepo>;
  /** Subject access requests: the request, its clock, redactions, exemptions, completion. */
  sar: ReturnType<typeof sarRepo>;
  close(): void;
};

export function storeFor(db: Db): Store {
  const auditKey = readAuditKey(db);
  return {
    db,
    auditKey,
    audit: auditWriter(db, auditKey),
    school: schoolRepo(db),
    children: childrenRepo(db),
    importMappings: importMappingsRepo(db),
    concerns: concernsRepo(db),
    concernDrafts: draftsRepo(db),
    attachments: attachmentsRepo(db),
    designations: designationsRepo(db),
    search: searchRepo(db),
    families: familiesRepo(db),
    chronology: chronologyRepo(db),
    dashboard: dashboardRepo(db),
    casework: caseworkRepo(db),
    escalations: escalationsRepo(db),
    encompass: encompassRepo(db),
    curatedChronologies: curatedRepo(db),
    duties: dutiesRepo(db),
    calendar: calendarRepo(db),
    exportsLog: exportsLogRepo(db),
    formTemplates: formTemplatesRepo(db),
    governanceStats: governanceStatsRepo(db),
    transfers: transfersRepo(db),
    training: trainingRepo(db),
    policies: policiesRepo(db),
    users: usersRepo(db),
    settings: settingsRepo(db),
    alerts: alertsRepo(db),
    safeguardingAudit: auditRepo(db),
    auditQueries: auditQueries(db),
    backups: backupsRepo(db),
    retention: retentionRepo(db),
    sar: sarRepo(db),
    close: () => {
      auditKey.fill(0);
      closeDatabase(db);
    },
  };
}
