// The monitor: single-flight pollers over the shared gateway session → validate with the
// contracts → normalise → versioned snapshot → patches, plus the health every screen shows and
// the per-queue history. See docs/decisions/0004-monitor-diff.md.
import type { Logger } from 'pino';
import type { ZodError } from 'zod';
import {
  agentVdnSkillResponse,
  queryAcdStatResponse,
  retcodeCategory,
  RETCODES,
} from '@floorwatch/contracts/gateway';
import type { Agent, GatewayError, GatewayHealth, Patch, Queue } from '@floorwatch/contracts/api';
import type { Metrics } from '../metrics';
import type { GatewayAnswer, GatewaySessionPort } from '../gateway/types';
import { isGatewayCallError } from '../gateway/gateway-call-error';
import {
  gatewayError as buildGatewayError,
  type GatewayErrorCategory,
} from '../gateway/gateway-error';
import type { LiveData } from './types';
import { parseAllOnlineAgents } from './fast-parse';
import { createHistory } from './history';
import { normalise, toQueue, type QueueCore } from './normalise';
import { createPoller } from './poller';
import { createSnapshotStore } from './snapshot-store';

export interface MonitorOptions {
  session: GatewaySessionPort;
  pollMs: number;
  staleAfterMs: number;
  acdEveryMs?: number;
  skillsEveryMs?: number;
  historyStepSec?: number;
  historyRetentionMs?: number;
  logger: Logger;
  metrics: Metrics;
  now?: () => number;
}

export interface Monitor extends LiveData {
  start(): void;
  stop(): Promise<void>;
}

/** queryacdstat takes at most 100 skills per call (REFERENCE §5.2). */
export const ACD_BATCH = 100;

const ROUTE_AGENTS = 'queryAllOnlineAgents';
const ROUTE_ACD = 'queryStatInfoOfAcd';
const ROUTE_SKILLS = 'querySkillQueueOnAgentVDN';

class PollFailure extends Error {
  constructor(readonly gatewayError: GatewayError) {
    super(gatewayError.message);
  }
}

