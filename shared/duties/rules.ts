/**
 * The statutory duties Lantern tracks, as data (domain.md §0–§6). Each rule says where it comes
 * from (document, edition, section or paragraph), how binding it is, when it is in force, what
 * starts it, who owes it, to whom, by when, and what evidence discharges it. A rule that changes
 * with a new edition of its guidance gets a new entry with the same id and its own dates, so a
 * duty is always explained by the edition in force when it was triggered.
 *
 * Values the sources do not confirm are marked `unconfirmed` and, where a school's local
 * authority sets them, come from the versioned local settings (settings.ts) instead.
 */
import type { DecisionKind } from '../casework/schema';
import type { ConcernFlagName } from '../concerns/schema';
import type { DayUnit } from '../dates/school-calendar';

export const dutyRuleIds = [
  'csc-referral',
  'csc-written-confirmation',
  'csc-follow-up',
  'fgm-notification',
  'csa-report',
  'lado-contact',
  'dbs-referral',
  'prevent-referral',
  'cp-transfer',
  'cp-transfer-receipt',
  'cme-deletion',
  'cme-admission',
  'icpc',
  'core-group',
  'first-review-conference',
  'review-conference',
  'sar-response',
  'ico-breach',
  'encompass-support',
] as const;
export type DutyRuleId = (typeof dutyRuleIds)[number];

export type LegalForce = 'must' | 'should' | 'good_practice';
export const legalForceLabels: Record<LegalForce, string> = {
  must: 'Must: statute or regulations',
  should: 'Should: statutory guidance',
  good_practice: 'Good practice or local procedure',
};

/** The confidence tags of domain.md: primary text seen, reliable secondary, or not confirmed. */
export type Confidence = 'primary' | 'secondary' | 'unconfirmed';
export const confidenceLabels: Record<Confidence, string> = {
  primary: 'Checked against the primary text',
  secondary: 'From reliable secondary sources',
  unconfirmed: 'Not confirmed against the primary text: check before relying on it',
};

/** Who owes the duty: a named person (personal duties cannot be passed on), or a role. */
export type DutyOwner = 'person' | 'dsl' | 'headteacher' | 'school';
export const dutyOwnerLabels: Record<DutyOwner, string> = {
  person: 'The member of staff personally',
  dsl: 'The designated safeguarding lead',
  headteacher: 'The headteacher (case manager)',
  school: 'The school (data controller)',
};

/** The local settings a deadline may depend on (settings.ts). */
export type DeadlineSettingKey = 'writtenConfirmation' | 'ladoContact' | 'cpTransfer' | 'csaTarget';

/**
 * When a duty is due, relative to the instant that triggered it. Day counts never include the
 * trigger's own day and end at the end of the last day (23:59 in London).
 */
export type DeadlineSpec =
  /** Due at the trigger: to be done now. */
  | { kind: 'immediate' }
  /** Elapsed hours, whatever the clocks do (72 hours across a clock change is still 72). */
  | { kind: 'hours'; hours: number }
  | { kind: 'days'; unit: DayUnit; days: number }
  /**
   * Calendar months by the corresponding-date rule. `sameTime`: at the trigger's wall-clock
   * time on that date ("before the end of one month from the time…"); `endOfDay`: by the end of
   * that date, moved to the next working day when it is not one (`rollForward`, as the ICO
   * reads the SAR period).
   */
  | { kind: 'months'; months: number; at: 'sameTime' | 'endOfDay'; rollForward: boolean }
  /** Before the start of the next school day after the trigger (the school day's start time). */
  | { kind: 'nextSchoolDayStart' }
  /**
   * KCSIE's CP file transfer: within N days of leaving for an in-year transfer, or within the
   * first N days of the next term when the child leaves at the end of a term.
   */
  | { kind: 'transfer'; unit: DayUnit; days: number }
  /** Set by the school's local settings. */
  | { kind: 'setting'; key: DeadlineSettingKey }
  /** No fixed timescale in law or guidance. */
  | { kind: 'none' };

/** What starts a duty. */
/**
 * Which of a concern's children (its subjects and victims) a concern trigger starts the duty
 * for: all of them, only those under 18, or only girls under 18 (FGM).
 */
export type ConcernChildren = 'all' | 'under_18' | 'girls_under_18';

export type DutyTrigger =
  | { kind: 'concern_flag'; flag: ConcernFlagName; children: ConcernChildren }
  /** A concern with this category or specific issue (shared/concerns/taxonomy.ts). */
  | { kind: 'concern_category'; category: string; children: ConcernChildren }
  | { kind: 'decision'; decision: DecisionKind }
  | { kind: 'child_left' }
  | { kind: 'encompass' }
  /** Another duty discharged (optionally only when made by telephone). */
  | { kind: 'discharged'; rule: DutyRuleId; onlyMethod?: EvidenceMethod }
  /** Recorded by the DSL: `event` says what happened, e.g. "A strategy discussion was held". */
  | { kind: 'manual'; event: string; atLabel: string };

