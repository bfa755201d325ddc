import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { AGENT_PARAM } from '@/lib/routes';

/** The agent whose detail is open (`?agent=<workno>`), and how to open or close it. */
export function useAgentParam(): [string | null, (workno: string) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const workno = params.get(AGENT_PARAM);
  const set = useCallback(
    (value: string | null) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value === null) next.delete(AGENT_PARAM);
          else next.set(AGENT_PARAM, value);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const open = useCallback((w: string) => set(w), [set]);
  const close = useCallback(() => set(null), [set]);
  return [workno && workno.length <= 64 ? workno : null, open, close];
}
