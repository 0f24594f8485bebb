/**
 * Lantern's built-in forms (issue 6; domain.md §8): the common core of the forms a DSL sends
 * (MASH / multi-agency referral, LADO referral, the National Prevent Referral Form's content,
 * the FGM notification record, the child sexual abuse notification record and the CP file
 * transfer record). Each is data: sections of fields, each field prefilled from a Lantern key
 * (shared/forms/fields.ts) or a value computed from the child's file, or left for the DSL to
 * type. Main fills them (main/forms/builtin.ts) and renders them as PDF or Word; the renderer
 * lists them and lets the DSL fill the gaps in place.
 */
import { z } from 'zod';

import { contactRoleName, relationshipName } from '../children/family';
import { narrative } from '../concerns/schema';
import { recordId } from '../record-id';
import type { CaseFile } from '../exports/case-file';
import type { FormFieldKey } from './fields';

export const builtinFormIds = ['marf', 'lado', 'prevent', 'fgm', 'csa', 'transfer'] as const;
export type BuiltinFormId = (typeof builtinFormIds)[number];

export const formFieldKinds = ['text', 'longText', 'date', 'yesNo', 'choice'] as const;
export type FormFieldKind = (typeof formFieldKinds)[number];

/** The answers a yes/no field takes; '' while unanswered. */
export const yesNoOptions = ['Yes', 'No', 'Not known'] as const;

/** Values worked out from the child's file that no single catalogue key holds. */
export const computedKeys = [
  'child.hasSocialWorker',
  'child.hasEhcp',
  'family.household',
  'family.professionals',
  'concern.injuries',
  'transfer.contents',
] as const;
export type ComputedKey = (typeof computedKeys)[number];

export type Prefill = { key: FormFieldKey } | { computed: ComputedKey };

export type BuiltinField = {
  /** Unique within its form; the key of the DSL's filled-in values. */
  id: string;
  label: string;
  kind: FormFieldKind;
  mandatory: boolean;
  /** Where the value comes from; absent when only the DSL can say. */
  prefill?: Prefill;
  /** The answers of a choice field. */
  options?: readonly string[];
  hint?: string;
};

export type BuiltinSection = { id: string; title: string; fields: BuiltinField[] };

/** Blank lines to complete by hand at the end of the form (the transfer's receipt slip). */
export type Slip = { title: string; text: string; lines: readonly string[] };

export type BuiltinForm = {
  id: BuiltinFormId;
  title: string;
  /** For file names and the chronology: "MARF", "LADO referral". */
  shortTitle: string;
  /** Where its fields come from, and how sure that is. */
  source: string;
  /** A form about one incident: the DSL chooses the concern it is about. */
  aboutConcern: boolean;
  /** A prospective duty: the form says so on its face. */
  prospective: boolean;
  sections: BuiltinSection[];
  slip: Slip | null;
};

type FieldOptions = Partial<Pick<BuiltinField, 'prefill' | 'options' | 'hint'>> & {
  required?: boolean;
};

function field(id: string, label: string, kind: FormFieldKind, o: FieldOptions = {}): BuiltinField {
  const { required: mandatory = false, ...rest } = o;
  return { id, label, kind, mandatory, ...rest };
}

const from = (key: FormFieldKey): { prefill: Prefill } => ({ prefill: { key } });
const computed = (key: ComputedKey): { prefill: Prefill } => ({ prefill: { computed: key } });
const required = { required: true } as const;

const DATE_HINT = 'For example, 28 Nov 2026 or 28 Nov 2026 14:30.';

