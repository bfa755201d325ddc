// The keep-alive: the event long poll. The gateway signs a session out after a while without an
// event poll (docs/gateway.md §Keep-alive and idle sign-out), so one poll is always on the wire,
// never two (a second one is refused). Its answers also carry the rotated Guid (exchange.ts offers
// every Set-GUID to the slot), and they are where a lost session shows first.
import { backoff, eventPollResponse, retcodeCategory } from '@floorwatch/contracts';
import type { GatewayError } from '@floorwatch/contracts/api';
import type { Logger } from 'pino';
import type { Exchange } from './exchange';
import { errorFromCall, errorFromRetcode, gatewayError } from './gateway-error';
import type { GuidSlot } from './guid-slot';
import { LATE_HANDLING_MS, type BudgetRelease, type RateBudget } from './rate-budget';

export interface KeepAliveOptions {
  exchange: Exchange;
  budget: RateBudget;
  guids: GuidSlot;
  logger: Logger;
  agentId: string;
  pollTimeoutMs: number;
  /** Back-off after refused or failed polls (the session holds meanwhile). */
  backoff: { initialMs: number; maxMs: number };
  now: () => number;
  random?: () => number;
  /** True while the session is signed in (not lost, not stopped). */
  active: () => boolean;
  /** The gateway answered a poll with retcode 0. */
  onSuccess: () => void;
  /** The session of generation `gen` is gone: a session-lost retcode or our ShutdownService. */
  onLost: (gen: number, error: GatewayError, why: string) => void;
}

export interface KeepAlive {
  /** Starts polling for the current generation; a loop of an older one hands over. */
  start(): void;
  /** Aborts the poll on the wire (the session was lost or is stopping). */
  abort(): void;
  /** Aborts and wakes the loop so it ends. */
  stop(): void;
}

export function createKeepAlive(opts: KeepAliveOptions): KeepAlive {
  const { exchange, budget, guids, now, agentId } = opts;
  const random = opts.random ?? Math.random;
  const log = opts.logger;
  let running = false;
  let pollAbort: AbortController | null = null;
  let nap: { timer: NodeJS.Timeout; wake: () => void } | null = null;

  const current = (gen: number) => opts.active() && gen === guids.generation();

  function sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        nap = null;
        resolve();
      };
      nap = { timer: setTimeout(wake, ms), wake };
    });
  }

  function start(): void {
    if (running) return; // the old loop notices the new generation and hands over
    running = true;
    const gen = guids.generation();
    void loop(gen).finally(() => {
      running = false;
      // A re-sign-in may have happened while the old loop was finishing its last call.
      if (opts.active() && guids.generation() !== gen) start();
    });
  }

  /** One poll; returns the pause before the next, or null when this loop is done. */
  async function pollOnce(gen: number, failures: { n: number }): Promise<number | null> {
    let release: BudgetRelease;
    try {
      release = await budget.acquire('keepalive');
    } catch {
      return null;
    }
    const sentAt = now();
    if (!current(gen)) {
      release();
      return null;
    }
    const abort = new AbortController();
    pollAbort = abort;
    const next = () => backoff(failures.n++, { ...opts.backoff, random });
    try {
      const { ans, retcode } = await exchange({
        route: 'getAgentEvent',
        guid: guids.current(),
        timeoutMs: opts.pollTimeoutMs,
        signal: abort.signal,
      });
      if (gen !== guids.generation()) return null;
      if (retcode === '0') {
        failures.n = 0;
        opts.onSuccess();
        const parsed = eventPollResponse.safeParse(ans.json);
        const ev = parsed.success ? parsed.data.event : null;
        if (ev?.eventType === 'AgentOther_ShutdownService' && (ev.workNo ?? agentId) === agentId) {
          const err = gatewayError(
            'SHUTDOWN',
            'the gateway signed this agent out',
            'session-lost',
            now(),
          );
          opts.onLost(gen, err, 'AgentOther_ShutdownService');
          return null;
        }
        return 200 + random() * 300;
      }
      const category = retcode ? retcodeCategory(retcode) : 'other';
      if (retcode && (category === 'session-lost' || category === 'guid-expired')) {
        opts.onLost(gen, errorFromRetcode(retcode, now()), `poll answered ${retcode}`);
        return null;
      }
      // 000-007 (over the limit / repeated) and the like: slow down, the session holds.
      const delay = next();
      log.warn({ retcode, delay }, 'event poll refused; backing off');
      return delay;
    } catch (e) {
      if (!current(gen)) return null;
      const delay = next();
      const err = errorFromCall(e, now());
      log.warn({ code: err.code, msg: err.message, delay }, 'event poll failed');
      return delay;
    } finally {
      if (pollAbort === abort) pollAbort = null;
      // The gateway counted the poll when it received it, not when it answered ~10 s later.
      release(Math.min(now(), sentAt + LATE_HANDLING_MS));
    }
  }

  async function loop(gen: number): Promise<void> {
    const failures = { n: 0 };
    while (current(gen)) {
      const pause = await pollOnce(gen, failures);
      if (pause === null) return;
      await sleep(pause);
    }
  }

  return {
    start,
    abort() {
      pollAbort?.abort();
    },
    stop() {
      pollAbort?.abort();
      if (nap) {
        clearTimeout(nap.timer);
        nap.wake();
      }
    },
  };
}
