import type { RetentionRecordType, RetentionSettings } from '../../shared/retention/rules';
import { defaultRetentionSettings } from '../../shared/retention/rules';
import type {
  DestructionRecord,
  LegalHold,
  RetentionSettingsVersion,
} from '../../shared/retention/schema';
import type { Db } from '../db/open';

type HoldRow = {
  id: string;
  child_id: string;
  reason: string;
  placed_at: string;
  placed_by_name: string | null;
  lifted_at: string | null;
  lifted_by_name: string | null;
  lift_reason: string | null;
};

type SettingsRow = { version: number; settings: string; saved_at: string; saved_by_name: string };

type DestructionRow = {
  id: string;
  child_id: string;
  record_type: RetentionRecordType;
  review_date: string;
  deleted: string;
  shared_concerns_kept: number;
  reason: string;
  authorised_by_name: string | null;
  destroyed_at: string;
};

/** What the review queue needs about every child; names only for the queue's own screen. */
export type RetentionCandidate = {
  id: string;
  legalForename: string;
  legalSurname: string;
  preferredForename: string;
  preferredSurname: string;
  dateOfBirth: string;
  upn: string;
  leavingDate: string;
};

export type NewDestructionRecord = {
  id: string;
  childId: string;
  recordType: RetentionRecordType;
  reviewDate: string;
  deleted: Record<string, number>;
  sharedConcernsKept: number;
  reason: string;
  authorisedBy: string;
  destroyedAt: string;
};

const HOLD_COLUMNS = `h.id, h.child_id, h.reason, h.placed_at, p.display_name AS placed_by_name,
  h.lifted_at, l.display_name AS lifted_by_name, h.lift_reason
  FROM legal_holds h LEFT JOIN users p ON p.id = h.placed_by LEFT JOIN users l ON l.id = h.lifted_by`;

function toHold(row: HoldRow): LegalHold {
  return {
    id: row.id,
    childId: row.child_id,
    reason: row.reason,
    placedAt: row.placed_at,
    placedByName: row.placed_by_name ?? 'Unknown user',
    liftedAt: row.lifted_at ?? '',
    liftedByName: row.lifted_at === null ? '' : (row.lifted_by_name ?? 'Unknown user'),
    liftReason: row.lift_reason ?? '',
  };
}

function toVersion(row: SettingsRow): RetentionSettingsVersion {
  return {
    version: row.version,
    // A later record type reads with its default in a version saved before it existed.
    settings: {
      ...defaultRetentionSettings,
      ...(JSON.parse(row.settings) as Partial<RetentionSettings>),
    },
    savedAt: row.saved_at,
    savedByName: row.saved_by_name,
  };
}

export const DEFAULT_RETENTION_VERSION: RetentionSettingsVersion = {
  version: 0,
  settings: defaultRetentionSettings,
  savedAt: '',
  savedByName: '',
};

