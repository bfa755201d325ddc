import { useLayoutEffect, type RefObject } from 'react';

/**
 * Hides the items of a clipped list that its box cuts through, so a list squeezed by its
 * neighbours shows whole rows and never half a line (a wall tile with many states and limit
 * marks). Re-measured when the list is resized or `count` changes.
 */
export function useWholeRows(ref: RefObject<HTMLElement | null>, count: number, on: boolean): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !on || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const bottom = el.getBoundingClientRect().bottom;
      for (const child of Array.from(el.children)) {
        if (!(child instanceof HTMLElement)) continue;
        child.style.visibility = '';
        if (child.getBoundingClientRect().bottom > bottom + 1) child.style.visibility = 'hidden';
      }
    };
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    return () => ro.disconnect();
  }, [ref, count, on]);
}
