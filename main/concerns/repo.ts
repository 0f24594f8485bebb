import type {
  ConcernFlags,
  ConcernChild,
  ChildRole,
  Concern,
  ConcernAddendum,
  ConcernDraft,
  ConcernSummary,
} from '../../shared/concerns/schema';
import { childRoles } from '../../shared/concerns/schema';
import type { BodyMark } from '../../shared/concerns/body-map';
import { displayName } from '../../shared/children/schema';
import type { Db } from '../db/open';
import { ATTACHMENT_META_COLUMNS, attachmentMeta } from './attachments-repo';

type ConcernRow = {
  id: string;
  recorded_by: string;
  recorded_by_name: string | null;
  recorded_at: string;
  occurred_at: string;
  occurred_at_utc: string | null;
  occurred_at_approx: number;
  location: string;
  summary: string;
  child_words: string;
  opinion: string;
  actions_taken: string;
  people_told: string;
  dsl_told_in_person: number;
  possible_child_sex_offence: number;
  fgm_known_case: number;
  allegation_about_adult: number;
};

type ChildLinkRow = {
  concern_id: string;
  child_id: string;
  role: ChildRole;
  legal_forename: string;
  legal_surname: string;
  preferred_forename: string;
  preferred_surname: string;
};

type SummaryRow = {
  id: string;
  occurred_at: string;
  occurred_at_approx: number;
  recorded_at: string;
  recorded_by_name: string | null;
  role: ChildRole;
  addenda: number;
};

type AddendumRow = {
  id: string;
  added_by: string;
  added_by_name: string | null;
  added_at: string;
  reason: string;
  text: string;
};

/** The parts of a concern its handler works out (ids, times, who). */
export type NewConcern = {
  id: string;
  recordedBy: string;
  recordedAt: string;
  occurredAtUtc: string | null;
};

/**
 * The order a concern's children are shown in everywhere: by their part in it (subject, victim,
 * alleged perpetrator, witness, as `childRoles` lists them), then by name. For a query that
 * names concern_children `cc` and children `ch`; a child with no part in the concern comes last.
 */
export const CONCERN_CHILD_ORDER = `CASE cc.role ${childRoles
  .map((role, i) => `WHEN '${role}' THEN ${i}`)
  .join(' ')} ELSE ${childRoles.length} END,
  ch.legal_surname COLLATE NOCASE, ch.legal_forename COLLATE NOCASE, ch.id`;

function toConcernChild(c: ChildLinkRow): ConcernChild {
  return {
    childId: c.child_id,
    role: c.role,
    name: displayName({
      legalForename: c.legal_forename,
      legalSurname: c.legal_surname,
      preferredForename: c.preferred_forename,
      preferredSurname: c.preferred_surname,
    }),
  };
}

function flagsOf(row: ConcernRow): ConcernFlags {
  return {
    possibleChildSexOffence: row.possible_child_sex_offence === 1,
    fgmKnownCase: row.fgm_known_case === 1,
    allegationAboutAdult: row.allegation_about_adult === 1,
  };
}

/** What lists of concerns show of each: when, who recorded it, the children, categories, flags. */
export type ConcernHead = Pick<
  Concern,
  | 'id'
  | 'occurredAt'
  | 'occurredAtApprox'
  | 'recordedAt'
  | 'recordedByName'
  | 'children'
  | 'categories'
  | 'flags'
>;

