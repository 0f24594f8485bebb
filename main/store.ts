import { auditWriter } from './audit/log';
import { childrenRepo } from './children/repo';
import type { Db } from './db/open';
import { closeDatabase } from './db/open';
import { schoolRepo } from './school/repo';

/** An open, unlocked school database with its prepared repositories. */
export type Store = {
  db: Db;
  audit: ReturnType<typeof auditWriter>;
  school: ReturnType<typeof schoolRepo>;
  children: ReturnType<typeof childrenRepo>;
  close(): void;
};

export function storeFor(db: Db): Store {
  return {
    db,
    audit: auditWriter(db),
    school: schoolRepo(db),
    children: childrenRepo(db),
    close: () => {
      closeDatabase(db);
    },
  };
}
