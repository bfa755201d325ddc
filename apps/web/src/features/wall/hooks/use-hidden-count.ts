import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * How many children of a clipped list fall below its bottom edge, re-measured when the list is
 * resized or `count` changes: a wall that cannot show everyone says how many it left out.
 */
export function useHiddenCount(ref: RefObject<HTMLElement | null>, count: number): number {
  const [hidden, setHidden] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const bottom = el.getBoundingClientRect().bottom;
      let n = 0;
      for (const child of Array.from(el.children))
        if (child.getBoundingClientRect().bottom > bottom + 1) n += 1;
      setHidden(n);
    };
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    return () => ro.disconnect();
  }, [ref, count]);
  return hidden;
}
