import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPoller } from '../../src/monitor/poller';

describe('single-flight poller', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('never overlaps runs and spaces starts by the interval or the run time', async () => {
    const starts: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    let runMs = 50;
    const poller = createPoller({
      intervalMs: () => 200,
      run: async () => {
        starts.push(Date.now());
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, runMs));
        inFlight--;
      },
      onError: () => undefined,
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(650);
    runMs = 500; // slower than the interval
    await vi.advanceTimersByTimeAsync(2000);
    const stopped = poller.stop(); // waits for the run in flight
    await vi.advanceTimersByTimeAsync(1000);
    await stopped;
    expect(maxInFlight).toBe(1);
    expect(starts.slice(0, 4)).toEqual([0, 200, 400, 600]);
    for (let i = 5; i < starts.length; i++)
      expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(500);
  });

  it('keeps going after a run throws', async () => {
    let runs = 0;
    const errors: unknown[] = [];
    const poller = createPoller({
      intervalMs: () => 100,
      run: () => {
        runs++;
        return Promise.reject(new Error('boom'));
      },
      onError: (e) => errors.push(e),
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(350);
    await poller.stop();
    expect(runs).toBe(4);
    expect(errors).toHaveLength(4);
  });
});
