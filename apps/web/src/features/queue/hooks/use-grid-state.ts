import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseGridState, serializeGridState, type GridState } from '../lib/grid-url-state';

/** The grid's view state, read from and written to the URL (replace: no history spam). */
export function useGridState(): [GridState, (patch: Partial<GridState>) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseGridState(params), [params]);
  const update = useCallback(
    (patch: Partial<GridState>) => {
      setParams((prev) => serializeGridState({ ...parseGridState(prev), ...patch }, prev), {
        replace: true,
      });
    },
    [setParams],
  );
  return [state, update];
}
