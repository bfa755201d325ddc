import { useEffect, useRef } from 'react';
import { useSettings } from '@/api/get-settings';
import { env } from '@/config/env';

/**
 * A wall display runs for weeks: when the server starts serving a new release, reload so the
 * screen never runs stale code against a newer API.
 */
export function useReleaseWatch(reload: () => void = () => location.reload()): void {
  const settings = useSettings(env.releasePollMs);
  const first = useRef<string | null>(null);
  const release = settings.data?.release ?? null;
  useEffect(() => {
    if (release === null) return;
    if (first.current === null) first.current = release;
    else if (first.current !== release) reload();
  }, [release, reload]);
}