/** The child's identity, as most forms ask for it. */
function childSection(id: string, title: string, extra: BuiltinField[] = []): BuiltinSection {
  return {
    id,
    title,
    fields: [
      field(`${id}.forename`, 'First name', 'text', { ...required, ...from('child.forename') }),
      field(`${id}.surname`, 'Surname', 'text', { ...required, ...from('child.surname') }),
      field(`${id}.knownAs`, 'Also known as', 'text', from('child.knownAs')),
      field(`${id}.dateOfBirth`, 'Date of birth', 'date', {
        ...required,
        ...from('child.dateOfBirth'),
      }),
      field(`${id}.age`, 'Age', 'text', from('child.age')),
      field(`${id}.gender`, 'Gender', 'text', from('child.gender')),
      field(`${id}.address`, 'Address and postcode', 'longText', {
        ...required,
        ...from('child.address'),
      }),
      field(`${id}.school`, 'School', 'text', from('school.name')),
      field(`${id}.upn`, 'UPN', 'text', from('child.upn')),
      ...extra,
    ],
  };
}

function parentSection(): BuiltinSection {
  const parent = (n: 1 | 2): BuiltinField[] => [
    field(`parents.parent${n}Name`, `Parent or carer ${n}: name`, 'text', {
      ...(n === 1 ? required : {}),
      ...from(`parent${n}.name`),
    }),
    field(
      `parents.parent${n}Relationship`,
      `Parent or carer ${n}: relationship`,
      'text',
      from(`parent${n}.relationship`),
    ),
    field(
      `parents.parent${n}Pr`,
      `Parent or carer ${n}: parental responsibility`,
      'text',
      from(`parent${n}.parentalResponsibility`),
    ),
    field(
      `parents.parent${n}Phone`,
      `Parent or carer ${n}: phone`,
      'text',
      from(`parent${n}.phone`),
    ),
    field(
      `parents.parent${n}Address`,
      `Parent or carer ${n}: address`,
      'longText',
      from(`parent${n}.address`),
    ),
  ];
  return {
    id: 'parents',
    title: 'Parents, carers and household',
    fields: [
      ...parent(1),
      ...parent(2),
      field(
        'parents.household',
        'Adults the child lives with',
        'longText',
        computed('family.household'),
      ),
      field(
        'parents.otherAdults',
        'Other household members, regular visitors and significant adults (including anyone alleged to have caused harm)',
        'longText',
      ),
    ],
  };
}

function referrerSection(extra: BuiltinField[] = []): BuiltinSection {
  return {
    id: 'referrer',
    title: 'Referrer',
    fields: [
      field('referrer.name', 'Name', 'text', { ...required, ...from('referrer.name') }),
      field('referrer.role', 'Role', 'text', { ...required, ...from('referrer.role') }),
      field('referrer.organisation', 'School or organisation', 'text', {
        ...required,
        ...from('school.name'),
      }),
      field('referrer.phone', 'Phone', 'text', required),
      field('referrer.email', 'Secure email', 'text'),
      field('referrer.dsl', 'Designated safeguarding lead', 'text', from('dsl.name')),
      ...extra,
    ],
  };
}

