/**
 * Safeguarding training requirements as data (domain.md §3.7; issue 7), each with its source,
 * who it applies to and how often it falls due, and the pure computation of where a person
 * stands against each. Frequencies the sources do not fix are marked `unconfirmed` and can be
 * changed by the school (the interval is a default).
 */
import { addDays, addMonths, isCalendarDate } from '../dates/calendar-date';
import type { LegalForce } from '../duties/rules';

export const trainingAudiences = [
  'all_staff',
  'dsl_team',
  'governors',
  'it_users',
  'recruiters',
] as const;
export type TrainingAudience = (typeof trainingAudiences)[number];
export const trainingAudienceLabels: Record<TrainingAudience, string> = {
  all_staff: 'All staff and volunteers',
  dsl_team: 'The DSL and deputies',
  governors: 'Governors and trustees',
  it_users: 'Staff with access to the school’s IT',
  recruiters: 'Recruitment panel members',
};

export const trainingKinds = [
  'induction',
  'annual_update',
  'kcsie_part_one',
  'dsl_formal',
  'dsl_refresh',
  'prevent',
  'governor',
  'cyber',
  'safer_recruitment',
] as const;
export type TrainingKind = (typeof trainingKinds)[number];

export type TrainingRequirement = {
  kind: TrainingKind;
  title: string;
  audience: TrainingAudience;
  /** Months between one completion and the next; null = once (induction). */
  intervalMonths: number | null;
  /** The words of the source on how often. */
  frequencyText: string;
  source: string;
  legalForce: LegalForce;
  confirmed: boolean;
};

export const trainingRequirements: readonly TrainingRequirement[] = [
  {
    kind: 'induction',
    title: 'Safeguarding and child protection induction',
    audience: 'all_staff',
    intervalMonths: null,
    frequencyText:
      'At induction: the child protection policy, behaviour policy, staff code of conduct (including low-level concerns, allegations and whistleblowing), children absent from education, online safety and filtering and monitoring roles, and who the DSL and deputies are.',
    source: 'KCSIE Part two',
    legalForce: 'should',
    confirmed: true,
  },
  {
    kind: 'annual_update',
    title: 'Safeguarding and child protection update',
    audience: 'all_staff',
    intervalMonths: 12,
    frequencyText:
      'Regularly updated (e-bulletins, meetings) as required, and at least annually; includes online safety and filtering and monitoring.',
    source: 'KCSIE Part two',
    legalForce: 'should',
    confirmed: true,
  },
  {
    kind: 'kcsie_part_one',
    title: 'Read Keeping children safe in education Part one (or Annex A)',
    audience: 'all_staff',
    intervalMonths: 12,
    frequencyText:
      'All staff read at least Part one (Annex A for those not working directly with children); re-read each new edition, in force every September.',
    source: 'KCSIE Part one',
    legalForce: 'should',
    confirmed: true,
  },
  {
    kind: 'dsl_formal',
    title: 'Formal DSL training',
    audience: 'dsl_team',
    intervalMonths: 24,
    frequencyText: 'At least every two years.',
    source: 'KCSIE Annex C',
    legalForce: 'should',
    confirmed: true,
  },
  {
    kind: 'dsl_refresh',
    title: 'DSL knowledge and skills refreshed',
    audience: 'dsl_team',
    intervalMonths: 12,
    frequencyText:
      'At regular intervals, as required, and at least annually (e-bulletins, DSL network meetings, reading).',
    source: 'KCSIE Annex C',
    legalForce: 'should',
    confirmed: true,
  },
  {
    kind: 'prevent',
    title: 'Prevent awareness training',
    audience: 'dsl_team',
    intervalMonths: 24,
    frequencyText:
      'The DSL undertakes Prevent awareness training; no frequency is set (commonly every two years).',
    source: 'KCSIE Annex C; Prevent duty guidance 2023',
    legalForce: 'should',
    confirmed: false,
  },
  {
    kind: 'governor',
    title: 'Safeguarding training for governors',
    audience: 'governors',
    intervalMonths: 36,
    frequencyText:
      'At induction and regularly updated; no national frequency (many local authorities recommend every two to three years).',
    source: 'KCSIE Part two',
    legalForce: 'should',
    confirmed: false,
  },
  {
    kind: 'cyber',
    title: 'Cyber security awareness training',
    audience: 'it_users',
    intervalMonths: 12,
    frequencyText: 'Annually, and as part of induction; at least one governor too.',
    source: 'DfE Meeting digital and technology standards in schools and colleges (cyber security)',
    legalForce: 'good_practice',
    confirmed: true,
  },
  {
    kind: 'safer_recruitment',
    title: 'Safer recruitment training',
    audience: 'recruiters',
    intervalMonths: 36,
    frequencyText:
      'At least one member of each recruitment panel trained; no frequency is set (commonly every three years).',
    source: 'KCSIE Part three; School Staffing Regulations (maintained schools)',
    legalForce: 'good_practice',
    confirmed: false,
  },
];

export const trainingStatuses = ['missing', 'overdue', 'due_soon', 'in_date'] as const;
export type TrainingStatus = (typeof trainingStatuses)[number];
export const trainingStatusLabels: Record<TrainingStatus, string> = {
  missing: 'Not recorded',
  overdue: 'Overdue',
  due_soon: 'Due within 30 days',
  in_date: 'In date',
};

/** How many days ahead a renewal counts as due soon. */
export const DUE_SOON_DAYS = 30;

export type TrainingStanding = {
  status: TrainingStatus;
  /** The latest completion, or null. */
  lastCompleted: string | null;
  /** When it next falls due, or null (never done: due now; induction done: never again). */
  nextDue: string | null;
};

/**
 * Where a person stands against one requirement on `today`, from the dates they completed it
 * (YYYY-MM-DD, any order). The next due date is the corresponding date `intervalMonths` after
 * the latest completion (calendar-date.ts addMonths).
 */
export function trainingStanding(
  requirement: Pick<TrainingRequirement, 'intervalMonths'>,
  completions: readonly string[],
  today: string,
  intervalMonths: number | null = requirement.intervalMonths,
): TrainingStanding {
  const valid = completions.filter((d) => isCalendarDate(d) && d <= today).sort();
  const last = valid.at(-1) ?? null;
  if (last === null) return { status: 'missing', lastCompleted: null, nextDue: null };
  if (intervalMonths === null) return { status: 'in_date', lastCompleted: last, nextDue: null };
  const nextDue = addMonths(last, intervalMonths);
  const soon = today <= nextDue && nextDue <= addDays(today, DUE_SOON_DAYS);
  const status: TrainingStatus = nextDue < today ? 'overdue' : soon ? 'due_soon' : 'in_date';
  return { status, lastCompleted: last, nextDue };
}
