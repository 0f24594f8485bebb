/**
 * A child's family and the professionals around them (domain.md §3.10, §7: the referral forms'
 * "siblings", "parents / carers / household" and "professionals involved").
 *
 * - A family groups children: siblings are children who share a family. A child may be in more
 *   than one (a mother's and a father's household after a separation).
 * - Adults are recorded on the child's file, each with their relationship to that child,
 *   parental responsibility, how to reach them, whether the child lives with them, any
 *   restriction on contact (a court order) and the order in which to contact them.
 * - Key contacts are professionals (social worker, virtual school head…), dated: ending one sets
 *   its end date and it stays on the file as history.
 */
import { z } from 'zod';

import { narrative } from '../concerns/schema';
import type { ChildSummary } from './schema';
import { calendarDate, nameField, optionalNameField } from './schema';

export const relationships = [
  'mother',
  'father',
  'step_parent',
  'parent_partner',
  'foster_carer',
  'kinship_carer',
  'special_guardian',
  'grandparent',
  'aunt_uncle',
  'adult_sibling',
  'other_relative',
  'other',
] as const;
export type Relationship = (typeof relationships)[number];

export const relationshipLabels: Record<Relationship, string> = {
  mother: 'Mother',
  father: 'Father',
  step_parent: 'Step-parent',
  parent_partner: 'Parent’s partner',
  foster_carer: 'Foster carer',
  kinship_carer: 'Kinship carer',
  special_guardian: 'Special guardian',
  grandparent: 'Grandparent',
  aunt_uncle: 'Aunt or uncle',
  adult_sibling: 'Adult brother or sister',
  other_relative: 'Other relative',
  other: 'Other',
};

export const parentalResponsibilities = ['yes', 'no', 'unknown'] as const;
export type ParentalResponsibility = (typeof parentalResponsibilities)[number];
export const parentalResponsibilityLabels: Record<ParentalResponsibility, string> = {
  yes: 'Has parental responsibility',
  no: 'No parental responsibility',
  unknown: 'Parental responsibility not known',
};

/** Whether the child lives with an adult; an MIS export does not say, so imports record "unknown". */
export const livesWithChildAnswers = ['yes', 'no', 'unknown'] as const;
export type LivesWithChild = (typeof livesWithChildAnswers)[number];
export const livesWithChildLabels: Record<LivesWithChild, string> = {
  yes: 'Yes',
  no: 'No',
  unknown: 'Not known',
};

export const contactRoles = [
  'social_worker',
  'virtual_school_head',
  'early_help_lead',
  'police',
  'health_visitor',
  'school_nurse',
  'camhs',
  'gp',
  'youth_justice',
  'other',
] as const;
export type ContactRole = (typeof contactRoles)[number];

export const contactRoleLabels: Record<ContactRole, string> = {
  social_worker: 'Social worker',
  virtual_school_head: 'Virtual school head',
  early_help_lead: 'Early help lead practitioner',
  police: 'Police contact',
  health_visitor: 'Health visitor',
  school_nurse: 'School nurse',
  camhs: 'CAMHS',
  gp: 'GP',
  youth_justice: 'Youth justice worker',
  other: 'Other professional',
};

/** How many adults may be numbered in the contact order (1st to call, 2nd…). */
export const MAX_CONTACT_PRIORITY = 10;

/**
 * Lenient, but a phone number: digits with the spaces, brackets, dashes and leading + people
 * write, 7 to 15 digits (E.164 allows at most 15), and an optional extension.
 */
const PHONE = /^\+?[0-9 ()-]+(?:\s*(?:ext\.?|x)\s*[0-9]{1,6})?$/i;

export function isPhoneNumber(value: string): boolean {
  if (!PHONE.test(value)) return false;
  const digits = value.replace(/(?:ext\.?|x)\s*[0-9]+$/i, '').replace(/[^0-9]/g, '');
  return digits.length >= 7 && digits.length <= 15;
}

/** Something@somewhere.tld with no spaces: strict enough to catch typing slips, no stricter. */
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

const phoneField = z
  .string()
  .max(40, 'Phone number must be 40 characters or fewer.')
  .transform((s) => s.trim().replace(/\s+/g, ' '))
  .refine(
    (s) => s === '' || isPhoneNumber(s),
    'Enter a phone number, like 01632 960 001 or +44 7700 900 982.',
  );

