import type { Migration } from '.';

/**
 * The child protection file transfer (issue 6; domain.md §3.3): the school's Ed25519 signing
 * key (made on first use, kept inside the encrypted database), the bundles sent, the bundles
 * received (bundle_id unique, so a bundle is imported once) and the receipts that came back.
 */
export const m0015Transfers: Migration = {
  name: '0015-transfers',
  up(db) {
    db.exec(`
      CREATE TABLE transfer_signing_key (
        -- One key per school.
        id INTEGER PRIMARY KEY CHECK (id = 1),
        -- Raw 32-byte Ed25519 public key; the private key as PKCS#8 DER.
        public_key BLOB NOT NULL CHECK (length(public_key) = 32),
        private_key BLOB NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE TRIGGER transfer_signing_key_no_update BEFORE UPDATE ON transfer_signing_key
        BEGIN SELECT RAISE(ABORT, 'transfer_signing_key: the signing key cannot be changed'); END;

      CREATE TABLE transfers_out (
        id TEXT PRIMARY KEY,
        bundle_id TEXT NOT NULL UNIQUE,
        child_id TEXT NOT NULL REFERENCES children (id),
        to_school TEXT NOT NULL CHECK (length(to_school) > 0),
        to_urn TEXT NOT NULL CHECK (length(to_urn) = 6),
        -- SHA-256 of the bundle file as saved.
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        sent_at TEXT NOT NULL,
        sent_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX transfers_out_by_child ON transfers_out (child_id, sent_at);
      CREATE TRIGGER transfers_out_no_update BEFORE UPDATE ON transfers_out
        BEGIN SELECT RAISE(ABORT, 'transfers_out: a transfer sent cannot be changed'); END;
      CREATE TRIGGER transfers_out_no_delete BEFORE DELETE ON transfers_out
        BEGIN SELECT RAISE(ABORT, 'transfers_out: a transfer sent cannot be deleted'); END;

      CREATE TABLE transfers_in (
        id TEXT PRIMARY KEY,
        bundle_id TEXT NOT NULL UNIQUE,
        child_id TEXT NOT NULL REFERENCES children (id),
        from_school TEXT NOT NULL,
        from_urn TEXT NOT NULL CHECK (length(from_urn) = 6),
        from_dsl TEXT NOT NULL,
        -- The sender's raw Ed25519 public key, as the bundle carried it.
        sender_key BLOB NOT NULL CHECK (length(sender_key) = 32),
        -- The decrypted payload (the child's file and attachments), as JSON.
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        created_child INTEGER NOT NULL CHECK (created_child IN (0, 1)),
        entries INTEGER NOT NULL CHECK (entries >= 0),
        received_at TEXT NOT NULL,
        received_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX transfers_in_by_child ON transfers_in (child_id, received_at);
      CREATE TRIGGER transfers_in_no_update BEFORE UPDATE ON transfers_in
        BEGIN SELECT RAISE(ABORT, 'transfers_in: a transfer received cannot be changed'); END;
      CREATE TRIGGER transfers_in_no_delete BEFORE DELETE ON transfers_in
        BEGIN SELECT RAISE(ABORT, 'transfers_in: a transfer received cannot be deleted'); END;

      CREATE TABLE transfer_receipts (
        id TEXT PRIMARY KEY,
        bundle_id TEXT NOT NULL UNIQUE REFERENCES transfers_out (bundle_id),
        received_at TEXT NOT NULL,
        received_by_name TEXT NOT NULL,
        received_by_role TEXT NOT NULL,
        receiving_school TEXT NOT NULL,
        receiving_urn TEXT NOT NULL CHECK (length(receiving_urn) = 6),
        -- The receiving school's raw Ed25519 public key and the receipt as received (JSON).
        receiver_key BLOB NOT NULL CHECK (length(receiver_key) = 32),
        receipt TEXT NOT NULL CHECK (json_valid(receipt)),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE TRIGGER transfer_receipts_no_update BEFORE UPDATE ON transfer_receipts
        BEGIN SELECT RAISE(ABORT, 'transfer_receipts: a receipt cannot be changed'); END;
      CREATE TRIGGER transfer_receipts_no_delete BEFORE DELETE ON transfer_receipts
        BEGIN SELECT RAISE(ABORT, 'transfer_receipts: a receipt cannot be deleted'); END;
    `);
  },
};
