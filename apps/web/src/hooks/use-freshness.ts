import { useSettings } from '@/api/get-settings';
import { computeFreshness, type Freshness } from '@/lib/freshness';
import { useNow } from '@/stores/clock-store';
import { useLiveStore } from '@/stores/live-store';

const DEFAULT_STALE_AFTER_MS = 30_000;

export function useFreshness(): Freshness {
  const now = useNow();
  const connection = useLiveStore((s) => s.connection);
  const gateway = useLiveStore((s) => s.gateway);
  const lastSuccessAt = useLiveStore((s) => s.lastSuccessAt);
  const hasData = useLiveStore((s) => s.version !== null);
  const clockOffsetMs = useLiveStore((s) => s.clockOffsetMs);
  const staleAfterMs = useSettings().data?.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  return computeFreshness({
    connection,
    gateway,
    lastSuccessAt,
    hasData,
    clockOffsetMs,
    now,
    staleAfterMs,
  });
}

/** Just the "dim it" bit, for containers (re-renders only when it flips). */
export function useIsStale(): boolean {
  return useFreshness().isStale;
}
