import { describe, expect, it } from 'vitest';

import type { FamilyAdult, KeyContact } from '../../shared/children/family';
import type { Child } from '../../shared/children/schema';
import type { Concern } from '../../shared/concerns/schema';
import type { CaseFile } from '../../shared/exports/case-file';
import type { FormContext } from '../../shared/forms/fields';
import { formFieldKeys, formValues, isFormFieldKey } from '../../shared/forms/fields';

const child: Child = {
  id: 'child-1',
  legalForename: 'Amara',
  legalSurname: 'Okafor',
  preferredForename: 'Mara',
  preferredSurname: '',
  dateOfBirth: '2016-03-14',
  upn: 'B801200005001',
  yearGroup: '5',
  gender: 'female',
  admissionDate: '2020-09-02',
  leavingDate: '',
  createdAt: '2026-09-01T08:00:00.000Z',
  updatedAt: '2026-09-01T08:00:00.000Z',
};

function adult(over: Partial<FamilyAdult>): FamilyAdult {
  return {
    id: 'adult',
    childId: child.id,
    name: '',
    relationship: 'mother',
    relationshipDetail: '',
    parentalResponsibility: 'yes',
    livesWithChild: 'yes',
    phone: '',
    email: '',
    address: '',
    contactRestrictions: '',
    notes: '',
    priority: 1,
    recordedByName: 'Dana Lead',
    recordedAt: '2026-09-01T08:00:00.000Z',
    updatedAt: '2026-09-01T08:00:00.000Z',
    ...over,
  };
}

function contact(over: Partial<KeyContact>): KeyContact {
  return {
    id: 'contact',
    childId: child.id,
    role: 'social_worker',
    roleDetail: '',
    name: '',
    organisation: '',
    phone: '',
    email: '',
    startDate: '2026-01-05',
    endDate: '',
    notes: '',
    recordedByName: 'Dana Lead',
    recordedAt: '2026-01-05T09:00:00.000Z',
    endedByName: null,
    endedAt: null,
    ...over,
  };
}

const concern: Concern = {
  id: 'concern-1',
  recordedBy: 'user-1',
  recordedByName: 'Sam Teacher',
  recordedAt: '2026-11-27T15:00:00.000Z',
  occurredAt: '2026-11-27T14:30',
  occurredAtUtc: '2026-11-27T14:30:00.000Z',
  occurredAtApprox: false,
  location: 'The playground',
  summary: 'Arrived with a bruise on her arm.',
  childWords: 'It hurts.',
  opinion: 'She seemed frightened.',
  actionsTaken: 'Told the DSL.',
  peopleTold: '',
  dslToldInPerson: true,
  status: 'submitted',
  children: [
    { childId: child.id, name: 'Amara Okafor', role: 'victim' },
    { childId: 'child-9', name: 'Leo Brown', role: 'alleged_perpetrator' },
  ],
  categories: ['physical', 'bullying'],
  flags: { possibleChildSexOffence: false, fgmKnownCase: false, allegationAboutAdult: false },
  bodyMap: [],
  attachments: [],
  addenda: [],
};

const file: CaseFile = {
  school: {
    name: 'Riverside Primary School',
    urn: '123456',
    localAuthority: 'Devon',
    laCode: '878',
    phase: 'primary',
    updatedAt: '2026-09-01T08:00:00.000Z',
  },
  child,
  designations: [
    {
      id: 'd1',
      childId: child.id,
      kind: 'child_in_need',
      cpCategory: '',
      startDate: '2026-02-01',
      endDate: '',
      notes: '',
      recordedBy: 'user-1',
      recordedByName: 'Dana Lead',
      recordedAt: '2026-02-01T09:00:00.000Z',
      endedByName: null,
      endedAt: null,
    },
    {
      id: 'd2',
      childId: child.id,
      kind: 'early_help',
      cpCategory: '',
      startDate: '2025-02-01',
      endDate: '2025-12-01',
      notes: '',
      recordedBy: 'user-1',
      recordedByName: 'Dana Lead',
      recordedAt: '2025-02-01T09:00:00.000Z',
      endedByName: 'Dana Lead',
      endedAt: '2025-12-01T09:00:00.000Z',
    },
  ],
  family: {
    families: [
      {
        id: 'f1',
        label: 'Mother’s household',
        siblings: [
          {
            id: 'child-2',
            legalForename: 'Kofi',
            legalSurname: 'Okafor',
            preferredForename: '',
            preferredSurname: '',
            dateOfBirth: '2018-06-01',
            upn: '',
            yearGroup: '3',
            leavingDate: '',
          },
        ],
      },
      {
        id: 'f2',
        label: 'Father’s household',
        siblings: [
          {
            id: 'child-3',
            legalForename: 'Ada',
            legalSurname: 'Mensah',
            preferredForename: '',
            preferredSurname: '',
            dateOfBirth: '2013-01-20',
            upn: '',
            yearGroup: '8',
            leavingDate: '',
          },
        ],
      },
    ],
    adults: [
      adult({
        id: 'a1',
        name: 'Grace Okafor',
        phone: '07700 900 982',
        email: 'grace@example.com',
        address: '12 Mill Lane',
        livesWithChild: 'no',
      }),
      adult({
        id: 'a2',
        name: 'Joe Bloggs',
        relationship: 'other',
        relationshipDetail: 'neighbour',
        parentalResponsibility: 'unknown',
        address: '3 Oak Road, Leeds ls6 2ab',
        priority: 2,
      }),
    ],
    contacts: [
      contact({ id: 'c1', name: 'Old Worker', endDate: '2026-01-04' }),
      contact({ id: 'c2', role: 'gp', name: 'Dr Patel' }),
      contact({
        id: 'c3',
        name: 'Ann Smith',
        organisation: 'Devon Children’s Services',
        phone: '01632 960 001',
      }),
    ],
  },
  concerns: [
    {
      concern,
      triage: {
        concernId: concern.id,
        status: 'open',
        level: null,
        levels: [],
        decisions: [
          {
            id: 'dec1',
            kind: 'referral_csc',
            description: '',
            reviewDate: '',
            rationale: 'Injury with a disclosure.',
            decidedByName: 'Dana Lead',
            decidedAt: '2026-11-27T16:00:00.000Z',
          },
          {
            id: 'dec2',
            kind: 'monitor',
            description: '',
            reviewDate: '2026-12-11',
            rationale: 'Watch attendance.',
            decidedByName: 'Dana Lead',
            decidedAt: '2026-11-27T16:05:00.000Z',
          },
        ],
        actions: [],
        closures: [],
      },
    },
  ],
  chronology: [],
  encompass: [],
  duties: [],
};

