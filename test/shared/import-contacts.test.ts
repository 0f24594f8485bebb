import { describe, expect, it } from 'vitest';

import type { FamilyAdult } from '../../shared/children/family';
import type { ImportMapping, PlanOptions } from '../../shared/children/import';
import {
  blankMapping,
  detectImportMapping,
  importMapping,
  mappingProblemsFor,
  planImport,
  previewOf,
} from '../../shared/children/import';
import {
  parseParentalResponsibility,
  parseRelationship,
  UNSTATED_RELATIONSHIP,
} from '../../shared/children/import-contacts';
import { parseCsv } from '../../shared/text/csv';
import { misFixture } from '../support/mis';

const headersOf = (csv: string) => (parseCsv(csv)[0]?.fields ?? []).map((h) => h.trim());

function plan(csv: string, extra: Partial<PlanOptions> = {}) {
  return planImport({
    csv,
    mapping: null,
    saved: [],
    today: '2026-11-28',
    findByUpn: () => null,
    ...extra,
  });
}

describe('relationships as exports write them', () => {
  it.each([
    ['Mother', 'mother', ''],
    ['MUM', 'mother', ''],
    ['Father', 'father', ''],
    ['Stepfather', 'step_parent', ''],
    ['Step-mother', 'step_parent', ''],
    ["Mother's partner", 'parent_partner', ''],
    ['Foster Carer', 'foster_carer', ''],
    ['Special Guardian', 'special_guardian', ''],
    ['Grandparent', 'grandparent', ''],
    ['Maternal Grandmother', 'grandparent', 'maternal'],
    ['paternal uncle', 'aunt_uncle', 'paternal'],
    ['Aunt', 'aunt_uncle', ''],
    ['Brother', 'adult_sibling', ''],
    ['Other Relative', 'other_relative', ''],
    ['Carer', 'other', 'Carer'],
    ['Parent', 'other', 'Parent'],
    ['Family  friend', 'other', 'Family friend'],
    ['', 'other', UNSTATED_RELATIONSHIP],
  ])('%s → %s (%s)', (text, relationship, relationshipDetail) => {
    expect(parseRelationship(text)).toEqual({ relationship, relationshipDetail });
  });
});

describe('parental responsibility as exports write it', () => {
  it.each(['Yes', 'Y', 'y', 'TRUE', 'true', '1', 'Has PR'])('%s → yes', (text) => {
    expect(parseParentalResponsibility(text)).toBe('yes');
  });
  it.each(['No', 'N', 'False', '0', 'none'])('%s → no', (text) => {
    expect(parseParentalResponsibility(text)).toBe('no');
  });
  it.each(['', '  ', 'Unknown', 'Not known'])('“%s” → unknown', (text) => {
    expect(parseParentalResponsibility(text)).toBe('unknown');
  });
  it('anything else is not an answer', () => {
    expect(parseParentalResponsibility('Maybe')).toBeNull();
    expect(parseParentalResponsibility('2')).toBeNull();
  });
});

