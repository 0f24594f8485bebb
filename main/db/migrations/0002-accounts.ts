import type { Migration } from '.';

export const m0002Accounts: Migration = {
  name: '0002-accounts',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
        must_change_passphrase INTEGER NOT NULL CHECK (must_change_passphrase IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_sign_in_at TEXT
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT REFERENCES users (id)
      ) STRICT;

      CREATE TABLE security_alerts (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users (id),
        acknowledged_at TEXT,
        acknowledged_by TEXT REFERENCES users (id)
      ) STRICT;

      -- Which records each audit row touched, for "who has viewed this child" without
      -- scanning every row's JSON. Derived from audit_log.record_ids, written with it.
      CREATE TABLE audit_records (
        record_id TEXT NOT NULL,
        seq INTEGER NOT NULL REFERENCES audit_log (seq),
        PRIMARY KEY (record_id, seq)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO audit_records (record_id, seq)
        SELECT DISTINCT j.value, a.seq FROM audit_log a, json_each(a.record_ids) j;
      CREATE INDEX audit_by_actor ON audit_log (actor_id, seq);

      -- K_audit for the hash chain (audit/chain.ts). Random and kept inside the encrypted
      -- database, so it survives rotation of the database key.
      CREATE TABLE audit_key (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL CHECK (length(key) = 32)
      ) STRICT;
      INSERT INTO audit_key (id, key) VALUES (1, randomblob(32));
    `);
  },
};
