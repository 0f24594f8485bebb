import { readAuditKey } from './audit/chain';
import { auditWriter } from './audit/log';
import { importMappingsRepo } from './children/mappings-repo';
import { childrenRepo } from './children/repo';
import { concernsRepo } from './concerns/repo';
import { designationsRepo } from './children/designations-repo';
import type { Db } from './db/open';
import { closeDatabase } from './db/open';
import { schoolRepo } from './school/repo';
import { alertsRepo } from './auth/alerts-repo';
import { auditQueries } from './audit/queries';
import { settingsRepo } from './settings/repo';
import { usersRepo } from './users/repo';

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
  designations: ReturnType<typeof designationsRepo>;
  users: ReturnType<typeof usersRepo>;
  settings: ReturnType<typeof settingsRepo>;
  alerts: ReturnType<typeof alertsRepo>;
  auditQueries: ReturnType<typeof auditQueries>;
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
    designations: designationsRepo(db),
    users: usersRepo(db),
    settings: settingsRepo(db),
    alerts: alertsRepo(db),
    auditQueries: auditQueries(db),
    close: () => {
      auditKey.fill(0);
      closeDatabase(db);
    },
  };
}
