import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

export type UrlParamsEdit = (current: URLSearchParams) => URLSearchParams;

/**
 * The URL's query and an edit that builds on every earlier edit, even one the router has not
 * rendered yet. react-router hands each functional `setSearchParams` call the params of the last
 * render, so two quick changes (pick a media type, then type in search) kept only the second.
 * Edits replace the history entry: filters are a view, not a place to go back to.
 */
export function useUrlParams(): [URLSearchParams, (edit: UrlParamsEdit) => void] {
  const [params, setParams] = useSearchParams();
  const latest = useRef(params);
  /** Queries written here that the router has not rendered yet, oldest first. */
  const pending = useRef<string[]>([]);

  useEffect(() => {
    const seen = pending.current.indexOf(params.toString());
    // Not one of ours: a link or the back button moved the URL, and it is the truth now.
    pending.current = seen === -1 ? [] : pending.current.slice(seen + 1);
    if (pending.current.length === 0) latest.current = params;
  }, [params]);

  const update = useCallback(
    (edit: UrlParamsEdit) => {
      const next = edit(new URLSearchParams(latest.current));
      latest.current = next;
      pending.current.push(next.toString());
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return [params, update];
}
