import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { AdultInput, KeyContactInput } from '../../shared/children/family';
import {
  adultInput,
  contactRoleName,
  isPhoneNumber,
  keyContactInput,
  livesWithChildLabels,
  relationshipName,
} from '../../shared/children/family';
import { sampleAdult } from '../support/samples';

function adultProblems(over: Partial<AdultInput>): Record<string, string> {
  const parsed = adultInput.safeParse({ ...sampleAdult, ...over });
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
}

const contact: KeyContactInput = {
  role: 'social_worker',
  roleDetail: '',
  name: 'Ann Smith',
  organisation: 'Northshire Children’s Services',
  phone: '',
  email: '',
  startDate: '2026-03-03',
  endDate: '',
  notes: '',
};

function contactProblems(over: Partial<KeyContactInput>): Record<string, string> {
  const parsed = keyContactInput.safeParse({ ...contact, ...over });
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('phone numbers', () => {
  it('accepts numbers as people write them', () => {
    for (const phone of [
      '01632 960 001',
      '01632960001',
      '+44 7700 900 982',
      '(01632) 960-001',
      '07700 900982 ext 12',
      '020 7946 0000 x5',
    ])
      expect(isPhoneNumber(phone), phone).toBe(true);
  });

  it('refuses words, too few or too many digits and stray symbols', () => {
    for (const phone of [
      'call the office',
      '999',
      '12345',
      '0163296000112345678',
      '01632#960',
      '+',
    ])
      expect(isPhoneNumber(phone), phone).toBe(false);
  });

  it('never accepts a value holding a letter outside an extension', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('a', 'Q', 'z'), (s, letter) => {
        expect(isPhoneNumber(`${letter}${s}`)).toBe(false);
      }),
    );
  });
});

describe('an adult on a child’s file', () => {
  it('accepts a parent with parental responsibility, trimming what was typed', () => {
    const parsed = adultInput.parse({
      ...sampleAdult,
      name: '  Grace   Okafor ',
      email: ' grace@example.com ',
      phone: ' 07700  900 982 ',
    });
    expect(parsed).toMatchObject({
      name: 'Grace Okafor',
      email: 'grace@example.com',
      phone: '07700 900 982',
      parentalResponsibility: 'yes',
      livesWithChild: 'yes',
    });
  });

  it('asks whether the child lives with them: yes, no or not known', () => {
    for (const livesWithChild of ['yes', 'no', 'unknown'] as const)
      expect(adultInput.parse({ ...sampleAdult, livesWithChild }).livesWithChild).toBe(
        livesWithChild,
      );
    for (const livesWithChild of ['', 'maybe', true, false, 1, null])
      expect(
        adultProblems({ livesWithChild } as unknown as Partial<AdultInput>),
        String(livesWithChild),
      ).toEqual({ livesWithChild: 'Say whether the child lives with them.' });
    expect(livesWithChildLabels).toEqual({ yes: 'Yes', no: 'No', unknown: 'Not known' });
  });

  it('allows blank contact details (a parent may have none on record)', () => {
    expect(adultProblems({ phone: '', email: '', address: '' })).toEqual({});
  });

  it('names each problem in plain British English', () => {
    expect(
      adultProblems({
        name: ' ',
        phone: 'not a number',
        email: 'grace.example.com',
        priority: 0,
      }),
    ).toEqual({
      name: 'Enter the name.',
      phone: 'Enter a phone number, like 01632 960 001 or +44 7700 900 982.',
      email: 'Enter an email address in the correct format, like name@example.com.',
      priority: 'Choose the contact order.',
    });
    expect(adultProblems({ relationship: 'other', relationshipDetail: '' })).toEqual({
      relationshipDetail: 'Say how they are related to the child.',
    });
    expect(adultProblems({ priority: 11 })).toEqual({
      priority: 'The contact order goes up to 10.',
    });
  });

  it('bounds every text and refuses unknown fields', () => {
    expect(adultProblems({ contactRestrictions: 'x'.repeat(1_001) })).toEqual({
      contactRestrictions: 'Contact restrictions must be 1,000 characters or fewer.',
    });
    expect(adultProblems({ name: 'x'.repeat(101) })).toEqual({
      name: 'Name must be 100 characters or fewer.',
    });
    expect(adultInput.safeParse({ ...sampleAdult, dateOfBirth: '1990-01-01' }).success).toBe(false);
    expect(adultInput.safeParse({ ...sampleAdult, parentalResponsibility: 'maybe' }).success).toBe(
      false,
    );
  });

  it('keeps line breaks in the address but refuses control characters', () => {
    expect(adultProblems({ address: '1 Lane\nTown' })).toEqual({});
    expect(adultProblems({ notes: 'bell\u0007' })).toEqual({
      notes: 'Notes contains characters that are not allowed.',
    });
  });

  it('describes the relationship', () => {
    expect(relationshipName({ relationship: 'mother', relationshipDetail: '' })).toBe('Mother');
    expect(relationshipName({ relationship: 'other', relationshipDetail: 'family friend' })).toBe(
      'Other (family friend)',
    );
  });
});

describe('a key contact', () => {
  it('accepts a current social worker', () => {
    expect(contactProblems({})).toEqual({});
  });

  it('requires the role for “other”, the name and a real start date', () => {
    expect(
      contactProblems({ role: 'other', name: '', startDate: '2026-02-30', endDate: '' }),
    ).toEqual({
      roleDetail: 'Enter their role.',
      name: 'Enter the name.',
      startDate: 'Start date must be a real date (day, month and year).',
    });
  });

  it('refuses an end before the start', () => {
    expect(contactProblems({ endDate: '2026-03-02' })).toEqual({
      endDate: 'End date cannot be before the start date.',
    });
    expect(contactProblems({ endDate: '2026-03-03' })).toEqual({});
  });

  it('names the role', () => {
    expect(contactRoleName({ role: 'virtual_school_head', roleDetail: '' })).toBe(
      'Virtual school head',
    );
    expect(contactRoleName({ role: 'other', roleDetail: 'housing officer' })).toBe(
      'Other professional (housing officer)',
    );
  });
});
