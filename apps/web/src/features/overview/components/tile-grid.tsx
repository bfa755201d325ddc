import type { Queue } from '@floorwatch/contracts/api';
import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';

/** Rows drawn beyond the viewport, above and below, so a wheel step never shows a blank tile. */
const OVERSCAN_ROWS = 1;

interface Range {
  from: number;
  to: number;
}

const EVERYTHING: Range = { from: 0, to: Number.MAX_SAFE_INTEGER };

/**
 * Which tiles (by index) are on or near the screen, from the grid's geometry: every tile has the
 * same height, so the range follows from the scroll position alone — no observer per tile (at
 * 500 tiles the browser's intersection checks alone cost more than a frame while scrolling).
 * Without layout (tests) everything counts as visible.
 */
function useVisibleRange(grid: React.RefObject<HTMLDivElement | null>, count: number): Range {
  const [range, setRange] = useState<Range>(EVERYTHING);
  useEffect(() => {
    const el = grid.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const first = el.firstElementChild as HTMLElement | null;
      const style = getComputedStyle(el);
      const cols = style.gridTemplateColumns.split(' ').filter(Boolean).length || 1;
      const rowGap = parseFloat(style.rowGap) || 0;
      const rowH = (first?.offsetHeight ?? 0) + rowGap;
      if (!first || rowH <= rowGap) {
        setRange(EVERYTHING);
        return;
      }
      const top = el.getBoundingClientRect().top;
      const firstRow = Math.max(0, Math.floor(-top / rowH) - OVERSCAN_ROWS);
      const lastRow = Math.max(0, Math.floor((window.innerHeight - top) / rowH) + OVERSCAN_ROWS);
      const next = { from: firstRow * cols, to: (lastRow + 1) * cols };
      setRange((prev) => (prev.from === next.from && prev.to === next.to ? prev : next));
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    measure();
    // Capture: the page scrolls inside <main>, and scroll events do not bubble.
    window.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule);
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule);
    ro?.observe(el);
    return () => {
      if (frame !== 0) cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      ro?.disconnect();
    };
  }, [grid, count]);
  return range;
}

/**
 * Every queue's tile is in the page (each can be found, linked and tabbed to), at one fixed
 * height; only those on or near the screen draw their figures (`near`), so 500 queues scroll
 * smoothly and a patch re-renders only what can be seen.
 */
export function TileGrid({
  queues,
  children,
}: {
  queues: readonly Queue[];
  children: (q: Queue, near: boolean) => ReactNode;
}) {
  const grid = useRef<HTMLDivElement>(null);
  const { from, to } = useVisibleRange(grid, queues.length);
  return (
    <div
      ref={grid}
      className="live-data grid grid-cols-[repeat(auto-fill,minmax(19rem,1fr))] gap-4"
    >
      {queues.map((q, i) => (
        <Fragment key={q.skillId}>{children(q, i >= from && i < to)}</Fragment>
      ))}
    </div>
  );
}
