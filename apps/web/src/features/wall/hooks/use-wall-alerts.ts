import { useCallback, useEffect, useRef, useState } from 'react';
import { useCriticalAlerts } from '@/hooks/use-critical-alerts';
import { useFloor } from '@/hooks/use-floor';
import { readLive } from '@/hooks/use-live';
import { playAlertTone, allowSound } from '@/lib/alert-tone';
import { agentKey, queueKey, type ActiveBreaches } from '@/lib/alerts';
import { judgeAgent, judgeKpis } from '@/lib/limits';

/** One tone at most this often, however many breaches begin together. */
const TONE_GAP_MS = 15_000;

export interface WallAlerts {
  breaches: ActiveBreaches;
  /** Sound is on but the browser has not allowed it yet (it needs one click or key press). */
  soundBlocked: boolean;
}

/**
 * What is critical on this wall (its queues, and their agents), once a second; a new breach
 * plays a short tone when the wall link or the URL asks for sound.
 */
export function useWallAlerts(skillIds: readonly number[], sound: boolean): WallAlerts {
  const { policy, ready } = useFloor();
  const [soundBlocked, setSoundBlocked] = useState(false);
  const lastTone = useRef(-Infinity);

  const critical = useCallback(
    (serverNow: number) => {
      const { queues, agents } = readLive();
      const keys = new Set<string>();
      for (const id of skillIds) {
        const q = queues.get(id);
        if (!q) continue;
        let crit = judgeKpis(q, policy).level === 'crit';
        for (const w of q.agents) {
          const a = agents.get(w);
          if (a && judgeAgent(a, id, serverNow, policy).level === 'crit') {
            keys.add(agentKey(w));
            crit = true;
          }
        }
        if (crit) keys.add(queueKey(id));
      }
      return keys;
    },
    [skillIds, policy],
  );

  const onStart = useCallback(() => {
    if (!sound) return;
    const now = Date.now();
    if (now - lastTone.current < TONE_GAP_MS) return;
    lastTone.current = now;
    setSoundBlocked(playAlertTone() === 'blocked');
  }, [sound]);

  // A click or key press is what browsers want before they allow sound.
  useEffect(() => {
    if (!sound) return;
    const allow = () => void allowSound().then((ok) => setSoundBlocked(!ok));
    window.addEventListener('pointerdown', allow);
    window.addEventListener('keydown', allow);
    return () => {
      window.removeEventListener('pointerdown', allow);
      window.removeEventListener('keydown', allow);
    };
  }, [sound]);

  const breaches = useCriticalAlerts(critical, onStart, ready);
  return { breaches, soundBlocked: sound && soundBlocked };
}
