/**
 * The neutral outline of a child's body that marks are placed on, as SVG path data in one
 * coordinate space (OUTLINE_WIDTH × OUTLINE_HEIGHT). The renderer draws it and a PDF export can
 * draw the same vectors: a mark's x and y are fractions of this width and height.
 */
import type { BodyView } from './body-map';

export const OUTLINE_WIDTH = 200;
export const OUTLINE_HEIGHT = 400;

type Point = readonly [number, number];

/**
 * The left half of the figure as seen on the page, from the neck down the outside of the arm,
 * back up its inside, down the outside of the leg and up its inside to the crotch. The right
 * half is its mirror image.
 */
const HALF: readonly Point[] = [
  [91, 64],
  [90, 78],
  [66, 86],
  [56, 98],
  [50, 130],
  [47, 162],
  [43, 212],
  [40, 236],
  [47, 244],
  [55, 236],
  [57, 212],
  [62, 164],
  [67, 128],
  [71, 116],
  [72, 150],
  [73, 182],
  [68, 216],
  [70, 258],
  [73, 300],
  [75, 340],
  [78, 370],
  [70, 388],
  [74, 394],
  [95, 392],
  [94, 370],
  [94, 340],
  [95, 300],
  [97, 258],
  [100, 228],
];

function mirrored(points: readonly Point[]): Point[] {
  return points.map(([x, y]): Point => [OUTLINE_WIDTH - x, y]);
}

const round = (n: number): string => String(Math.round(n * 10) / 10);

/**
 * A closed Catmull–Rom spline through the points, as cubic Bézier segments: a smooth outline
 * from a short list of hand-placed points.
 */
function smoothClosedPath(points: readonly Point[]): string {
  const n = points.length;
  const at = (i: number): Point => points[((i % n) + n) % n] as Point;
  const [x0, y0] = at(0);
  const parts = [`M${round(x0)} ${round(y0)}`];
  for (let i = 0; i < n; i++) {
    const [ax, ay] = at(i - 1);
    const [bx, by] = at(i);
    const [cx, cy] = at(i + 1);
    const [dx, dy] = at(i + 2);
    const c1x = bx + (cx - ax) / 6;
    const c1y = by + (cy - ay) / 6;
    const c2x = cx - (dx - bx) / 6;
    const c2y = cy - (dy - by) / 6;
    parts.push(
      `C${round(c1x)} ${round(c1y)} ${round(c2x)} ${round(c2y)} ${round(cx)} ${round(cy)}`,
    );
  }
  return `${parts.join(' ')} Z`;
}

/** The head: an ellipse centred at (100, 38). */
const HEAD = 'M76 38 A24 27 0 1 1 124 38 A24 27 0 1 1 76 38 Z';

/** Neck, torso, arms and legs in one closed outline. */
const BODY = smoothClosedPath([...HALF, ...mirrored(HALF).slice(0, -1).reverse()]);

/** Lines inside the outline that tell the views apart (collarbones; spine and shoulder blades). */
const DETAILS: Record<BodyView, readonly string[]> = {
  front: ['M80 92 Q90 96 98 94', 'M120 92 Q110 96 102 94'],
  back: ['M100 82 L100 206', 'M78 104 Q84 122 92 128', 'M122 104 Q116 122 108 128'],
};

export type BodyOutline = { head: string; body: string; details: readonly string[] };

export function bodyOutline(view: BodyView): BodyOutline {
  return { head: HEAD, body: BODY, details: DETAILS[view] };
}
