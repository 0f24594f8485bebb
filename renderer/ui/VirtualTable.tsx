import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

/** Where the viewport's height is unknown (no layout, as in jsdom): render about this much. */
const FALLBACK_VIEWPORT_PX = 720;

type VirtualTableProps<T> = {
  /** Names the table and the scrolling region around it. */
  label: string;
  items: readonly T[];
  rowKey: (item: T) => string;
  /** The header row's cells (role="columnheader"). */
  header: ReactNode;
  /** One row's cells (role="cell"). */
  renderRow: (item: T, index: number) => ReactNode;
  /** A row's height before it is measured. */
  estimatePx: number;
  /** Rows rendered beyond each edge of the viewport, so a fast scroll shows no gap. */
  overscan?: number;
  /** Added to every row (header included), for the column layout. */
  rowClassName: string;
};

/** The first index whose row ends below `y`, by binary search over the rows' start offsets. */
function firstRowEndingAfter(offsets: readonly number[], y: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((offsets[mid + 1] ?? 0) <= y) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo);
}

/**
 * A table that renders only the rows in and near its scrolling viewport, so a chronology of
 * thousands of entries scrolls as fast as one of ten. Rows are measured once drawn (an entry
 * with a long detail is taller) and placed absolutely at their running offset. It keeps table
 * semantics: aria-rowcount gives the full size and each row its aria-rowindex, so a screen
 * reader announces "row 341 of 2,001"; Tab moves through what is drawn and the browser scrolls
 * the focused control into view, which draws the next rows.
 */
export function VirtualTable<T>({
  label,
  items,
  rowKey,
  header,
  renderRow,
  estimatePx,
  overscan = 6,
  rowClassName,
}: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const observer = useRef<ResizeObserver | null>(null);
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT_PX);

  const offsets = useMemo(() => {
    const out = [0];
    let y = 0;
    for (const item of items) {
      y += heights.get(rowKey(item)) ?? estimatePx;
      out.push(y);
    }
    return out;
  }, [items, rowKey, estimatePx, heights]);

  const total = offsets[offsets.length - 1] ?? 0;
  const first = Math.max(0, firstRowEndingAfter(offsets, scrollTop) - overscan);
  let last = first;
  while (last < items.length && (offsets[last] ?? 0) < scrollTop + viewport) last += 1;
  last = Math.min(items.length, last + overscan);

  useEffect(() => {
    const el = scrollRef.current;
    function fit() {
      if (el && el.clientHeight > 0) setViewport(el.clientHeight);
    }
    fit();
    window.addEventListener('resize', fit);
    return () => {
      window.removeEventListener('resize', fit);
      observer.current?.disconnect();
    };
  }, []);

  /** Each drawn row is watched, so one that grows (an editor opening in it) moves the rest. */
  const measure = useCallback((el: HTMLDivElement | null) => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    observer.current ??= new ResizeObserver((changes) => {
      setHeights((prev) => {
        let next: Map<string, number> | null = null;
        for (const change of changes) {
          const row = change.target as HTMLElement;
          const key = row.dataset.key;
          const h = row.offsetHeight;
          if (key === undefined || h === 0 || prev.get(key) === h) continue;
          next ??= new Map(prev);
          next.set(key, h);
        }
        return next ?? prev;
      });
    });
    const watching = observer.current;
    watching.observe(el);
    return () => {
      watching.unobserve(el);
    };
  }, []);

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i += 1) {
    const item = items[i];
    if (item === undefined) break;
    const key = rowKey(item);
    rows.push(
      <div
        key={key}
        ref={measure}
        data-key={key}
        role="row"
        aria-rowindex={i + 2}
        className={`virtual-table__row ${rowClassName}`}
        style={{ transform: `translateY(${offsets[i] ?? 0}px)` }}
      >
        {renderRow(item, i)}
      </div>,
    );
  }

  return (
    <div
      ref={scrollRef}
      className="virtual-table"
      role="region"
      aria-label={label}
      // The region scrolls, so a keyboard user must be able to reach it (WCAG 2.1.1).
      tabIndex={0}
      onScroll={(event) => {
        setScrollTop(event.currentTarget.scrollTop);
      }}
    >
      <div role="table" aria-label={label} aria-rowcount={items.length + 1}>
        <div role="rowgroup" className="virtual-table__head">
          <div role="row" aria-rowindex={1} className={`virtual-table__row ${rowClassName}`}>
            {header}
          </div>
        </div>
        <div role="rowgroup" className="virtual-table__body" style={{ height: total }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
