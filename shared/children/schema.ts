import { z } from 'zod';

import { isCalendarDate, wholeYearsBetween } from '../dates/calendar-date';
import { normaliseUpn, upnProblem, upnProblemMessages } from './upn';

/** Year groups as schools name them: nursery, Reception, then National Curriculum years. */
export const yearGroups = [
  'N1',
  'N2',
  'R',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
  '13',
  '14',
] as const;
export type YearGroup = (typeof yearGroups)[number];

export function yearGroupLabel(year: YearGroup): string {
  if (year === 'N1' || year === 'N2') return `Nursery ${year.slice(1)}`;
  if (year === 'R') return 'Reception';
  return `Year ${year}`;
}

/** As recorded in the school census; "not known" where the MIS holds none. */
export const genders = ['female', 'male', 'other', 'not_known'] as const;
export type Gender = (typeof genders)[number];
export const genderLabels: Record<Gender, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  not_known: 'Not known',
};

// eslint-disable-next-line no-control-regex -- names must not carry control characters
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

export function nameField(label: string) {
  return z
    .string()
    .max(100, `${label} must be 100 characters or fewer.`)
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .refine((s) => s.length > 0, `Enter the ${label.toLowerCase()}.`)
    .refine((s) => !CONTROL_CHARS.test(s), `${label} contains characters that are not allowed.`);
}

export function optionalNameField(label: string) {
  return z
    .string()
    .max(100, `${label} must be 100 characters or fewer.`)
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .refine((s) => !CONTROL_CHARS.test(s), `${label} contains characters that are not allowed.`);
}

export const calendarDate = (label: string) =>
  z
    .string()
    .max(10, `${label} must be a date.`)
    .refine((s) => s !== '', `Enter the ${label.toLowerCase()}.`)
    .refine(
      (s) => s === '' || isCalendarDate(s),
      `${label} must be a real date (day, month and year).`,
    );

export const upnField = z
  .string()
  .max(20, 'A UPN has 13 characters.')
  .transform(normaliseUpn)
  .superRefine((upn, ctx) => {
    if (upn === '') return;
    const problem = upnProblem(upn);
    if (problem) ctx.addIssue({ code: 'custom', message: upnProblemMessages[problem] });
  });

export const childFields = {
  legalForename: nameField('Legal first name'),
  legalSurname: nameField('Legal surname'),
  preferredForename: optionalNameField('Preferred first name'),
  preferredSurname: optionalNameField('Preferred surname'),
  dateOfBirth: calendarDate('Date of birth'),
  upn: upnField,
  yearGroup: z.enum(yearGroups, 'Choose a year group.'),
  gender: z.enum(genders, 'Choose a gender.'),
  admissionDate: z.union([z.literal(''), calendarDate('Admission date')]),
  /** Blank while the pupil is on roll. Leavers stay on the register: their files are kept. */
  leavingDate: z.union([z.literal(''), calendarDate('Leaving date')]),
};

export const childInput = z.strictObject(childFields);
/** What a form sends: every field a string, blanks allowed for optional fields. */
export type ChildInput = z.input<typeof childInput>;
export type ChildDraft = z.output<typeof childInput>;

export type Child = {
  id: string;
  legalForename: string;
  legalSurname: string;
  preferredForename: string;
  preferredSurname: string;
  dateOfBirth: string;
  upn: string;
  yearGroup: YearGroup;
  gender: Gender;
  admissionDate: string;
  /** '' while on roll. */
  leavingDate: string;
  createdAt: string;
  updatedAt: string;
};

/** One row of the register: what a list needs, nothing more. */
export type ChildSummary = Pick<
  Child,
  | 'id'
  | 'legalForename'
  | 'legalSurname'
  | 'preferredForename'
  | 'preferredSurname'
  | 'dateOfBirth'
  | 'upn'
  | 'yearGroup'
  | 'leavingDate'
>;

/** Oldest age at which a pupil can plausibly be on a school roll (post-19 SEND provision). */
export const MAX_PUPIL_AGE = 25;

/**
 * Checks that need today's date, so they cannot live in the schema: the same function runs in
 * the form (for instant feedback) and in main (which decides).
 */
export function childDateProblems(
  child: Pick<ChildDraft, 'dateOfBirth' | 'admissionDate' | 'leavingDate'>,
  today: string,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (child.dateOfBirth > today) {
    problems.dateOfBirth = 'Date of birth cannot be in the future.';
  } else if (wholeYearsBetween(child.dateOfBirth, today) > MAX_PUPIL_AGE) {
    problems.dateOfBirth = `Date of birth makes this pupil older than ${MAX_PUPIL_AGE}. Check the year.`;
  }
  if (child.admissionDate !== '') {
    if (child.admissionDate < child.dateOfBirth) {
      problems.admissionDate = 'Admission date cannot be before the date of birth.';
    } else if (child.admissionDate > addYears(today, 1)) {
      problems.admissionDate = 'Admission date cannot be more than a year ahead.';
    }
  }
  if (child.leavingDate !== '') {
    if (child.admissionDate !== '' && child.leavingDate < child.admissionDate) {
      problems.leavingDate = 'Leaving date cannot be before the admission date.';
    } else if (child.leavingDate < child.dateOfBirth) {
      problems.leavingDate = 'Leaving date cannot be before the date of birth.';
    } else if (child.leavingDate > addYears(today, 1)) {
      problems.leavingDate = 'Leaving date cannot be more than a year ahead.';
    }
  }
  return problems;
}

function addYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
}

/** "Amara Okafor (known as Ami Okafor)": the legal name, then a different preferred name. */
export function displayName(
  child: Pick<Child, 'legalForename' | 'legalSurname' | 'preferredForename' | 'preferredSurname'>,
): string {
  const preferred = [child.preferredForename, child.preferredSurname].filter(Boolean).join(' ');
  const legal = `${child.legalForename} ${child.legalSurname}`;
  return preferred && preferred !== legal ? `${legal} (known as ${preferred})` : legal;
}

/**
 * A pupil stays on roll up to and including their leaving date; after it they have left. A
 * leaving date still ahead (the end of term, say) marks a pupil who is leaving.
 */
export function rollStatus(
  child: Pick<Child, 'leavingDate'>,
  today: string,
): 'on_roll' | 'leaving' | 'left' {
  if (child.leavingDate === '') return 'on_roll';
  return child.leavingDate < today ? 'left' : 'leaving';
}
