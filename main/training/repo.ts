import type { AttachmentType } from '../../shared/concerns/attachments';
import type { TrainingAudience, TrainingKind } from '../../shared/governance/training';
import type {
  KcsieAttestation,
  PersonInput,
  TrainingRecordView,
} from '../../shared/training/schema';
import type { Db } from '../db/open';

type PersonRow = {
  id: string;
  name: string;
  job_title: string;
  groups: string;
  start_date: string;
  leaving_date: string;
  user_id: string | null;
};

type RecordRow = {
  id: string;
  person_id: string;
  kind: TrainingKind;
  completed_on: string;
  provider: string;
  notes: string;
  evidence_name: string | null;
  evidence_type: AttachmentType | null;
  evidence_size: number | null;
  evidence_sha256: string | null;
  recorded_at: string;
  recorded_by_name: string | null;
  withdrawn_reason: string | null;
  withdrawn_at: string | null;
  withdrawn_by_name: string | null;
};

type AttestationRow = {
  id: string;
  person_id: string;
  edition: string;
  attested_on: string;
  recorded_at: string;
  recorded_by_name: string | null;
};

export type StoredPerson = {
  id: string;
  name: string;
  jobTitle: string;
  groups: TrainingAudience[];
  startDate: string;
  leavingDate: string;
  userId: string | null;
};

export type StoredRecord = TrainingRecordView & { personId: string };
export type StoredAttestation = KcsieAttestation & { personId: string };

export type NewRecord = {
  id: string;
  personId: string;
  kind: TrainingKind;
  completedOn: string;
  provider: string;
  notes: string;
  evidence: { data: Buffer; name: string; type: AttachmentType; sha256: string } | null;
  recordedAt: string;
  recordedBy: string;
};

function person(row: PersonRow): StoredPerson {
  return {
    id: row.id,
    name: row.name,
    jobTitle: row.job_title,
    groups: JSON.parse(row.groups) as TrainingAudience[],
    startDate: row.start_date,
    leavingDate: row.leaving_date,
    userId: row.user_id,
  };
}

function record(row: RecordRow): StoredRecord {
  return {
    id: row.id,
    personId: row.person_id,
    kind: row.kind,
    completedOn: row.completed_on,
    provider: row.provider,
    notes: row.notes,
    evidence:
      row.evidence_name !== null && row.evidence_type !== null && row.evidence_sha256 !== null
        ? {
            fileName: row.evidence_name,
            mediaType: row.evidence_type,
            size: row.evidence_size ?? 0,
            sha256: row.evidence_sha256,
          }
        : null,
    recordedAt: row.recorded_at,
    recordedByName: row.recorded_by_name ?? '',
    withdrawal:
      row.withdrawn_reason !== null && row.withdrawn_at !== null
        ? {
            reason: row.withdrawn_reason,
            at: row.withdrawn_at,
            byName: row.withdrawn_by_name ?? '',
          }
        : null,
  };
}

function attestation(row: AttestationRow): StoredAttestation {
  return {
    id: row.id,
    personId: row.person_id,
    edition: row.edition,
    attestedOn: row.attested_on,
    recordedAt: row.recorded_at,
    recordedByName: row.recorded_by_name ?? '',
  };
}

const RECORD_SELECT = `
  SELECT r.id, r.person_id, r.kind, r.completed_on, r.provider, r.notes, r.evidence_name,
    r.evidence_type, length(r.evidence) AS evidence_size, r.evidence_sha256, r.recorded_at,
    u.display_name AS recorded_by_name, w.reason AS withdrawn_reason, w.withdrawn_at,
    wu.display_name AS withdrawn_by_name
  FROM training_records r
  LEFT JOIN users u ON u.id = r.recorded_by
  LEFT JOIN training_withdrawals w ON w.record_id = r.id
  LEFT JOIN users wu ON wu.id = w.withdrawn_by`;

/**
 * People, training records (append-only, withdrawn rather than deleted), KCSIE attestations and
 * the school's intervals (versioned; the latest per kind applies).
 */