const marf: BuiltinForm = {
  id: 'marf',
  title: 'Multi-agency referral form (MASH)',
  shortTitle: 'MARF',
  source:
    'The common core of local MASH / multi-agency referral forms in England. Your local authority’s own form may ask for more: check its threshold document.',
  aboutConcern: true,
  prospective: false,
  sections: [
    {
      id: 'referral',
      title: 'Referral',
      fields: [
        field('referral.type', 'Referral type', 'choice', {
          ...required,
          options: ['Early help', 'Child in need (s.17)', 'Child protection (s.47)'],
        }),
        field('referral.threshold', 'Threshold level (from the local threshold document)', 'text'),
        field('referral.immediateRisk', 'Is the child in immediate danger?', 'yesNo', {
          ...required,
          hint: 'If the child is in immediate danger, call 999 first.',
        }),
        field('referral.date', 'Date and time of referral', 'date', {
          ...required,
          ...from('today'),
          hint: DATE_HINT,
        }),
        field(
          'referral.phoneReferral',
          'Phone referral already made (date, time and who you spoke to)',
          'text',
        ),
      ],
    },
    {
      id: 'consent',
      title: 'Consent and informing',
      fields: [
        field(
          'consent.parentsInformed',
          'Parents or carers informed of this referral?',
          'yesNo',
          required,
        ),
        field(
          'consent.notInformedReason',
          'If not, why not (risk of significant harm, risk to others, police investigation, undue delay)',
          'longText',
        ),
        field('consent.consentObtained', 'Consent to share obtained?', 'yesNo', {
          hint: 'Consent is not needed for a child protection referral.',
        }),
        field('consent.parentsViews', 'Parents’ or carers’ views', 'longText'),
        field('consent.childViews', 'The child’s views', 'longText'),
        field(
          'consent.confidential',
          'Information that must stay confidential from the family, and why',
          'longText',
        ),
      ],
    },
    referrerSection([field('referrer.relationship', 'Relationship to the child', 'text')]),
    childSection('child', 'Child', [
      field('child.yearGroup', 'Year group', 'text', from('child.yearGroup')),
      field('child.designations', 'Current designations', 'text', from('child.designations')),
      field('child.ehcp', 'EHCP', 'yesNo', computed('child.hasEhcp')),
      field('child.ethnicity', 'Ethnicity', 'text'),
      field('child.language', 'First language; interpreter or signer needed', 'text'),
      field('child.whereabouts', 'Current whereabouts', 'text', required),
    ]),
    {
      id: 'siblings',
      title: 'Brothers, sisters and other children',
      fields: [
        field('siblings.list', 'Names and dates of birth', 'longText', from('family.siblings')),
      ],
    },
    parentSection(),
    {
      id: 'professionals',
      title: 'Professionals involved',
      fields: [
        field('professionals.socialWorker', 'Social worker', 'text', from('family.socialWorker')),
        field(
          'professionals.others',
          'Other professionals (agency, name, role, contact)',
          'longText',
          computed('family.professionals'),
        ),
      ],
    },
    {
      id: 'concern',
      title: 'Reason for referral',
      fields: [
        field('concern.whyNow', 'Why now', 'longText', required),
        field('concern.when', 'When it happened', 'date', {
          ...from('concern.date'),
          hint: DATE_HINT,
        }),
        field('concern.where', 'Where it happened', 'text', from('concern.location')),
        field('concern.categories', 'Categories of concern', 'text', from('concern.categories')),
        field('concern.description', 'What happened', 'longText', {
          ...required,
          ...from('concern.summary'),
        }),
        field(
          'concern.childWords',
          'The child’s own words',
          'longText',
          from('concern.childWords'),
        ),
        field(
          'concern.injuries',
          'Injuries (see the body map)',
          'longText',
          computed('concern.injuries'),
        ),
        field('concern.suspected', 'Who is suspected of causing harm', 'longText'),
        field('concern.impact', 'Impact on the child and current risks', 'longText', required),
        field('concern.strengths', 'Strengths and protective factors', 'longText'),
        field(
          'concern.actions',
          'What has been done so far',
          'longText',
          from('concern.actionsTaken'),
        ),
        field(
          'concern.decisions',
          'Decisions and rationale',
          'longText',
          from('concern.decisions'),
        ),
        field('concern.expected', 'What you expect to happen next', 'longText', required),
      ],
    },
  ],
  slip: null,
};

