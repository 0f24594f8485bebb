import { useId } from 'react';

import { publishedText } from '../../shared/governance/stats';

export type Bar = { label: string; value: number | null };

const WIDTH = 640;
const LABEL_WIDTH = 240;
const VALUE_WIDTH = 90;
const ROW = 30;
const BAR = 20;

/** The chart's text alternative: every bar in words, withheld ones said so. */
export function barsInWords(bars: readonly Bar[]): string {
  return bars.map((b) => `${b.label}: ${publishedText(b.value)}`).join('; ');
}

/**
 * A horizontal bar chart in SVG. Every bar carries its label and its value in text, so nothing
 * depends on colour; a withheld value is drawn as a dashed outline with the word "Withheld".
 * The chart is one image with a text alternative; the table beside it holds every figure.
 */
export function BarChart({ title, bars }: { title: string; bars: readonly Bar[] }) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = Math.max(ROW, bars.length * ROW) + 8;
  if (bars.length === 0) return <p className="governance__empty">{title}: none recorded.</p>;
  return (
    <figure className="bar-chart">
      <figcaption id={`${id}-title`} className="bar-chart__title">
        {title}
      </figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="bar-chart__svg"
        preserveAspectRatio="xMinYMin meet"
      >
        <desc id={`${id}-desc`}>{barsInWords(bars)}</desc>
        {bars.map((bar, i) => {
          const y = 4 + i * ROW;
          const length = bar.value === null ? 0 : (bar.value / max) * span;
          return (
            <g key={bar.label}>
              <text
                x={LABEL_WIDTH - 8}
                y={y + BAR / 2 + 5}
                textAnchor="end"
                className="bar-chart__label"
              >
                {bar.label.length > 34 ? `${bar.label.slice(0, 33)}…` : bar.label}
              </text>
              {bar.value === null ? (
                <rect
                  x={LABEL_WIDTH}
                  y={y}
                  width={48}
                  height={BAR}
                  className="bar-chart__withheld"
                />
              ) : (
                <rect
                  x={LABEL_WIDTH}
                  y={y}
                  width={length}
                  height={BAR}
                  className="bar-chart__bar"
                />
              )}
              <text
                x={LABEL_WIDTH + (bar.value === null ? 56 : length + 8)}
                y={y + BAR / 2 + 5}
                className="bar-chart__value"
              >
                {publishedText(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
