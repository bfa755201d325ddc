import { useCallback, useMemo } from 'react';
import { useUrlParams } from '@/hooks/use-url-params';
import { parseGridState, serializeGridState, type GridState } from '../lib/grid-url-state';

/** The grid's view state, read from and written to the URL. */
export function useGridState(): [GridState, (patch: Partial<GridState>) => void] {
  const [params, editParams] = useUrlParams();
  const state = useMemo(() => parseGridState(params), [params]);
  const update = useCallback(
    (patch: Partial<GridState>) =>
      editParams((prev) => serializeGridState({ ...parseGridState(prev), ...patch }, prev)),
    [editParams],
  );
  return [state, update];
}