export const evidenceMethods = [
  'phone',
  'email',
  'secure_email',
  'online_form',
  'in_person',
  'letter',
  'secure_transfer',
  'other',
] as const;
export type EvidenceMethod = (typeof evidenceMethods)[number];
export const evidenceMethodLabels: Record<EvidenceMethod, string> = {
  phone: 'Telephone',
  email: 'Email',
  secure_email: 'Secure email',
  online_form: 'Online form or portal',
  in_person: 'In person',
  letter: 'Letter or signed-for post',
  secure_transfer: 'Secure transfer system',
  other: 'Other',
};

/** What discharging the duty must record, and how the form asks for it. */
export type EvidenceSpec = {
  /** The label of "when" on the discharge form. */
  atLabel: string;
  recipientLabel: string;
  /** Filled in on the form; the person may change it. */
  recipientHint: string;
  referenceLabel: string;
  /** Which of recipient, method and reference must be given. When is always required. */
  required: readonly ('recipient' | 'method' | 'reference')[];
};

export const exceptionIds = [
  'peer_consensual_13plus',
  'confidential_service',
  'already_notified',
] as const;
export type ExceptionId = (typeof exceptionIds)[number];
export const exceptionLabels: Record<ExceptionId, string> = {
  peer_consensual_13plus:
    'Consensual activity between children aged 13 or over with no significant difference in age or maturity',
  confidential_service: 'A specified confidential service (e.g. a sexual health service)',
  already_notified: 'Another person in the same profession has already notified the police',
};

/** The youngest age at which the peer exception can apply: never when either child is under it. */
export const PEER_EXCEPTION_MIN_AGE = 13;

export type DutyRule = {
  id: DutyRuleId;
  title: string;
  /** What to do, in a sentence or two, for the person who owes it. */
  summary: string;
  sourceDocument: string;
  edition: string;
  /** The section or paragraph, as the sources give it. */
  section: string;
  /** The words of the source that set the deadline (quoted or closely paraphrased). */
  deadlineText: string;
  legalForce: LegalForce;
  confidence: Confidence;
  /** Calendar dates; null from = not commenced (see settings: a commencement date). */
  effectiveFrom: string | null;
  effectiveTo: string | null;
  status: 'in_force' | 'prospective';
  triggers: readonly DutyTrigger[];
  owner: DutyOwner;
  ownerNote: string;
  recipient: string;
  deadline: DeadlineSpec;
  /** A sooner target set by guidance or good practice, shown beside the deadline. */
  target: { spec: DeadlineSpec; basis: string } | null;
  evidence: EvidenceSpec;
  exceptions: readonly ExceptionId[];
  /** A duty about a child (on their file); false for a duty about the school or an adult. */
  aboutChild: boolean;
  /** One duty for the whole concern (on its first subject or victim), not one per child. */
  onePerConcern?: true;
};

const KCSIE_2023 = {
  sourceDocument: 'Keeping children safe in education',
  edition: 'KCSIE 2023',
  effectiveFrom: '2023-09-01',
  effectiveTo: '2024-08-31',
} as const;
const KCSIE_2024 = {
  sourceDocument: 'Keeping children safe in education',
  edition: 'KCSIE 2024',
  effectiveFrom: '2024-09-01',
  effectiveTo: '2025-08-31',
} as const;
const KCSIE_2025 = {
  sourceDocument: 'Keeping children safe in education',
  edition: 'KCSIE 2025',
  effectiveFrom: '2025-09-01',
  effectiveTo: '2026-08-31',
} as const;
const KCSIE_2026 = {
  sourceDocument: 'Keeping children safe in education',
  edition: 'KCSIE 2026',
  effectiveFrom: '2026-09-01',
  effectiveTo: null,
} as const;
type KcsieEdition = typeof KCSIE_2023 | typeof KCSIE_2024 | typeof KCSIE_2025 | typeof KCSIE_2026;
const WT_2023 = {
  sourceDocument: 'Working Together to Safeguard Children',
  edition: 'Working Together 2023',
  effectiveFrom: '2023-12-15',
  effectiveTo: null,
} as const;

const referralEvidence: EvidenceSpec = {
  atLabel: 'When the referral was made',
  recipientLabel: 'Referred to',
  recipientHint: 'Children’s social care front door (MASH)',
  referenceLabel: 'Reference number',
  required: ['recipient', 'method'],
};

