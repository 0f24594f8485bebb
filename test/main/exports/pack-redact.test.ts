import { describe, expect, it } from 'vitest';

import { redactor } from '../../../main/exports/pack-redact';
import { plainText, REDACTED_TEXT } from '../../../shared/exports/pack';

const R = REDACTED_TEXT;

describe('third-party redaction in a referral pack', () => {
  const mother = { names: ['Sam Okafor'], details: ['07700 900 982', 'sam@example.com'] };
  const partner = { names: ['Daniel Reeve'], details: ['4 Quay Street\nRiverside\nRV3 9ZZ'] };
  const redact = (text: string) =>
    plainText(redactor([mother, partner], ['Amara', 'Okafor', '', ''])(text));

  it('redacts full names, first names and surnames alone, whatever their case', () => {
    expect(redact('Sam Okafor and DANIEL reeve argued; daniel left, Reeve came back.')).toBe(
      `${R} and ${R} argued; ${R} left, ${R} came back.`,
    );
  });

  it('keeps a surname the child shares, and words that only contain a name', () => {
    expect(redact('Amara Okafor told Sam’s friend Samuel about the sample.')).toBe(
      `Amara Okafor told ${R}’s friend Samuel about the sample.`,
    );
  });

  it('redacts phone numbers, emails, whole addresses and the lines of them with a number', () => {
    expect(
      redact(
        'Call 07700 900 982 or sam@example.com; lives at 4 Quay Street, RV3 9ZZ in Riverside.',
      ),
    ).toBe(`Call ${R} or ${R}; lives at ${R}, ${R} in Riverside.`);
  });

  it('marks each redacted run and counts them', () => {
    const r = redactor([partner], []);
    expect(r('Daniel said hello')).toEqual([
      { text: R, redacted: true },
      { text: ' said hello', redacted: false },
    ]);
    expect(r('nobody here')).toEqual([{ text: 'nobody here', redacted: false }]);
    expect(r.count()).toBe(1);
  });
});