const lado: BuiltinForm = {
  id: 'lado',
  title: 'LADO referral',
  shortTitle: 'LADO referral',
  source:
    'The common core of local LADO referral forms (KCSIE Part four). One form per adult. Do not investigate before the LADO discussion.',
  aboutConcern: true,
  prospective: false,
  sections: [
    {
      id: 'threshold',
      title: 'Harm threshold',
      fields: [
        field('threshold.criteria', 'Which harm-threshold criteria apply', 'longText', {
          ...required,
          hint: 'Harmed or may have harmed a child; possible criminal offence against or related to a child; behaviour indicating a risk of harm to children; behaviour indicating unsuitability to work with children (transferable risk).',
        }),
      ],
    },
    {
      id: 'dates',
      title: 'Dates',
      fields: [
        field('dates.incident', 'Date of the alleged incident', 'date', {
          ...from('concern.date'),
          hint: DATE_HINT,
        }),
        field('dates.received', 'Date the allegation was received by the school', 'date', {
          ...required,
          hint: DATE_HINT,
        }),
        field('dates.referred', 'Date referred to the LADO', 'date', {
          ...required,
          ...from('today'),
          hint: DATE_HINT,
        }),
      ],
    },
    referrerSection([
      field('referrer.settingStatus', 'Setting status', 'choice', {
        options: ['Local authority maintained', 'Academy', 'Independent', 'Voluntary'],
      }),
      field('referrer.headAndChair', 'Headteacher and chair of governors (contacts)', 'longText'),
      field('referrer.caseManager', 'Case manager, if different', 'text'),
    ]),
    {
      id: 'adult',
      title: 'Adult the allegation is about',
      fields: [
        field('adult.name', 'Name', 'text', required),
        field('adult.knownAs', 'Known as', 'text'),
        field('adult.dateOfBirth', 'Date of birth', 'date', { hint: DATE_HINT }),
        field('adult.role', 'Job title or role', 'text', required),
        field('adult.employment', 'Employment basis', 'choice', {
          ...required,
          options: ['Permanent', 'Temporary', 'Fixed-term', 'Agency', 'Volunteer', 'Contractor'],
        }),
        field('adult.address', 'Home address', 'longText'),
        field(
          'adult.previous',
          'Previous allegations or concerns (including low-level)',
          'longText',
        ),
        field('adult.otherRoles', 'Other roles with children or vulnerable adults', 'longText'),
        field('adult.ownChildren', 'Own children or children they care for', 'longText'),
      ],
    },
    childSection('child', 'Child', [
      field('child.parents', 'Parents or carers', 'text', from('parent1.name')),
      field(
        'child.hasSocialWorker',
        'Does the child have a social worker?',
        'yesNo',
        computed('child.hasSocialWorker'),
      ),
      field('child.safeNow', 'Is the child safe now?', 'yesNo', required),
    ]),
    {
      id: 'allegation',
      title: 'The allegation',
      fields: [
        field('allegation.category', 'Category', 'choice', {
          ...required,
          options: ['Physical', 'Emotional', 'Sexual', 'Neglect', 'Conduct', 'Transferable risk'],
        }),
        field('allegation.madeBy', 'Who made the allegation (relationship to the adult)', 'text'),
        field('allegation.location', 'Where', 'text', from('concern.location')),
        field('allegation.description', 'Full description (exact words, no opinion)', 'longText', {
          ...required,
          ...from('concern.summary'),
        }),
        field(
          'allegation.childWords',
          'The child’s own words',
          'longText',
          from('concern.childWords'),
        ),
        field('allegation.injury', 'Any injury', 'longText', computed('concern.injuries')),
        field(
          'allegation.restraint',
          'Did it follow a physical intervention or restraint?',
          'yesNo',
        ),
      ],
    },
    {
      id: 'actions',
      title: 'Actions so far',
      fields: [
        field(
          'actions.informed',
          'Who has been informed (police, children’s social care, parents)',
          'longText',
          required,
        ),
        field('actions.taken', 'What has been done', 'longText', from('concern.actionsTaken')),
        field('actions.suspension', 'Suspension or alternative arrangements', 'longText'),
        field('actions.subjectAware', 'Is the adult aware of the referral?', 'yesNo', required),
      ],
    },
  ],
  slip: null,
};

