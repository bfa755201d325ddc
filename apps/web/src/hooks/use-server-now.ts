import { useNow } from '@/stores/clock-store';
import { useLiveStore } from '@/stores/live-store';

/** "Now" on the BFF clock, ticking once a second: durations = serverNow − stateSince. */
export function useServerNow(enabled = true): number {
  const now = useNow(enabled);
  const offset = useLiveStore((s) => s.clockOffsetMs ?? 0);
  return now + offset;
}
