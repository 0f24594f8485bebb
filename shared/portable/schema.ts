import type { AuditVerification } from '../audit/schema';

/** What `data.verify` (and `lantern verify`) checks: the database, its links and its audit log. */
export type StoreVerification = {
  ok: boolean;
  /** The schema version the database is at, and the one this Lantern writes. */
  schemaVersion: number;
  expectedSchemaVersion: number;
  /** SQLite's integrity_check: empty when the file is sound. */
  integrity: string[];
  /** Rows that refer to a row that is not there (foreign_key_check): empty when none. */
  foreignKeys: string[];
  audit: AuditVerification;
};