const prevent: BuiltinForm = {
  id: 'prevent',
  title: 'Prevent referral (National Prevent Referral Form content)',
  shortTitle: 'Prevent referral',
  source:
    'The content of the National Prevent Referral Form (Prevent duty guidance 2023). The current national headings are unconfirmed: copy into your force’s form if it differs. For a child, also send a multi-agency referral. If there is immediate risk, call 999 or the anti-terrorist hotline (0800 789 321).',
  aboutConcern: true,
  prospective: false,
  sections: [
    childSection('individual', 'Individual’s details', [
      field('individual.nationality', 'Nationality, citizenship or immigration status', 'text'),
      field('individual.language', 'First language; interpreter needed', 'text'),
      field('individual.family', 'Parents or carers', 'longText', from('parent1.name')),
    ]),
    {
      id: 'concerns',
      title: 'Concerns',
      fields: [
        field(
          'concerns.description',
          'How and why the concern arose; what happened, when and where',
          'longText',
          {
            ...required,
            ...from('concern.summary'),
          },
        ),
        field('concerns.when', 'When', 'date', { ...from('concern.date'), hint: DATE_HINT }),
        field(
          'concerns.childWords',
          'What the individual said',
          'longText',
          from('concern.childWords'),
        ),
        field(
          'concerns.ideology',
          'Sympathetic interest in hate crime, extremism or terrorism (ideology, group or cause)',
          'longText',
        ),
        field(
          'concerns.online',
          'Worrying use of phone, internet or social media, and how it was found',
          'longText',
        ),
        field('concerns.contacts', 'Contact with concerning groups or individuals', 'longText'),
        field(
          'concerns.harm',
          'Expressions of wanting to cause harm, or threats of violence',
          'longText',
        ),
      ],
    },
    {
      id: 'needs',
      title: 'Complex needs and vulnerabilities',
      fields: [
        field(
          'needs.vulnerabilities',
          'SEND, disability, mental health, bereavement, isolation, changes in behaviour',
          'longText',
          from('child.designations'),
        ),
      ],
    },
    {
      id: 'other',
      title: 'Other information',
      fields: [
        field(
          'other.safeguarding',
          'Other safeguarding concerns (family, peers, environment)',
          'longText',
        ),
        field(
          'other.discussions',
          'Discussions already held with the individual or parents',
          'longText',
        ),
        field(
          'other.agencies',
          'Other agencies or professionals involved',
          'longText',
          computed('family.professionals'),
        ),
      ],
    },
    referrerSection([field('referrer.relationship', 'Relationship to the individual', 'text')]),
    {
      id: 'questions',
      title: 'Relevant questions',
      fields: [
        field(
          'questions.discussedLead',
          'Have you discussed this with your safeguarding or Prevent lead?',
          'yesNo',
          required,
        ),
        field('questions.aware', 'Is the individual aware of the referral?', 'yesNo', required),
        field(
          'questions.directAction',
          'Have you taken any direct action since receiving the information?',
          'longText',
        ),
        field(
          'questions.toldOthers',
          'Have you told anyone else (for example children’s social care)?',
          'longText',
        ),
      ],
    },
  ],
  slip: null,
};

