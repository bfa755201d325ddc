import { useCallback } from 'react';
import { useUrlParams } from '@/hooks/use-url-params';
import { AGENT_PARAM } from '@/lib/routes';

/** The agent whose detail is open (`?agent=<workno>`), and how to open or close it. */
export function useAgentParam(): [string | null, (workno: string) => void, () => void] {
  const [params, editParams] = useUrlParams();
  const workno = params.get(AGENT_PARAM);
  const set = useCallback(
    (value: string | null) =>
      editParams((prev) => {
        if (value === null) prev.delete(AGENT_PARAM);
        else prev.set(AGENT_PARAM, value);
        return prev;
      }),
    [editParams],
  );
  const open = useCallback((w: string) => set(w), [set]);
  const close = useCallback(() => set(null), [set]);
  return [workno && workno.length <= 64 ? workno : null, open, close];
}
