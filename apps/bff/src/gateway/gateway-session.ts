// The one signed-in supervisor session of this BFF, and its lifecycle: start, stop, re-sign-in
// with back-off after a loss, the slow retry after a fatal sign-in answer, the watchdog that
// assumes a silent session dead, and the status screens read. The parts with one job each live
// beside it: sign-in.ts (which variant), keep-alive.ts (the event long poll), guid-slot.ts (Guid
// rotation), data-calls.ts and route-throttle.ts (data queries and the refused ones),
// gateway-error.ts, exchange.ts (one upstream call) and rate-budget.ts.
// See docs/decisions/0003-gateway-session.md.
import { backoff, guidFromSetGuid } from '@floorwatch/contracts';
import type { GatewayError } from '@floorwatch/contracts/api';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics';
import type { BudgetCaller, GatewaySessionPort, SessionState, SessionStatus } from './types';
import { createDataCalls } from './data-calls';
import { createExchange } from './exchange';
import { GatewayCallError, isGatewayCallError } from './gateway-call-error';
import { createGatewayClient } from './gateway-client';
import { gatewayError } from './gateway-error';
import { createGuidSlot } from './guid-slot';
import { createKeepAlive } from './keep-alive';
import { fingerprint } from './log-safe';
import { createRateBudget, LATE_HANDLING_MS, type BudgetRelease } from './rate-budget';
import { createRouteThrottle, DEFAULT_NO_RIGHT_PROBE_MS } from './route-throttle';
import { createSignIn } from './sign-in';

export { GatewayCallError } from './gateway-call-error';
export { fingerprint } from './log-safe';

export interface GatewaySessionOptions {
  baseUrl: string;
  agentId: string;
  password: string;
  phone?: string | undefined;
  ca?: string | Buffer | undefined;
  insecureTls?: boolean;
  forceLogin: boolean;
  budget: { max: number; windowMs: number };
  requestTimeoutMs: number;
  pollTimeoutMs: number;
  deadAfterMs: number;
  /** Re-sign-in after a loss or a failed sign-in, and a refused event poll. */
  backoff: { initialMs: number; maxMs: number };
  /** Retry of a sign-in refused for good (wrong password, locked, config): slow, because every
   *  wrong-password attempt brings the account closer to being locked. */
  fatalRetryMs: number;
  /** Probe of a data query refused for good (300-001 no right): cannot lock anything, so much
   *  faster than fatalRetryMs. Default DEFAULT_NO_RIGHT_PROBE_MS. */
  noRightProbeMs?: number;
  logger: Logger;
  metrics: Metrics;
  now?: () => number;
  random?: () => number;
}

export interface GatewaySession extends GatewaySessionPort {
  /** Resolves after the first sign-in attempt finished (success or not); never rejects. */
  start(): Promise<void>;
  /** Stops polling, signs out (100-006/100-008 count as already out), releases everything. */
  stop(): Promise<void>;
}

const SESSION_STATES: SessionState[] = [
  'signed-out',
  'signing-in',
  'signed-in',
  'backing-off',
  'fatal',
];

type Phase = 'idle' | 'signing-in' | 'active' | 'waiting' | 'stopped';

