import { useCallback, useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now; false where there is no matchMedia (tests, SSR). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (cb: () => void) => {
      if (typeof matchMedia !== 'function') return () => {};
      const mq = matchMedia(query);
      mq.addEventListener('change', cb);
      return () => mq.removeEventListener('change', cb);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () =>
    typeof matchMedia === 'function' ? matchMedia(query).matches : false,
  );
}

/** Phone width: below Tailwind's `sm` (640 px) the queue page shows cards instead of a table. */
export const NARROW_QUERY = '(max-width: 639.98px)';

export function useIsNarrow(): boolean {
  return useMediaQuery(NARROW_QUERY);
}
