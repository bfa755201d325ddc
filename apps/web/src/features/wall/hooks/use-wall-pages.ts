import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  nextPage,
  pageCount,
  previousPage,
  startCycle,
  type PagerContext,
  type PagerState,
} from '../lib/wall-pager';

export interface WallPages {
  /** Skill ids on the page on screen. */
  ids: readonly number[];
  /** 1-based position in this cycle, and the number of pages in a cycle. */
  page: number;
  pages: number;
  /** Changes with every page turn (a key for the fade). */
  turn: number;
  next: () => void;
  previous: () => void;
}

const NONE: readonly number[] = [];

/**
 * Turns pages by itself every `rotateSec`, and on the arrow and Page Up/Down keys (which restart
 * the timer). Starts a new cycle when the queues or the page size change. Inactive until `ready`
 * (data, limits and the screen size are known), so page 1 is picked with the real critical flags.
 */
export function useWallPages(opts: {
  order: readonly number[];
  perPage: number;
  rotateSec: number;
  isCritical: (skillId: number) => boolean;
  ready: boolean;
}): WallPages {
  const { order, perPage, rotateSec, ready } = opts;
  const key = useMemo(() => `${perPage}|${order.join(',')}`, [order, perPage]);
  const ctx = useRef<PagerContext>({ order, perPage, isCritical: opts.isCritical });
  useEffect(() => {
    ctx.current = { order, perPage, isCritical: opts.isCritical };
  });

  const [state, setState] = useState<{ key: string; pager: PagerState } | null>(null);
  const [turn, setTurn] = useState(0);
  // A new cycle when what is shown changes (picked during render: no flash of a stale page).
  if (ready && state?.key !== key) {
    setState({ key, pager: startCycle({ order, perPage, isCritical: opts.isCritical }) });
    setTurn((t) => t + 1);
  }

  const total = pageCount(order.length, perPage);
  const next = useCallback(() => {
    setState((s) => (s ? { ...s, pager: nextPage(s.pager, ctx.current) } : s));
    setTurn((t) => t + 1);
  }, []);
  const previous = useCallback(() => {
    setState((s) => (s ? { ...s, pager: previousPage(s.pager) } : s));
    setTurn((t) => t + 1);
  }, []);

  const turning = ready && total > 1;
  useEffect(() => {
    if (!turning) return;
    const t = setTimeout(next, rotateSec * 1000);
    return () => clearTimeout(t);
  }, [turning, rotateSec, turn, next]);

  useEffect(() => {
    if (!turning) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') next();
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') previous();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [turning, next, previous]);

  const pager = state?.key === key ? state.pager : null;
  return {
    ids: pager?.pages[pager.index] ?? NONE,
    page: (pager?.index ?? 0) + 1,
    pages: total,
    turn,
    next,
    previous,
  };
}
