import type { Queue } from '@floorwatch/contracts/api';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** Rows drawn beyond the viewport, above and below, so a wheel step never shows a blank tile. */
const OVERSCAN_ROWS = 1;
/** A tile's smallest width and its height (px at the default font size), for a first guess. */
const TILE_MIN_W = 19 * 16;
const TILE_H = 27 * 16;

interface TileWindow {
  from: number;
  to: number;
  /** Height of one row plus the gap, px; 0 until measured (or without layout, in tests). */
  rowH: number;
  cols: number;
}

/** Before the grid is measured: about one screenful from the window's size, so the first render
 *  draws no tile it drops again when the layout effect measures. */
function firstWindow(): TileWindow {
  const cols = Math.max(1, Math.floor(window.innerWidth / TILE_MIN_W));
  const rows = Math.max(1, Math.ceil(window.innerHeight / TILE_H));
  return { from: 0, to: cols * rows, rowH: 0, cols: 1 };
}
const EVERYTHING: TileWindow = { from: 0, to: Number.MAX_SAFE_INTEGER, rowH: 0, cols: 1 };

const sameWindow = (a: TileWindow, b: TileWindow) =>
  a.from === b.from && a.to === b.to && a.rowH === b.rowH && a.cols === b.cols;

/** The window for the grid's geometry now; EVERYTHING without layout (tests). */
function measureWindow(outer: HTMLElement, el: HTMLElement): TileWindow {
  const first = el.firstElementChild as HTMLElement | null;
  const style = getComputedStyle(el);
  const cols = style.gridTemplateColumns.split(' ').filter(Boolean).length || 1;
  const rowGap = parseFloat(style.rowGap) || 0;
  const rowH = (first?.offsetHeight ?? 0) + rowGap;
  if (!first || rowH <= rowGap) return EVERYTHING;
  const top = outer.getBoundingClientRect().top;
  const firstRow = Math.max(0, Math.floor(-top / rowH) - OVERSCAN_ROWS);
  const lastRow = Math.max(0, Math.floor((window.innerHeight - top) / rowH) + OVERSCAN_ROWS);
  return { from: firstRow * cols, to: (lastRow + 1) * cols, rowH, cols };
}

/**
 * Which tiles (by index) are on or near the screen, from the grid's geometry: every tile has the
 * same height, so the range follows from the scroll position alone — no observer per tile (at
 * 500 tiles the browser's intersection checks alone cost more than a frame while scrolling).
 */
function useTileWindow(
  box: React.RefObject<HTMLDivElement | null>,
  grid: React.RefObject<HTMLDivElement | null>,
  count: number,
): TileWindow {
  const [win, setWin] = useState<TileWindow>(firstWindow);
  // A layout effect: the first window is measured before the first paint, so the first screen
  // never shows a wrong one.
  useLayoutEffect(() => {
    const outer = box.current;
    const el = grid.current;
    if (!outer || !el) return;
    let frame = 0;
    const measure = () => {
      const next = measureWindow(outer, el);
      setWin((prev) => (sameWindow(prev, next) ? prev : next));
    };
    const run = () => {
      frame = 0;
      measure();
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(run);
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
  }, [box, grid, count]);
  return win;
}

/**
 * The queues' tiles, of which only the rows on or near the screen are in the page: the box keeps
 * the whole list's height (every tile has one fixed height), so the scroll bar and position are
 * those of all the queues, while the browser styles, lays out, paints and hit-tests a few dozen
 * tiles instead of 500 on every scroll step and patch. A tile that takes focus is scrolled into
 * view, which draws the rows after it, so Tab still walks every queue; the search field finds one
 * by name.
 */
export function TileGrid({
  queues,
  children,
}: {
  queues: readonly Queue[];
  children: (q: Queue) => ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const { from, to, rowH, cols } = useTileWindow(box, grid, queues.length);
  const rows = Math.ceil(queues.length / cols);
  const firstRow = Math.floor(from / cols);
  return (
    <div
      ref={box}
      className="live-data"
      style={rowH > 0 ? { height: rows * rowH, contain: 'size layout' } : undefined}
    >
      <div
        ref={grid}
        className="grid grid-cols-[repeat(auto-fill,minmax(19rem,1fr))] gap-4"
        style={rowH > 0 ? { transform: `translateY(${firstRow * rowH}px)` } : undefined}
      >
        {queues.slice(from, to).map((q) => children(q))}
      </div>
    </div>
  );
}