/** Legal holds, the retention settings, the destruction register and what the queue reads. */
export function retentionRepo(db: Db) {
  const candidates = db.prepare<[], RetentionCandidate>(`
    SELECT id, legal_forename AS legalForename, legal_surname AS legalSurname,
      preferred_forename AS preferredForename, preferred_surname AS preferredSurname,
      date_of_birth AS dateOfBirth, coalesce(upn, '') AS upn,
      coalesce(leaving_date, '') AS leavingDate
    FROM children ORDER BY date_of_birth, legal_surname, legal_forename, id
  `);
  const allegations = db.prepare<[], { childId: string; date: string }>(`
    SELECT cc.child_id AS childId, substr(c.occurred_at, 1, 10) AS date
    FROM concern_flags f
    JOIN concerns c ON c.id = f.concern_id
    JOIN concern_children cc ON cc.concern_id = f.concern_id
    WHERE f.allegation_about_adult = 1
  `);
  const transfers = db.prepare<
    [],
    { childId: string; school: string; urn: string; sentAt: string }
  >(
    `SELECT child_id AS childId, to_school AS school, to_urn AS urn, sent_at AS sentAt
     FROM transfers_out ORDER BY sent_at`,
  );
  const currentHolds = db.prepare<[], HoldRow>(
    `SELECT ${HOLD_COLUMNS} WHERE h.lifted_at IS NULL ORDER BY h.placed_at`,
  );
  const holdsOf = db.prepare<[string], HoldRow>(
    `SELECT ${HOLD_COLUMNS} WHERE h.child_id = ?
     ORDER BY h.lifted_at IS NOT NULL, h.placed_at DESC, h.rowid DESC`,
  );
  const holdById = db.prepare<[string], HoldRow>(`SELECT ${HOLD_COLUMNS} WHERE h.id = ?`);
  const insertHold = db.prepare(`
    INSERT INTO legal_holds (id, child_id, reason, placed_by, placed_at)
    VALUES (:id, :childId, :reason, :placedBy, :placedAt)
  `);
  const liftHold = db.prepare(`
    UPDATE legal_holds SET lifted_by = :liftedBy, lifted_at = :liftedAt, lift_reason = :reason
    WHERE id = :id AND lifted_at IS NULL
  `);
  const latestVersion = db.prepare<[], SettingsRow>(`
    SELECT s.version, s.settings, s.saved_at, coalesce(u.display_name, 'Unknown user') AS saved_by_name
    FROM retention_settings_versions s LEFT JOIN users u ON u.id = s.saved_by
    ORDER BY s.version DESC
  `);
  const insertVersion = db.prepare(`
    INSERT INTO retention_settings_versions (version, settings, saved_at, saved_by)
    VALUES (:version, :settings, :savedAt, :savedBy)
  `);
  const insertDestruction = db.prepare(`
    INSERT INTO destruction_records (id, child_id, record_type, review_date, deleted,
      shared_concerns_kept, reason, authorised_by, destroyed_at)
    VALUES (:id, :childId, :recordType, :reviewDate, :deleted, :sharedConcernsKept, :reason,
      :authorisedBy, :destroyedAt)
  `);
  const destructions = db.prepare<[], DestructionRow>(`
    SELECT d.id, d.child_id, d.record_type, d.review_date, d.deleted, d.shared_concerns_kept,
      d.reason, u.display_name AS authorised_by_name, d.destroyed_at
    FROM destruction_records d LEFT JOIN users u ON u.id = d.authorised_by
    ORDER BY d.destroyed_at DESC, d.rowid DESC
  `);

  return {
    candidates(): RetentionCandidate[] {
      return candidates.all();
    },
    /** Child id → the dates (YYYY-MM-DD) of concerns recording an allegation about an adult. */
    allegationDates(): Map<string, string[]> {
      const map = new Map<string, string[]>();
      for (const row of allegations.all())
        map.set(row.childId, [...(map.get(row.childId) ?? []), row.date]);
      return map;
    },
    transfersOut(): Map<string, { school: string; urn: string; sentAt: string }[]> {
      const map = new Map<string, { school: string; urn: string; sentAt: string }[]>();
      for (const { childId, ...t } of transfers.all())
        map.set(childId, [...(map.get(childId) ?? []), t]);
      return map;
    },
    /** Child id → the hold in force on the child's file. */
    currentHolds(): Map<string, LegalHold> {
      return new Map(currentHolds.all().map((r) => [r.child_id, toHold(r)]));
    },
    holdsOf(childId: string): LegalHold[] {
      return holdsOf.all(childId).map(toHold);
    },
    hold(id: string): LegalHold | null {
      const row = holdById.get(id);
      return row ? toHold(row) : null;
    },
    placeHold(hold: {
      id: string;
      childId: string;
      reason: string;
      placedBy: string;
      placedAt: string;
    }): void {
      insertHold.run(hold);
    },
    /** False when the hold was already lifted. */
    liftHold(lift: { id: string; reason: string; liftedBy: string; liftedAt: string }): boolean {
      return liftHold.run(lift).changes === 1;
    },
    currentSettings(): RetentionSettingsVersion {
      const row = latestVersion.get();
      return row ? toVersion(row) : DEFAULT_RETENTION_VERSION;
    },
    settingsHistory(): RetentionSettingsVersion[] {
      return latestVersion.all().map(toVersion);
    },
    saveSettings(settings: RetentionSettings, savedAt: string, savedBy: string): number {
      const version = this.currentSettings().version + 1;
      insertVersion.run({ version, settings: JSON.stringify(settings), savedAt, savedBy });
      return version;
    },
    recordDestruction(record: NewDestructionRecord): void {
      insertDestruction.run({ ...record, deleted: JSON.stringify(record.deleted) });
    },
    register(): DestructionRecord[] {
      return destructions.all().map((r) => ({
        id: r.id,
        childId: r.child_id,
        recordType: r.record_type,
        reviewDate: r.review_date,
        deleted: JSON.parse(r.deleted) as Record<string, number>,
        sharedConcernsKept: r.shared_concerns_kept,
        reason: r.reason,
        authorisedByName: r.authorised_by_name ?? 'Unknown user',
        destroyedAt: r.destroyed_at,
      }));
    },
  };
}
export type RetentionRepo = ReturnType<typeof retentionRepo>;