const context: FormContext = {
  concernId: concern.id,
  referrer: { name: 'Dana Lead', role: 'Designated safeguarding lead' },
  dslName: 'Dana Lead',
  now: new Date('2026-11-28T10:00:00Z'),
};

describe('formValues: every form key resolved from a child’s file', () => {
  it('resolves the child, family, school, referrer and concern', () => {
    expect(formValues(file, context)).toEqual({
      'child.name': 'Amara Okafor (known as Mara)',
      'child.forename': 'Amara',
      'child.surname': 'Okafor',
      'child.knownAs': 'Mara',
      'child.dateOfBirth': '14 Mar 2016',
      'child.age': '10',
      'child.gender': 'Female',
      'child.upn': 'B801200005001',
      'child.yearGroup': '5',
      // The first adult the child lives with, not the first in contact order.
      'child.address': '3 Oak Road, Leeds ls6 2ab',
      // The postcode at the end of that address, as written in capitals.
      'child.postcode': 'LS6 2AB',
      // Ended designations are left out.
      'child.designations': 'Child in need',
      'parent1.name': 'Grace Okafor',
      'parent1.relationship': 'Mother',
      'parent1.parentalResponsibility': 'Has parental responsibility',
      'parent1.phone': '07700 900 982',
      'parent1.email': 'grace@example.com',
      'parent1.address': '12 Mill Lane',
      'parent2.name': 'Joe Bloggs',
      'parent2.relationship': 'Other (neighbour)',
      'parent2.parentalResponsibility': 'Parental responsibility not known',
      'parent2.phone': '',
      'parent2.email': '',
      'parent2.address': '3 Oak Road, Leeds ls6 2ab',
      'family.siblings': 'Kofi Okafor (1 Jun 2018); Ada Mensah (20 Jan 2013)',
      // The current social worker, not the one whose involvement ended.
      'family.socialWorker': 'Ann Smith, Devon Children’s Services, 01632 960 001',
      'school.name': 'Riverside Primary School',
      'school.urn': '123456',
      'school.localAuthority': 'Devon',
      'referrer.name': 'Dana Lead',
      'referrer.role': 'Designated safeguarding lead',
      'dsl.name': 'Dana Lead',
      today: '28 Nov 2026',
      'concern.date': '27 Nov 2026, 14:30',
      'concern.location': 'The playground',
      'concern.categories': 'Physical abuse; Bullying or cyberbullying, including prejudice-based',
      'concern.role': 'Victim',
      'concern.summary': 'Arrived with a bruise on her arm.',
      'concern.childWords': 'It hurts.',
      'concern.opinion': 'She seemed frightened.',
      'concern.actionsTaken': 'Told the DSL.',
      'concern.recordedBy': 'Sam Teacher, 27 Nov 2026, 15:00',
      'concern.decisions':
        'Referral to children’s social care: Injury with a disclosure.\nMonitor, with a review date: Watch attendance.',
      'concern.otherChildren': 'Leo Brown (alleged perpetrator)',
    });
  });

  it('answers a key for every catalogue entry and nothing else', () => {
    const values = formValues(file, context);
    expect(Object.keys(values).sort()).toEqual([...formFieldKeys].sort());
    expect(Object.keys(values).every(isFormFieldKey)).toBe(true);
  });

  it('leaves empty strings where nothing is recorded', () => {
    const bare: CaseFile = {
      ...file,
      school: null,
      child: { ...child, preferredForename: '', upn: '' },
      designations: [],
      family: { families: [], adults: [], contacts: [] },
    };
    const values = formValues(bare, { ...context, concernId: null });
    expect(values['child.name']).toBe('Amara Okafor');
    for (const key of [
      'child.knownAs',
      'child.upn',
      'child.address',
      'child.postcode',
      'child.designations',
      'parent1.name',
      'parent1.relationship',
      'parent1.parentalResponsibility',
      'parent2.name',
      'family.siblings',
      'family.socialWorker',
      'school.name',
      'school.urn',
      'school.localAuthority',
      'concern.date',
      'concern.location',
      'concern.categories',
      'concern.role',
      'concern.summary',
      'concern.childWords',
      'concern.recordedBy',
      'concern.decisions',
      'concern.otherChildren',
    ] as const)
      expect(values[key], key).toBe('');
  });

  it('gives a date without a time when the concern has none, and the legal name alone when the preferred one matches it', () => {
    const dated: CaseFile = {
      ...file,
      child: { ...child, preferredForename: 'Amara', preferredSurname: 'Okafor' },
      concerns: [
        {
          ...file.concerns[0]!,
          concern: { ...concern, occurredAt: '2026-11-20', occurredAtUtc: null },
        },
      ],
    };
    const values = formValues(dated, context);
    expect(values['concern.date']).toBe('20 Nov 2026');
    expect(values['child.name']).toBe('Amara Okafor');
  });
});
