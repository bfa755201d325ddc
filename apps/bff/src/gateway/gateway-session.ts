// The one signed-in supervisor session of this BFF: sign-in (and forced sign-in), the Guid and
// its rotation, the event long-poll that keeps the session alive, re-sign-in with back-off,
// the slow retry after a fatal answer, and the one rate budget every upstream call shares.
// See docs/decisions/0003-gateway-session.md.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import {
  anyEnvelope,
  eventPollResponse,
  isFatalCategory,
  retcodeCategory,
  RETCODES,
  guidFromSetGuid,
  type RetcodeCategory,
  type SignInRequest,
} from '@floorwatch/contracts/gateway';
import type { GatewayError } from '@floorwatch/contracts/api';
import type { Metrics } from '../metrics';
import type {
  BudgetCaller,
  GatewayAnswer,
  GatewayRequest,
  GatewaySessionPort,
  SessionState,
  SessionStatus,
} from './types';
import { GatewayCallError, isGatewayCallError } from './gateway-call-error';
import { createGatewayClient, type RawAnswer } from './gateway-client';
import { createRateBudget, type BudgetRelease } from './rate-budget';

export { GatewayCallError } from './gateway-call-error';

export interface GatewaySessionOptions {
  baseUrl: string;
  agentId: string;
  password: string;
  phone?: string;
  ca?: string | Buffer;
  insecureTls?: boolean;
  forceLogin: boolean;
  budget: { max: number; windowMs: number };
  requestTimeoutMs: number;
  pollTimeoutMs: number;
  deadAfterMs: number;
  backoff: { initialMs: number; maxMs: number };
  fatalRetryMs: number;
  logger: Logger;
  metrics: Metrics;
  now?: () => number;
}

export interface GatewaySession extends GatewaySessionPort {
  /** Resolves after the first sign-in attempt finished (success or not); never rejects. */
  start(): Promise<void>;
  /** Stops polling, signs out (100-006/100-008 count as already out), releases everything. */
  stop(): Promise<void>;
}

/** A call whose answer we do not wait for before anchoring its budget slot (the long poll is
 *  answered ~10 s after the gateway counted it; the proxy reports nothing back) is counted as
 *  handled at most this long after we sent it. */
const LATE_HANDLING_MS = 1000;

const SESSION_STATES: SessionState[] = [
  'signed-out',
  'signing-in',
  'signed-in',
  'backing-off',
  'fatal',
];

/** A short, non-reversible tag so logs can tell Guids apart without containing one. */
export function fingerprint(secret: string | null): string | null {
  if (!secret) return null;
  return createHash('sha256').update(secret).digest('hex').slice(0, 8);
}

type Phase = 'idle' | 'signing-in' | 'active' | 'waiting' | 'stopped';
type SignInKind = 'login' | 'forcelogin' | 'loginex' | 'forceloginexwithoutphone';