const conferenceEvidence: EvidenceSpec = {
  atLabel: 'When the conference was held',
  recipientLabel: 'Conference chair',
  recipientHint: '',
  referenceLabel: 'Outcome (e.g. plan continues, plan ended)',
  required: [],
};

function cscReferral(edition: KcsieEdition): DutyRule {
  return {
    id: 'csc-referral',
    title: 'Refer to children’s social care',
    summary:
      'Make the referral to the local authority’s children’s social care now (call 999 as well if the child is in immediate danger). Record when, to whom, how and the reference.',
    ...edition,
    section: 'Part one, "What school and college staff should do if they have a concern"',
    deadlineText:
      'Where a child is suffering, or is likely to suffer, significant harm, or is in immediate danger, a referral should be made to children’s social care and/or the police immediately.',
    legalForce: 'should',
    confidence: 'secondary',
    status: 'in_force',
    triggers: [
      { kind: 'decision', decision: 'referral_csc' },
      { kind: 'concern_flag', flag: 'fgmKnownCase', children: 'girls_under_18' },
      // FGM, suspected or at risk, is child abuse: it always calls for a referral (domain.md §2).
      { kind: 'concern_category', category: 'fgm', children: 'under_18' },
      { kind: 'concern_flag', flag: 'possibleChildSexOffence', children: 'under_18' },
    ],
    owner: 'dsl',
    ownerNote: 'Anyone can make a referral; normally the DSL or a deputy does.',
    recipient:
      'The local authority’s children’s social care (and the police where a crime or immediate danger)',
    deadline: { kind: 'immediate' },
    target: null,
    evidence: referralEvidence,
    exceptions: [],
    aboutChild: true,
  };
}

function cpTransfer(edition: KcsieEdition): DutyRule {
  return {
    id: 'cp-transfer',
    title: 'Transfer the child protection file',
    summary:
      'Send the child protection file to the new school’s DSL securely and separately from the main pupil file, and ask for confirmation of receipt.',
    ...edition,
    section: 'Part two and Annex C, "Record keeping" (paragraph unconfirmed for this edition)',
    deadlineText:
      'As soon as possible, and within 5 days for an in-year transfer or within the first 5 days of the start of a new term.',
    legalForce: 'should',
    confidence: 'secondary',
    status: 'in_force',
    triggers: [{ kind: 'child_left' }],
    owner: 'dsl',
    ownerNote: 'The DSL (or a deputy) makes the transfer.',
    recipient: 'The DSL of the new school or college',
    deadline: { kind: 'setting', key: 'cpTransfer' },
    target: null,
    evidence: {
      atLabel: 'When the file was sent',
      recipientLabel: 'Sent to (school and DSL)',
      recipientHint: '',
      referenceLabel: 'Tracking or transfer reference',
      required: ['recipient', 'method'],
    },
    exceptions: [],
    aboutChild: true,
  };
}

function ladoContact(edition: KcsieEdition): DutyRule {
  return {
    id: 'lado-contact',
    title: 'Discuss the allegation with the LADO',
    summary:
      'The case manager discusses the allegation with the local authority designated officer (LADO) before any investigation, and agrees a course of action. Do not investigate first.',
    ...edition,
    section: 'Part four, section one (allegations that meet the harm threshold)',
    deadlineText:
      'KCSIE: report to the LADO "without delay". Local procedures commonly set within one working day (Sheffield, Luton, Trafford).',
    legalForce: 'should',
    confidence: 'secondary',
    status: 'in_force',
    triggers: [
      { kind: 'concern_flag', flag: 'allegationAboutAdult', children: 'all' },
      { kind: 'decision', decision: 'lado' },
    ],
    owner: 'headteacher',
    ownerNote:
      'The headteacher is the case manager; the chair of governors when the allegation is about the headteacher.',
    recipient: 'The local authority designated officer (LADO)',
    deadline: { kind: 'setting', key: 'ladoContact' },
    target: null,
    evidence: {
      atLabel: 'When the LADO was contacted',
      recipientLabel: 'LADO contacted',
      recipientHint: 'Local authority designated officer',
      referenceLabel: 'LADO reference',
      required: ['recipient', 'method'],
    },
    exceptions: [],
    aboutChild: true,
    onePerConcern: true,
  };
}

