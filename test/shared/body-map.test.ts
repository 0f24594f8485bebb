import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { BodyView } from '../../shared/concerns/body-map';
import {
  bodyMap,
  bodyMark,
  bodyRegions,
  bodyViews,
  MAX_BODY_MARKS,
  markPlace,
  nearestRegion,
} from '../../shared/concerns/body-map';
import { bodyOutline, OUTLINE_HEIGHT, OUTLINE_WIDTH } from '../../shared/concerns/body-outline';

const mark = {
  view: 'front',
  x: 0.3,
  y: 0.33,
  region: 'right-upper-arm',
  kind: 'bruise',
  description: 'Bruise, 3cm, yellow-green',
} as const;

function problems(input: unknown): Record<string, string> {
  const parsed = bodyMark.safeParse(input);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('body map marks', () => {
  it('accepts a described mark on a region of its view, trimming the description', () => {
    expect(bodyMark.parse({ ...mark, description: '  Bruise  ' })).toEqual({
      ...mark,
      description: 'Bruise',
    });
  });

  it('refuses a region the view does not have, with the field named', () => {
    expect(problems({ ...mark, view: 'back', region: 'face' })).toEqual({
      region: 'Choose where on the body.',
    });
    expect(problems({ ...mark, region: 'lower-back' })).toEqual({
      region: 'Choose where on the body.',
    });
  });

  it('refuses a position off the outline, a blank description and an unknown kind', () => {
    expect(problems({ ...mark, x: 1.01 })).toEqual({ x: 'Place the mark on the outline.' });
    expect(problems({ ...mark, y: -0.1 })).toEqual({ y: 'Place the mark on the outline.' });
    expect(problems({ ...mark, x: Number.NaN })).toHaveProperty('x');
    expect(problems({ ...mark, description: '   ' })).toEqual({
      description: 'Describe the mark, such as “bruise, 3cm, yellow-green”.',
    });
    expect(problems({ ...mark, description: 'a\u0007b' })).toHaveProperty('description');
    expect(problems({ ...mark, kind: 'bite' })).toEqual({
      kind: 'Choose what kind of mark it is.',
    });
    expect(problems({ ...mark, colour: 'red' })).not.toEqual({});
  });

  it('holds at most fifty marks', () => {
    expect(bodyMap.safeParse(Array(MAX_BODY_MARKS).fill(mark)).success).toBe(true);
    expect(bodyMap.safeParse(Array(MAX_BODY_MARKS + 1).fill(mark)).success).toBe(false);
  });

  it('names the child’s own side: their right is on the viewer’s left from the front', () => {
    const front = nearestRegion('front', 0.25, 0.32);
    const back = nearestRegion('back', 0.25, 0.32);
    expect(front.id).toBe('right-upper-arm');
    expect(back.id).toBe('left-upper-arm');
    expect(markPlace({ view: 'front', region: 'right-upper-arm' })).toBe('Front, right upper arm');
    expect(markPlace({ view: 'back', region: 'back-of-head' })).toBe('Back, back of the head');
  });

  it('gives each region’s own point back as that region, on both views', () => {
    for (const view of bodyViews) {
      const ids = bodyRegions[view].map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const region of bodyRegions[view]) {
        expect(nearestRegion(view, region.x, region.y).id).toBe(region.id);
        expect(
          bodyMark.safeParse({ ...mark, view, region: region.id, x: region.x, y: region.y })
            .success,
        ).toBe(true);
      }
    }
  });

  it('finds a region of the view for any point on the outline', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<BodyView>(...bodyViews),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (view, x, y) => {
          const region = nearestRegion(view, x, y);
          expect(bodyRegions[view]).toContain(region);
        },
      ),
    );
  });
});

describe('the body outline', () => {
  it('is closed SVG path data inside its own box, the same for front and back but the details', () => {
    const front = bodyOutline('front');
    const back = bodyOutline('back');
    expect(front.body).toBe(back.body);
    expect(front.details).not.toEqual(back.details);
    for (const path of [front.head, front.body]) {
      expect(path).toMatch(/^M[\d. ]+[ACQL\d. ]+ Z$/);
      const numbers = path.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
      expect(numbers.length).toBeGreaterThan(10);
      expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...numbers)).toBeLessThanOrEqual(Math.max(OUTLINE_WIDTH, OUTLINE_HEIGHT));
    }
    // Mirror-symmetric: every x in the body path has its mirror image.
    const xs = (front.body.match(/[\d.]+ [\d.]+/g) ?? []).map((p) => Number(p.split(' ')[0]));
    for (const x of xs) expect(xs.some((m) => Math.abs(m - (OUTLINE_WIDTH - x)) < 0.11)).toBe(true);
  });
});