export function createGatewaySession(opts: GatewaySessionOptions): GatewaySession {
  const now = opts.now ?? Date.now;
  const log = opts.logger.child({ component: 'gateway-session', agentId: opts.agentId });
  const metrics = opts.metrics;
  const agentId = opts.agentId;
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

  let phase: Phase = 'idle';
  let guid: string | null = null;
  // Bumped on every sign-in and every loss: answers to calls sent under an older generation
  // must neither rotate the Guid nor declare the (new) session lost.
  let generation = 0;
  let lastSuccessAt: number | null = null;
  let signedInAt: number | null = null;
  let error: GatewayError | null = null;
  // Fatal answers to data queries (300-001), per route: the session itself is fine, so it stays
  // signed in and keeps polling, but that route is refused except one probe per fatalRetryMs.
  // Per route, because a right can cover one query and not another: a success elsewhere must
  // neither clear the state nor unthrottle the refused query.
  // Only the agents query makes the whole session 'fatal' (nothing to show without it); a
  // refused queue-depth or skill-name query is throttled the same way but leaves the state alone.
  const fatalRoutes = new Map<
    string,
    { error: GatewayError; nextProbeAt: number; critical: boolean }
  >();
  function dataFatal(): GatewayError | null {
    for (const f of fatalRoutes.values()) if (f.critical) return f.error;
    return null;
  }
  let signInFatal = false;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let watchdog: NodeJS.Timeout | null = null;
  let pollAbort: AbortController | null = null;
  let pollRunning = false;
  let signInPromise: Promise<void> | null = null;
  const sleepers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  const listeners = new Set<(s: SessionStatus) => void>();
  let lastEmitted = '';

  // A function, not an inline comparison: TypeScript would narrow `phase` across awaits.
  function stopped(): boolean {
    return phase === 'stopped';
  }

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
        return dataFatal() ? 'fatal' : 'signed-in';
      case 'waiting':
        return signInFatal ? 'fatal' : 'backing-off';
    }
  }

  function status(): SessionStatus {
    return {
      state: state(),
      agentId,
      lastSuccessAt,
      error: dataFatal() ?? error,
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

  function gatewayError(code: string, message: string, category: string): GatewayError {
    const fatal = isFatalCategory(category as RetcodeCategory);
    return { code, message, category, fatal, at: now() };
  }

  function errorFromRetcode(retcode: string, gatewayMessage?: string): GatewayError {
    const known = RETCODES[retcode];
    const message = known?.message ?? (gatewayMessage || `Gateway answered ${retcode}`);
    return gatewayError(retcode, message, retcodeCategory(retcode));
  }

  function errorFromCall(e: unknown): GatewayError {
    if (isGatewayCallError(e)) return gatewayError(e.code, e.message, 'transport');
    return gatewayError('ERROR', e instanceof Error ? e.message : String(e), 'other');
  }

  function sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          sleepers.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      sleepers.add(entry);
    });
  }

  function backoffDelay(n: number): number {
    const cap = Math.min(opts.backoff.maxMs, opts.backoff.initialMs * 2 ** Math.min(n, 20));
    // "Equal jitter": never shorter than half the step, so retries spread out without ever
    // turning into a burst.
    return Math.round(cap / 2 + (Math.random() * cap) / 2);
  }

  function readRetcode(ans: RawAnswer): string | null {
    if (!ans.isJson) return null;
    const env = anyEnvelope.safeParse(ans.json);
    return env.success ? env.data.retcode : null;
  }

  function adoptGuid(next: string | null, gen: number, why: string): void {
    if (!next || gen !== generation || phase === 'stopped' || next === guid) return;
    guid = next;
    log.debug({ guid: fingerprint(next), why }, 'guid replaced');
  }

  /** One upstream exchange with metrics; transport failures reject with GatewayCallError. */
  async function exchange(
    method: GatewayRequest['method'],
    path: string,
    route: string,
    body: unknown,
    timeoutMs: number,
    useGuid: string | null,
    signal?: AbortSignal,
  ): Promise<{ ans: RawAnswer; retcode: string | null }> {
    // Taken before the call: a re-sign-in while it is on the wire makes its Set-GUID stale.
    const gen = generation;
    const end = metrics.upstreamLatency.startTimer({ route });
    try {
      const ans = await client.send({
        method,
        path,
        body,
        guid: useGuid,
        timeoutMs,
        ...(signal ? { signal } : {}),
      });
      end();
      // Any answer may carry a new Guid (REFERENCE §1.4), even one we go on to reject. A sign-in
      // answer's Guid is taken by the sign-in itself (no session to replace yet).
      if (useGuid) adoptGuid(ans.setGuid, gen, route);
      const retcode = readRetcode(ans);
      if (ans.httpStatus < 200 || ans.httpStatus >= 300) {
        metrics.upstreamRequests.inc({ route, retcode: `HTTP_${ans.httpStatus}` });
        throw new GatewayCallError(
          `HTTP_${ans.httpStatus}`,
          `gateway answered HTTP ${ans.httpStatus}`,
        );
      }
      if (!ans.isJson) {
        metrics.upstreamRequests.inc({ route, retcode: 'NOT_JSON' });
        throw new GatewayCallError('NOT_JSON', 'gateway answer is not JSON');
      }
      metrics.upstreamRequests.inc({ route, retcode: retcode ?? 'NO_RETCODE' });
      return { ans, retcode };
    } catch (e) {
      if (isGatewayCallError(e) && (e.code === 'TIMEOUT' || e.code === 'NETWORK')) {
        end();
        metrics.upstreamRequests.inc({ route, retcode: e.code });
      }
      throw e;
    }
  }

  function fillPath(path: string): string {
    return path.replaceAll('{agentId}', encodeURIComponent(agentId));
  }

  // ---- sign-in -------------------------------------------------------------------------

  function signInBody(): SignInRequest {
    const body: SignInRequest = {
      password: opts.password,
      status: 4,
      releasephone: true,
      agenttype: 4,
      autoanswer: false,
      autoenteridle: true,
    };
    if (opts.phone) body.phonenum = opts.phone;
    return body;
  }

  async function signInOnce(
    kind: SignInKind,
  ): Promise<{ retcode: string | null; guid: string | null; message: string }> {
    const paths: Record<SignInKind, string> = {
      login: '',
      forcelogin: '/forcelogin',
      loginex: '/loginex',
      forceloginexwithoutphone: '/forceloginexwithoutphone',
    };
    const release = await budget.acquire('session');
    if (stopped()) {
      release();
      throw new GatewayCallError('STOPPED', 'gateway session stopped');
    }
    try {
      const { ans, retcode } = await exchange(
        'PUT',
        `/onlineagent/${encodeURIComponent(agentId)}${paths[kind]}`,
        kind,
        signInBody(),
        opts.requestTimeoutMs,
        null,
      );
      metrics.signIns.inc({ kind, retcode: retcode ?? 'NO_RETCODE' });
      const env = anyEnvelope.safeParse(ans.json);
      return {
        retcode,
        guid: ans.setGuid,
        message: env.success ? env.data.message : '',
      };
    } catch (e) {
      if (isGatewayCallError(e)) metrics.signIns.inc({ kind, retcode: e.code });
      throw e;
    } finally {
      release();
    }
  }

  function scheduleSignIn(delayMs: number): void {
    if (phase === 'stopped') return;
    if (retryTimer) clearTimeout(retryTimer);
    phase = 'waiting';
    emit();
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void signIn();
    }, delayMs);
  }

  function signIn(): Promise<void> {
    // A pending sign-in blocks another one on the gateway (REFERENCE §1.1): never two at once.
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
    const phoneless = !opts.phone;
    let kind: SignInKind = phoneless ? 'loginex' : 'login';
    try {
      let res = await signInOnce(kind);
      if (res.retcode === '100-002' && opts.forceLogin) {
        // Usually our own session left behind by a restart of this BFF: take it over.
        log.warn('agent already signed in; forcing the sign-in');
        kind = phoneless ? 'forceloginexwithoutphone' : 'forcelogin';
        res = await signInOnce(kind);
      }
      if (stopped()) {
        // stop() ran while this sign-in was on the wire: do not leave a session behind.
        if (res.retcode === '0' && res.guid) await logout(res.guid);
        return;
      }
      if (res.retcode === '0' && res.guid) {
        generation++;
        guid = res.guid;
        const t = now();
        signedInAt = t;
        lastSuccessAt = t;
        error = null;
        signInFatal = false;
        attempt = 0;
        phase = 'active';
        log.info({ kind, guid: fingerprint(guid) }, 'signed in to the gateway');
        emit();
        startPolling(generation);
        return;
      }
      const retcode = res.retcode ?? 'NO_RETCODE';
      if (res.retcode === '0') {
        error = gatewayError('NO_GUID', 'sign-in answer carried no Set-GUID', 'other');
      } else {
        error = errorFromRetcode(retcode, res.message);
      }
      if (error.fatal) {
        signInFatal = true;
        log.error(
          { kind, retcode, category: error.category },
          'sign-in refused for a reason retrying will not fix; retrying slowly',
        );
        scheduleSignIn(opts.fatalRetryMs);
        return;
      }
      signInFatal = false;
      const delay = backoffDelay(attempt++);
      log.warn({ kind, retcode, category: error.category, delay }, 'sign-in failed; backing off');
      scheduleSignIn(delay);
    } catch (e) {
      if (stopped()) return;
      error = errorFromCall(e);
      signInFatal = false;
      const delay = backoffDelay(attempt++);
      log.warn({ kind, code: error.code, msg: error.message, delay }, 'sign-in call failed');
      scheduleSignIn(delay);
    }
  }

  /** The session is gone (or assumed gone): drop the Guid and sign in again after a back-off. */
  function sessionLost(gen: number, err: GatewayError, why: string): void {
    if (gen !== generation || phase !== 'active') return;
    generation++;
    guid = null;
    error = err;
    fatalRoutes.clear();
    pollAbort?.abort();
    const delay = backoffDelay(attempt++);
    log.warn({ why, code: err.code, delay }, 'gateway session lost; signing in again');
    scheduleSignIn(delay);
  }

  // ---- keep-alive long poll --------------------------------------------------------------

  function startPolling(gen: number): void {
    if (pollRunning) return; // the old loop notices the new generation and hands over
    pollRunning = true;
    void pollLoop(gen).finally(() => {
      pollRunning = false;
      // A re-sign-in may have happened while the old loop was finishing its last call.
      if (phase === 'active' && generation !== gen) startPolling(generation);
    });
  }

  async function pollLoop(gen: number): Promise<void> {
    let failures = 0;
    while (phase === 'active' && gen === generation) {
      let release: BudgetRelease;
      try {
        release = await budget.acquire('keepalive');
      } catch {
        return;
      }
      const sentAt = now();
      if (phase !== 'active' || gen !== generation) {
        release();
        return;
      }
      const abort = new AbortController();
      pollAbort = abort;
      let delay = 200 + Math.random() * 300;
      try {
        const { ans, retcode } = await exchange(
          'GET',
          `/agentevent/${encodeURIComponent(agentId)}`,
          'getAgentEvent',
          undefined,
          opts.pollTimeoutMs,
          guid,
          abort.signal,
        );
        if (gen !== generation) return;
        failures = 0;
        if (retcode === '0') {
          lastSuccessAt = now();
          if (error && !error.fatal) {
            error = null;
            emit();
          }
          const parsed = eventPollResponse.safeParse(ans.json);
          const ev = parsed.success ? parsed.data.event : null;
          if (
            ev?.eventType === 'AgentOther_ShutdownService' &&
            (ev.workNo ?? agentId) === agentId
          ) {
            sessionLost(
              gen,
              gatewayError('SHUTDOWN', 'the gateway signed this agent out', 'session-lost'),
              'AgentOther_ShutdownService',
            );
            return;
          }
        } else if (retcode) {
          const category = retcodeCategory(retcode);
          if (category === 'session-lost' || category === 'guid-expired') {
            sessionLost(gen, errorFromRetcode(retcode), `poll answered ${retcode}`);
            return;
          }
          // 000-007 (over the limit / repeated) and the like: slow down, the session holds.
          delay = backoffDelay(failures++);
          log.warn({ retcode, delay }, 'event poll refused; backing off');
        }
      } catch (e) {
        if (gen !== generation || phase !== 'active') return;
        delay = backoffDelay(failures++);
        const err = errorFromCall(e);
        log.warn({ code: err.code, msg: err.message, delay }, 'event poll failed');
      } finally {
        if (pollAbort === abort) pollAbort = null;
        release(Math.min(now(), sentAt + LATE_HANDLING_MS));
      }
      await sleep(delay);
    }
  }

  function checkAlive(): void {
    if (phase !== 'active') return;
    const last = Math.max(lastSuccessAt ?? 0, signedInAt ?? 0);
    if (now() - last > opts.deadAfterMs) {
      sessionLost(
        generation,
        gatewayError('DEAD', `no successful call for ${opts.deadAfterMs} ms`, 'session-lost'),
        'dead-after',
      );
    }
  }

  // ---- data calls ----------------------------------------------------------------------

  async function call<T = unknown>(req: GatewayRequest): Promise<GatewayAnswer<T>> {
    if (phase === 'stopped') throw new GatewayCallError('STOPPED', 'gateway session stopped');
    if (!guid || phase !== 'active')
      throw new GatewayCallError('SIGNED_OUT', 'not signed in to the gateway');
    const refused = req.caller !== 'proxy' ? fatalRoutes.get(req.route) : undefined;
    if (refused) {
      // After a fatal answer only one probe per fatalRetryMs: an operator has to grant the
      // right, hammering the gateway will not.
      if (now() < refused.nextProbeAt) throw new GatewayCallError('FATAL', refused.error.message);
      refused.nextProbeAt = now() + opts.fatalRetryMs;
    }
    const release = await budget.acquire(req.caller);
    if (!guid || phase !== 'active') {
      release();
      throw new GatewayCallError('SIGNED_OUT', 'not signed in to the gateway');
    }
    const gen = generation;
    let exchanged: Awaited<ReturnType<typeof exchange>>;
    try {
      exchanged = await exchange(
        req.method,
        fillPath(req.path),
        req.route,
        req.body,
        req.timeoutMs ?? opts.requestTimeoutMs,
        guid,
      );
    } finally {
      release();
    }
    const { ans, retcode } = exchanged;
    if (retcode === '0') {
      if (gen === generation) lastSuccessAt = now();
      if (req.caller !== 'proxy' && fatalRoutes.delete(req.route)) {
        log.info({ route: req.route }, 'data query allowed again');
        emit();
      }
    } else if (retcode) {
      const category = retcodeCategory(retcode);
      if (category === 'session-lost' || category === 'guid-expired') {
        sessionLost(gen, errorFromRetcode(retcode), `${req.route} answered ${retcode}`);
      } else if (isFatalCategory(category) && req.caller !== 'proxy' && gen === generation) {
        if (!fatalRoutes.has(req.route))
          log.error({ route: req.route, retcode }, 'data query refused; an operator must act');
        fatalRoutes.set(req.route, {
          error: errorFromRetcode(retcode),
          nextProbeAt: now() + opts.fatalRetryMs,
          critical: req.caller === 'agents',
        });
        emit();
      }
    }
    return { httpStatus: ans.httpStatus, body: ans.json as T, retcode, latencyMs: ans.latencyMs };
  }

  // ---- lifecycle -----------------------------------------------------------------------

  async function logout(held: string): Promise<void> {
    let release: BudgetRelease | null = null;
    try {
      release = await budget.acquire('session');
      const { retcode } = await exchange(
        'DELETE',
        `/onlineagent/${encodeURIComponent(agentId)}/logout`,
        'logout',
        undefined,
        opts.requestTimeoutMs,
        held,
      );
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
      await signIn();
    } catch (e) {
      log.error({ err: e }, 'unexpected error in first sign-in');
    }
  }

  async function stop(): Promise<void> {
    if (phase === 'stopped') return;
    const held = guid;
    const wasActive = phase === 'active';
    phase = 'stopped';
    generation++;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    if (watchdog) clearInterval(watchdog);
    watchdog = null;
    pollAbort?.abort();
    for (const s of sleepers) {
      clearTimeout(s.timer);
      s.resolve();
    }
    sleepers.clear();
    // Queued data calls would only delay the sign-out; they learn STOPPED instead.
    budget.drain();
    try {
      await signInPromise;
    } catch {
      // the sign-in reports its own failures
    }
    if (held && wasActive) await logout(held);
    guid = null;
    budget.close();
    client.close();
    emit();
  }

  return {
    agentId,
    status,
    call,
    currentGuid: () => (phase === 'active' ? guid : null),
    offerSetGuid(header) {
      adoptGuid(guidFromSetGuid(header), generation, 'proxy');
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
