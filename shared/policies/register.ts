/**
 * The policies a school's governing body (or proprietor) is expected to have, as data, with
 * where each expectation comes from and how often it is reviewed (domain.md §3.6 and §3.8;
 * issue 7). Only the child protection policy has a review frequency and publication fixed by
 * the guidance ("reviewed annually (as a minimum)" and published); the others are reviewed
 * every 12 months by common school practice, which the school may shorten review by review.
 */
export const policyIds = [
  'child_protection',
  'staff_behaviour',
  'behaviour',
  'online_safety',
  'whistleblowing',
  'children_absent',
  'safer_recruitment',
  'allegations',
] as const;
export type PolicyId = (typeof policyIds)[number];

/**
 * `statutory_annual`: the guidance itself sets "at least annually".
 * `school_practice`: the guidance requires the policy but not how often it is reviewed.
 */
export type ReviewBasis = 'statutory_annual' | 'school_practice';

export const reviewBasisLabels: Record<ReviewBasis, string> = {
  statutory_annual: 'At least annually (statutory guidance)',
  school_practice: 'Annually (school practice)',
};

export type RegisteredPolicy = {
  id: PolicyId;
  title: string;
  /** What the policy has to cover, in the guidance's words. */
  covers: string;
  source: string;
  /** Months from one approval to the next review at the latest. */
  intervalMonths: number;
  basis: ReviewBasis;
  /** A review must record where the policy is published (website address). */
  publicationRequired: boolean;
};

/** The default review interval for the register's policies and for school-added ones. */
export const DEFAULT_REVIEW_MONTHS = 12;

export const policyRegister: readonly RegisteredPolicy[] = [
  {
    id: 'child_protection',
    title: 'Child protection policy',
    covers:
      'An effective child protection policy reflecting local multi-agency safeguarding arrangements and the school’s approach to filtering and monitoring, including mobile-network access. Reviewed annually as a minimum and published on the school website or by other means.',
    source: 'KCSIE Part two (governing bodies and proprietors)',
    intervalMonths: 12,
    basis: 'statutory_annual',
    publicationRequired: true,
  },
  {
    id: 'staff_behaviour',
    title: 'Staff behaviour policy (code of conduct)',
    covers:
      'Acceptable use of technology, staff–pupil relationships and communications, use of social media, and low-level concerns.',
    source: 'KCSIE Part two',
    intervalMonths: DEFAULT_REVIEW_MONTHS,
    basis: 'school_practice',
    publicationRequired: false,
  },
  {
    id: 'behaviour',
    title: 'Behaviour policy',
    covers: 'The pupils’ behaviour policy, which staff receive at induction.',
    source: 'KCSIE Part two',
    intervalMonths: DEFAULT_REVIEW_MONTHS,
    basis: 'school_practice',
    publicationRequired: false,
  },
  {
    id: 'online_safety',
    title: 'Online safety policy',
    covers:
      'The 4 Cs of online risk (content, contact, conduct, commerce), filtering and monitoring roles, and mobile and smart technology.',
    source: 'KCSIE Part two (online safety)',
    intervalMonths: DEFAULT_REVIEW_MONTHS,
    basis: 'school_practice',
    publicationRequired: false,
  },
  {
    id: 'whistleblowing',
    title: 'Whistleblowing policy',
    covers:
      'How staff raise concerns about poor or unsafe practice, including the NSPCC whistleblowing helpline.',
    source: 'KCSIE Part two',
    intervalMonths: DEFAULT_REVIEW_MONTHS,
    basis: 'school_practice',
    publicationRequired: false,
  },
  {
    id: 'children_absent',
    title: 'Response to children absent from education',
    covers:
      'The school’s response to children who are absent from education, particularly repeatedly or for long periods, and children missing education.',
    source: 'KCSIE Part two',
    intervalMonths: DEFAULT_REVIEW_MONTHS,
    basis: 'school_practice',
    publicationRequired: false,
  },
  {
    id: 'safer_recruitment',
    title: 'Safer recruitment policy',
    covers: 'Recruitment and selection checks, and the single central record.',
    source: 'KCSIE Part two and Part three',
    intervalMonths: DEFAULT_REVIEW_MONTHS,
    basis: 'school_practice',
    publicationRequired: false,
  },
  {
    id: 'allegations',
    title: 'Allegations against staff procedures',
    covers:
      'Managing allegations that meet the harm threshold and low-level concerns, including the LADO and the nominated governor for allegations against the headteacher.',
    source: 'KCSIE Part two and Part four',
    intervalMonths: DEFAULT_REVIEW_MONTHS,
    basis: 'school_practice',
    publicationRequired: false,
  },
];

export function registeredPolicy(id: string): RegisteredPolicy | undefined {
  return policyRegister.find((p) => p.id === id);
}

export const filteringParticipantRoles = [
  'slt',
  'dsl',
  'governor',
  'it_provider',
  'other',
] as const;
export type FilteringParticipantRole = (typeof filteringParticipantRoles)[number];
export const filteringParticipantRoleLabels: Record<FilteringParticipantRole, string> = {
  slt: 'Senior leadership team',
  dsl: 'Designated safeguarding lead',
  governor: 'Governor',
  it_provider: 'IT service provider',
  other: 'Other',
};

/**
 * The filtering and monitoring review (DfE filtering and monitoring standards; KCSIE Part two):
 * at least annually, by the senior leadership team and the DSL with the responsible governor
 * and the IT service provider, recording what was checked, what was found and what will be done.
 */
export const filteringReview = {
  title: 'Filtering and monitoring review',
  source: 'DfE filtering and monitoring standards; KCSIE Part two (online safety)',
  intervalMonths: 12,
  basis: 'statutory_annual' as ReviewBasis,
  /** Who the standards expect to take part. */
  expectedRoles: ['slt', 'dsl', 'governor', 'it_provider'] as readonly FilteringParticipantRole[],
};