export function createGatewaySession(opts: GatewaySessionOptions): GatewaySession {
  const now = opts.now ?? Date.now;
  const random = opts.random ?? Math.random;
  const log = opts.logger.child({ component: 'gateway-session', agentId: opts.agentId });
  const { metrics, agentId } = opts;
  const client = createGatewayClient({
    baseUrl: opts.baseUrl,
    ...(opts.ca !== undefined ? { ca: opts.ca } : {}),
    ...(opts.insecureTls !== undefined ? { insecureTls: opts.insecureTls } : {}),
  });
  const budget = createRateBudget({
    max: opts.budget.max,
    windowMs: opts.budget.windowMs,
    // Slots are anchored at the answer (see rate-budget.ts); this only covers clock drift.
    headroomMs: 100,
    now,
    onWait: (caller) => metrics.upstreamBudgetWaits.inc({ caller }),
  });
  const guids = createGuidSlot(log);
  const exchange = createExchange({ client, metrics, agentId, guids });
  const throttle = createRouteThrottle({
    probeMs: opts.noRightProbeMs ?? DEFAULT_NO_RIGHT_PROBE_MS,
    now,
  });

  let phase: Phase = 'idle';
  let lastSuccessAt: number | null = null;
  let signedInAt: number | null = null;
  let error: GatewayError | null = null;
  let signInFatal = false;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let watchdog: NodeJS.Timeout | null = null;
  let signInPromise: Promise<void> | null = null;
  const listeners = new Set<(s: SessionStatus) => void>();
  let lastEmitted = '';

  // A function, not an inline comparison: TypeScript would narrow `phase` across awaits.
  const stopped = (): boolean => phase === 'stopped';
  const active = (): boolean => phase === 'active';

  const signIn = createSignIn({
    exchange,
    budget,
    metrics,
    logger: log,
    password: opts.password,
    phone: opts.phone,
    forceLogin: opts.forceLogin,
    requestTimeoutMs: opts.requestTimeoutMs,
    now,
    stopped,
  });
  const keepAlive = createKeepAlive({
    exchange,
    budget,
    guids,
    logger: log,
    agentId,
    pollTimeoutMs: opts.pollTimeoutMs,
    backoff: opts.backoff,
    now,
    random,
    active,
    onSuccess() {
      lastSuccessAt = now();
      if (error && !error.fatal) {
        error = null;
        emit();
      }
    },
    onLost: sessionLost,
  });

  // ---- status ----------------------------------------------------------------------------

  function state(): SessionState {
    switch (phase) {
      case 'idle':
      case 'stopped':
        return 'signed-out';
      case 'signing-in':
        // A slow retry after a fatal answer stays 'fatal' until it succeeds: screens keep the
        // cause instead of flickering to "connecting" every fatalRetryMs.
        return signInFatal ? 'fatal' : 'signing-in';
      case 'active':
        return throttle.criticalError() ? 'fatal' : 'signed-in';
      case 'waiting':
        return signInFatal ? 'fatal' : 'backing-off';
    }
  }

  function status(): SessionStatus {
    return {
      state: state(),
      agentId,
      lastSuccessAt,
      error: (phase === 'active' ? throttle.criticalError() : null) ?? error,
      signedInAt,
    };
  }

  function emit(): void {
    const s = status();
    const err = s.error;
    const key = `${s.state}|${err ? `${err.code}|${err.category}|${err.fatal}` : ''}`;
    for (const st of SESSION_STATES)
      metrics.sessionState.set({ state: st }, st === s.state ? 1 : 0);
    if (key === lastEmitted) return;
    lastEmitted = key;
    for (const l of listeners) {
      try {
        l(s);
      } catch (e) {
        log.error({ err: e }, 'session status listener threw');
      }
    }
  }

  // ---- sign-in and re-sign-in ------------------------------------------------------------

  const nextBackoff = () => backoff(attempt++, { ...opts.backoff, random });

  function scheduleSignIn(delayMs: number): void {
    if (stopped()) return;
    if (retryTimer) clearTimeout(retryTimer);
    phase = 'waiting';
    emit();
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void signInNow();
    }, delayMs);
  }

  function signInNow(): Promise<void> {
    // A pending sign-in blocks another one on the gateway: never two at once.
    if (signInPromise) return signInPromise;
    signInPromise = doSignIn().finally(() => {
      signInPromise = null;
    });
    return signInPromise;
  }

  async function doSignIn(): Promise<void> {
    if (stopped()) return;
    phase = 'signing-in';
    emit();
    const res = await signIn.attempt();
    if (stopped()) {
      // stop() ran while this sign-in was on the wire: do not leave a session behind.
      if (res.ok) await logout(res.guid);
      return;
    }
    if (res.ok) {
      guids.begin(res.guid);
      const t = now();
      signedInAt = t;
      lastSuccessAt = t;
      error = null;
      signInFatal = false;
      // The back-off starts over only once the new session has served the agents query (see
      // the data calls below): a gateway that refuses every new session at its first query must
      // see each re-sign-in later than the one before, not one per poll.
      throttle.clear();
      phase = 'active';
      log.info({ kind: res.kind, guid: fingerprint(res.guid) }, 'signed in to the gateway');
      emit();
      keepAlive.start();
      return;
    }
    error = res.error;
    signInFatal = res.error.fatal;
    const fields = { kind: res.kind, code: res.error.code, category: res.error.category };
    if (res.error.fatal) {
      log.error(fields, 'sign-in refused for a reason retrying will not fix; retrying slowly');
      scheduleSignIn(opts.fatalRetryMs);
      return;
    }
    const delay = nextBackoff();
    log.warn({ ...fields, msg: res.error.message, delay }, 'sign-in failed; backing off');
    scheduleSignIn(delay);
  }

  /** The session is gone (or assumed gone): drop the Guid and sign in again after a back-off. */
  function sessionLost(gen: number, err: GatewayError, why: string): void {
    if (gen !== guids.generation() || phase !== 'active') return;
    guids.end();
    error = err;
    throttle.clear();
    keepAlive.abort();
    const delay = nextBackoff();
    log.warn({ why, code: err.code, delay }, 'gateway session lost; signing in again');
    scheduleSignIn(delay);
  }

  function checkAlive(): void {
    if (phase !== 'active') return;
    const last = Math.max(lastSuccessAt ?? 0, signedInAt ?? 0);
    if (now() - last > opts.deadAfterMs) {
      const msg = `no successful call for ${opts.deadAfterMs} ms`;
      sessionLost(
        guids.generation(),
        gatewayError('DEAD', msg, 'session-lost', now()),
        'dead-after',
      );
    }
  }

  // ---- data calls ----------------------------------------------------------------------

  function signedInGuid(): string {
    if (stopped()) throw new GatewayCallError('STOPPED', 'gateway session stopped');
    const guid = guids.current();
    if (!guid || phase !== 'active')
      throw new GatewayCallError('SIGNED_OUT', 'not signed in to the gateway');
    return guid;
  }

  const call = createDataCalls({
    exchange,
    budget,
    guids,
    throttle,
    logger: log,
    requestTimeoutMs: opts.requestTimeoutMs,
    now,
    signedInGuid,
    onSuccess(caller) {
      lastSuccessAt = now();
      // The floor is what the session is for: a session that delivered it has proved itself.
      if (caller === 'agents') attempt = 0;
    },
    onLost: sessionLost,
    onRefusalChange: emit,
  });

  // ---- lifecycle -----------------------------------------------------------------------

  async function logout(held: string): Promise<void> {
    let release: BudgetRelease | null = null;
    try {
      release = await budget.acquire('session');
      const { retcode } = await exchange({
        route: 'logout',
        guid: held,
        timeoutMs: opts.requestTimeoutMs,
      });
      if (retcode === '0' || retcode === '100-006' || retcode === '100-008') {
        log.info({ retcode }, 'signed out of the gateway');
      } else {
        log.warn({ retcode }, 'sign-out refused; the gateway will time the session out');
      }
    } catch (e) {
      log.warn({ code: isGatewayCallError(e) ? e.code : 'ERROR' }, 'sign-out call failed');
    } finally {
      release?.();
    }
  }

  async function start(): Promise<void> {
    if (phase !== 'idle') return;
    watchdog = setInterval(checkAlive, Math.max(250, Math.min(5000, opts.deadAfterMs / 4)));
    watchdog.unref();
    try {
      await signInNow();
    } catch (e) {
      log.error({ err: e }, 'unexpected error in first sign-in');
    }
  }

  async function stop(): Promise<void> {
    if (phase === 'stopped') return;
    const held = guids.current();
    const wasActive = phase === 'active';
    phase = 'stopped';
    guids.end();
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    if (watchdog) clearInterval(watchdog);
    watchdog = null;
    keepAlive.stop();
    // Queued data calls would only delay the sign-out; they learn STOPPED instead.
    budget.drain();
    try {
      await signInPromise;
    } catch {
      // the sign-in reports its own failures
    }
    if (held && wasActive) await logout(held);
    budget.close();
    client.close();
    emit();
  }

  return {
    agentId,
    status,
    call,
    currentGuid: () => (phase === 'active' ? guids.current() : null),
    offerSetGuid(header) {
      guids.offer(guidFromSetGuid(header), guids.generation(), 'proxy');
    },
    // The proxy cannot tell us when its call was answered.
    acquireBudget: async (caller: BudgetCaller) => {
      const release = await budget.acquire(caller);
      release(now() + LATE_HANDLING_MS);
    },
    onStatusChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start,
    stop,
  };
}
