// A single-flight repeating task: the next run starts intervalMs after the previous one started
// or when it finished, whichever is later. A slow gateway therefore never sees two of the same
// query at once, and never a burst of catch-up calls afterwards.

export interface Poller {
  start(): void;
  /** Stops scheduling and waits for a run in flight. */
  stop(): Promise<void>;
}

export function createPoller(opts: {
  intervalMs: () => number;
  run: () => Promise<void>;
  onError: (e: unknown) => void;
  now?: () => number;
  stopGraceMs?: number;
}): Poller {
  const stopGraceMs = opts.stopGraceMs ?? 250;
  const now = opts.now ?? Date.now;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = true;

  function schedule(delay: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, Math.max(0, delay));
  }

  function tick(): void {
    timer = null;
    if (stopped || running) return;
    const startedAt = now();
    running = (async () => {
      try {
        await opts.run();
      } catch (e) {
        opts.onError(e);
      }
    })().finally(() => {
      running = null;
      schedule(opts.intervalMs() - (now() - startedAt));
    });
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      // A run may sit in the budget queue or a long timeout; shutdown waits only briefly for
      // it, and the owner ignores whatever it brings afterwards.
      const grace = new Promise<void>((r) => setTimeout(r, stopGraceMs).unref());
      await Promise.race([running, grace]);
    },
  };
}
