/**
 * Body map marks: where on the outline of a child's body (front or back) the recorder saw an
 * injury or mark, its kind and their description. Positions are fractions (0..1) of the outline's
 * width and height (body-outline.ts), so the screen and a printed copy place a mark alike.
 * Sides are the child's own: on the front view the child's right is on the viewer's left.
 */
import { z } from 'zod';

export const bodyViews = ['front', 'back'] as const;
export type BodyView = (typeof bodyViews)[number];
export const bodyViewLabels: Record<BodyView, string> = { front: 'Front', back: 'Back' };

export const markKinds = ['bruise', 'cut', 'burn', 'mark', 'other'] as const;
export type MarkKind = (typeof markKinds)[number];
export const markKindLabels: Record<MarkKind, string> = {
  bruise: 'Bruise',
  cut: 'Cut or graze',
  burn: 'Burn',
  mark: 'Mark',
  other: 'Other',
};

export const MAX_BODY_MARKS = 50;
export const MAX_MARK_DESCRIPTION_CHARS = 500;

/** A named part of the body on one view, with the point a mark placed from the list gets. */
export type BodyRegion = { id: string; label: string; x: number; y: number };

/** [id, label, x on the front view (viewer's left = child's right)] for paired parts. */
const PAIRED: readonly (readonly [string, string, number, number])[] = [
  ['shoulder', 'shoulder', 72, 94],
  ['upper-arm', 'upper arm', 59, 130],
  ['elbow', 'elbow', 55, 163],
  ['forearm', 'forearm', 52, 190],
  ['hand', 'hand', 48, 232],
  ['thigh', 'thigh', 84, 258],
  ['knee', 'knee', 84, 300],
  ['lower-leg', 'lower leg', 85, 340],
  ['foot', 'foot', 84, 384],
];

/** A point in the outline's units (200 × 400, body-outline.ts) as fractions. */
function region(id: string, label: string, x: number, y: number): BodyRegion {
  return { id, label, x: x / 200, y: y / 400 };
}

function sides(view: BodyView): BodyRegion[] {
  return PAIRED.flatMap(([id, label, x, y]) => {
    // On the back view the child's right is on the viewer's right.
    const right = view === 'front' ? x : 200 - x;
    return [
      region(`right-${id}`, `Right ${label}`, right, y),
      region(`left-${id}`, `Left ${label}`, 200 - right, y),
    ];
  });
}

export const bodyRegions: Record<BodyView, readonly BodyRegion[]> = {
  front: [
    region('head', 'Head', 100, 20),
    region('face', 'Face', 100, 42),
    region('neck', 'Neck', 100, 72),
    region('chest', 'Chest', 100, 112),
    region('abdomen', 'Abdomen', 100, 164),
    region('groin', 'Groin', 100, 214),
    ...sides('front'),
  ],
  back: [
    region('back-of-head', 'Back of the head', 100, 34),
    region('neck', 'Back of the neck', 100, 72),
    region('upper-back', 'Upper back', 100, 112),
    region('lower-back', 'Lower back', 100, 168),
    region('buttocks', 'Buttocks', 100, 212),
    ...sides('back'),
  ],
};

export function regionOf(view: BodyView, id: string): BodyRegion | undefined {
  return bodyRegions[view].find((r) => r.id === id);
}

/** The region whose point is nearest to (x, y): the label a clicked mark starts with. */
export function nearestRegion(view: BodyView, x: number, y: number): BodyRegion {
  const regions = bodyRegions[view];
  let best = regions[0] as BodyRegion;
  let bestDistance = Infinity;
  for (const r of regions) {
    // The outline is twice as tall as it is wide: compare distances in its own units.
    const d = ((r.x - x) * 200) ** 2 + ((r.y - y) * 400) ** 2;
    if (d < bestDistance) {
      best = r;
      bestDistance = d;
    }
  }
  return best;
}

// eslint-disable-next-line no-control-regex -- a description is one line of plain text
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

const fraction = z
  .number()
  .min(0, 'Place the mark on the outline.')
  .max(1, 'Place the mark on the outline.');

export const bodyMark = z
  .strictObject({
    view: z.enum(bodyViews, 'Choose front or back.'),
    x: fraction,
    y: fraction,
    region: z.string().max(40),
    kind: z.enum(markKinds, 'Choose what kind of mark it is.'),
    description: z
      .string()
      .max(
        MAX_MARK_DESCRIPTION_CHARS,
        `A description must be ${MAX_MARK_DESCRIPTION_CHARS} characters or fewer.`,
      )
      .transform((s) => s.trim())
      .refine((s) => s.length > 0, 'Describe the mark, such as “bruise, 3cm, yellow-green”.')
      .refine(
        (s) => !CONTROL_CHARS.test(s),
        'The description contains characters that are not allowed.',
      ),
  })
  .superRefine((mark, ctx) => {
    if (!regionOf(mark.view, mark.region))
      ctx.addIssue({ code: 'custom', path: ['region'], message: 'Choose where on the body.' });
  });
export type BodyMarkInput = z.input<typeof bodyMark>;
export type BodyMark = z.output<typeof bodyMark>;

export const bodyMap = z
  .array(bodyMark)
  .max(MAX_BODY_MARKS, `A body map can hold at most ${MAX_BODY_MARKS} marks.`);

/** "Front, right upper arm" */
export function markPlace(mark: Pick<BodyMark, 'view' | 'region'>): string {
  const label = regionOf(mark.view, mark.region)?.label ?? mark.region;
  return `${bodyViewLabels[mark.view]}, ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}
