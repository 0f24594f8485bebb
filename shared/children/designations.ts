/**
 * Dated designations on a child's file (domain.md §3.11, §7; anchors.md §8): child protection
 * plan (with its category), child in need, looked after and the rest, each with a start date
 * and, once it has ended, an end date. Designations are history: never deleted; ending one sets
 * its end date, and a correction is an end plus a new designation.
 */
import { z } from 'zod';

import { isCalendarDate } from '../dates/calendar-date';

export const designationKinds = [
  'cp_plan',
  'child_in_need',
  'looked_after',
  'previously_looked_after',
  'kinship_care',
  'early_help',
  'ehcp',
  'sen_support',
  'young_carer',
  'eal',
  'pupil_premium',
] as const;
export type DesignationKind = (typeof designationKinds)[number];

export const designationLabels: Record<DesignationKind, string> = {
  cp_plan: 'Child protection plan',
  child_in_need: 'Child in need',
  looked_after: 'Looked after',
  previously_looked_after: 'Previously looked after',
  kinship_care: 'Kinship care',
  early_help: 'Early help',
  ehcp: 'EHCP',
  sen_support: 'SEN support',
  young_carer: 'Young carer',
  eal: 'EAL',
  pupil_premium: 'Pupil premium',
};

/** The category under which a child protection plan is made (Working Together 2023). */
export const cpCategories = ['physical', 'emotional', 'sexual', 'neglect'] as const;
export type CpCategory = (typeof cpCategories)[number];
export const cpCategoryLabels: Record<CpCategory, string> = {
  physical: 'Physical abuse',
  emotional: 'Emotional abuse',
  sexual: 'Sexual abuse',
  neglect: 'Neglect',
};
/** Short forms, as shown beside the plan: "Child protection plan (neglect)". */
export const cpCategoryShort: Record<CpCategory, string> = {
  physical: 'physical',
  emotional: 'emotional',
  sexual: 'sexual',
  neglect: 'neglect',
};

export const MAX_DESIGNATION_NOTES_CHARS = 2_000;

// eslint-disable-next-line no-control-regex -- line breaks and tabs are fine in notes
const NOTES_CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const dateField = (label: string, required: boolean) =>
  z
    .string()
    .max(10, `${label} must be a date.`)
    .refine((s) => !required || s !== '', `Enter the ${label.toLowerCase()}.`)
    .refine(
      (s) => s === '' || isCalendarDate(s),
      `${label} must be a real date (day, month and year).`,
    );

/** The date a current designation ended, as given to designations.end. */
export const designationEndDate = dateField('End date', true);

const designationShape = z.strictObject({
  kind: z.enum(designationKinds, 'Choose a designation.'),
  /** Required for a child protection plan; '' for every other kind. */
  cpCategory: z.enum([...cpCategories, ''], 'Choose a category.'),
  startDate: dateField('Start date', true),
  /** '' while the designation is current. */
  endDate: dateField('End date', false),
  notes: z
    .string()
    .max(
      MAX_DESIGNATION_NOTES_CHARS,
      `Notes must be ${MAX_DESIGNATION_NOTES_CHARS.toLocaleString('en-GB')} characters or fewer.`,
    )
    .transform((s) => s.trim())
    .refine((s) => !NOTES_CONTROL_CHARS.test(s), 'Notes contain characters that are not allowed.'),
});

/** What a person enters to add a designation (everything except the dates against today). */
export const designationInput = designationShape.superRefine((d, ctx) => {
  if (d.kind === 'cp_plan' && d.cpCategory === '')
    ctx.addIssue({
      code: 'custom',
      path: ['cpCategory'],
      message: 'Choose the category of the child protection plan.',
    });
  if (d.kind !== 'cp_plan' && d.cpCategory !== '')
    ctx.addIssue({
      code: 'custom',
      path: ['cpCategory'],
      message: 'Only a child protection plan has a category.',
    });
  if (d.endDate !== '' && d.startDate !== '' && d.endDate < d.startDate)
    ctx.addIssue({
      code: 'custom',
      path: ['endDate'],
      message: 'End date cannot be before the start date.',
    });
});
export type DesignationDraft = z.output<typeof designationInput>;

/** Problems with a designation's dates against today (London), by field. */
export function designationDateProblems(
  d: Pick<DesignationDraft, 'startDate' | 'endDate'>,
  today: string,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (d.startDate > today) problems.startDate = 'Start date cannot be in the future.';
  if (d.endDate !== '' && d.endDate > today) problems.endDate = 'End date cannot be in the future.';
  return problems;
}

export type Designation = {
  id: string;
  childId: string;
  kind: DesignationKind;
  cpCategory: CpCategory | '';
  startDate: string;
  /** '' while current. */
  endDate: string;
  notes: string;
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
  endedByName: string | null;
  endedAt: string | null;
};

/** A current designation, as shown beside a child's name in the register. */
export type DesignationBadge = Pick<Designation, 'id' | 'kind' | 'cpCategory'>;

/** "Child protection plan (neglect)", "Looked after". */
export function designationName(d: Pick<Designation, 'kind' | 'cpCategory'>): string {
  const label = designationLabels[d.kind];
  return d.kind === 'cp_plan' && d.cpCategory !== ''
    ? `${label} (${cpCategoryShort[d.cpCategory]})`
    : label;
}

/**
 * Whether two periods of the same designation overlap. An end date is the day it ended, so a
 * new period may start on the day the last one ended; '' is an open end.
 */
export function periodsOverlap(
  a: Pick<Designation, 'startDate' | 'endDate'>,
  b: Pick<Designation, 'startDate' | 'endDate'>,
): boolean {
  const aEndsAfterBStarts = a.endDate === '' || a.endDate > b.startDate;
  const bEndsAfterAStarts = b.endDate === '' || b.endDate > a.startDate;
  return aEndsAfterBStarts && bEndsAfterAStarts;
}
