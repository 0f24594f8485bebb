import type { Db } from '../db/open';
import type {
  ReceivedHow,
  RedactionReason,
  RequesterRelationship,
  SarExemption,
  SarRedaction,
} from '../../shared/sar/schema';

export type SarRecord = {
  id: string;
  childId: string;
  receivedAt: string;
  requesterName: string;
  relationship: RequesterRelationship;
  relationshipDetail: string;
  receivedHow: ReceivedHow;
  competenceNote: string;
  identityChecked: boolean;
  identityCheckedAt: string | null;
  dutyId: string;
  createdAt: string;
  createdBy: string;
  createdByName: string;
};

export type SarEventKind = 'paused' | 'resumed' | 'extended' | 'identity_checked' | 'withdrawn';
export type SarEvent = {
  id: string;
  sarId: string;
  kind: SarEventKind;
  at: string;
  reason: string;
  recordedBy: string;
  recordedByName: string;
};

export type NewRedaction = Omit<SarRedaction, 'madeByName' | 'itemKey'> & {
  sarId: string;
  itemSource: string;
  itemId: string;
  madeBy: string;
};

export type SarCompletion = {
  sarId: string;
  exportId: string;
  sha256: string;
  pages: number;
  completedAt: string;
  completedBy: string;
  completedByName: string;
};

/** A CP file sent or received, as the SAR lists it (never the bundle's payload). */
export type TransferLine = { id: string; school: string; urn: string; at: string };

type RequestRow = Omit<SarRecord, 'identityChecked'> & { identityChecked: number };
type RedactionRow = Omit<SarRedaction, 'itemKey'> & { itemSource: string; itemId: string };

const REQUEST_COLUMNS = `r.id, r.child_id AS childId, r.received_at AS receivedAt,
  r.requester_name AS requesterName, r.relationship, r.relationship_detail AS relationshipDetail,
  r.received_how AS receivedHow, r.competence_note AS competenceNote,
  r.identity_checked AS identityChecked, r.identity_checked_at AS identityCheckedAt,
  r.duty_id AS dutyId, r.created_at AS createdAt, r.created_by AS createdBy,
  u.display_name AS createdByName`;

function toRequest(row: RequestRow): SarRecord {
  return { ...row, identityChecked: row.identityChecked === 1 };
}

