import type { BodyMarkInput } from '../../shared/concerns/body-map';
import type { DraftContent, SavedDraft } from '../../shared/concerns/drafts';
import type { ChildRole, ConcernFlagName, ConcernInput } from '../../shared/concerns/schema';
import { concernInput, occurredAtProblem } from '../../shared/concerns/schema';
import type { FormErrors } from '../ui/form-errors';
import { issuesNamed } from '../ui/form-errors';

/** A child in the form: the name shown, the role chosen ('' until chosen). */
export type ConcernChildValue = { childId: string; name: string; role: ChildRole | '' };

/** What the form holds while someone types. */
export type ConcernValues = {
  children: ConcernChildValue[];
  date: string;
  time: string;
  approx: boolean;
  location: string;
  categories: string[];
  summary: string;
  childWords: string;
  opinion: string;
  actionsTaken: string;
  peopleTold: string;
  dslToldInPerson: boolean;
  flags: Record<ConcernFlagName, boolean>;
  bodyMap: BodyMarkInput[];
};

export function blankConcern(child: { id: string; name: string }): ConcernValues {
  return {
    children: [{ childId: child.id, name: child.name, role: 'subject' }],
    date: '',
    time: '',
    approx: false,
    location: '',
    categories: [],
    summary: '',
    childWords: '',
    opinion: '',
    actionsTaken: '',
    peopleTold: '',
    dslToldInPerson: false,
    flags: { possibleChildSexOffence: false, fgmKnownCase: false, allegationAboutAdult: false },
    bodyMap: [],
  };
}

/** What a draft keeps of the form: everything but the children's names (main has those). */
export function draftContentFrom({ children, ...rest }: ConcernValues): DraftContent {
  return { ...rest, children: children.map((c) => ({ childId: c.childId, role: c.role })) };
}

/** The form as its author left it in a draft. */
export function valuesFromDraft(draft: SavedDraft): ConcernValues {
  return { ...draft.content, children: draft.children };
}

/** The input main takes, built from the form (a blank role is left for the schema to refuse). */
export function concernInputFrom(values: ConcernValues): ConcernInput {
  return {
    children: values.children.map((c) => ({
      childId: c.childId,
      role: c.role as ChildRole,
    })),
    occurredAt: values.time === '' ? values.date : `${values.date}T${values.time}`,
    occurredAtApprox: values.approx,
    location: values.location,
    categories: values.categories,
    summary: values.summary,
    childWords: values.childWords,
    opinion: values.opinion,
    actionsTaken: values.actionsTaken,
    peopleTold: values.peopleTold,
    dslToldInPerson: values.dslToldInPerson,
    flags: values.flags,
    bodyMap: values.bodyMap,
  };
}

/**
 * A field path from main or zod ("children.1.role", "categories.3") → the form's field name:
 * the child's role keeps its index; a category problem belongs to the categories as a whole.
 */
export function formField(path: string): string {
  if (path.startsWith('categories')) return 'categories';
  if (path === 'occurredAt') return 'date';
  if (path.startsWith('bodyMap')) return 'bodyMap';
  if (/^children\.\d+\./.test(path)) return path.split('.').slice(0, 2).join('.');
  return path;
}

type ConcernCheck = { ok: true; input: ConcernInput } | { ok: false; errors: FormErrors };

/** The checks main will make, first, for instant feedback: the shared schema, then the clock. */
export function checkConcern(values: ConcernValues, now: Date): ConcernCheck {
  const input = concernInputFrom(values);
  const parsed = concernInput.safeParse(input);
  const fields = parsed.success ? {} : issuesNamed(parsed.error.issues, formField);
  if (values.time !== '' && !/^\d{2}:\d{2}$/.test(values.time))
    fields.time = 'Enter the time as hours and minutes, such as 14:30.';
  if (!('date' in fields)) {
    const problem = occurredAtProblem(input.occurredAt, now);
    if (problem) fields.date = problem;
  }
  if (Object.keys(fields).length > 0) return { ok: false, errors: { fields, general: null } };
  return { ok: true, input };
}