export const dutyRules: readonly DutyRule[] = [
  cscReferral(KCSIE_2023),
  cscReferral(KCSIE_2024),
  cscReferral(KCSIE_2025),
  cscReferral(KCSIE_2026),
  {
    id: 'csc-written-confirmation',
    title: 'Confirm the telephone referral in writing',
    summary:
      'Follow the telephone referral with the local authority’s written referral form (MARF) within its timescale.',
    ...WT_2023,
    section: 'Chapter 3, "Referral"; the local authority’s referral procedures',
    deadlineText:
      'Telephone referrals must be followed up in writing within local timescales: 24 hours (Lambeth, Shropshire, Sandwell), 48 hours (Nottingham), 2 working days (Herefordshire).',
    legalForce: 'good_practice',
    confidence: 'secondary',
    status: 'in_force',
    triggers: [{ kind: 'discharged', rule: 'csc-referral', onlyMethod: 'phone' }],
    owner: 'dsl',
    ownerNote: 'Whoever made the telephone referral; normally the DSL.',
    recipient: 'The local authority’s children’s social care',
    deadline: { kind: 'setting', key: 'writtenConfirmation' },
    target: null,
    evidence: {
      atLabel: 'When the written referral was sent',
      recipientLabel: 'Sent to',
      recipientHint: 'Children’s social care front door (MASH)',
      referenceLabel: 'Reference number',
      required: ['recipient', 'method'],
    },
    exceptions: [],
    aboutChild: true,
  },
  {
    id: 'csc-follow-up',
    title: 'Follow up if the local authority has not responded',
    summary:
      'Within one working day of a referral the local authority should acknowledge it and decide next steps. Record their response; if none has come, follow it up and use the local escalation procedure if the child’s situation does not improve.',
    ...WT_2023,
    section: 'Chapter 3, "Responding to a referral" (quoted in KCSIE Part one)',
    deadlineText:
      'Within one working day of a referral being received, a local authority social worker should acknowledge receipt to the referrer and make a decision about next steps. The referrer should follow up if this information is not forthcoming.',
    legalForce: 'should',
    confidence: 'secondary',
    status: 'in_force',
    triggers: [{ kind: 'discharged', rule: 'csc-referral' }],
    owner: 'dsl',
    ownerNote: 'The referrer; normally the DSL.',
    recipient: 'The local authority’s children’s social care',
    deadline: { kind: 'days', unit: 'working', days: 1 },
    target: null,
    evidence: {
      atLabel: 'When the response came (or the follow-up was made)',
      recipientLabel: 'Response from, or followed up with',
      recipientHint: 'Children’s social care',
      referenceLabel: 'Reference, or the decision the local authority made',
      required: ['recipient'],
    },
    exceptions: [],
    aboutChild: true,
  },
  {
    id: 'fgm-notification',
    title: 'Report the known case of FGM to the police',
    summary:
      'A personal duty: you must notify the police yourself (call 101; 999 if the girl is at immediate risk). Telling the DSL does not discharge it. Identify the girl, explain why you are reporting, and record the police reference.',
    sourceDocument:
      'Female Genital Mutilation Act 2003, s.5B (inserted by the Serious Crime Act 2015, s.74)',
    edition: 'In force from 31 Oct 2015; Home Office procedural information (22 Jan 2020)',
    section: 's.5B(5)(c); best practice from the Home Office procedural information',
    deadlineText:
      'The notification must be made before the end of one month from the time when the person first discovers that an act of FGM appears to have been carried out on the girl. Best practice: as soon as possible, normally by the close of the next working day.',
    legalForce: 'must',
    confidence: 'primary',
    effectiveFrom: '2015-10-31',
    effectiveTo: null,
    status: 'in_force',
    triggers: [{ kind: 'concern_flag', flag: 'fgmKnownCase', children: 'girls_under_18' }],
    owner: 'person',
    ownerNote:
      'The teacher (anyone employed or engaged to carry out teaching work) who discovered it. The duty is personal and cannot be passed on; it does not apply if another teacher has already notified the police about the same act (s.5B(6)).',
    recipient: 'The chief officer of police for the area where the girl lives (call 101)',
    deadline: { kind: 'months', months: 1, at: 'sameTime', rollForward: false },
    target: {
      spec: { kind: 'days', unit: 'working', days: 1 },
      basis: 'Home Office procedural information: normally by the close of the next working day',
    },
    evidence: {
      atLabel: 'When you reported it',
      recipientLabel: 'Police force',
      recipientHint: 'Police (101)',
      referenceLabel: 'Police reference number',
      required: ['recipient', 'method', 'reference'],
    },
    exceptions: ['already_notified'],
    aboutChild: true,
  },
  {
    id: 'csa-report',
    title: 'Report the suspected child sexual abuse (mandatory reporting duty)',
    summary:
      'A personal duty: notify the police or the local authority (or both) as soon as practicable, identifying each person believed to be involved and explaining why. A delay of up to 7 days is allowed only where reporting at once would put the child at risk.',
    sourceDocument: 'Crime and Policing Act 2026, Part 5, Chapter 2',
    edition: 'Royal Assent 29 Apr 2026; not commenced until a commencement date is set',
    section: 's.85 (section number unconfirmed)',
    deadlineText:
      'As soon as reasonably practicable; the notification may be delayed by up to 7 days where the person believes immediate notification would give rise to a risk to the child’s safety. No fixed statutory deadline: Lantern’s target is 24 hours.',
    legalForce: 'must',
    confidence: 'unconfirmed',
    effectiveFrom: null,
    effectiveTo: null,
    status: 'prospective',
    triggers: [{ kind: 'concern_flag', flag: 'possibleChildSexOffence', children: 'under_18' }],
    owner: 'person',
    ownerNote:
      'Each person aged 18 or over in regulated activity who was given reason to suspect the offence. Whether the DSL can notify on their behalf is unconfirmed: record who held the information.',
    recipient: 'The police or the local authority (or both)',
    deadline: { kind: 'none' },
    target: {
      spec: { kind: 'setting', key: 'csaTarget' },
      basis:
        'Lantern’s policy for "as soon as practicable" (domain.md §1.3), not law; a recorded delay for the child’s safety moves it',
    },
    evidence: {
      atLabel: 'When you notified',
      recipientLabel: 'Notified (police force or local authority)',
      recipientHint: '',
      referenceLabel: 'Reference number',
      required: ['recipient', 'method'],
    },
    exceptions: ['peer_consensual_13plus', 'confidential_service'],
    aboutChild: true,
  },
  ladoContact(KCSIE_2023),
  ladoContact(KCSIE_2024),
  ladoContact(KCSIE_2025),
  ladoContact(KCSIE_2026),
  {
    id: 'dbs-referral',
    title: 'Refer to the Disclosure and Barring Service',
    summary:
      'The school must refer to the DBS when it removes someone from regulated activity (or would have, had they not left) because they harmed a child or pose a risk of harm. Consider a referral to the Teaching Regulation Agency for a teacher.',
    sourceDocument: 'Safeguarding Vulnerable Groups Act 2006, s.35; KCSIE Parts three and four',
    edition: 'SVGA 2006 as amended',
    section: 's.35',
    deadlineText:
      'When the person is removed from regulated activity; ordinarily on the conclusion of the investigation. No fixed number of days.',
    legalForce: 'must',
    confidence: 'secondary',
    effectiveFrom: '2009-10-12',
    effectiveTo: null,
    status: 'in_force',
    triggers: [
      {
        kind: 'manual',
        event: 'A person was removed from regulated activity',
        atLabel: 'When they were removed (or left)',
      },
    ],
    owner: 'headteacher',
    ownerNote: 'The employer; the headteacher acts for it.',
    recipient: 'The Disclosure and Barring Service',
    deadline: { kind: 'none' },
    target: null,
    evidence: {
      atLabel: 'When the referral was made',
      recipientLabel: 'Referred to',
      recipientHint: 'Disclosure and Barring Service',
      referenceLabel: 'DBS reference',
      required: ['method'],
    },
    exceptions: [],
    aboutChild: false,
  },
  {
    id: 'prevent-referral',
    title: 'Make the Prevent referral',
    summary:
      'Refer through the National Prevent Referral Form to the police Prevent team; for a child, also refer to children’s social care. Call 999 or the anti-terrorist hotline (0800 789 321) if there is immediate risk.',
    sourceDocument:
      'Prevent duty guidance: England and Wales (under the Counter-Terrorism and Security Act 2015, s.26 and s.29)',
    edition: 'Prevent duty guidance 2023 (in force 31 Dec 2023)',
    section: 'Referral ("notice, check, share")',
    deadlineText:
      'No fixed statutory timescale: refer promptly. Lantern’s target is the end of the next working day.',
    legalForce: 'should',
    confidence: 'primary',
    effectiveFrom: '2023-12-31',
    effectiveTo: null,
    status: 'in_force',
    triggers: [{ kind: 'decision', decision: 'prevent' }],
    owner: 'dsl',
    ownerNote: 'The DSL (staff refer through the DSL; anyone can refer).',
    recipient: 'The police Prevent team (and children’s social care for a child)',
    deadline: { kind: 'none' },
    target: {
      spec: { kind: 'days', unit: 'working', days: 1 },
      basis: 'Lantern’s default target for "promptly"; not set by law or guidance',
    },
    evidence: {
      atLabel: 'When the referral was made',
      recipientLabel: 'Referred to',
      recipientHint: 'Police Prevent team',
      referenceLabel: 'Reference number',
      required: ['recipient', 'method'],
    },
    exceptions: [],
    aboutChild: true,
  },
  cpTransfer(KCSIE_2023),
  cpTransfer(KCSIE_2024),
  cpTransfer(KCSIE_2025),
  cpTransfer(KCSIE_2026),
  {
    id: 'cp-transfer-receipt',
    title: 'Obtain confirmation that the child protection file was received',
    summary:
      'Get the receiving school’s confirmation of receipt (name, role, date) and keep it. Chase it if it does not come.',
    sourceDocument: 'Keeping children safe in education',
    edition: 'KCSIE 2022 onwards',
    section: 'Part two and Annex C, "Record keeping"',
    deadlineText:
      'Confirmation of receipt should be obtained. No fixed timescale: Lantern’s target is 5 working days after sending.',
    legalForce: 'should',
    confidence: 'secondary',
    effectiveFrom: '2022-09-01',
    effectiveTo: null,
    status: 'in_force',
    triggers: [{ kind: 'discharged', rule: 'cp-transfer' }],
    owner: 'dsl',
    ownerNote: 'The DSL who sent the file.',
    recipient: 'The DSL of the new school or college',
    deadline: { kind: 'none' },
    target: {
      spec: { kind: 'days', unit: 'working', days: 5 },
      basis: 'Lantern’s default target; not set by law or guidance',
    },
    evidence: {
      atLabel: 'When receipt was confirmed',
      recipientLabel: 'Confirmed by (name and role)',
      recipientHint: '',
      referenceLabel: 'Receipt reference',
      required: ['recipient'],
    },
    exceptions: [],
    aboutChild: true,
  },
  {
    id: 'cme-deletion',
    title: 'Notify the local authority of the deletion from the admission register',
    summary:
      'Tell the local authority that the pupil’s name is to be deleted, with the ground, the parent’s name and address, a telephone number, and the future address and school if known.',
    sourceDocument:
      'The School Attendance (Pupil Registration) (England) Regulations 2024; Children missing education statutory guidance',
    edition: '2024 Regulations (detail unconfirmed; 2006 Regulations and 2016 guidance before)',
    section: 'Notification of deletions (regulation number unconfirmed)',
    deadlineText:
      'As soon as the ground for deletion is met and no later than the time the pupil’s name is deleted.',
    legalForce: 'must',
    confidence: 'unconfirmed',
    effectiveFrom: '2024-08-19',
    effectiveTo: null,
    status: 'in_force',
    triggers: [
      {
        kind: 'manual',
        event: 'The pupil’s name is to be deleted from the admission register',
        atLabel: 'When the name will be deleted',
      },
    ],
    owner: 'school',
    ownerNote:
      'The school (usually the attendance lead); the DSL sees it because the child may be missing education.',
    recipient: 'The local authority (children missing education team)',
    deadline: { kind: 'immediate' },
    target: null,
    evidence: {
      atLabel: 'When the local authority was told',
      recipientLabel: 'Told',
      recipientHint: 'Children missing education team',
      referenceLabel: 'Reference',
      required: ['recipient', 'method'],
    },
    exceptions: [],
    aboutChild: true,
  },
  {
    id: 'cme-admission',
    title: 'Notify the local authority of a new admission',
    summary:
      'Tell the local authority when a pupil joins at a non-standard transition point, with their address and previous school.',
    sourceDocument:
      'The School Attendance (Pupil Registration) (England) Regulations 2024; Children missing education statutory guidance',
    edition: '2024 Regulations (detail unconfirmed; 2006 Regulations and 2016 guidance before)',
    section: 'Notification of admissions (regulation number unconfirmed)',
    deadlineText: 'Within five days of adding the pupil’s name to the admission register.',
    legalForce: 'must',
    confidence: 'unconfirmed',
    effectiveFrom: '2024-08-19',
    effectiveTo: null,
    status: 'in_force',
    triggers: [
      {
        kind: 'manual',
        event: 'A pupil joined at a non-standard time',
        atLabel: 'When their name was added to the register',
      },
    ],
    owner: 'school',
    ownerNote: 'The school (usually the admissions or attendance lead).',
    recipient: 'The local authority',
    deadline: { kind: 'days', unit: 'school', days: 5 },
    target: null,
    evidence: {
      atLabel: 'When the local authority was told',
      recipientLabel: 'Told',
      recipientHint: 'Local authority admissions or CME team',
      referenceLabel: 'Reference',
      required: ['recipient'],
    },
    exceptions: [],
    aboutChild: true,
  },
  {
    id: 'icpc',
    title: 'Initial child protection conference: the school’s report and attendance',
    summary:
      'The conference should be held within 15 working days of the (last) strategy discussion. Prepare the school’s written report, share it with the family as the chair directs, and attend. Record when the conference took place.',
    ...WT_2023,
    section: 'Chapter 3, "Initial child protection conferences"; local procedures',
    deadlineText:
      'The initial child protection conference should take place within 15 working days of the strategy discussion, or of the last strategy discussion if more than one has been held.',
    legalForce: 'should',
    confidence: 'secondary',
    triggers: [
      {
        kind: 'manual',
        event: 'A strategy discussion was held',
        atLabel: 'When the strategy discussion was held',
      },
    ],
    status: 'in_force',
    owner: 'dsl',
    ownerNote: 'The local authority convenes it; the DSL reports for the school and attends.',
    recipient: 'The conference chair (local authority)',
    deadline: { kind: 'days', unit: 'working', days: 15 },
    target: null,
    evidence: {
      atLabel: 'When the conference was held',
      recipientLabel: 'Conference chair',
      recipientHint: '',
      referenceLabel: 'Outcome (e.g. child protection plan, category)',
      required: [],
    },
    exceptions: [],
    aboutChild: true,
  },
  {
    id: 'core-group',
    title: 'First core group meeting',
    summary:
      'The first core group meets within 10 working days of the initial conference. Attend and record the date.',
    ...WT_2023,
    section: 'Chapter 3, "Child protection plans" (wording to be verified in the 2023 edition)',
    deadlineText:
      'The core group should meet within 10 working days of the initial child protection conference.',
    legalForce: 'should',
    confidence: 'unconfirmed',
    triggers: [{ kind: 'discharged', rule: 'icpc' }],
    status: 'in_force',
    owner: 'dsl',
    ownerNote: 'The lead social worker convenes it; the school is a core group member.',
    recipient: 'The lead social worker',
    deadline: { kind: 'days', unit: 'working', days: 10 },
    target: null,
    evidence: {
      atLabel: 'When the core group met',
      recipientLabel: 'Convened by',
      recipientHint: '',
      referenceLabel: 'Notes',
      required: [],
    },
    exceptions: [],
    aboutChild: true,
  },
  {
    id: 'first-review-conference',
    title: 'First child protection review conference',
    summary:
      'The first review conference is held within 3 months of the initial conference. Prepare the school’s report and attend; record when it was held.',
    ...WT_2023,
    section:
      'Chapter 3, "Child protection review conference" (wording to be verified in the 2023 edition)',
    deadlineText:
      'The first review conference should be held within three months of the initial child protection conference.',
    legalForce: 'should',
    confidence: 'unconfirmed',
    triggers: [{ kind: 'discharged', rule: 'icpc' }],
    status: 'in_force',
    owner: 'dsl',
    ownerNote: 'The local authority convenes it; the DSL reports for the school and attends.',
    recipient: 'The conference chair (local authority)',
    deadline: { kind: 'months', months: 3, at: 'endOfDay', rollForward: false },
    target: null,
    evidence: conferenceEvidence,
    exceptions: [],
    aboutChild: true,
  },
  {
    id: 'review-conference',
    title: 'Child protection review conference',
    summary:
      'Further review conferences are held at intervals of no more than 6 months while the child has a plan. Record when each was held, or mark this not applicable when the plan ends.',
    ...WT_2023,
    section:
      'Chapter 3, "Child protection review conference" (wording to be verified in the 2023 edition)',
    deadlineText:
      'Further review conferences should be held at intervals of not more than six months.',
    legalForce: 'should',
    confidence: 'unconfirmed',
    triggers: [
      { kind: 'discharged', rule: 'first-review-conference' },
      { kind: 'discharged', rule: 'review-conference' },
    ],
    status: 'in_force',
    owner: 'dsl',
    ownerNote: 'The local authority convenes it; the DSL reports for the school and attends.',
    recipient: 'The conference chair (local authority)',
    deadline: { kind: 'months', months: 6, at: 'endOfDay', rollForward: false },
    target: null,
    evidence: conferenceEvidence,
    exceptions: [],
    aboutChild: true,
  },
  {
    id: 'sar-response',
    title: 'Respond to the subject access request',
    summary:
      'Respond without undue delay and within one month of receipt. The period can be extended by two further months for a complex request if the requester is told within the first month.',
    sourceDocument:
      'UK GDPR Articles 12 and 15, as amended by the Data (Use and Access) Act 2025; ICO guidance',
    edition: 'UK GDPR as amended (DUAA 2025)',
    section: 'Art. 12(3)',
    deadlineText:
      'Without undue delay and in any event within one month of receipt of the request; extendable by two further months where necessary. The ICO counts to the corresponding date of the next month, or the next working day when that is a weekend or bank holiday.',
    legalForce: 'must',
    confidence: 'secondary',
    effectiveFrom: '2021-01-01',
    effectiveTo: null,
    status: 'in_force',
    triggers: [
      {
        kind: 'manual',
        event: 'A subject access request was received',
        atLabel: 'When the request was received',
      },
    ],
    owner: 'school',
    ownerNote:
      'The school as data controller; the DSL prepares the safeguarding records with the DPO.',
    recipient: 'The requester',
    deadline: { kind: 'months', months: 1, at: 'endOfDay', rollForward: true },
    target: null,
    evidence: {
      atLabel: 'When the response was sent',
      recipientLabel: 'Sent to',
      recipientHint: '',
      referenceLabel: 'Reference',
      required: ['recipient', 'method'],
    },
    exceptions: [],
    aboutChild: true,
  },
  {
    id: 'ico-breach',
    title: 'Notify the ICO of the personal data breach',
    summary:
      'Where a breach is likely to result in a risk to people’s rights and freedoms, notify the ICO within 72 hours of becoming aware of it, and tell the people affected without undue delay if the risk is high.',
    sourceDocument: 'UK GDPR Article 33',
    edition: 'UK GDPR as amended',
    section: 'Art. 33(1)',
    deadlineText:
      'Without undue delay and, where feasible, not later than 72 hours after having become aware of it.',
    legalForce: 'must',
    confidence: 'secondary',
    effectiveFrom: '2021-01-01',
    effectiveTo: null,
    status: 'in_force',
    triggers: [
      {
        kind: 'manual',
        event: 'The school became aware of a personal data breach',
        atLabel: 'When the school became aware of it',
      },
    ],
    owner: 'school',
    ownerNote: 'The school as data controller, through its data protection officer.',
    recipient: 'The Information Commissioner’s Office',
    deadline: { kind: 'hours', hours: 72 },
    target: null,
    evidence: {
      atLabel: 'When the ICO was notified',
      recipientLabel: 'Notified',
      recipientHint: 'Information Commissioner’s Office',
      referenceLabel: 'ICO case reference',
      required: ['method'],
    },
    exceptions: [],
    aboutChild: false,
  },
  {
    id: 'encompass-support',
    title: 'Consider support after an Operation Encompass notification',
    summary:
      'The key adult considers what support the child needs before they next arrive at school, and records it.',
    sourceDocument:
      'Domestic Abuse Act 2021, s.49A; Home Office statutory guidance on Operation Encompass',
    edition: 'In force 7 Nov 2025',
    section: 's.49A; statutory guidance (practice: before the start of the next school day)',
    deadlineText:
      'Police notify the school as soon as reasonably practicable, normally before the start of the next school day, so that the key adult can consider support before the child arrives.',
    legalForce: 'good_practice',
    confidence: 'secondary',
    effectiveFrom: '2025-11-07',
    effectiveTo: null,
    status: 'in_force',
    triggers: [{ kind: 'encompass' }],
    owner: 'dsl',
    ownerNote: 'The key adult: the DSL or a deputy.',
    recipient: 'The child (support in school)',
    deadline: { kind: 'nextSchoolDayStart' },
    target: null,
    evidence: {
      atLabel: 'When support was considered',
      recipientLabel: 'Considered by',
      recipientHint: '',
      referenceLabel: 'Support agreed',
      required: [],
    },
    exceptions: [],
    aboutChild: true,
  },
];

/** The edition of the rule in force on the given London calendar date, or null. */
export function ruleInForce(
  id: DutyRuleId,
  date: string,
  commencement: string | null,
): DutyRule | null {
  const editions = dutyRules.filter((r) => r.id === id);
  return (
    editions.find((r) => {
      const from = r.effectiveFrom ?? commencement;
      return from !== null && from <= date && (r.effectiveTo === null || date <= r.effectiveTo);
    }) ?? null
  );
}

/** The latest edition of every rule: the catalogue shown in settings and the manual-start form. */
export function latestRules(): DutyRule[] {
  const latest = new Map<DutyRuleId, DutyRule>();
  for (const rule of dutyRules) {
    const seen = latest.get(rule.id);
    if (!seen || (rule.effectiveFrom ?? '9999') >= (seen.effectiveFrom ?? '9999'))
      latest.set(rule.id, rule);
  }
  return dutyRuleIds.map((id) => latest.get(id)).filter((r): r is DutyRule => r !== undefined);
}

/** Rules a DSL starts by hand (a strategy discussion, a SAR, a breach…). */
export function manualRules(): DutyRule[] {
  return latestRules().filter((r) => r.triggers.some((t) => t.kind === 'manual'));
}
