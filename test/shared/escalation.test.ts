import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { EscalationConcern, EscalationRule } from '../../shared/casework/escalation';
import {
  defaultEscalationRules,
  describeRule,
  escalationRules,
  escalations,
  inCategories,
  lookbackDays,
} from '../../shared/casework/escalation';
import { childRoles } from '../../shared/concerns/schema';
import { concernTags, statutoryCategoryIds } from '../../shared/concerns/taxonomy';
import { addDays } from '../../shared/dates/calendar-date';

const TODAY = '2026-11-28';
const neglect3in90: EscalationRule = {
  categories: ['neglect'],
  count: 3,
  windowDays: 90,
  enabled: true,
};
const any4in30: EscalationRule = { categories: [], count: 4, windowDays: 30, enabled: true };

function concern(
  n: number,
  daysAgo: number,
  categories: string[],
  over: Partial<EscalationConcern> = {},
): EscalationConcern {
  return {
    concernId: `c${String(n).padStart(3, '0')}`,
    childId: 'amara',
    role: 'subject',
    occurredAt: addDays(TODAY, -daysAgo),
    categories,
    ...over,
  };
}

describe('addDays', () => {
  it('crosses months, leap days and years', () => {
    expect(addDays('2026-11-28', -90)).toBe('2026-08-30');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('the escalation pattern prompt (shared/casework/escalation.ts)', () => {
  it('counts a concern exactly windowDays ago, but not one a day earlier (inclusive window)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 366 }), fc.integer({ min: 2, max: 10 }), (days, n) => {
        const rule: EscalationRule = { categories: [], count: n, windowDays: days, enabled: true };
        const inside = Array.from({ length: n - 1 }, (_, i) => concern(i, 0, ['physical']));
        const edge = concern(99, days, ['physical']);
        const outside = concern(98, days + 1, ['physical']);
        expect(escalations([...inside, edge], [rule], TODAY)).toHaveLength(1);
        expect(escalations([...inside, outside], [rule], TODAY)).toEqual([]);
      }),
    );
  });

  it('prompts at the Nth concern in the window and not before', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 25 }),
        (count, ages) => {
          const rule: EscalationRule = { categories: [], count, windowDays: 30, enabled: true };
          const list = ages.map((age, i) => concern(i, age, ['emotional']));
          const found = escalations(list, [rule], TODAY);
          expect(found.length).toBe(ages.length >= count ? 1 : 0);
          if (found[0]) {
            expect(found[0].concernIds).toHaveLength(ages.length);
            expect(found[0].dates).toEqual([...found[0].dates].sort());
            expect(found[0].latest).toBe(addDays(TODAY, -Math.min(...ages)));
          }
        },
      ),
    );
  });

  it('counts a level-2 tag under its CP category, and a tag rule only for that tag', () => {
    const underNeglect = concernTags.filter((t) => t.cpCategory === 'neglect');
    expect(underNeglect.map((t) => t.id)).toContain('absence');
    for (const tag of concernTags) {
      expect(inCategories({ categories: ['neglect'] }, [tag.id])).toBe(
        tag.cpCategory === 'neglect',
      );
    }
    fc.assert(
      fc.property(
        fc.constantFrom(...statutoryCategoryIds),
        fc.constantFrom(...concernTags),
        (category, tag) => {
          expect(inCategories({ categories: [category] }, [tag.id])).toBe(
            tag.cpCategory === category,
          );
          expect(inCategories({ categories: [tag.id] }, [tag.id])).toBe(true);
          expect(inCategories({ categories: [tag.id] }, [category])).toBe(false);
          expect(inCategories({ categories: [] }, [])).toBe(true);
        },
      ),
    );
    const found = escalations(
      [
        concern(1, 80, ['neglect']),
        concern(2, 40, ['absence']),
        concern(3, 2, ['homelessness', 'general_welfare']),
        concern(4, 1, ['physical']),
      ],
      [neglect3in90],
      TODAY,
    );
    expect(found).toEqual([
      {
        childId: 'amara',
        rule: neglect3in90,
        concernIds: ['c001', 'c002', 'c003'],
        dates: ['2026-09-09', '2026-10-19', '2026-11-26'],
        latest: '2026-11-26',
      },
    ]);
  });

  it('lists a child once, under the first enabled rule met, and counts only subject or victim', () => {
    const list = [1, 2, 3, 4].map((n) => concern(n, n, ['neglect']));
    expect(escalations(list, [neglect3in90, any4in30], TODAY)[0]?.rule).toBe(neglect3in90);
    expect(escalations(list, [any4in30, neglect3in90], TODAY)[0]?.rule).toBe(any4in30);
    expect(escalations(list, [{ ...neglect3in90, enabled: false }, any4in30], TODAY)[0]?.rule).toBe(
      any4in30,
    );
    for (const role of childRoles) {
      const asRole = list.map((c) => ({ ...c, role }));
      expect(escalations(asRole, [neglect3in90], TODAY).length).toBe(
        role === 'subject' || role === 'victim' ? 1 : 0,
      );
    }
  });

  it('keeps children apart and puts the most recent first', () => {
    const list = [
      ...[10, 20, 30].map((age, i) => concern(i, age, ['neglect'], { childId: 'kofi' })),
      ...[5, 6, 7].map((age, i) => concern(10 + i, age, ['neglect'], { childId: 'zara' })),
      concern(20, 1, ['neglect'], { childId: 'lone' }),
      concern(21, 3, ['neglect'], { childId: 'lone' }),
    ];
    const found = escalations(list, [neglect3in90], TODAY);
    expect(found.map((f) => [f.childId, f.latest])).toEqual([
      ['zara', '2026-11-23'],
      ['kofi', '2026-11-18'],
    ]);
  });

  it('ignores a concern dated after today', () => {
    const list = [concern(1, 0, []), concern(2, 1, []), concern(3, 2, []), concern(4, -1, [])];
    expect(escalations(list, [any4in30], TODAY)).toEqual([]);
  });

  it('reads back how far to look, and describes each rule in words', () => {
    expect(lookbackDays(defaultEscalationRules)).toBe(90);
    expect(lookbackDays([{ ...neglect3in90, enabled: false }])).toBeNull();
    expect(describeRule(neglect3in90)).toBe('3 neglect concerns in 90 days');
    expect(describeRule(any4in30)).toBe('4 concerns of any category in 30 days');
    expect(
      describeRule({ categories: ['emotional', 'domestic_abuse'], count: 2, windowDays: 1 }),
    ).toBe('2 concerns about emotional abuse or domestic abuse in 1 day');
    expect(describeRule({ categories: ['fgm'], count: 2, windowDays: 60 })).toBe(
      '2 female genital mutilation (FGM) concerns in 60 days',
    );
    expect(describeRule({ categories: ['bullying'], count: 5, windowDays: 30 })).toBe(
      '5 concerns about bullying or cyberbullying, including prejudice-based in 30 days',
    );
  });

  it('validates rules: known categories, sensible counts and periods', () => {
    expect(escalationRules.safeParse(defaultEscalationRules).success).toBe(true);
    const bad = escalationRules.safeParse([
      { categories: ['not_a_tag'], count: 1, windowDays: 0, enabled: true },
    ]);
    expect(bad.success ? [] : bad.error.issues.map((i) => i.message)).toEqual([
      'Not a known category.',
      'A rule needs at least 2 concerns.',
      'The period must be at least 1 day.',
    ]);
  });
});