const fgm: BuiltinForm = {
  id: 'fgm',
  title: 'FGM notification record (s.5B FGM Act 2003)',
  shortTitle: 'FGM notification record',
  source:
    'There is no statutory form: the report to the police may be made by phone (101). This is the record of it (FGM Act 2003 s.5B). The teacher who discovered it must report personally, within one month.',
  aboutConcern: true,
  prospective: false,
  sections: [
    {
      id: 'girl',
      title: 'The girl',
      fields: [
        field('girl.name', 'Name', 'text', { ...required, ...from('child.name') }),
        field('girl.dateOfBirth', 'Date of birth', 'date', {
          ...required,
          ...from('child.dateOfBirth'),
        }),
        field('girl.address', 'Address', 'longText', { ...required, ...from('child.address') }),
        field('girl.policeArea', 'Police area where she lives', 'text', required),
      ],
    },
    {
      id: 'basis',
      title: 'Basis of the report',
      fields: [
        field('basis.kind', 'Basis', 'choice', {
          ...required,
          options: ['Disclosure by the girl', 'Physical signs observed'],
          hint: 'Teachers do not examine pupils.',
        }),
        field('basis.words', 'Her words (verbatim)', 'longText', from('concern.childWords')),
        field('basis.summary', 'What happened', 'longText', from('concern.summary')),
        field('basis.discoveredAt', 'Date and time of first discovery', 'date', {
          ...required,
          ...from('concern.date'),
          hint: 'This starts the one-month deadline.',
        }),
      ],
    },
    {
      id: 'teacher',
      title: 'Reporting teacher',
      fields: [
        field('teacher.name', 'Name', 'text', { ...required, ...from('concern.recordedBy') }),
        field('teacher.role', 'Role and professional status', 'text', required),
        field('teacher.contact', 'Contact details', 'text', required),
        field('teacher.dsl', 'DSL name and contact details', 'text', from('dsl.name')),
      ],
    },
    {
      id: 'report',
      title: 'The report to the police',
      fields: [
        field('report.at', 'Date and time reported', 'date', { ...required, hint: DATE_HINT }),
        field('report.force', 'Police force', 'text', required),
        field('report.reference', 'Police reference number', 'text', required),
        field('report.handler', 'Call handler', 'text'),
        field(
          'report.familyInformed',
          'Were the girl and her family informed? If not, why not',
          'longText',
        ),
        field(
          'report.alreadyReported',
          'Had another professional in the same profession already reported it?',
          'yesNo',
        ),
      ],
    },
    {
      id: 'actions',
      title: 'Actions taken',
      fields: [
        field('actions.dslInformed', 'DSL informed', 'yesNo', required),
        field('actions.referral', 'Referral to children’s social care (MARF)', 'text'),
        field('actions.immediate', 'Immediate risk action (999, FGM Protection Order)', 'longText'),
        field('actions.taken', 'Other actions', 'longText', from('concern.actionsTaken')),
      ],
    },
  ],
  slip: null,
};

const csa: BuiltinForm = {
  id: 'csa',
  title: 'Child sexual abuse notification record (mandatory reporting)',
  shortTitle: 'CSA notification record',
  source:
    'The mandatory reporting duty of the Crime and Policing Act 2026 is not yet in force. Until it is, refer to children’s social care or the police immediately under KCSIE. The exact statutory conditions are unconfirmed.',
  aboutConcern: true,
  prospective: true,
  sections: [
    childSection('child', 'Child'),
    {
      id: 'reporter',
      title: 'Reporter',
      fields: [
        field('reporter.name', 'Name', 'text', { ...required, ...from('concern.recordedBy') }),
        field('reporter.role', 'Role (relevant activity)', 'text', required),
        field('reporter.adult', 'Aged 18 or over?', 'yesNo', required),
      ],
    },
    {
      id: 'suspicion',
      title: 'Reason to suspect',
      fields: [
        field('suspicion.how', 'How it came to light', 'choice', {
          ...required,
          options: [
            'Told by the child',
            'Told by an adult involved',
            'Witnessed',
            'Seen or heard in images, video or audio',
          ],
        }),
        field('suspicion.facts', 'The facts giving reason to suspect', 'longText', {
          ...required,
          ...from('concern.summary'),
        }),
        field('suspicion.words', 'The child’s own words', 'longText', from('concern.childWords')),
        field('suspicion.when', 'When it was received', 'date', {
          ...from('concern.date'),
          hint: DATE_HINT,
        }),
        field('suspicion.involved', 'Each person believed to be involved', 'longText', required),
        field('suspicion.explanation', 'Why the notification is made', 'longText', required),
      ],
    },
    {
      id: 'notification',
      title: 'Notification',
      fields: [
        field('notification.recipient', 'Recipient', 'choice', {
          ...required,
          options: ['Police', 'Local authority', 'Police and local authority'],
        }),
        field('notification.body', 'Police force or local authority', 'text', required),
        field('notification.at', 'Date and time notified', 'date', {
          ...required,
          hint: DATE_HINT,
        }),
        field('notification.channel', 'Oral or written', 'choice', {
          ...required,
          options: ['Oral', 'Written'],
        }),
        field('notification.reference', 'Reference', 'text'),
        field('notification.delay', 'Any delay and its safety reason (up to 7 days)', 'longText'),
        field(
          'notification.exception',
          'If not notified: the exception and the checks made',
          'longText',
        ),
      ],
    },
  ],
  slip: null,
};

