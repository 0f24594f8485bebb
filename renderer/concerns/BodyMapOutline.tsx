import type { MouseEvent } from 'react';

import type { BodyMarkInput, BodyView } from '../../shared/concerns/body-map';
import { bodyViewLabels } from '../../shared/concerns/body-map';
import { bodyOutline, OUTLINE_HEIGHT, OUTLINE_WIDTH } from '../../shared/concerns/body-outline';

type Point = { x: number; y: number };

type BodyMapOutlineProps = {
  view: BodyView;
  /** Every mark of the concern: those on this view are drawn with their number in the list. */
  marks: readonly BodyMarkInput[];
  /** Where the next mark will go, once described (clicked, not yet added). */
  pending?: (Point & { view: BodyView }) | null;
  /** Given, the outline takes clicks: the point clicked as fractions of its width and height. */
  onPlace?: (point: Point) => void;
};

const MARK_RADIUS = 7;

/** Three decimals place a mark to a fraction of a millimetre on any screen or page. */
const fraction = (n: number): number => Math.round(Math.min(1, Math.max(0, n)) * 1000) / 1000;

/** One view of the body outline with its marks, numbered as in the list beside it. */
export function BodyMapOutline({ view, marks, pending = null, onPlace }: BodyMapOutlineProps) {
  const outline = bodyOutline(view);
  const shown = marks.flatMap((mark, i) => (mark.view === view ? [{ mark, n: i + 1 }] : []));
  const label = `${bodyViewLabels[view]} of the body: ${
    shown.length === 0
      ? 'no marks'
      : `${shown.length === 1 ? 'mark' : 'marks'} ${shown.map((s) => s.n).join(', ')}`
  }`;

  function place(event: MouseEvent<SVGSVGElement>): void {
    if (!onPlace) return;
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    onPlace({
      x: fraction((event.clientX - box.left) / box.width),
      y: fraction((event.clientY - box.top) / box.height),
    });
  }

  return (
    <figure className="body-map__figure">
      <svg
        className={onPlace ? 'body-map__svg body-map__svg--placing' : 'body-map__svg'}
        viewBox={`0 0 ${OUTLINE_WIDTH} ${OUTLINE_HEIGHT}`}
        role="img"
        aria-label={label}
        data-view={view}
        onClick={onPlace ? place : undefined}
      >
        <path className="body-map__outline" d={outline.head} />
        <path className="body-map__outline" d={outline.body} />
        {outline.details.map((d) => (
          <path key={d} className="body-map__detail" d={d} />
        ))}
        {pending?.view === view ? (
          <circle
            className="body-map__pending"
            cx={pending.x * OUTLINE_WIDTH}
            cy={pending.y * OUTLINE_HEIGHT}
            r={MARK_RADIUS}
          />
        ) : null}
        {shown.map(({ mark, n }) => (
          <g key={n} className="body-map__mark">
            <circle cx={mark.x * OUTLINE_WIDTH} cy={mark.y * OUTLINE_HEIGHT} r={MARK_RADIUS} />
            <text x={mark.x * OUTLINE_WIDTH} y={mark.y * OUTLINE_HEIGHT} dy="0.35em">
              {n}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="body-map__caption">{bodyViewLabels[view]}</figcaption>
    </figure>
  );
}
