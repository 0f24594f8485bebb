import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  isTemporaryUpn,
  normaliseUpn,
  upnCheckLetter,
  upnProblem,
} from '../../shared/children/upn';

const CHECK = 'ABCDEFGHJKLMNPQRTUVWXYZ';

describe('UPN check letter (DfE UPN guidance)', () => {
  it('accepts a UPN whose check letter was worked by hand', () => {
    // 801200005001: 8·2+0·3+1·4+2·5+0·6+0·7+0·8+0·9+5·10+0·11+0·12+1·13 = 93; 93 mod 23 = 1 → B.
    expect(upnCheckLetter('801200005001')).toBe('B');
    expect(upnProblem('B801200005001')).toBeNull();
    expect(upnProblem('A801200005001')).toBe('check_letter');
  });

  it('handles a temporary UPN ending in a letter', () => {
    // 87812342610 then A (value 0): 8·2+7·3+8·4+1·5+2·6+3·7+4·8+2·9+6·10+1·11+0·12+0·13 = 228;
    // 228 mod 23 = 21 → Y.
    expect(upnCheckLetter('87812342610A')).toBe('Y');
    expect(upnProblem('Y87812342610A')).toBeNull();
    expect(isTemporaryUpn('Y87812342610A')).toBe(true);
    expect(isTemporaryUpn('B801200005001')).toBe(false);
  });

  it('reports length and shape problems distinctly', () => {
    expect(upnProblem('B80120000500')).toBe('length');
    expect(upnProblem('I801200005001')).toBe('format');
    expect(upnProblem('B8012000A5001')).toBe('format');
    expect(normaliseUpn(' b801 2000 05001 ')).toBe('B801200005001');
  });

  it('every UPN built with its computed letter validates', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}[0-9A-HJ-NP-RT-Z]$/), (body) => {
        expect(upnProblem(upnCheckLetter(body) + body)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('catches every single-digit substitution', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{12}$/),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (body, position, delta) => {
          const digits = body.split('');
          digits[position] = String((Number(digits[position]) + delta) % 10);
          const mutated = digits.join('');
          expect(upnProblem(upnCheckLetter(body) + mutated)).toBe('check_letter');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never maps to I, O or S', () => {
    for (let n = 0; n < 23; n += 1) expect(CHECK.charAt(n)).not.toMatch(/[IOS]/);
  });
});

describe('UPN shape', () => {
  it('refuses I, O and S as check or temporary letters', () => {
    for (const bad of ['S801200005001', 'O801200005001', 'B80120000500S']) {
      expect(upnProblem(bad)).toBe('format');
    }
  });
});
