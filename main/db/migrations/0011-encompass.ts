import type { Migration } from '.';

/** Rows that never change once written: a recorded notification is corrected by addenda. */
const IMMUTABLE = ['encompass_notifications', 'encompass_children', 'encompass_addenda'] as const;

const SEARCH_COLUMNS =
  'text, kind, source_id, concern_id, child_ids, recorded_by, occurred_at, recorded_at';

/** The notification's children, space-separated, for search_index.child_ids (0007). */
function childIdsOf(notificationId: string): string {
  return `(SELECT coalesce(group_concat(child_id, ' '), '') FROM encompass_children
    WHERE notification_id = ${notificationId})`;
}

/**
 * Operation Encompass notifications (issue 4; domain.md §3.10; shared/encompass/schema.ts), and
 * an index that lets the escalation prompt (shared/casework/escalation.ts) read only the last
 * weeks of concerns.
 *
 * A notification's children are inserted before the notification itself (the foreign key is
 * deferred to the end of the transaction), so the search trigger on the notification sees them
 * all and writes one search row with every child (0007's recipe). An addendum is indexed under
 * its notification's id, so a search hit on a correction opens the notification.
 */
export const m0011Encompass: Migration = {
  name: '0011-encompass',
  up(db) {
    db.exec(`
      -- incident_at: YYYY-MM-DD or YYYY-MM-DDTHH:MM; notified_at and key_adult_informed_at:
      -- YYYY-MM-DDTHH:MM; all London wall-clock time, as given.
      CREATE TABLE encompass_notifications (
        id TEXT PRIMARY KEY,
        incident_at TEXT NOT NULL,
        notified_at TEXT NOT NULL,
        police_force TEXT NOT NULL CHECK (length(police_force) > 0),
        police_reference TEXT NOT NULL CHECK (length(police_reference) > 0),
        notified_by TEXT NOT NULL CHECK (length(notified_by) > 0),
        summary TEXT NOT NULL CHECK (length(summary) > 0),
        key_adult_id TEXT NOT NULL REFERENCES users (id),
        key_adult_informed_at TEXT NOT NULL,
        support_planned TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id),
        recorded_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE encompass_children (
        notification_id TEXT NOT NULL
          REFERENCES encompass_notifications (id) DEFERRABLE INITIALLY DEFERRED,
        child_id TEXT NOT NULL REFERENCES children (id),
        presence TEXT NOT NULL
          CHECK (presence IN ('witnessed', 'present', 'not_present', 'not_known')),
        PRIMARY KEY (notification_id, child_id)
      ) STRICT;
      CREATE INDEX encompass_children_by_child ON encompass_children (child_id);

      CREATE TABLE encompass_addenda (
        id TEXT PRIMARY KEY,
        notification_id TEXT NOT NULL REFERENCES encompass_notifications (id),
        added_by TEXT NOT NULL REFERENCES users (id),
        added_at TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(reason) >= 10),
        text TEXT NOT NULL CHECK (length(text) > 0)
      ) STRICT;
      CREATE INDEX encompass_addenda_by_notification ON encompass_addenda (notification_id);

      CREATE TRIGGER encompass_notifications_search AFTER INSERT ON encompass_notifications BEGIN
        INSERT INTO search_index (${SEARCH_COLUMNS})
        VALUES (concat_ws(char(10), NEW.summary, NEW.support_planned,
            NEW.police_force || ' ' || NEW.police_reference),
          'encompass', NEW.id, NULL, ${childIdsOf('NEW.id')}, NEW.recorded_by, NEW.incident_at,
          NEW.recorded_at);
      END;
      CREATE TRIGGER encompass_addenda_search AFTER INSERT ON encompass_addenda BEGIN
        INSERT INTO search_index (${SEARCH_COLUMNS})
        VALUES (concat_ws(char(10), NEW.reason, NEW.text), 'encompass', NEW.notification_id, NULL,
          ${childIdsOf('NEW.notification_id')}, NEW.added_by, NULL, NEW.added_at);
      END;

      -- The escalation prompt reads concerns from a start date onwards.
      CREATE INDEX concerns_by_occurred ON concerns (occurred_at);
    `);
    for (const table of IMMUTABLE) {
      db.exec(`
        CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table}: a recorded notification cannot be changed; add an addendum'); END;
        CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table}: a recorded notification cannot be deleted'); END;
      `);
    }
  },
};
