import { describe, expect, it } from 'vitest';

import { canonicalJson, countsText, fingerprintText } from '../../shared/transfer/format';

describe('the transfer format’s canonical JSON, fingerprints and counts', () => {
  it('sorts keys at every level and leaves arrays in order, so a signature can be checked', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 'é' }], c: null }, u: undefined })).toBe(
      '{"a":{"c":null,"d":[3,{"y":"é","z":1}]},"b":1}',
    );
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('reads a fingerprint aloud in five groups of four', () => {
    expect(fingerprintText('d940dd015864ea9d23abffff00001111')).toBe('D940 DD01 5864 EA9D 23AB');
  });

  it('counts in words: singular, plural and none', () => {
    expect(countsText({ concerns: 1, entries: 12, designations: 0, attachments: 2 })).toBe(
      '1 concern, 12 chronology entries, no designations, 2 attachments',
    );
  });
});