/** Subject access requests and their append-only history (0021-sar). */
export function sarRepo(db: Db) {
  const insertRequest = db.prepare(`
    INSERT INTO sar_requests (id, child_id, received_at, requester_name, relationship,
      relationship_detail, received_how, competence_note, identity_checked, identity_checked_at,
      duty_id, created_at, created_by)
    VALUES (:id, :childId, :receivedAt, :requesterName, :relationship, :relationshipDetail,
      :receivedHow, :competenceNote, :identityChecked, :identityCheckedAt, :dutyId, :createdAt,
      :createdBy)
  `);
  const all = db.prepare<[], RequestRow>(`
    SELECT ${REQUEST_COLUMNS} FROM sar_requests r JOIN users u ON u.id = r.created_by
    ORDER BY r.received_at DESC, r.id DESC
  `);
  const one = db.prepare<[string], RequestRow>(`
    SELECT ${REQUEST_COLUMNS} FROM sar_requests r JOIN users u ON u.id = r.created_by
    WHERE r.id = ?
  `);
  const insertEvent = db.prepare(`
    INSERT INTO sar_events (id, sar_id, kind, at, reason, recorded_by)
    VALUES (:id, :sarId, :kind, :at, :reason, :recordedBy)
  `);
  const events = db.prepare<[string], SarEvent>(`
    SELECT e.id, e.sar_id AS sarId, e.kind, e.at, e.reason, e.recorded_by AS recordedBy,
      u.display_name AS recordedByName
    FROM sar_events e JOIN users u ON u.id = e.recorded_by
    WHERE e.sar_id = ? ORDER BY e.at, e.rowid
  `);
  const insertRedaction = db.prepare(`
    INSERT INTO sar_redactions (id, sar_id, item_source, item_id, party_id, span, decision,
      reason, note, made_at, made_by)
    VALUES (:id, :sarId, :itemSource, :itemId, :partyId, :span, :decision, :reason, :note,
      :madeAt, :madeBy)
  `);
  const redactions = db.prepare<[string], RedactionRow>(`
    SELECT r.id, r.item_source AS itemSource, r.item_id AS itemId, r.party_id AS partyId, r.span,
      r.decision, r.reason, r.note, u.display_name AS madeByName, r.made_at AS madeAt
    FROM sar_redactions r JOIN users u ON u.id = r.made_by
    WHERE r.sar_id = ?
      AND NOT EXISTS (SELECT 1 FROM sar_redaction_removals x WHERE x.redaction_id = r.id)
    ORDER BY r.made_at, r.rowid
  `);
  const redactionOf = db.prepare<[string, string], { id: string }>(`
    SELECT r.id FROM sar_redactions r
    WHERE r.id = ? AND r.sar_id = ?
      AND NOT EXISTS (SELECT 1 FROM sar_redaction_removals x WHERE x.redaction_id = r.id)
  `);
  const insertRemoval = db.prepare(`
    INSERT INTO sar_redaction_removals (redaction_id, note, removed_at, removed_by)
    VALUES (:redactionId, :note, :removedAt, :removedBy)
  `);
  const insertExemption = db.prepare(`
    INSERT INTO sar_exemptions (id, sar_id, exemption, applies, reason, decided_at, decided_by)
    VALUES (:id, :sarId, :exemption, :applies, :reason, :decidedAt, :decidedBy)
  `);
  const exemptions = db.prepare<
    [string],
    Omit<SarExemption, 'applies' | 'exemption'> & { exemption: RedactionReason; applies: number }
  >(`
    SELECT e.id, e.exemption, e.applies, e.reason, u.display_name AS decidedByName,
      e.decided_at AS decidedAt
    FROM sar_exemptions e JOIN users u ON u.id = e.decided_by
    WHERE e.sar_id = ? ORDER BY e.decided_at, e.rowid
  `);
  const insertCompletion = db.prepare(`
    INSERT INTO sar_completions (sar_id, export_id, sha256, pages, completed_at, completed_by)
    VALUES (:sarId, :exportId, :sha256, :pages, :completedAt, :completedBy)
  `);
  const completion = db.prepare<[string], SarCompletion>(`
    SELECT c.sar_id AS sarId, c.export_id AS exportId, c.sha256, c.pages,
      c.completed_at AS completedAt, c.completed_by AS completedBy,
      u.display_name AS completedByName
    FROM sar_completions c JOIN users u ON u.id = c.completed_by WHERE c.sar_id = ?
  `);
  const transfersOut = db.prepare<[string], TransferLine>(`
    SELECT id, to_school AS school, to_urn AS urn, sent_at AS at FROM transfers_out
    WHERE child_id = ? ORDER BY sent_at
  `);
  const transfersIn = db.prepare<[string], TransferLine>(`
    SELECT id, from_school AS school, from_urn AS urn, received_at AS at FROM transfers_in
    WHERE child_id = ? ORDER BY received_at
  `);

  return {
    add(record: Omit<SarRecord, 'createdByName'>): void {
      insertRequest.run({ ...record, identityChecked: record.identityChecked ? 1 : 0 });
    },
    /** Newest received first. */
    list(): SarRecord[] {
      return all.all().map(toRequest);
    },
    get(id: string): SarRecord | null {
      const row = one.get(id);
      return row ? toRequest(row) : null;
    },
    addEvent(event: Omit<SarEvent, 'recordedByName'>): void {
      insertEvent.run(event);
    },
    /** Oldest first. */
    events(sarId: string): SarEvent[] {
      return events.all(sarId);
    },
    addRedaction(redaction: NewRedaction): void {
      insertRedaction.run(redaction);
    },
    /** The redactions and decisions in force (not removed), oldest first. */
    redactions(sarId: string): SarRedaction[] {
      return redactions.all(sarId).map(({ itemSource, itemId, ...r }) => ({
        ...r,
        itemKey: `${itemSource}:${itemId}`,
      }));
    },
    /** True when the redaction belongs to the request and is still in force. */
    inForce(redactionId: string, sarId: string): boolean {
      return redactionOf.get(redactionId, sarId) !== undefined;
    },
    removeRedaction(removal: {
      redactionId: string;
      note: string;
      removedAt: string;
      removedBy: string;
    }): void {
      insertRemoval.run(removal);
    },
    addExemption(e: {
      id: string;
      sarId: string;
      exemption: RedactionReason;
      applies: boolean;
      reason: string;
      decidedAt: string;
      decidedBy: string;
    }): void {
      insertExemption.run({ ...e, applies: e.applies ? 1 : 0 });
    },
    exemptions(sarId: string): SarExemption[] {
      return exemptions.all(sarId).map((e) => ({ ...e, applies: e.applies === 1 }));
    },
    complete(c: Omit<SarCompletion, 'completedByName'>): void {
      insertCompletion.run(c);
    },
    completion(sarId: string): SarCompletion | null {
      return completion.get(sarId) ?? null;
    },
    transfersOut(childId: string): TransferLine[] {
      return transfersOut.all(childId);
    },
    transfersIn(childId: string): TransferLine[] {
      return transfersIn.all(childId);
    },
  };
}
