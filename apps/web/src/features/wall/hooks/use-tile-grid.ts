import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fitTiles, type TileGrid } from '../lib/wall-fit';

interface Measure {
  width: number;
  height: number;
  /** px per wall unit, read from the CSS (`--wall-u`) through a probe element. */
  unit: number;
}

/**
 * The tile grid for `count` queues in the element the returned ref is put on; `null` until that
 * element has been measured. The element must contain a child `[data-wall-unit-probe]` whose
 * width is 100 wall units. Re-fits when the screen or the number of queues changes.
 */
export function useTileGrid(count: number): [(el: HTMLElement | null) => void, TileGrid | null] {
  const [measure, setMeasure] = useState<Measure | null>(null);
  const observer = useRef<ResizeObserver | null>(null);

  const ref = useCallback((el: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!el) return;
    const probe = el.querySelector<HTMLElement>('[data-wall-unit-probe]');
    const read = () => {
      const unit = probe ? probe.getBoundingClientRect().width / 100 : 0;
      const next = { width: el.clientWidth, height: el.clientHeight, unit };
      setMeasure((m) =>
        m && m.width === next.width && m.height === next.height && m.unit === next.unit ? m : next,
      );
    };
    // jsdom (component tests) has no layout: the grid then shows every queue on one page.
    if (typeof ResizeObserver === 'undefined') {
      setMeasure({ width: 0, height: 0, unit: 0 });
      return;
    }
    const ro = new ResizeObserver(read);
    ro.observe(el);
    if (probe) ro.observe(probe);
    observer.current = ro;
    read();
  }, []);

  useEffect(() => () => observer.current?.disconnect(), []);

  const grid = useMemo(
    () => (measure ? fitTiles(count, measure, measure.unit) : null),
    [count, measure],
  );
  return [ref, grid];
}
