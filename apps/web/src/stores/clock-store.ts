// One clock for the whole page: every duration ticks on the same second, and the tick stops while
// the tab is hidden (it catches up at once when shown again).
import { useEffect } from 'react';
import { create } from 'zustand';

interface ClockState {
  now: number;
}

export const useClockStore = create<ClockState>()(() => ({ now: Date.now() }));

let subscribers = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

function schedule() {
  // Align ticks to the wall-clock second so every counter on screen changes together.
  const delay = 1000 - (Date.now() % 1000) + 5;
  timer = setTimeout(() => {
    useClockStore.setState({ now: Date.now() });
    schedule();
  }, delay);
}

function stop() {
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

function onVisibility() {
  if (document.visibilityState === 'hidden') stop();
  else if (timer === null && subscribers > 0) {
    useClockStore.setState({ now: Date.now() });
    schedule();
  }
}

function start() {
  subscribers += 1;
  if (subscribers === 1) {
    document.addEventListener('visibilitychange', onVisibility);
    useClockStore.setState({ now: Date.now() });
    if (document.visibilityState !== 'hidden') schedule();
  }
}

function release() {
  subscribers -= 1;
  if (subscribers === 0) {
    stop();
    document.removeEventListener('visibilitychange', onVisibility);
  }
}

/** Client time that updates once a second while mounted and visible. */
export function useNow(enabled = true): number {
  useEffect(() => {
    if (!enabled) return;
    start();
    return release;
  }, [enabled]);
  return useClockStore((s) => (enabled ? s.now : 0));
}