export function concernsRepo(db: Db) {
  const insertConcern = db.prepare(`
    INSERT INTO concerns (id, recorded_by, recorded_at, occurred_at, occurred_at_utc,
      occurred_at_approx, location, summary, child_words, opinion, actions_taken, people_told,
      dsl_told_in_person, status)
    VALUES (:id, :recordedBy, :recordedAt, :occurredAt, :occurredAtUtc, :occurredAtApprox,
      :location, :summary, :childWords, :opinion, :actionsTaken, :peopleTold, :dslToldInPerson,
      'submitted')
  `);
  const insertChild = db.prepare(
    'INSERT INTO concern_children (concern_id, child_id, role) VALUES (?, ?, ?)',
  );
  const insertCategory = db.prepare(
    'INSERT INTO concern_categories (concern_id, category_id) VALUES (?, ?)',
  );
  const insertFlags = db.prepare(`
    INSERT INTO concern_flags (concern_id, possible_child_sex_offence, fgm_known_case,
      allegation_about_adult)
    VALUES (?, ?, ?, ?)
  `);
  const insertMark = db.prepare(`
    INSERT INTO concern_body_marks (concern_id, seq, view, x, y, region, kind, description)
    VALUES (:concernId, :seq, :view, :x, :y, :region, :kind, :description)
  `);
  const marksOf = db.prepare<[string], BodyMark>(
    'SELECT view, x, y, region, kind, description FROM concern_body_marks WHERE concern_id = ? ORDER BY seq',
  );
  const attachmentsOf = db.prepare<[string], Parameters<typeof attachmentMeta>[0]>(
    `SELECT ${ATTACHMENT_META_COLUMNS} FROM concern_attachments WHERE concern_id = ? ORDER BY rowid`,
  );
  const insertAddendum = db.prepare(`
    INSERT INTO concern_addenda (id, concern_id, added_by, added_at, reason, text)
    VALUES (:id, :concernId, :addedBy, :addedAt, :reason, :text)
  `);
  const byId = db.prepare<[string], ConcernRow>(`
    SELECT c.*, u.display_name AS recorded_by_name, f.possible_child_sex_offence,
      f.fgm_known_case, f.allegation_about_adult
    FROM concerns c
    JOIN concern_flags f ON f.concern_id = c.id
    LEFT JOIN users u ON u.id = c.recorded_by
    WHERE c.id = ?
  `);
  const childrenOf = db.prepare<[string], ChildLinkRow>(`
    SELECT cc.concern_id, cc.child_id, cc.role, ch.legal_forename, ch.legal_surname,
      ch.preferred_forename, ch.preferred_surname
    FROM concern_children cc JOIN children ch ON ch.id = cc.child_id
    WHERE cc.concern_id = ?
    ORDER BY ${CONCERN_CHILD_ORDER}
  `);
  // The same facts for many concerns at once (the triage inbox): one query each, not per concern.
  const headsOf = db.prepare<{ ids: string }, ConcernRow>(`
    SELECT c.*, u.display_name AS recorded_by_name, f.possible_child_sex_offence,
      f.fgm_known_case, f.allegation_about_adult
    FROM json_each(:ids) j
    JOIN concerns c ON c.id = j.value
    JOIN concern_flags f ON f.concern_id = c.id
    LEFT JOIN users u ON u.id = c.recorded_by
  `);
  const headChildren = db.prepare<{ ids: string }, ChildLinkRow>(`
    SELECT cc.concern_id, cc.child_id, cc.role, ch.legal_forename, ch.legal_surname,
      ch.preferred_forename, ch.preferred_surname
    FROM json_each(:ids) j
    JOIN concern_children cc ON cc.concern_id = j.value
    JOIN children ch ON ch.id = cc.child_id
    ORDER BY cc.concern_id, ${CONCERN_CHILD_ORDER}
  `);
  const headCategories = db.prepare<{ ids: string }, { concern_id: string; category_id: string }>(
    `SELECT k.concern_id, k.category_id FROM json_each(:ids) j
     JOIN concern_categories k ON k.concern_id = j.value ORDER BY k.rowid`,
  );
  const categoryRows = db.prepare<[string], { category_id: string }>(
    'SELECT category_id FROM concern_categories WHERE concern_id = ? ORDER BY rowid',
  );
  const categoriesOf = (id: string): string[] => categoryRows.all(id).map((r) => r.category_id);
  const addendaOf = db.prepare<[string], AddendumRow>(`
    SELECT a.id, a.added_by, u.display_name AS added_by_name, a.added_at, a.reason, a.text
    FROM concern_addenda a LEFT JOIN users u ON u.id = a.added_by
    WHERE a.concern_id = ? ORDER BY a.added_at, a.id
  `);
  // Newest first by when it happened, then by when it was recorded. onlyBy = '' lists them all.
  const forChild = db.prepare<{ childId: string; onlyBy: string }, SummaryRow>(`
    SELECT c.id, c.occurred_at, c.occurred_at_approx, c.recorded_at,
      u.display_name AS recorded_by_name, cc.role,
      (SELECT count(*) FROM concern_addenda a WHERE a.concern_id = c.id) AS addenda
    FROM concern_children cc
    JOIN concerns c ON c.id = cc.concern_id
    LEFT JOIN users u ON u.id = c.recorded_by
    WHERE cc.child_id = :childId AND (:onlyBy = '' OR c.recorded_by = :onlyBy)
    ORDER BY c.occurred_at DESC, c.recorded_at DESC, c.id DESC
  `);

  return {
    /** The heads of the concerns listed, by id (a missing id is left out). */
    heads(ids: readonly string[]): Map<string, ConcernHead> {
      const json = JSON.stringify(ids);
      const children = new Map<string, ConcernChild[]>();
      for (const row of headChildren.all({ ids: json }))
        children.set(row.concern_id, [
          ...(children.get(row.concern_id) ?? []),
          toConcernChild(row),
        ]);
      const categories = new Map<string, string[]>();
      for (const row of headCategories.all({ ids: json }))
        categories.set(row.concern_id, [
          ...(categories.get(row.concern_id) ?? []),
          row.category_id,
        ]);
      return new Map(
        headsOf.all({ ids: json }).map((row) => [
          row.id,
          {
            id: row.id,
            occurredAt: row.occurred_at,
            occurredAtApprox: row.occurred_at_approx === 1,
            recordedAt: row.recorded_at,
            recordedByName: row.recorded_by_name ?? 'Unknown user',
            children: children.get(row.id) ?? [],
            categories: categories.get(row.id) ?? [],
            flags: flagsOf(row),
          },
        ]),
      );
    },
    add(concern: ConcernDraft, meta: NewConcern): void {
      insertConcern.run({
        id: meta.id,
        recordedBy: meta.recordedBy,
        recordedAt: meta.recordedAt,
        occurredAt: concern.occurredAt,
        occurredAtUtc: meta.occurredAtUtc,
        occurredAtApprox: concern.occurredAtApprox ? 1 : 0,
        location: concern.location,
        summary: concern.summary,
        childWords: concern.childWords,
        opinion: concern.opinion,
        actionsTaken: concern.actionsTaken,
        peopleTold: concern.peopleTold,
        dslToldInPerson: concern.dslToldInPerson ? 1 : 0,
      });
      for (const child of concern.children) insertChild.run(meta.id, child.childId, child.role);
      for (const category of concern.categories) insertCategory.run(meta.id, category);
      insertFlags.run(
        meta.id,
        concern.flags.possibleChildSexOffence ? 1 : 0,
        concern.flags.fgmKnownCase ? 1 : 0,
        concern.flags.allegationAboutAdult ? 1 : 0,
      );
      concern.bodyMap.forEach((mark, seq) => {
        insertMark.run({ concernId: meta.id, seq, ...mark });
      });
    },
    addAddendum(addendum: {
      id: string;
      concernId: string;
      addedBy: string;
      addedAt: string;
      reason: string;
      text: string;
    }): void {
      insertAddendum.run(addendum);
    },
    /** Who recorded a concern, or null when there is no such concern. */
    recorderOf(id: string): string | null {
      return byId.get(id)?.recorded_by ?? null;
    },
    get(id: string): Concern | null {
      const row = byId.get(id);
      if (!row) return null;
      return {
        id: row.id,
        recordedBy: row.recorded_by,
        recordedByName: row.recorded_by_name ?? 'Unknown user',
        recordedAt: row.recorded_at,
        occurredAt: row.occurred_at,
        occurredAtUtc: row.occurred_at_utc,
        occurredAtApprox: row.occurred_at_approx === 1,
        location: row.location,
        summary: row.summary,
        childWords: row.child_words,
        opinion: row.opinion,
        actionsTaken: row.actions_taken,
        peopleTold: row.people_told,
        dslToldInPerson: row.dsl_told_in_person === 1,
        status: 'submitted',
        children: childrenOf.all(id).map(toConcernChild),
        categories: categoriesOf(id),
        flags: flagsOf(row),
        bodyMap: marksOf.all(id),
        attachments: attachmentsOf.all(id).map(attachmentMeta),
        addenda: addendaOf.all(id).map((a): ConcernAddendum => ({
          id: a.id,
          addedBy: a.added_by,
          addedByName: a.added_by_name ?? 'Unknown user',
          addedAt: a.added_at,
          reason: a.reason,
          text: a.text,
        })),
      };
    },
    /** A child's concerns (only those recorded by `onlyBy` unless it is null), newest first. */
    forChild(childId: string, onlyBy: string | null): ConcernSummary[] {
      return forChild.all({ childId, onlyBy: onlyBy ?? '' }).map((r) => ({
        id: r.id,
        occurredAt: r.occurred_at,
        occurredAtApprox: r.occurred_at_approx === 1,
        recordedAt: r.recorded_at,
        recordedByName: r.recorded_by_name ?? 'Unknown user',
        role: r.role,
        categories: categoriesOf(r.id),
        addenda: r.addenda,
      }));
    },
  };
}
export type ConcernsRepo = ReturnType<typeof concernsRepo>;
