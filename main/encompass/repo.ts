import { displayName } from '../../shared/children/schema';
import type {
  ChildPresence,
  EncompassDraft,
  EncompassNotification,
  EncompassSummary,
} from '../../shared/encompass/schema';
import type { Db } from '../db/open';

type NotificationRow = {
  id: string;
  incident_at: string;
  notified_at: string;
  police_force: string;
  police_reference: string;
  notified_by: string;
  summary: string;
  key_adult_id: string;
  key_adult_name: string | null;
  key_adult_informed_at: string;
  support_planned: string;
  recorded_by_name: string | null;
  recorded_at: string;
};

type ChildRow = {
  child_id: string;
  presence: ChildPresence;
  legal_forename: string;
  legal_surname: string;
  preferred_forename: string;
  preferred_surname: string;
};

type SummaryRow = {
  id: string;
  incident_at: string;
  notified_at: string;
  police_force: string;
  police_reference: string;
  presence: ChildPresence;
  addenda: number;
};

export type NewNotification = { id: string; recordedBy: string; recordedAt: string };

export type NewEncompassAddendum = {
  id: string;
  notificationId: string;
  addedBy: string;
  addedAt: string;
  reason: string;
  text: string;
};

export function encompassRepo(db: Db) {
  const insertNotification = db.prepare(`
    INSERT INTO encompass_notifications (id, incident_at, notified_at, police_force,
      police_reference, notified_by, summary, key_adult_id, key_adult_informed_at,
      support_planned, recorded_by, recorded_at)
    VALUES (:id, :incidentAt, :notifiedAt, :policeForce, :policeReference, :notifiedBy, :summary,
      :keyAdultId, :keyAdultInformedAt, :supportPlanned, :recordedBy, :recordedAt)
  `);
  const insertChild = db.prepare(
    'INSERT INTO encompass_children (notification_id, child_id, presence) VALUES (?, ?, ?)',
  );
  const insertAddendum = db.prepare(`
    INSERT INTO encompass_addenda (id, notification_id, added_by, added_at, reason, text)
    VALUES (:id, :notificationId, :addedBy, :addedAt, :reason, :text)
  `);
  const byId = db.prepare<[string], NotificationRow>(`
    SELECT n.id, n.incident_at, n.notified_at, n.police_force, n.police_reference, n.notified_by,
      n.summary, n.key_adult_id, k.display_name AS key_adult_name, n.key_adult_informed_at,
      n.support_planned, r.display_name AS recorded_by_name, n.recorded_at
    FROM encompass_notifications n
    LEFT JOIN users k ON k.id = n.key_adult_id
    LEFT JOIN users r ON r.id = n.recorded_by
    WHERE n.id = ?
  `);
  const childrenOf = db.prepare<[string], ChildRow>(`
    SELECT ec.child_id, ec.presence, ch.legal_forename, ch.legal_surname, ch.preferred_forename,
      ch.preferred_surname
    FROM encompass_children ec JOIN children ch ON ch.id = ec.child_id
    WHERE ec.notification_id = ?
    ORDER BY ch.legal_surname COLLATE NOCASE, ch.legal_forename COLLATE NOCASE, ch.id
  `);
  const addendaOf = db.prepare<
    [string],
    { id: string; added_by_name: string | null; added_at: string; reason: string; text: string }
  >(`
    SELECT a.id, u.display_name AS added_by_name, a.added_at, a.reason, a.text
    FROM encompass_addenda a LEFT JOIN users u ON u.id = a.added_by
    WHERE a.notification_id = ? ORDER BY a.added_at, a.id
  `);
  // Newest incident first, then the newest recorded.
  const forChild = db.prepare<[string], SummaryRow>(`
    SELECT n.id, n.incident_at, n.notified_at, n.police_force, n.police_reference, ec.presence,
      (SELECT count(*) FROM encompass_addenda a WHERE a.notification_id = n.id) AS addenda
    FROM encompass_children ec JOIN encompass_notifications n ON n.id = ec.notification_id
    WHERE ec.child_id = ?
    ORDER BY n.incident_at DESC, n.recorded_at DESC, n.id DESC
  `);
  return {
    /** Children first: the notification's search trigger reads them (0011). */
    add(n: EncompassDraft, meta: NewNotification): void {
      for (const child of n.children) insertChild.run(meta.id, child.childId, child.presence);
      insertNotification.run({
        id: meta.id,
        incidentAt: n.incidentAt,
        notifiedAt: n.notifiedAt,
        policeForce: n.policeForce,
        policeReference: n.policeReference,
        notifiedBy: n.notifiedBy,
        summary: n.summary,
        keyAdultId: n.keyAdultId,
        keyAdultInformedAt: n.keyAdultInformedAt,
        supportPlanned: n.supportPlanned,
        recordedBy: meta.recordedBy,
        recordedAt: meta.recordedAt,
      });
    },
    addAddendum(addendum: NewEncompassAddendum): void {
      insertAddendum.run(addendum);
    },
    get(id: string): EncompassNotification | null {
      const row = byId.get(id);
      if (!row) return null;
      return {
        id: row.id,
        children: childrenOf.all(id).map((c) => ({
          childId: c.child_id,
          presence: c.presence,
          name: displayName({
            legalForename: c.legal_forename,
            legalSurname: c.legal_surname,
            preferredForename: c.preferred_forename,
            preferredSurname: c.preferred_surname,
          }),
        })),
        incidentAt: row.incident_at,
        notifiedAt: row.notified_at,
        policeForce: row.police_force,
        policeReference: row.police_reference,
        notifiedBy: row.notified_by,
        summary: row.summary,
        keyAdultId: row.key_adult_id,
        keyAdultName: row.key_adult_name ?? 'Unknown user',
        keyAdultInformedAt: row.key_adult_informed_at,
        supportPlanned: row.support_planned,
        recordedByName: row.recorded_by_name ?? 'Unknown user',
        recordedAt: row.recorded_at,
        addenda: addendaOf.all(id).map((a) => ({
          id: a.id,
          addedByName: a.added_by_name ?? 'Unknown user',
          addedAt: a.added_at,
          reason: a.reason,
          text: a.text,
        })),
      };
    },
    forChild(childId: string): EncompassSummary[] {
      return forChild.all(childId).map((r) => ({
        id: r.id,
        incidentAt: r.incident_at,
        notifiedAt: r.notified_at,
        policeForce: r.police_force,
        policeReference: r.police_reference,
        presence: r.presence,
        addenda: r.addenda,
      }));
    },
  };
}
export type EncompassRepo = ReturnType<typeof encompassRepo>;
