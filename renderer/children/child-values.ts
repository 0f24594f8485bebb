import type { Child, ChildDraft, ChildInput } from '../../shared/children/schema';
import { childDateProblems, childInput } from '../../shared/children/schema';
import { londonDate } from '../../shared/dates/calendar-date';
import { errorsFromIssues } from '../ui/form-errors';

/** What the form holds while someone types: every field a string, choices blank until made. */
export type ChildValues = Record<keyof ChildInput, string>;

export const blankChild: ChildValues = {
  legalForename: '',
  legalSurname: '',
  preferredForename: '',
  preferredSurname: '',
  dateOfBirth: '',
  upn: '',
  yearGroup: '',
  gender: '',
  admissionDate: '',
  leavingDate: '',
};

export function childValues(child: Child): ChildValues {
  return {
    legalForename: child.legalForename,
    legalSurname: child.legalSurname,
    preferredForename: child.preferredForename,
    preferredSurname: child.preferredSurname,
    dateOfBirth: child.dateOfBirth,
    upn: child.upn,
    yearGroup: child.yearGroup,
    gender: child.gender,
    admissionDate: child.admissionDate,
    leavingDate: child.leavingDate,
  };
}

export function legalName(child: Pick<Child, 'legalForename' | 'legalSurname'>): string {
  return `${child.legalForename} ${child.legalSurname}`;
}

type ChildCheck = { ok: true; draft: ChildDraft } | { ok: false; fields: Record<string, string> };

/**
 * The checks main will make, run first for instant feedback: the shared schema, then the date
 * rules that need today's date in London. main still decides.
 */
export function checkChild(values: ChildValues, now: Date): ChildCheck {
  const parsed = childInput.safeParse(values);
  const schemaFields = parsed.success ? {} : errorsFromIssues(parsed.error.issues);
  // Date rules run whenever the dates themselves are well formed, so every problem shows in
  // one round rather than the date ones only after the rest are fixed.
  const dateProblems =
    'dateOfBirth' in schemaFields ||
    'admissionDate' in schemaFields ||
    'leavingDate' in schemaFields
      ? {}
      : childDateProblems(values, londonDate(now));
  const fields = { ...schemaFields, ...dateProblems };
  if (parsed.success && Object.keys(fields).length === 0) return { ok: true, draft: parsed.data };
  return { ok: false, fields };
}
