import type { DutyDeadlines } from '../../shared/duties/deadline';
import type { DutyOwner, DutyRuleId, EvidenceMethod, ExceptionId } from '../../shared/duties/rules';
import type { DutyEvent, DutyEventKind, DutyStatus } from '../../shared/duties/schema';
import type { DutySettings, DutySettingsVersion } from '../../shared/duties/settings';
import { defaultDutySettings } from '../../shared/duties/settings';
import type { Db } from '../db/open';

const UNKNOWN = 'Unknown user';

/** A duty as stored, with the names the lists show. */
export type DutyRecord = {
  id: string;
  ruleId: DutyRuleId;
  ruleEdition: string;
  childId: string | null;
  concernId: string | null;
  owner: DutyOwner;
  ownerUserId: string | null;
  ownerUserName: string | null;
  triggerAt: string;
  triggerNote: string;
  dueAt: string | null;
  targetAt: string | null;
  deadlines: DutyDeadlines;
  settingsVersion: number;
  status: DutyStatus;
  closedAt: string | null;
  createdAt: string;
};

export type NewDuty = Omit<DutyRecord, 'ownerUserName' | 'closedAt' | 'status'> & {
  createdBy: string;
};

export type NewDutyEvent = {
  id: string;
  dutyId: string;
  kind: DutyEventKind;
  recordedAt: string;
  recordedBy: string;
  at: string | null;
  recipient: string;
  method: EvidenceMethod | null;
  reference: string;
  actedBy: string | null;
  exception: ExceptionId | null;
  text: string;
};

type DutyRow = {
  id: string;
  rule_id: DutyRuleId;
  rule_edition: string;
  child_id: string | null;
  concern_id: string | null;
  owner: DutyOwner;
  owner_user_id: string | null;
  owner_user_name: string | null;
  trigger_at: string;
  trigger_note: string;
  due_at: string | null;
  target_at: string | null;
  deadlines: string;
  settings_version: number;
  status: DutyStatus;
  closed_at: string | null;
  created_at: string;
};

type EventRow = {
  id: string;
  kind: DutyEventKind;
  recorded_at: string;
  recorded_by_name: string | null;
  at: string | null;
  recipient: string;
  method: EvidenceMethod | null;
  reference: string;
  acted_by_name: string | null;
  exception: ExceptionId | null;
  text: string;
};

type SettingsRow = {
  version: number;
  settings: string;
  saved_at: string;
  saved_by_name: string | null;
};

function toDuty(row: DutyRow): DutyRecord {
  return {
    id: row.id,
    ruleId: row.rule_id,
    ruleEdition: row.rule_edition,
    childId: row.child_id,
    concernId: row.concern_id,
    owner: row.owner,
    ownerUserId: row.owner_user_id,
    ownerUserName: row.owner_user_name,
    triggerAt: row.trigger_at,
    triggerNote: row.trigger_note,
    dueAt: row.due_at,
    targetAt: row.target_at,
    deadlines: JSON.parse(row.deadlines) as DutyDeadlines,
    settingsVersion: row.settings_version,
    status: row.status,
    closedAt: row.closed_at,
    createdAt: row.created_at,
  };
}

function toEvent(row: EventRow): DutyEvent {
  return {
    id: row.id,
    kind: row.kind,
    recordedAt: row.recorded_at,
    recordedByName: row.recorded_by_name ?? UNKNOWN,
    at: row.at,
    recipient: row.recipient,
    method: row.method,
    reference: row.reference,
    actedByName: row.acted_by_name ?? '',
    exception: row.exception,
    text: row.text,
  };
}

function toVersion(row: SettingsRow): DutySettingsVersion {
  return {
    version: row.version,
    // Later settings may add keys: a stored version reads with the defaults for those.
    settings: { ...defaultDutySettings, ...(JSON.parse(row.settings) as Partial<DutySettings>) },
    savedAt: row.saved_at,
    savedByName: row.saved_by_name ?? UNKNOWN,
  };
}

export const DEFAULT_SETTINGS_VERSION: DutySettingsVersion = {
  version: 0,
  settings: defaultDutySettings,
  savedAt: null,
  savedByName: null,
};

const SELECT = `
  SELECT d.id, d.rule_id, d.rule_edition, d.child_id, d.concern_id, d.owner, d.owner_user_id,
    u.display_name AS owner_user_name, d.trigger_at, d.trigger_note, d.due_at, d.target_at,
    d.deadlines, d.settings_version, d.status, d.closed_at, d.created_at
  FROM duties d LEFT JOIN users u ON u.id = d.owner_user_id
`;

const ORDER = 'ORDER BY coalesce(min(d.due_at, d.target_at), d.due_at, d.target_at), d.created_at';

