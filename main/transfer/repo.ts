import type { Db } from '../db/open';

export type SigningKeyRecord = { publicKey: Buffer; privateKey: Buffer; createdAt: string };

export type TransferOut = {
  id: string;
  bundleId: string;
  childId: string;
  toSchool: string;
  toUrn: string;
  sha256: string;
  sentAt: string;
  sentBy: string;
};

export type TransferIn = {
  id: string;
  bundleId: string;
  childId: string;
  fromSchool: string;
  fromUrn: string;
  fromDsl: string;
  senderKey: Buffer;
  payload: string;
  createdChild: boolean;
  entries: number;
  receivedAt: string;
  receivedBy: string;
};

export type ReceiptRecord = {
  id: string;
  bundleId: string;
  receivedAt: string;
  receivedByName: string;
  receivedByRole: string;
  receivingSchool: string;
  receivingUrn: string;
  receiverKey: Buffer;
  receipt: string;
  recordedAt: string;
  recordedBy: string;
};

type InRow = Omit<TransferIn, 'createdChild'> & { createdChild: number };

/** Transfers of child protection files: all append-only (triggers refuse changes). */
export function transfersRepo(db: Db) {
  const key = db.prepare<[], SigningKeyRecord>(`
    SELECT public_key AS publicKey, private_key AS privateKey, created_at AS createdAt
    FROM transfer_signing_key WHERE id = 1
  `);
  const insertKey = db.prepare(`
    INSERT INTO transfer_signing_key (id, public_key, private_key, created_at, created_by)
    VALUES (1, :publicKey, :privateKey, :createdAt, :createdBy)
  `);
  const insertOut = db.prepare(`
    INSERT INTO transfers_out (id, bundle_id, child_id, to_school, to_urn, sha256, sent_at, sent_by)
    VALUES (:id, :bundleId, :childId, :toSchool, :toUrn, :sha256, :sentAt, :sentBy)
  `);
  const outByBundle = db.prepare<[string], TransferOut>(`
    SELECT id, bundle_id AS bundleId, child_id AS childId, to_school AS toSchool, to_urn AS toUrn,
      sha256, sent_at AS sentAt, sent_by AS sentBy
    FROM transfers_out WHERE bundle_id = ?
  `);
  const insertIn = db.prepare(`
    INSERT INTO transfers_in (id, bundle_id, child_id, from_school, from_urn, from_dsl, sender_key,
      payload, created_child, entries, received_at, received_by)
    VALUES (:id, :bundleId, :childId, :fromSchool, :fromUrn, :fromDsl, :senderKey, :payload,
      :createdChild, :entries, :receivedAt, :receivedBy)
  `);
  const inByBundle = db.prepare<[string], InRow>(`
    SELECT id, bundle_id AS bundleId, child_id AS childId, from_school AS fromSchool,
      from_urn AS fromUrn, from_dsl AS fromDsl, sender_key AS senderKey, payload,
      created_child AS createdChild, entries, received_at AS receivedAt, received_by AS receivedBy
    FROM transfers_in WHERE bundle_id = ?
  `);
  const insertReceipt = db.prepare(`
    INSERT INTO transfer_receipts (id, bundle_id, received_at, received_by_name, received_by_role,
      receiving_school, receiving_urn, receiver_key, receipt, recorded_at, recorded_by)
    VALUES (:id, :bundleId, :receivedAt, :receivedByName, :receivedByRole, :receivingSchool,
      :receivingUrn, :receiverKey, :receipt, :recordedAt, :recordedBy)
  `);
  const receiptByBundle = db.prepare<[string], ReceiptRecord>(`
    SELECT id, bundle_id AS bundleId, received_at AS receivedAt,
      received_by_name AS receivedByName, received_by_role AS receivedByRole,
      receiving_school AS receivingSchool, receiving_urn AS receivingUrn,
      receiver_key AS receiverKey, receipt, recorded_at AS recordedAt, recorded_by AS recordedBy
    FROM transfer_receipts WHERE bundle_id = ?
  `);

  return {
    signingKey(): SigningKeyRecord | null {
      return key.get() ?? null;
    },
    addSigningKey(record: SigningKeyRecord, createdBy: string): void {
      insertKey.run({ ...record, createdBy });
    },
    addOut(record: TransferOut): void {
      insertOut.run(record);
    },
    outByBundle(bundleId: string): TransferOut | null {
      return outByBundle.get(bundleId) ?? null;
    },
    addIn(record: TransferIn): void {
      insertIn.run({ ...record, createdChild: record.createdChild ? 1 : 0 });
    },
    inByBundle(bundleId: string): TransferIn | null {
      const row = inByBundle.get(bundleId);
      return row ? { ...row, createdChild: row.createdChild === 1 } : null;
    },
    addReceipt(record: ReceiptRecord): void {
      insertReceipt.run(record);
    },
    receiptByBundle(bundleId: string): ReceiptRecord | null {
      return receiptByBundle.get(bundleId) ?? null;
    },
  };
}
