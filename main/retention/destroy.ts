import type { Db } from '../db/open';

/**
 * Deletes everything Lantern holds about one child, inside the caller's transaction
 * (security G6). The destruction_in_progress marker (0020) is inserted first and deleted last, so
 * the append-only tables' `_no_delete` triggers let these deletes through and nothing else.
 *
 * Deleted: the child; every concern about this child alone with all that hangs off it (children,
 * categories, flags, addenda, body marks, attachments, levels, decisions, actions, closures,
 * reopenings, state, duties and their events) and its search rows; the child's chronology,
 * curated chronologies, designations, family adults, key contacts, family links (and a family
 * left with no child), Operation Encompass notifications about this child alone, transfers sent
 * and received with their receipts, legal holds, export log rows about the child (their
 * recipients and references are free text), concern drafts naming the child, and rows of any
 * other table that points at the child. Kept: a concern shared with another child (only this
 * child's link goes; counted), a shared notification (this child's link and search id go), and
 * the audit log, which holds ids and codes only and must keep verifying.
 */
export function destroyChildRecords(
  db: Db,
  childId: string,
): { deleted: Record<string, number>; sharedConcernsKept: number } {
  const deleted: Record<string, number> = {};
  const count = (table: string, changes: number): void => {
    if (changes > 0) deleted[table] = (deleted[table] ?? 0) + changes;
  };
  const ids = (sql: string): string[] =>
    db.prepare<{ childId: string }, string>(sql).pluck().all({ childId });

  const concernIds = ids('SELECT concern_id FROM concern_children WHERE child_id = :childId');
  const shared = new Set(
    ids(`SELECT concern_id FROM concern_children
      WHERE concern_id IN (SELECT concern_id FROM concern_children WHERE child_id = :childId)
        AND child_id <> :childId`),
  );
  const only = JSON.stringify(concernIds.filter((id) => !shared.has(id)));
  const notifications = ids(
    'SELECT notification_id FROM encompass_children WHERE child_id = :childId',
  );
  const sharedNotifications = new Set(
    ids(`SELECT notification_id FROM encompass_children
      WHERE notification_id IN (SELECT notification_id FROM encompass_children WHERE child_id = :childId)
        AND child_id <> :childId`),
  );
  const onlyNotifications = JSON.stringify(
    notifications.filter((id) => !sharedNotifications.has(id)),
  );
  const familyIds = JSON.stringify(
    ids('SELECT family_id FROM family_children WHERE child_id = :childId'),
  );
  const params = {
    childId,
    only,
    onlyNotifications,
    sharedNotifications: JSON.stringify([...sharedNotifications]),
    familyIds,
  };
  const run = (table: string, sql: string): void => {
    count(table, db.prepare(sql).run(params).changes);
  };
  const ONLY = 'SELECT value FROM json_each(:only)';
  const childDuties = `SELECT id FROM duties WHERE child_id = :childId OR concern_id IN (${ONLY})`;

  db.prepare('INSERT INTO destruction_in_progress (id) VALUES (1)').run();

  run(
    'search_index',
    `DELETE FROM search_index WHERE (kind <> 'encompass' AND concern_id IN (${ONLY}))
      OR (kind = 'encompass' AND source_id IN (SELECT value FROM json_each(:onlyNotifications)))`,
  );
  // A shared notification stays for the other children: only this child's id leaves its row.
  db.prepare(
    `UPDATE search_index SET child_ids = trim(replace(' ' || child_ids || ' ', ' ' || :childId || ' ', ' '))
     WHERE kind = 'encompass' AND source_id IN (SELECT value FROM json_each(:sharedNotifications))`,
  ).run(params);

  run(
    'curated_chronology_entries',
    `DELETE FROM curated_chronology_entries
     WHERE curated_id IN (SELECT id FROM curated_chronologies WHERE child_id = :childId)
       OR entry_id IN (SELECT id FROM chronology_entries
         WHERE child_id = :childId OR concern_id IN (${ONLY}))`,
  );
  run('curated_chronologies', 'DELETE FROM curated_chronologies WHERE child_id = :childId');
  run(
    'chronology_entries',
    `DELETE FROM chronology_entries WHERE child_id = :childId OR concern_id IN (${ONLY})`,
  );
  run('duty_events', `DELETE FROM duty_events WHERE duty_id IN (${childDuties})`);
  run('duties', `DELETE FROM duties WHERE id IN (${childDuties})`);
  run(
    'concern_reopenings',
    `DELETE FROM concern_reopenings WHERE closure_id IN
      (SELECT id FROM concern_closures WHERE concern_id IN (${ONLY}))`,
  );
  for (const table of [
    'concern_closures',
    'concern_decisions',
    'concern_levels',
    'concern_actions',
    'concern_state',
    'concern_body_marks',
    'concern_attachments',
    'concern_addenda',
    'concern_flags',
    'concern_categories',
  ])
    run(table, `DELETE FROM ${table} WHERE concern_id IN (${ONLY})`);
  run('concern_children', 'DELETE FROM concern_children WHERE child_id = :childId');
  run(
    'concern_drafts',
    `DELETE FROM concern_drafts WHERE EXISTS (SELECT 1 FROM json_each(content, '$.children') j
      WHERE json_extract(j.value, '$.childId') = :childId)`,
  );
  run('exports_log', 'DELETE FROM exports_log WHERE child_id = :childId');
  run('concerns', `DELETE FROM concerns WHERE id IN (${ONLY})`);

  run(
    'encompass_addenda',
    'DELETE FROM encompass_addenda WHERE notification_id IN (SELECT value FROM json_each(:onlyNotifications))',
  );
  run('encompass_children', 'DELETE FROM encompass_children WHERE child_id = :childId');
  run(
    'encompass_notifications',
    'DELETE FROM encompass_notifications WHERE id IN (SELECT value FROM json_each(:onlyNotifications))',
  );

  run('designations', 'DELETE FROM designations WHERE child_id = :childId');
  run('family_adults', 'DELETE FROM family_adults WHERE child_id = :childId');
  run('key_contacts', 'DELETE FROM key_contacts WHERE child_id = :childId');
  run('family_children', 'DELETE FROM family_children WHERE child_id = :childId');
  run(
    'families',
    `DELETE FROM families WHERE id IN (SELECT value FROM json_each(:familyIds))
      AND NOT EXISTS (SELECT 1 FROM family_children fc WHERE fc.family_id = families.id)`,
  );
  run(
    'transfer_receipts',
    'DELETE FROM transfer_receipts WHERE bundle_id IN (SELECT bundle_id FROM transfers_out WHERE child_id = :childId)',
  );
  run('transfers_out', 'DELETE FROM transfers_out WHERE child_id = :childId');
  run('transfers_in', 'DELETE FROM transfers_in WHERE child_id = :childId');
  run('legal_holds', 'DELETE FROM legal_holds WHERE child_id = :childId');

  // Any other table that points at the child (added by a later migration): its rows go too. A
  // table whose history trigger refuses stops the whole destruction, and nothing is deleted.
  for (const { table, column } of tablesReferencingChildren(db)) {
    if (HANDLED.has(table)) continue;
    run(table, `DELETE FROM "${table}" WHERE "${column}" = :childId`);
  }
  run('children', 'DELETE FROM children WHERE id = :childId');

  // Merge the full-text index into one segment, dropping the deleted rows' tokens for good.
  db.prepare("INSERT INTO search_index (search_index) VALUES ('optimize')").run();
  db.prepare('DELETE FROM destruction_in_progress').run();
  return { deleted, sharedConcernsKept: shared.size };
}

const HANDLED = new Set([
  'concern_children',
  'designations',
  'chronology_entries',
  'family_children',
  'family_adults',
  'key_contacts',
  'curated_chronologies',
  'duties',
  'encompass_children',
  'exports_log',
  'transfers_out',
  'transfers_in',
  'legal_holds',
]);

function tablesReferencingChildren(db: Db): { table: string; column: string }[] {
  const tables = db
    .prepare<[], string>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all();
  const out: { table: string; column: string }[] = [];
  for (const table of tables) {
    const keys = db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as {
      table: string;
      from: string;
    }[];
    for (const key of keys) if (key.table === 'children') out.push({ table, column: key.from });
  }
  return out;
}