describe('suggesting contact columns', () => {
  it('maps a SIMS export’s “Contact 1 …” columns, address and postcode', () => {
    const found = detectImportMapping(headersOf(misFixture('sims-contacts.csv')), []);
    expect(found.detected).toMatchObject({ kind: 'preset', id: 'sims' });
    expect(found.mapping).toMatchObject({
      upn: 'UPN',
      contact1Name: 'Contact 1 Name',
      contact1Forename: '',
      contact1Relationship: 'Contact 1 Relationship',
      contact1ParentalResponsibility: 'Contact 1 Parental Responsibility',
      contact1Phone: 'Contact 1 Telephone',
      contact1Email: 'Contact 1 Email',
      contact2Name: 'Contact 2 Name',
      contact2Phone: 'Contact 2 Telephone',
      homeAddress: 'Address',
      postcode: 'Postcode',
      householdId: '',
    });
  });

  it('maps an Arbor export’s “Guardian 1 …” columns and household id', () => {
    const found = detectImportMapping(headersOf(misFixture('arbor-contacts.csv')), []);
    expect(found.detected).toMatchObject({ kind: 'preset', id: 'arbor' });
    expect(found.mapping).toMatchObject({
      contact1Name: 'Guardian 1 Name',
      contact1Relationship: 'Guardian 1 Relationship',
      contact1ParentalResponsibility: 'Guardian 1 Parental Responsibility',
      contact1Phone: 'Guardian 1 Mobile',
      contact1Email: 'Guardian 1 Email',
      contact2Name: 'Guardian 2 Name',
      householdId: 'Household ID',
    });
  });

  it('maps Bromcom’s “Contact1 …” columns with the name in two parts', () => {
    const headers = [
      'UPN',
      'Surname',
      'Forename',
      'Date Of Birth',
      'NC Year',
      'Contact1 Forename',
      'Contact1 Surname',
      'Contact1 Relationship',
      'Contact1 Has Parental Responsibility',
      'Contact1 Mobile Phone',
      'Contact1 Email Address',
      'Family ID',
    ];
    const found = detectImportMapping(headers, []);
    expect(found.detected).toMatchObject({ id: 'bromcom' });
    expect(found.mapping).toMatchObject({
      legalForename: 'Forename',
      legalSurname: 'Surname',
      contact1Name: '',
      contact1Forename: 'Contact1 Forename',
      contact1Surname: 'Contact1 Surname',
      contact1Relationship: 'Contact1 Relationship',
      contact1ParentalResponsibility: 'Contact1 Has Parental Responsibility',
      contact1Phone: 'Contact1 Mobile Phone',
      contact1Email: 'Contact1 Email Address',
      householdId: 'Family ID',
    });
  });

  it('knows “Primary Contact …” as contact 1', () => {
    const found = detectImportMapping(
      ['UPN', 'Legal Forename', 'Legal Surname', 'DOB', 'Year', 'Primary Contact Name'],
      [],
    );
    expect(found.mapping.contact1Name).toBe('Primary Contact Name');
  });

  it('a mapping without contact fields (an older caller or saved preset) leaves them unmapped', () => {
    const pupilOnly = {
      upn: 'UPN',
      legalForename: 'Legal Forename',
      legalSurname: 'Legal Surname',
      preferredForename: '',
      preferredSurname: '',
      dateOfBirth: 'DOB',
      gender: '',
      yearGroup: 'Year',
      admissionDate: '',
      leavingDate: '',
    };
    const parsed = importMapping.parse(pupilOnly);
    expect(parsed).toEqual({ ...blankMapping, ...pupilOnly });
    const saved = [{ name: 'Old SIMS', mapping: parsed, updatedAt: '2026-01-01T00:00:00.000Z' }];
    const csv = misFixture('sims-contacts.csv');
    const found = detectImportMapping(headersOf(csv), saved);
    expect(found.detected).toEqual({ kind: 'saved', name: 'Old SIMS' });
    expect(found.mapping.contact1Name).toBe('');
    const planned = plan(csv, { saved });
    expect(planned.rows.every((r) => r.adults.length === 0 && r.warnings.length === 0)).toBe(true);
    expect(planned.households).toEqual([]);
  });

  it('asks for a contact’s name when their other details are mapped', () => {
    const mapping: ImportMapping = {
      ...blankMapping,
      upn: 'UPN',
      legalForename: 'F',
      legalSurname: 'S',
      dateOfBirth: 'D',
      yearGroup: 'Y',
      contact2Phone: 'Phone',
    };
    expect(mappingProblemsFor(['UPN', 'F', 'S', 'D', 'Y', 'Phone'], mapping)).toEqual({
      contact2Name:
        'Choose the column that holds contact 2’s name (or their first name and surname), or set contact 2’s other columns to “Not in this file”.',
    });
    expect(
      mappingProblemsFor(['UPN', 'F', 'S', 'D', 'Y', 'Phone', 'Last'], {
        ...mapping,
        contact2Surname: 'Last',
      }),
    ).toEqual({});
  });
});