const transfer: BuiltinForm = {
  id: 'transfer',
  title: 'Child protection file transfer record',
  shortTitle: 'CP file transfer record',
  source:
    'KCSIE: send the child protection file separately from the main pupil file, securely, within 5 days of an in-year transfer or within the first 5 days of a new term, and obtain confirmation of receipt.',
  aboutConcern: false,
  prospective: false,
  sections: [
    {
      id: 'child',
      title: 'Child',
      fields: [
        field('child.name', 'Name', 'text', { ...required, ...from('child.name') }),
        field('child.dateOfBirth', 'Date of birth', 'date', {
          ...required,
          ...from('child.dateOfBirth'),
        }),
        field('child.upn', 'UPN', 'text', { ...required, ...from('child.upn') }),
        field('child.designations', 'Current designations', 'text', from('child.designations')),
      ],
    },
    {
      id: 'sending',
      title: 'Sending school',
      fields: [
        field('sending.school', 'School', 'text', { ...required, ...from('school.name') }),
        field('sending.urn', 'URN', 'text', from('school.urn')),
        field('sending.dsl', 'Designated safeguarding lead', 'text', {
          ...required,
          ...from('dsl.name'),
        }),
        field('sending.contact', 'Contact phone or secure email', 'text', required),
      ],
    },
    {
      id: 'receiving',
      title: 'Receiving school',
      fields: [
        field('receiving.school', 'School', 'text', required),
        field('receiving.dsl', 'Designated safeguarding lead', 'text', required),
        field('receiving.contact', 'Contact phone or secure email', 'text'),
      ],
    },
    {
      id: 'sent',
      title: 'Sending',
      fields: [
        field('sent.date', 'Date sent', 'date', { ...required, ...from('today'), hint: DATE_HINT }),
        field('sent.method', 'Method', 'choice', {
          ...required,
          options: [
            'Secure electronic system',
            'Encrypted email',
            'Lantern transfer bundle',
            'Signed-for delivery',
            'By hand',
          ],
        }),
        field('sent.contents', 'Contents', 'longText', {
          ...required,
          ...computed('transfer.contents'),
        }),
        field('sent.advance', 'Information shared in advance (and with whom)', 'longText'),
      ],
    },
  ],
  slip: {
    title: 'Receipt confirmation',
    text: 'To the receiving school’s designated safeguarding lead: please complete this slip and return it to the sending school as soon as the file arrives.',
    lines: ['Name', 'Role', 'School', 'Date received', 'Signature'],
  },
};

export const builtinForms: Record<BuiltinFormId, BuiltinForm> = {
  marf,
  lado,
  prevent,
  fgm,
  csa,
  transfer,
};

export function builtinFields(form: BuiltinForm): BuiltinField[] {
  return form.sections.flatMap((s) => s.fields);
}

/** The answers a yes/no or choice field accepts (besides ''); null for free text. */
export function fieldOptions(f: BuiltinField): readonly string[] | null {
  if (f.kind === 'yesNo') return yesNoOptions;
  if (f.kind === 'choice') return f.options ?? [];
  return null;
}

