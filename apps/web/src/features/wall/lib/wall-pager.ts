// Which queues each page of a wall shows. A cycle shows every queue exactly once; each page is
// picked when it is turned to, from the queues not yet shown in this cycle, critical ones first.
// So a queue that is past a critical limit is on the next page at the latest (never on page 9
// of 9), and a queue on screen does not move while people read it.

export interface PagerContext {
  /** Every queue to show, in the order of the link (or by skill id). */
  order: readonly number[];
  perPage: number;
  /** Asked when a page is picked, not on every render. */
  isCritical: (skillId: number) => boolean;
}

export interface PagerState {
  /** The pages of this cycle so far, in the order shown. */
  pages: number[][];
  index: number;
}

export function pageCount(total: number, perPage: number): number {
  return total === 0 ? 0 : Math.ceil(total / Math.max(1, perPage));
}

/**
 * The next page from the queues not yet shown in this cycle: critical ones first, then the rest,
 * each in their usual order. Queues in `justShown` (the page a new cycle follows) go last, so
 * the same queue is not shown twice in a row. When everything fits on one page, nothing moves.
 */
export function pickPage(
  ctx: PagerContext,
  shown: ReadonlySet<number>,
  justShown: ReadonlySet<number> = new Set(),
): number[] {
  const size = Math.max(1, ctx.perPage);
  if (ctx.order.length <= size) return [...ctx.order];
  const rank = (id: number) => (justShown.has(id) ? 2 : 0) + (ctx.isCritical(id) ? 0 : 1);
  return ctx.order
    .map((id, i) => ({ id, i, r: shown.has(id) ? -1 : rank(id) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, size)
    .map((x) => x.id);
}

export function startCycle(ctx: PagerContext, justShown?: ReadonlySet<number>): PagerState {
  return { pages: [pickPage(ctx, new Set(), justShown)], index: 0 };
}

/** Turns to the next page: one seen before (after going back), a new pick, or a new cycle. */
export function nextPage(state: PagerState, ctx: PagerContext): PagerState {
  if (state.index + 1 < state.pages.length) return { ...state, index: state.index + 1 };
  const shown = new Set(state.pages.flat());
  const known = new Set(ctx.order);
  const left = ctx.order.some((id) => !shown.has(id));
  if (!left || [...shown].some((id) => !known.has(id)))
    return startCycle(ctx, new Set(state.pages[state.index]));
  return { pages: [...state.pages, pickPage(ctx, shown)], index: state.pages.length };
}

/** Back one page within this cycle (a person at the display with a keyboard). */
export function previousPage(state: PagerState): PagerState {
  return state.index > 0 ? { ...state, index: state.index - 1 } : state;
}
