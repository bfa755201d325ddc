import { useEffect, useRef, useState } from 'react';
import { NO_BREACHES, stepAlerts, type ActiveBreaches } from '@/lib/alerts';
import { useServerNow } from './use-server-now';

/**
 * The critical breaches on now, re-checked once a second on the shared clock: `critical(now)`
 * names the keys that are past a critical limit. `onStart` hears each new breach once.
 */
export function useCriticalAlerts(
  critical: (serverNow: number) => ReadonlySet<string>,
  onStart?: (keys: string[]) => void,
  enabled = true,
): ActiveBreaches {
  const serverNow = useServerNow(enabled);
  const [active, setActive] = useState<ActiveBreaches>(NO_BREACHES);
  const latest = useRef({ critical, onStart, active });
  useEffect(() => {
    latest.current = { critical, onStart, active };
  });
  useEffect(() => {
    if (!enabled || serverNow === 0) return;
    const l = latest.current;
    const step = stepAlerts(l.active, l.critical(serverNow), serverNow);
    if (step.active !== l.active) setActive(step.active);
    if (step.started.length > 0) l.onStart?.(step.started);
  }, [serverNow, enabled]);
  return active;
}

const pulsed = new Set<string>();

/**
 * True while this breach's one pulse should play: the first time any element shows breach `id`
 * (a tile paged in later still pulses once); never again for the same breach.
 */
export function usePulseOnce(id: string | null): boolean {
  const [pulsing, setPulsing] = useState<string | null>(null);
  useEffect(() => {
    if (id === null || pulsed.has(id)) return;
    // On the next frame, so the class is added after the red is painted (the pulse is seen).
    const frame = requestAnimationFrame(() => {
      pulsed.add(id);
      setPulsing(id);
    });
    return () => cancelAnimationFrame(frame);
  }, [id]);
  return id !== null && pulsing === id;
}