export function trainingRepo(db: Db) {
  const allPeople = db.prepare<[], PersonRow>(
    'SELECT * FROM people ORDER BY name COLLATE NOCASE, start_date',
  );
  const personById = db.prepare<[string], PersonRow>('SELECT * FROM people WHERE id = ?');
  const personByNameStart = db.prepare<[string, string], PersonRow>(
    'SELECT * FROM people WHERE name = ? COLLATE NOCASE AND start_date = ?',
  );
  const personByUser = db.prepare<[string], PersonRow>('SELECT * FROM people WHERE user_id = ?');
  const insertPerson = db.prepare(`
    INSERT INTO people (id, name, job_title, groups, start_date, leaving_date, user_id,
      created_at, created_by, updated_at, updated_by)
    VALUES (:id, :name, :jobTitle, :groups, :startDate, :leavingDate, :userId, :at, :by, :at, :by)
  `);
  const updatePersonRow = db.prepare(`
    UPDATE people SET name = :name, job_title = :jobTitle, groups = :groups,
      start_date = :startDate, leaving_date = :leavingDate, user_id = :userId,
      updated_at = :at, updated_by = :by
    WHERE id = :id
  `);
  const allRecords = db.prepare<[], RecordRow>(
    `${RECORD_SELECT} ORDER BY r.completed_on DESC, r.recorded_at DESC`,
  );
  const recordById = db.prepare<[string], RecordRow>(`${RECORD_SELECT} WHERE r.id = ?`);
  const evidenceOf = db.prepare<[string], { evidence: Buffer | null }>(
    'SELECT evidence FROM training_records WHERE id = ?',
  );
  const insertRecord = db.prepare(`
    INSERT INTO training_records (id, person_id, kind, completed_on, provider, notes, evidence,
      evidence_name, evidence_type, evidence_sha256, recorded_at, recorded_by)
    VALUES (:id, :personId, :kind, :completedOn, :provider, :notes, :evidence, :evidenceName,
      :evidenceType, :evidenceSha256, :recordedAt, :recordedBy)
  `);
  const insertWithdrawal = db.prepare(
    'INSERT INTO training_withdrawals (record_id, reason, withdrawn_at, withdrawn_by) VALUES (?, ?, ?, ?)',
  );
  const allAttestations = db.prepare<[], AttestationRow>(`
    SELECT a.id, a.person_id, a.edition, a.attested_on, a.recorded_at,
      u.display_name AS recorded_by_name
    FROM kcsie_attestations a LEFT JOIN users u ON u.id = a.recorded_by
    ORDER BY a.edition DESC
  `);
  const attestationFor = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM kcsie_attestations WHERE person_id = ? AND edition = ?',
  );
  const insertAttestation = db.prepare(`
    INSERT INTO kcsie_attestations (id, person_id, edition, attested_on, recorded_at, recorded_by)
    VALUES (?, ?, ?, ?, ?, ?)
  `);
  const latestIntervals = db.prepare<
    [],
    { kind: TrainingKind; interval_months: number; set_at: string; set_by_name: string | null }
  >(`
    SELECT i.kind, i.interval_months, i.set_at, u.display_name AS set_by_name
    FROM training_intervals i LEFT JOIN users u ON u.id = i.set_by
    WHERE i.rowid = (SELECT max(rowid) FROM training_intervals j WHERE j.kind = i.kind)
  `);
  const insertInterval = db.prepare(
    'INSERT INTO training_intervals (id, kind, interval_months, set_at, set_by) VALUES (?, ?, ?, ?, ?)',
  );

  return {
    people(): StoredPerson[] {
      return allPeople.all().map(person);
    },
    person(id: string): StoredPerson | null {
      const row = personById.get(id);
      return row ? person(row) : null;
    },
    personByNameAndStart(name: string, startDate: string): StoredPerson | null {
      const row = personByNameStart.get(name, startDate);
      return row ? person(row) : null;
    },
    personForUser(userId: string): StoredPerson | null {
      const row = personByUser.get(userId);
      return row ? person(row) : null;
    },
    addPerson(id: string, input: PersonInput, at: string, by: string): void {
      insertPerson.run({ ...input, id, groups: JSON.stringify(input.groups), at, by });
    },
    updatePerson(id: string, input: PersonInput, at: string, by: string): void {
      updatePersonRow.run({ ...input, id, groups: JSON.stringify(input.groups), at, by });
    },
    records(): StoredRecord[] {
      return allRecords.all().map(record);
    },
    record(id: string): StoredRecord | null {
      const row = recordById.get(id);
      return row ? record(row) : null;
    },
    evidence(id: string): Buffer | null {
      return evidenceOf.get(id)?.evidence ?? null;
    },
    addRecord(r: NewRecord): void {
      insertRecord.run({
        id: r.id,
        personId: r.personId,
        kind: r.kind,
        completedOn: r.completedOn,
        provider: r.provider,
        notes: r.notes,
        evidence: r.evidence?.data ?? null,
        evidenceName: r.evidence?.name ?? null,
        evidenceType: r.evidence?.type ?? null,
        evidenceSha256: r.evidence?.sha256 ?? null,
        recordedAt: r.recordedAt,
        recordedBy: r.recordedBy,
      });
    },
    withdraw(recordId: string, reason: string, at: string, by: string): void {
      insertWithdrawal.run(recordId, reason, at, by);
    },
    attestations(): StoredAttestation[] {
      return allAttestations.all().map(attestation);
    },
    hasAttestation(personId: string, edition: string): boolean {
      return attestationFor.get(personId, edition) !== undefined;
    },
    attest(id: string, personId: string, edition: string, on: string, at: string, by: string) {
      insertAttestation.run(id, personId, edition, on, at, by);
    },
    intervals(): Map<TrainingKind, { months: number; setAt: string; setByName: string }> {
      return new Map(
        latestIntervals
          .all()
          .map((r) => [
            r.kind,
            { months: r.interval_months, setAt: r.set_at, setByName: r.set_by_name ?? '' },
          ]),
      );
    },
    setInterval(id: string, kind: TrainingKind, months: number, at: string, by: string): void {
      insertInterval.run(id, kind, months, at, by);
    },
  };
}