function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The computed values for one child (and concern, or null). */
export function computedValues(
  file: CaseFile,
  concernId: string | null,
): Record<ComputedKey, string> {
  const current = file.family.contacts.filter((c) => c.endDate === '');
  const concern = file.concerns.find((c) => c.concern.id === concernId)?.concern ?? null;
  const marks = concern?.bodyMap.length ?? 0;
  const entries = file.chronology.length;
  return {
    'child.hasSocialWorker': yesNo(current.some((c) => c.role === 'social_worker')),
    'child.hasEhcp': yesNo(file.designations.some((d) => d.kind === 'ehcp' && d.endDate === '')),
    'family.household': file.family.adults
      .filter((a) => a.livesWithChild === 'yes')
      .map((a) => `${a.name} (${relationshipName(a)})`)
      .join('; '),
    'family.professionals': current
      .map((c) =>
        [contactRoleName(c), c.name, c.organisation, c.phone, c.email]
          .filter((p) => p !== '')
          .join(', '),
      )
      .join('\n'),
    'concern.injuries':
      marks === 0 ? '' : `${plural(marks, 'mark')} recorded on a body map (attached to the record)`,
    'transfer.contents': [
      `Chronology: ${plural(entries, 'entry', 'entries')}`,
      `Concern records, with decisions and outcomes: ${plural(file.concerns.length, 'concern')}`,
      `Operation Encompass notifications: ${file.encompass.length}`,
      `Designations (CP / CIN plans, early help…): ${file.designations.length}`,
      `Statutory duties: ${file.duties.length}`,
    ].join('\n'),
  };
}

/** The longest value a DSL may type into one field. */
export const MAX_FORM_VALUE_CHARS = 20_000;
export const MAX_FORM_FIELDS = 200;

/** The DSL's filled-in or changed values: field id → text. */
export const formValuesInput = z
  .record(
    z
      .string()
      .max(80)
      .regex(/^[a-zA-Z0-9.]+$/, 'Unknown field.'),
    z
      .string()
      .max(
        MAX_FORM_VALUE_CHARS,
        `A field may hold up to ${MAX_FORM_VALUE_CHARS.toLocaleString('en-GB')} characters.`,
      ),
  )
  .refine((r) => Object.keys(r).length <= MAX_FORM_FIELDS, 'Too many fields.');

export const builtinFormId = z.enum(builtinFormIds, 'Choose a form.');

export const exportFormats = ['pdf', 'docx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Room for every field at its longest would be megabytes; a real form is far smaller. */
export const MAX_FORM_EXPORT_PAYLOAD_CHARS = 1024 * 1024;

export const builtinFormExportInput = z.strictObject({
  formId: builtinFormId,
  childId: recordId,
  concernId: recordId.nullable(),
  format: z.enum(exportFormats, 'Choose PDF or Word.'),
  recipient: narrative('Who it is for', 200, true),
  reference: narrative('Reference', 100, false),
  values: formValuesInput,
});

/** A form filled for one child: its values and the mandatory fields still empty. */
export type PreparedForm = {
  form: BuiltinForm;
  childId: string;
  concernId: string | null;
  /** Field id → prefilled text ('' where Lantern holds nothing). */
  values: Record<string, string>;
  /** Ids of the mandatory fields that are empty, in the form's order. */
  missing: string[];
};

/** The mandatory fields of `form` left empty in `values`, in the form's order. */
export function missingMandatory(form: BuiltinForm, values: Record<string, string>): string[] {
  return builtinFields(form)
    .filter((f) => f.mandatory && (values[f.id] ?? '').trim() === '')
    .map((f) => f.id);
}

/** A form ready to render: main's PDF and Word writers lay out exactly this. */
export type FilledForm = {
  form: BuiltinForm;
  values: Record<string, string>;
  childName: string;
  schoolName: string;
  recipient: string;
  reference: string;
  preparedBy: string;
  /** Already formatted for people: "28 Nov 2026, 14:30". */
  preparedAt: string;
};

/** Shown on the face of a form for a duty not yet in force, above everything else. */
export const PROSPECTIVE_NOTE = 'Prospective duty: not yet in force. Keep this as a record.';

/** The lines under the title of every rendering: who it is for and who prepared it. */
export function filledFormDetails(filled: FilledForm): [string, string][] {
  return [
    ['Child', filled.childName],
    ['For', filled.recipient],
    ['Reference', filled.reference === '' ? 'None given' : filled.reference],
    ['Prepared by', `${filled.preparedBy}, ${filled.schoolName}`],
    ['Prepared on', filled.preparedAt],
  ];
}