const emailField = z
  .string()
  .max(254, 'Email address must be 254 characters or fewer.')
  .transform((s) => s.trim())
  .refine(
    (s) => s === '' || EMAIL.test(s),
    'Enter an email address in the correct format, like name@example.com.',
  );

export const adultInput = z
  .strictObject({
    name: nameField('Name'),
    relationship: z.enum(relationships, 'Choose their relationship to the child.'),
    /** Required when the relationship is "other"; optional detail otherwise ("maternal"). */
    relationshipDetail: optionalNameField('Relationship details'),
    parentalResponsibility: z.enum(
      parentalResponsibilities,
      'Choose whether they have parental responsibility.',
    ),
    livesWithChild: z.enum(livesWithChildAnswers, 'Say whether the child lives with them.'),
    phone: phoneField,
    email: emailField,
    address: narrative('Address', 500, false),
    /** Any restriction on contact, shown prominently: "No contact: court order". */
    contactRestrictions: narrative('Contact restrictions', 1_000, false),
    notes: narrative('Notes', 2_000, false),
    /** 1 is the first to contact. */
    priority: z
      .int('Choose the contact order.')
      .min(1, 'Choose the contact order.')
      .max(MAX_CONTACT_PRIORITY, `The contact order goes up to ${MAX_CONTACT_PRIORITY}.`),
  })
  .superRefine((a, ctx) => {
    if (a.relationship === 'other' && a.relationshipDetail === '')
      ctx.addIssue({
        code: 'custom',
        path: ['relationshipDetail'],
        message: 'Say how they are related to the child.',
      });
  });
export type AdultInput = z.input<typeof adultInput>;
export type AdultDraft = z.output<typeof adultInput>;

export const keyContactInput = z
  .strictObject({
    role: z.enum(contactRoles, 'Choose their role.'),
    /** Required when the role is "other": "Housing officer". */
    roleDetail: optionalNameField('Role details'),
    name: nameField('Name'),
    organisation: optionalNameField('Organisation'),
    phone: phoneField,
    email: emailField,
    startDate: calendarDate('Start date'),
    /** '' while they are involved. */
    endDate: z.union([z.literal(''), calendarDate('End date')]),
    notes: narrative('Notes', 2_000, false),
  })
  .superRefine((c, ctx) => {
    if (c.role === 'other' && c.roleDetail === '')
      ctx.addIssue({ code: 'custom', path: ['roleDetail'], message: 'Enter their role.' });
    if (c.endDate !== '' && c.startDate !== '' && c.endDate < c.startDate)
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: 'End date cannot be before the start date.',
      });
  });
export type KeyContactInput = z.input<typeof keyContactInput>;
export type KeyContactDraft = z.output<typeof keyContactInput>;

/** A name for a new family, such as "Mother’s household"; may be left empty. */
export const familyLabel = optionalNameField('Family name');

export type FamilyAdult = AdultDraft & {
  id: string;
  childId: string;
  recordedByName: string;
  recordedAt: string;
  updatedAt: string;
};

export type KeyContact = KeyContactDraft & {
  id: string;
  childId: string;
  recordedByName: string;
  recordedAt: string;
  endedByName: string | null;
  endedAt: string | null;
};

/** One family a child belongs to, with its other children. */
export type Family = {
  id: string;
  label: string;
  /** The family's children other than the one whose file is open. */
  siblings: ChildSummary[];
};

/** Everything family.forChild returns for one child's file. */
export type ChildFamily = {
  families: Family[];
  /** In contact order, then by name. */
  adults: FamilyAdult[];
  /** Current first, then ended; newest start first within each. */
  contacts: KeyContact[];
};

/** "Mother", "Other relative (maternal aunt)", "Other (neighbour)". */
export function relationshipName(
  a: Pick<FamilyAdult, 'relationship' | 'relationshipDetail'>,
): string {
  const label = relationshipLabels[a.relationship];
  return a.relationshipDetail === '' ? label : `${label} (${a.relationshipDetail})`;
}

/** "Social worker", "Other professional (housing officer)". */
export function contactRoleName(c: Pick<KeyContact, 'role' | 'roleDetail'>): string {
  const label = contactRoleLabels[c.role];
  return c.roleDetail === '' ? label : `${label} (${c.roleDetail})`;
}