export function dutiesRepo(db: Db) {
  const insert = db.prepare(`
    INSERT INTO duties (id, rule_id, rule_edition, child_id, concern_id, owner, owner_user_id,
      trigger_at, trigger_note, due_at, target_at, deadlines, settings_version, status,
      closed_at, created_at, created_by)
    VALUES (:id, :ruleId, :ruleEdition, :childId, :concernId, :owner, :ownerUserId, :triggerAt,
      :triggerNote, :dueAt, :targetAt, :deadlines, :settingsVersion, 'open', NULL, :createdAt,
      :createdBy)
  `);
  const close = db.prepare(
    'UPDATE duties SET status = :status, closed_at = :closedAt WHERE id = :id AND status = :open',
  );
  const reschedule = db.prepare(
    'UPDATE duties SET due_at = :dueAt, target_at = :targetAt, deadlines = :deadlines WHERE id = :id',
  );
  const insertEvent = db.prepare(`
    INSERT INTO duty_events (id, duty_id, kind, recorded_at, recorded_by, at, recipient, method,
      reference, acted_by, exception, text)
    VALUES (:id, :dutyId, :kind, :recordedAt, :recordedBy, :at, :recipient, :method, :reference,
      :actedBy, :exception, :text)
  `);
  const byId = db.prepare<[string], DutyRow>(`${SELECT} WHERE d.id = ?`);
  const openLike = db.prepare<
    { ruleId: string; childId: string | null; concernId: string | null },
    { id: string }
  >(`
    SELECT id FROM duties WHERE status = 'open' AND rule_id = :ruleId
      AND child_id IS :childId AND concern_id IS :concernId
  `);
  const forChild = db.prepare<[string], DutyRow>(`${SELECT} WHERE d.child_id = ? ${ORDER}`);
  const forConcern = db.prepare<[string], DutyRow>(`${SELECT} WHERE d.concern_id = ? ${ORDER}`);
  const current = db.prepare<[string], DutyRow>(
    `${SELECT} WHERE d.status = 'open' OR d.closed_at >= ? ${ORDER}`,
  );
  const eventsOf = db.prepare<[string], EventRow>(`
    SELECT e.id, e.kind, e.recorded_at, r.display_name AS recorded_by_name, e.at, e.recipient,
      e.method, e.reference, a.display_name AS acted_by_name, e.exception, e.text
    FROM duty_events e
    LEFT JOIN users r ON r.id = e.recorded_by
    LEFT JOIN users a ON a.id = e.acted_by
    WHERE e.duty_id = ? ORDER BY e.recorded_at, e.rowid
  `);
  const inConcerns = db
    .prepare<[string], number>('SELECT EXISTS (SELECT 1 FROM concern_children WHERE child_id = ?)')
    .pluck();
  const versions = db.prepare<[], SettingsRow>(`
    SELECT s.version, s.settings, s.saved_at, u.display_name AS saved_by_name
    FROM duty_settings_versions s LEFT JOIN users u ON u.id = s.saved_by
    ORDER BY s.version DESC
  `);
  const version = db.prepare<[number], SettingsRow>(`
    SELECT s.version, s.settings, s.saved_at, u.display_name AS saved_by_name
    FROM duty_settings_versions s LEFT JOIN users u ON u.id = s.saved_by
    WHERE s.version = ?
  `);
  const insertVersion = db.prepare(`
    INSERT INTO duty_settings_versions (version, settings, saved_at, saved_by)
    VALUES (:version, :settings, :savedAt, :savedBy)
  `);

  return {
    add(duty: NewDuty): void {
      insert.run({ ...duty, deadlines: JSON.stringify(duty.deadlines) });
    },
    get(id: string): DutyRecord | null {
      const row = byId.get(id);
      return row ? toDuty(row) : null;
    },
    /** An open duty of the rule for the same child and concern, if there is one. */
    openLike(ruleId: DutyRuleId, childId: string | null, concernId: string | null): string | null {
      return openLike.get({ ruleId, childId, concernId })?.id ?? null;
    },
    /** Closes an open duty; false when it was not open. */
    close(id: string, status: Exclude<DutyStatus, 'open'>, closedAt: string): boolean {
      return close.run({ id, status, closedAt, open: 'open' }).changes === 1;
    },
    reschedule(
      id: string,
      dueAt: string | null,
      targetAt: string | null,
      deadlines: DutyDeadlines,
    ): void {
      reschedule.run({ id, dueAt, targetAt, deadlines: JSON.stringify(deadlines) });
    },
    addEvent(event: NewDutyEvent): void {
      insertEvent.run(event);
    },
    events(dutyId: string): DutyEvent[] {
      return eventsOf.all(dutyId).map(toEvent);
    },
    forChild(childId: string): DutyRecord[] {
      return forChild.all(childId).map(toDuty);
    },
    forConcern(concernId: string): DutyRecord[] {
      return forConcern.all(concernId).map(toDuty);
    },
    /** Every open duty, and those closed at or after `closedSince`, soonest due first. */
    current(closedSince: string): DutyRecord[] {
      return current.all(closedSince).map(toDuty);
    },
    /** True when the child is in any concern (a leaver's file then has something to transfer). */
    childInConcerns(childId: string): boolean {
      return inConcerns.get(childId) === 1;
    },
    /** The settings in force: the latest saved version, or the defaults (version 0). */
    currentSettings(): DutySettingsVersion {
      const row = versions.get();
      return row ? toVersion(row) : DEFAULT_SETTINGS_VERSION;
    },
    settingsVersion(n: number): DutySettingsVersion {
      const row = n === 0 ? undefined : version.get(n);
      return row ? toVersion(row) : DEFAULT_SETTINGS_VERSION;
    },
    /** Every saved version, newest first. */
    settingsHistory(): DutySettingsVersion[] {
      return versions.all().map(toVersion);
    },
    saveSettings(settings: DutySettings, savedAt: string, savedBy: string): number {
      const next = this.currentSettings().version + 1;
      insertVersion.run({ version: next, settings: JSON.stringify(settings), savedAt, savedBy });
      return next;
    },
  };
}
export type DutiesRepo = ReturnType<typeof dutiesRepo>;