function zodSummary(err: ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

export function createMonitor(opts: MonitorOptions): Monitor {
  const now = opts.now ?? Date.now;
  const { session, metrics } = opts;
  const log = opts.logger.child({ component: 'monitor' });
  const acdEveryMs = opts.acdEveryMs ?? opts.pollMs;
  const skillsEveryMs = opts.skillsEveryMs ?? 10 * 60_000;
  // Versions start at the start-up time so they keep growing across BFF restarts: a browser
  // resuming with a Last-Event-ID from the previous process can never match a patch of this one
  // (at most one version per poll, so the old process never reached this number).
  const store = createSnapshotStore({ firstVersion: now() });
  const history = createHistory({
    stepSec: opts.historyStepSec ?? 10,
    retentionMs: opts.historyRetentionMs ?? 24 * 3_600_000,
  });

  let cores = new Map<number, QueueCore>();
  const vdnSkills = new Map<number, { name: string; mediaType: number }>();
  const acd = new Map<number, { waiting: number; longestWaitSec: number }>();
  let lastSuccessAt: number | null = null;
  let lastPollError: GatewayError | null = null;
  let lastHealthKey = '';
  let acdCursor = 0;
  let skillsOk = false;
  const listeners = new Set<(p: Patch) => void>();
  let healthTimer: NodeJS.Timeout | null = null;
  let stopped = false;
  let unsubscribeSession: (() => void) | null = null;

  function gatewayError(code: string, message: string, category: GatewayErrorCategory) {
    return buildGatewayError(code, message, category, now());
  }

  /** Turns a failed call into the error health shows; the session's own error is more telling
   *  when the call never left this process. */
  function errorFromCall(e: unknown, route: string): GatewayError {
    if (e instanceof PollFailure) return e.gatewayError;
    // A body that is not JSON at all is an invalid answer as much as a wrongly shaped one.
    if (isGatewayCallError(e) && e.code === 'NOT_JSON') metrics.invalidAnswers.inc({ route });
    if (isGatewayCallError(e)) {
      if (e.code === 'SIGNED_OUT' || e.code === 'FATAL') {
        const s = session.status().error;
        if (s) return s;
      }
      return gatewayError(e.code, e.message, 'transport');
    }
    return gatewayError('ERROR', e instanceof Error ? e.message : String(e), 'other');
  }

  // A gateway that is down fails every poll; one warning per route and error, not one per poll.
  const lastProblem = new Map<string, string>();
  function report(route: string, code: string, fields: Record<string, unknown>, msg: string): void {
    if (lastProblem.get(route) === code) {
      log.debug({ route, code, ...fields }, msg);
      return;
    }
    lastProblem.set(route, code);
    log.warn({ route, code, ...fields }, msg);
  }
  function recovered(route: string): void {
    if (lastProblem.delete(route)) log.info({ route }, 'gateway answers again');
  }

  /** A non-zero retcode or a body the contract rejects: counted, logged, never applied. */
  function check<T>(
    route: string,
    ans: GatewayAnswer,
    parse: (body: unknown) => { success: true; data: T } | { success: false; error: ZodError },
  ): T | null {
    const retcode = ans.retcode;
    if (retcode !== '0') {
      if (retcode && retcodeCategory(retcode) === 'empty') return null;
      metrics.invalidAnswers.inc({ route });
      const code = retcode ?? 'NO_RETCODE';
      const known = retcode ? RETCODES[retcode] : undefined;
      report(route, code, {}, 'gateway refused the query');
      throw new PollFailure(
        gatewayError(
          code,
          known?.message ?? `Gateway answered ${code}`,
          retcode ? retcodeCategory(retcode) : 'invalid-answer',
        ),
      );
    }
    const parsed = parse(ans.body);
    if (!parsed.success) {
      metrics.invalidAnswers.inc({ route });
      const detail = zodSummary(parsed.error);
      report(
        route,
        'INVALID_ANSWER',
        { detail },
        'gateway answer does not match the contract; keeping the last good data',
      );
      throw new PollFailure(
        gatewayError('INVALID_ANSWER', `${route}: unexpected answer (${detail})`, 'invalid-answer'),
      );
    }
    return parsed.data;
  }

  // ---- health ----------------------------------------------------------------------------

  function health(): GatewayHealth {
    const s = session.status();
    if (s.state === 'fatal') return { status: 'error', lastSuccessAt, error: s.error };
    if (lastSuccessAt === null) {
      return { status: 'connecting', lastSuccessAt: null, error: lastPollError ?? s.error };
    }
    const age = now() - lastSuccessAt;
    if (!lastPollError && age <= opts.staleAfterMs && s.state === 'signed-in') {
      return { status: 'ok', lastSuccessAt, error: null };
    }
    const error =
      lastPollError ??
      s.error ??
      (age > opts.staleAfterMs
        ? gatewayError('STALE', `no fresh data for ${Math.round(age / 1000)} s`, 'stale')
        : null);
    return { status: 'stale', lastSuccessAt, error };
  }

  function healthKey(h: GatewayHealth): string {
    return h.error ? `${h.status}|${h.error.code}|${h.error.category}` : h.status;
  }

  // ---- commit & patches ------------------------------------------------------------------

  function buildQueues(): Map<number, Queue> {
    const prev = store.queues();
    const ids = new Set<number>([...cores.keys(), ...vdnSkills.keys()]);
    const next = new Map<number, Queue>();
    for (const skillId of [...ids].sort((a, b) => a - b)) {
      const vdn = vdnSkills.get(skillId);
      const depth = acd.get(skillId);
      next.set(
        skillId,
        toQueue(
          skillId,
          cores.get(skillId),
          {
            name: vdn?.name,
            vdnMediaType: vdn?.mediaType,
            waiting: depth?.waiting ?? null,
            longestWaitSec: depth?.longestWaitSec ?? null,
          },
          prev.get(skillId),
        ),
      );
    }
    return next;
  }

  function commit(agents: Map<string, Agent> | undefined, rebuildQueues: boolean): void {
    if (stopped) return; // a late answer after stop() changes nothing anyone listens to
    const h = health();
    const key = healthKey(h);
    const healthChanged = key !== lastHealthKey;
    lastHealthKey = key;
    const patch = store.commit({
      ...(agents ? { agents } : {}),
      ...(rebuildQueues ? { queues: buildQueues() } : {}),
      healthChanged,
      health: h,
      serverTime: now(),
    });
    if (healthChanged)
      log.info({ status: h.status, code: h.error?.code }, 'gateway health changed');
    if (!patch) return;
    for (const l of listeners) {
      try {
        l(patch);
      } catch (e) {
        log.error({ err: e }, 'patch listener threw');
      }
    }
  }

  function checkHealth(): void {
    if (lastSuccessAt !== null) metrics.dataAgeSeconds.set((now() - lastSuccessAt) / 1000);
    if (healthKey(health()) !== lastHealthKey) commit(undefined, false);
  }

  // ---- pollers ---------------------------------------------------------------------------

  async function pollAgents(): Promise<void> {
    const end = metrics.pollDuration.startTimer({ poller: 'agents' });
    try {
      const ans = await session.call({
        method: 'GET',
        path: '/agentgroup/{agentId}/allonlineagents',
        route: ROUTE_AGENTS,
        caller: 'agents',
      });
      const fetchedAt = now();
      const data = check(ROUTE_AGENTS, ans, parseAllOnlineAgents);
      const result = normalise(data?.result ?? [], fetchedAt, store.agents());
      cores = result.queues;
      lastSuccessAt = fetchedAt;
      lastPollError = null;
      recovered(ROUTE_AGENTS);
      commit(result.agents, true);
      history.record(fetchedAt, store.queues().values());
    } catch (e) {
      const err = errorFromCall(e, ROUTE_AGENTS);
      if (!(e instanceof PollFailure)) {
        report(ROUTE_AGENTS, err.code, {}, 'agents poll failed; keeping the last good data');
      }
      lastPollError = err;
      checkHealth();
    } finally {
      end();
    }
  }

  function knownSkillIds(): number[] {
    return [...new Set<number>([...cores.keys(), ...vdnSkills.keys()])].sort((a, b) => a - b);
  }

  async function pollAcd(): Promise<void> {
    const ids = knownSkillIds();
    if (ids.length === 0) return;
    // One batch per cycle, round-robin: queue depth of a large centre refreshes over several
    // cycles, and the agents poll keeps its place in the budget.
    if (acdCursor >= ids.length) {
      acdCursor = 0;
      // A full round is done: forget the depth of skills that no longer exist.
      const known = new Set(ids);
      for (const id of acd.keys()) if (!known.has(id)) acd.delete(id);
    }
    const batch = ids.slice(acdCursor, acdCursor + ACD_BATCH);
    acdCursor += ACD_BATCH;
    const end = metrics.pollDuration.startTimer({ poller: 'queues' });
    try {
      const ans = await session.call({
        method: 'POST',
        path: '/queuedevice/{agentId}/queryacdstat',
        body: { skills: batch },
        route: ROUTE_ACD,
        caller: 'queues',
      });
      const data = check(ROUTE_ACD, ans, (b) => queryAcdStatResponse.safeParse(b));
      recovered(ROUTE_ACD);
      for (const stat of data?.result ?? []) {
        acd.set(stat.deviceNo, {
          waiting: Math.max(0, stat.queueSize),
          longestWaitSec: Math.max(0, stat.queueTime),
        });
      }
      commit(undefined, true);
      if (lastSuccessAt !== null && now() - lastSuccessAt <= opts.staleAfterMs) {
        history.record(now(), store.queues().values());
      }
    } catch (e) {
      // Late queue depth is acceptable; it never makes the agent data stale.
      const err = errorFromCall(e, ROUTE_ACD);
      if (!(e instanceof PollFailure))
        log.debug({ route: ROUTE_ACD, code: err.code }, 'acd poll failed');
    } finally {
      end();
    }
  }

  async function pollSkills(): Promise<void> {
    const end = metrics.pollDuration.startTimer({ poller: 'skills' });
    try {
      const ans = await session.call({
        method: 'GET',
        path: '/queuedevice/{agentId}/agentvdnskill',
        route: ROUTE_SKILLS,
        caller: 'skills',
      });
      const data = check(ROUTE_SKILLS, ans, (b) => agentVdnSkillResponse.safeParse(b));
      recovered(ROUTE_SKILLS);
      vdnSkills.clear();
      for (const s of data?.result ?? [])
        vdnSkills.set(s.id, { name: s.name, mediaType: s.mediatype });
      skillsOk = true;
      commit(undefined, true);
    } catch (e) {
      skillsOk = false;
      const err = errorFromCall(e, ROUTE_SKILLS);
      if (!(e instanceof PollFailure))
        log.debug({ route: ROUTE_SKILLS, code: err.code }, 'skill list poll failed');
    } finally {
      end();
    }
  }

  const onPollError = (e: unknown): void => log.error({ err: e }, 'poller threw');
  const agentsPoller = createPoller({
    intervalMs: () => opts.pollMs,
    run: pollAgents,
    onError: onPollError,
    now,
  });
  const acdPoller = createPoller({
    intervalMs: () => acdEveryMs,
    run: pollAcd,
    onError: onPollError,
    now,
  });
  // Until the skill list is known, ask again soon (a call while signed out costs nothing).
  const skillsPoller = createPoller({
    intervalMs: () =>
      skillsOk ? skillsEveryMs : Math.min(skillsEveryMs, Math.max(2 * opts.pollMs, 1000)),
    run: pollSkills,
    onError: onPollError,
    now,
  });

  return {
    start() {
      if (healthTimer || stopped) return;
      lastHealthKey = healthKey(health());
      unsubscribeSession = session.onStatusChange(() => checkHealth());
      healthTimer = setInterval(checkHealth, Math.max(50, Math.min(1000, opts.staleAfterMs / 4)));
      healthTimer.unref();
      agentsPoller.start();
      skillsPoller.start();
      acdPoller.start();
    },
    async stop() {
      stopped = true;
      if (healthTimer) clearInterval(healthTimer);
      healthTimer = null;
      unsubscribeSession?.();
      unsubscribeSession = null;
      await Promise.all([agentsPoller.stop(), acdPoller.stop(), skillsPoller.stop()]);
    },
    snapshot: () => store.snapshot(health(), now()),
    onPatch(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    health,
    history: (q) => history.query(q),
  };
}
