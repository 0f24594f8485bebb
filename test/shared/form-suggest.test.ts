import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { formFieldKeys, isFormFieldKey } from '../../shared/forms/fields';
import { fieldNameWords, suggestMapping } from '../../shared/forms/suggest';

describe('field names as local authority forms write them', () => {
  it('splits camelCase, snake_case, abbreviations, plurals and PDF container prefixes', () => {
    expect(fieldNameWords('childForename')).toEqual(['child', 'forename']);
    expect(fieldNameWords('DateOfBirth')).toEqual(['date', 'of', 'birth']);
    expect(fieldNameWords('Child_DOB')).toEqual(['child', 'dob']);
    expect(fieldNameWords('D.O.B')).toEqual(['dob']);
    expect(fieldNameWords('Forename(s)')).toEqual(['forename']);
    expect(fieldNameWords("Child's views/ words")).toEqual(['child', 'view', 'word']);
    expect(fieldNameWords('form1[0].Page1[0].ChildFirstName[0]')).toEqual([
      '1',
      '1',
      'child',
      'first',
      'name',
    ]);
    expect(fieldNameWords('Parent2Name')).toEqual(['parent', '2', 'name']);
  });
});

describe('suggestMapping', () => {
  const cases: [string, string | null][] = [
    // Child (MARF "Child(ren)" section, domain.md §8.1)
    ['Child First Name', 'child.forename'],
    ['childForename', 'child.forename'],
    ['Forename(s)', 'child.forename'],
    ['First name of child', 'child.forename'],
    ['form1[0].Page1[0].ChildFirstName[0]', 'child.forename'],
    ['Child Surname', 'child.surname'],
    ['Last Name', 'child.surname'],
    ["Child's name", 'child.name'],
    ['Name', 'child.name'],
    ['Also known as', 'child.knownAs'],
    ['Child_DOB', 'child.dateOfBirth'],
    ['DateOfBirth', 'child.dateOfBirth'],
    ['D.O.B', 'child.dateOfBirth'],
    ['Date of Birth', 'child.dateOfBirth'],
    ['UPN', 'child.upn'],
    ['Unique Pupil Number', 'child.upn'],
    ['Gender/Sex', 'child.gender'],
    ['Age', 'child.age'],
    ['Year Group', 'child.yearGroup'],
    ['Home Address', 'child.address'],
    ['Child protection plan', 'child.designations'],
    // School and referrer
    ['Name of school', 'school.name'],
    ['School/Setting', 'school.name'],
    ['Referring agency', 'school.name'],
    ['School URN', 'school.urn'],
    ['Referrer Name', 'referrer.name'],
    ['Name of person making referral', 'referrer.name'],
    ['Referrer job title', 'referrer.role'],
    ['Designated Safeguarding Lead', 'dsl.name'],
    ['Date of referral', 'today'],
    // Parents and carers
    ['Parent/Carer 1 Name', 'parent1.name'],
    ["Mother's name", 'parent1.name'],
    ['Parent/Carer 1 Relationship', 'parent1.relationship'],
    ['Parent 1 telephone', 'parent1.phone'],
    ['Parent/Carer 2 Name', 'parent2.name'],
    ["Father's name", 'parent2.name'],
    ['Parent2Email', 'parent2.email'],
    ['Parental responsibility (carer 1)', 'parent1.parentalResponsibility'],
    ['Social worker', 'family.socialWorker'],
    ['Siblings', 'family.siblings'],
    // The concern (MARF "Reason for referral", LADO "Allegation", domain.md §8.2)
    ['Reason for referral', 'concern.summary'],
    ['What are you worried about?', 'concern.summary'],
    ["Child's views/ words", 'concern.childWords'],
    ["Child's views", 'concern.childWords'],
    ['Date of incident', 'concern.date'],
    ['Location of incident', 'concern.location'],
    ['Category of abuse', 'concern.categories'],
    ['Action taken so far', 'concern.actionsTaken'],
    ['Post code', 'child.postcode'],
    ['Home Postcode', 'child.postcode'],
    // Things Lantern holds no value for: no suggestion rather than a wrong one.
    ['Parents aware of referral', null],
    ["Parents' views", null],
    ['GP name', null],
    ['School telephone', null],
    ['Ethnicity', null],
    ['Favourite colour', null],
    ['Signature', null],
    ['', null],
    ['   ', null],
  ];
  it.each(cases)('%s → %s', (name, key) => {
    expect(suggestMapping(name)).toBe(key);
  });

  it('maps a Word placeholder typed as a Lantern key to that key', () => {
    for (const key of formFieldKeys) expect(suggestMapping(key)).toBe(key);
    expect(suggestMapping(' child.upn ')).toBe('child.upn');
  });

  it('always answers a catalogue key or null, whatever the name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (name) => {
        const key = suggestMapping(name);
        expect(key === null || isFormFieldKey(key)).toBe(true);
      }),
    );
  });
});