describe('planning parents, carers and siblings', () => {
  it('plans the SIMS file’s adults, siblings by shared contact, and warns about bad contact data', () => {
    const planned = plan(misFixture('sims-contacts.csv'));
    expect(planned.counts).toEqual({ new: 6, update: 0, unchanged: 0, leaver: 1, error: 0 });
    const amara = planned.rows.find((r) => r.upn === 'B801200005001');
    expect(amara?.adults.map((a) => [a.action, a.draft])).toEqual([
      [
        'add',
        {
          name: 'Grace Okafor',
          relationship: 'mother',
          relationshipDetail: '',
          parentalResponsibility: 'yes',
          livesWithChild: 'unknown',
          phone: '07700 900123',
          email: 'grace.okafor@example.org',
          address: '12 Elm Road, Leeds, LS6 2AB',
          contactRestrictions: '',
          notes: '',
          priority: 1,
        },
      ],
      [
        'add',
        {
          name: 'Daniel Okafor',
          relationship: 'father',
          relationshipDetail: '',
          parentalResponsibility: 'yes',
          livesWithChild: 'unknown',
          phone: '07700 900456',
          email: '',
          address: '',
          contactRestrictions: '',
          notes: '',
          priority: 2,
        },
      ],
    ]);
    const siobhan = planned.rows.find((r) => r.upn === 'A878200016001');
    expect(siobhan?.adults[1]?.draft).toMatchObject({
      name: 'Sean Walsh',
      relationship: 'step_parent',
      parentalResponsibility: 'no',
    });
    const mateus = planned.rows.find((r) => r.upn === 'P878200016002');
    expect(mateus?.adults[0]?.draft).toMatchObject({
      relationship: 'grandparent',
      relationshipDetail: 'maternal',
      parentalResponsibility: 'unknown',
    });

    // Kasia Nowak's email is not an address: the pupils are imported, her email is not.
    const zofia = planned.rows.find((r) => r.upn === 'Z87820001601A');
    expect(zofia?.outcome).toBe('new');
    expect(zofia?.problems).toEqual([]);
    expect(zofia?.warnings).toEqual([
      {
        field: 'contact1Email',
        message:
          'Contact 1 Email “kasia.nowak@example”: Not an email address, so it was not imported.',
      },
    ]);
    expect(zofia?.adults[0]?.draft).toMatchObject({ name: 'Kasia Nowak', email: '' });

    // Same contact name and phone (or email): siblings. No household id column in this file.
    const lineOf = (upn: string) => planned.rows.find((r) => r.upn === upn)?.line;
    expect(planned.households).toEqual([
      [lineOf('B801200005001'), lineOf('Z878200016010')],
      [lineOf('Z87820001601A'), lineOf('N878200016011')],
    ]);
    const preview = previewOf(planned);
    const chidi = preview.rows.find((r) => r.upn === 'Z878200016010');
    expect(chidi?.family).toEqual([
      'Add Grace Okafor (Mother, has parental responsibility)',
      'Add Daniel Okafor (Father, has parental responsibility)',
      'Siblings in this file: Amara Okafor (line 2)',
    ]);
    expect(preview).not.toHaveProperty('households');
    expect(preview.rows[0]).not.toHaveProperty('adults');
  });

  it('groups by household id when the file has one, and warns about an unreadable phone', () => {
    const planned = plan(misFixture('arbor-contacts.csv'));
    expect(planned.counts.error).toBe(0);
    expect(planned.households).toEqual([[2, 3, 4]]);
    const priya = planned.rows.find((r) => r.upn === 'J878200016016');
    expect(priya?.warnings).toEqual([
      {
        field: 'contact2Phone',
        message: 'Guardian 2 Mobile “07700 abc”: Not a phone number, so it was not imported.',
      },
    ]);
    expect(
      priya?.adults.map((a) => [
        a.draft.name,
        a.draft.relationship,
        a.draft.parentalResponsibility,
        a.draft.phone,
      ]),
    ).toEqual([
      ['Neha Sharma', 'mother', 'yes', '07700 900555'],
      ['Raj Sharma', 'father', 'no', ''],
    ]);
  });

  it('matches adults already on the file by name and relationship, updating only what changed', () => {
    const csv = misFixture('sims-contacts.csv');
    const first = plan(csv);
    const amaraRow = first.rows[0];
    if (!amaraRow?.draft) throw new Error('Amara has no draft');
    const child = {
      ...amaraRow.draft,
      id: 'child-amara',
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
    };
    const held = (changes: Partial<FamilyAdult>[]): FamilyAdult[] =>
      amaraRow.adults.map((a, i) => ({
        ...a.draft,
        id: `adult-${i}`,
        childId: child.id,
        recordedByName: 'Dana Lead',
        recordedAt: '2026-11-01T00:00:00.000Z',
        updatedAt: '2026-11-01T00:00:00.000Z',
        ...changes[i],
      }));
    const again = (adults: FamilyAdult[]) =>
      plan(csv, {
        findByUpn: (upn) => (upn === child.upn ? child : null),
        adultsFor: () => adults,
      }).rows[0];

    // The same people, written differently, with a person's own additions: nothing to do.
    const same = again(
      held([
        { name: 'GRACE  okafor', livesWithChild: 'yes', priority: 3, notes: 'Works nights.' },
        { email: 'dan@example.org' },
      ]),
    );
    expect(same?.outcome).toBe('unchanged');
    expect(same?.adults.map((a) => [a.existingId, a.action])).toEqual([
      ['adult-0', 'unchanged'],
      ['adult-1', 'unchanged'],
    ]);

    // The MIS has a new phone number for Grace; who she lives with stays as a person recorded.
    const changed = again(held([{ phone: '07700 900000', livesWithChild: 'no' }, {}]));
    expect(changed?.adults[0]).toMatchObject({
      action: 'update',
      changed: ['phone'],
      draft: { phone: '07700 900123', livesWithChild: 'no', priority: 1 },
    });
    expect(changed?.family[0]).toBe('Update Grace Okafor (Mother): phone');

    // Another relationship is another person: added, the stored one left alone.
    const other = again(held([{ relationship: 'step_parent' }, {}]));
    expect(other?.adults[0]).toMatchObject({ action: 'add', existingId: null });
  });
});
