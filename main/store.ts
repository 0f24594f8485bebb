import { auditWriter } from './audit/log';
import { childrenRepo } from './children/repo';
import type { Db } from './db/open';
import { closeDatabase } from './db/open';
import { schoolRepo } from './school/repo';

/** An open, unlocked school database with its prepared repositories. */
export type Store = {
  db: Db;
  /** K_audit, derived from the data key; zeroed on close. */
  auditKey: Buffer;
  audit: ReturnType<typeof auditWriter>;
  school: ReturnType<typeof schoolRepo>;
  children: ReturnType<typeof childrenRepo>;
  close(): void;
};

export function storeFor(db: Db, auditKey: Buffer): Store {
  return {
    db,
    auditKey,
    audit: auditWriter(db, auditKey),
    school: schoolRepo(db),
    children: childrenRepo(db),
    close: () => {
      auditKey.fill(0);
      closeDatabase(db);
    },
  };
}
