// The shutdown policy with an injected clock: one clean shutdown however often the signal comes
// in a burst (a terminal's Ctrl+C reaches every process of the group and wrappers forward it),
// a later signal gives up on the sign-out, and a slow shutdown is cut at the time limit.
import { describe, expect, it } from 'vitest';
import { createShutdown } from '../../src/shutdown';

function rig() {
  let t = 1000;
  const lines: string[] = [];
  const exits: number[] = [];
  let closes = 0;
  let finishClose: () => void = () => {};
  let timer: { fn: () => void; ms: number } | null = null;
  const shutdown = createShutdown({
    close: () => {
      closes += 1;
      return new Promise<void>((resolve) => {
        finishClose = resolve;
      });
    },
    timeoutMs: 10_000,
    repeatWindowMs: 2000,
    now: () => t,
    setTimer: (fn, ms) => {
      timer = { fn, ms };
      return () => (timer = null);
    },
    write: (line) => lines.push(line),
    exit: (code) => exits.push(code),
  });
  return {
    shutdown,
    lines,
    exits,
    closes: () => closes,
    advance: (ms: number) => (t += ms),
    finishClose: async () => {
      finishClose();
      await new Promise((r) => setImmediate(r));
    },
    timer: () => timer,
  };
}

describe('shutdown on signals', () => {
  it('treats a burst of SIGINTs (the process group, then each wrapper) as one request', async () => {
    const r = rig();
    r.shutdown.onSignal('SIGINT');
    r.advance(3);
    r.shutdown.onSignal('SIGINT');
    r.advance(40);
    r.shutdown.onSignal('SIGINT');
    r.shutdown.onSignal('SIGTERM');
    expect(r.closes()).toBe(1);
    expect(r.exits).toEqual([]);
    await r.finishClose();
    expect(r.exits).toEqual([0]);
    expect(r.lines).toEqual(['SIGINT: signing out of the gateway and stopping']);
    expect(r.lines.join('\n')).not.toContain('again');
  });

  it('gives up on the clean sign-out when the signal comes again after the burst', () => {
    const r = rig();
    r.shutdown.onSignal('SIGTERM');
    r.advance(2500);
    r.shutdown.onSignal('SIGINT');
    expect(r.exits).toEqual([1]);
    expect(r.lines.at(-1)).toBe('SIGINT again: exiting without a clean sign-out');
  });

  it('exits 1 when the shutdown outlasts its time limit, and cancels the timer otherwise', async () => {
    const slow = rig(); // close() never finishes: nobody calls finishClose;
    slow.shutdown.onSignal('SIGTERM');
    expect(slow.timer()?.ms).toBe(10_000);
    slow.timer()!.fn();
    expect(slow.exits).toEqual([1]);
    expect(slow.lines.at(-1)).toMatch(/longer than 10 s/);

    const quick = rig();
    quick.shutdown.onSignal('SIGTERM');
    await quick.finishClose();
    expect(quick.timer()).toBeNull();
    expect(quick.exits).toEqual([0]);
  });
});
