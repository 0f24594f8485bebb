import type {
  Child,
  ChildDraft,
  ChildSummary,
  Gender,
  YearGroup,
} from '../../shared/children/schema';
import { foldForSearch } from '../../shared/text/normalise';
import type { Db } from '../db/open';

type ChildRow = {
  id: string;
  legal_forename: string;
  legal_surname: string;
  preferred_forename: string;
  preferred_surname: string;
  date_of_birth: string;
  upn: string | null;
  year_group: string;
  gender: string;
  admission_date: string | null;
  leaving_date: string | null;
  created_at: string;
  updated_at: string;
};

const COLUMNS = `id, legal_forename, legal_surname, preferred_forename, preferred_surname,
  date_of_birth, upn, year_group, gender, admission_date, leaving_date, created_at, updated_at`;

/** Search terms beyond this many are ignored: names rarely have more parts. */
export const MAX_SEARCH_TERMS = 4;

function toChild(row: ChildRow): Child {
  return {
    id: row.id,
    legalForename: row.legal_forename,
    legalSurname: row.legal_surname,
    preferredForename: row.preferred_forename,
    preferredSurname: row.preferred_surname,
    dateOfBirth: row.date_of_birth,
    upn: row.upn ?? '',
    yearGroup: row.year_group as YearGroup,
    gender: row.gender as Gender,
    admissionDate: row.admission_date ?? '',
    leavingDate: row.leaving_date ?? '',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toSummary(child: Child): ChildSummary {
  const {
    id,
    legalForename,
    legalSurname,
    preferredForename,
    preferredSurname,
    dateOfBirth,
    upn,
    yearGroup,
    leavingDate,
  } = child;
  return {
    id,
    legalForename,
    legalSurname,
    preferredForename,
    preferredSurname,
    dateOfBirth,
    upn,
    yearGroup,
    leavingDate,
  };
}

function searchKey(child: ChildDraft): string {
  return foldForSearch(
    [
      child.legalForename,
      child.legalSurname,
      child.preferredForename,
      child.preferredSurname,
      child.upn,
    ].join(' '),
  );
}

function params(child: ChildDraft) {
  return {
    legalForename: child.legalForename,
    legalSurname: child.legalSurname,
    preferredForename: child.preferredForename,
    preferredSurname: child.preferredSurname,
    dateOfBirth: child.dateOfBirth,
    upn: child.upn === '' ? null : child.upn,
    yearGroup: child.yearGroup,
    gender: child.gender,
    admissionDate: child.admissionDate === '' ? null : child.admissionDate,
    leavingDate: child.leavingDate === '' ? null : child.leavingDate,
    searchKey: searchKey(child),
  };
}

export function childrenRepo(db: Db) {
  const byId = db.prepare<[string], ChildRow>(`SELECT ${COLUMNS} FROM children WHERE id = ?`);
  const byUpn = db.prepare<[string], ChildRow>(`SELECT ${COLUMNS} FROM children WHERE upn = ?`);
  const insert = db.prepare(`
    INSERT INTO children (id, legal_forename, legal_surname, preferred_forename, preferred_surname,
      date_of_birth, upn, year_group, gender, admission_date, leaving_date, search_key, created_at,
      updated_at)
    VALUES (:id, :legalForename, :legalSurname, :preferredForename, :preferredSurname,
      :dateOfBirth, :upn, :yearGroup, :gender, :admissionDate, :leavingDate, :searchKey, :now, :now)
  `);
  const update = db.prepare(`
    UPDATE children SET legal_forename = :legalForename, legal_surname = :legalSurname,
      preferred_forename = :preferredForename, preferred_surname = :preferredSurname,
      date_of_birth = :dateOfBirth, upn = :upn, year_group = :yearGroup, gender = :gender,
      admission_date = :admissionDate, leaving_date = :leavingDate, search_key = :searchKey,
      updated_at = :now
    WHERE id = :id
  `);
  // Every term must appear somewhere in the folded names or UPN; unused terms are ''.
  // A pupil is on roll up to and including their leaving date (shared rollStatus).
  const termFilter = [
    ...Array.from({ length: MAX_SEARCH_TERMS }, (_, i) => `instr(search_key, :t${i}) > 0`),
    '(:includeLeavers = 1 OR leaving_date IS NULL OR leaving_date >= :today)',
  ].join(' AND ');
  const search = db.prepare(`
    SELECT ${COLUMNS} FROM children WHERE ${termFilter}
    ORDER BY legal_surname COLLATE NOCASE, legal_forename COLLATE NOCASE, id
    LIMIT :limit OFFSET :offset
  `);
  const count = db.prepare<Record<string, string | number>, { n: number }>(
    `SELECT count(*) AS n FROM children WHERE ${termFilter}`,
  );

  function terms(query: string): Record<string, string> {
    const words = foldForSearch(query).split(' ').filter(Boolean).slice(0, MAX_SEARCH_TERMS);
    return Object.fromEntries(
      Array.from({ length: MAX_SEARCH_TERMS }, (_, i) => [`t${i}`, words[i] ?? '']),
    );
  }

  return {
    get(id: string): Child | null {
      const row = byId.get(id);
      return row ? toChild(row) : null;
    },
    idForUpn(upn: string): string | null {
      return byUpn.get(upn)?.id ?? null;
    },
    byUpn(upn: string): Child | null {
      const row = byUpn.get(upn);
      return row ? toChild(row) : null;
    },
    add(id: string, child: ChildDraft, now: string): void {
      insert.run({ id, now, ...params(child) });
    },
    update(id: string, child: ChildDraft, now: string): void {
      update.run({ id, now, ...params(child) });
    },
    list(
      query: string,
      limit: number,
      offset: number,
      roll: { includeLeavers: boolean; today: string },
    ): { items: ChildSummary[]; total: number } {
      const filter = {
        ...terms(query),
        includeLeavers: roll.includeLeavers ? 1 : 0,
        today: roll.today,
      };
      const rows = search.all({ ...filter, limit, offset }) as ChildRow[];
      return { items: rows.map((r) => toSummary(toChild(r))), total: count.get(filter)?.n ?? 0 };
    },
  };
}
export type ChildrenRepo = ReturnType<typeof childrenRepo>;
