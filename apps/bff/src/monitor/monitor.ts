// The monitor: single-flight pollers over the shared gateway session → validate with the
// contracts → normalise → versioned snapshot → patches, plus the health every screen shows and
// the per-queue history. See docs/decisions/0004-monitor-diff.md.
import type { Logger } from 'pino';
import {
  acdValue,
  agentVdnSkillResponse,
  GATEWAY_ROUTES,
  queryAcdStatResponse,
} from '@floorwatch/contracts/gateway';
import type { GatewayError, GatewayHealth, Queue } from '@floorwatch/contracts/api';
import type { Metrics } from '../metrics';
import type { GatewaySessionPort } from '../gateway/types';
import type { LiveData } from './types';
import { createAgentsIngest, type IngestMode } from './agents-ingest';
import { createAnswerCheck, PollFailure } from './answer-check';
import { computeHealth, healthKey } from './health';
import type { RecordingHistory } from './durable-history';
import { createHistory } from './history';
import { normalise, toQueue, type QueueCore, type QueueKpis } from './normalise';
import { createPoller } from './poller';
import {
  createSnapshotStore,
  type Commit,
  type CommitInput,
  type StoreStart,
} from './snapshot-store';

export interface MonitorOptions {
  session: GatewaySessionPort;
  pollMs: number;
  staleAfterMs: number;
  /** Data older than this is `waiting`; 2 × pollMs by default (see health.ts). */
  waitingAfterMs?: number;
  acdEveryMs?: number;
  skillsEveryMs?: number;
  historyStepSec?: number;
  historyRetentionMs?: number;
  /** How allonlineagents is read: `raw-diff` (default) or `full` (every answer in full). */
  ingest?: IngestMode;
  /** The raw diff's safety net: an answer read in full at least this often (60 s). */
  fullReadEveryMs?: number;
  /** Where the per-queue history goes; in memory only when not given (index.ts persists it). */
  history?: RecordingHistory;
  logger: Logger;
  metrics: Metrics;
  now?: () => number;
  /** Start from this floor and version instead of an empty one at the start-up time: a replica
   *  that becomes leader continues the versions every replica serves (src/ha). */
  start?: Required<StoreStart>;
}

export interface Monitor extends LiveData {
  start(): void;
  stop(): Promise<void>;
}

/** queryacdstat takes at most 100 skills per call (docs/gateway.md §Queue statistics). */
export const ACD_BATCH = 100;

const AGENTS = GATEWAY_ROUTES.queryAllOnlineAgents;
const ACD = GATEWAY_ROUTES.queryStatInfoOfAcd;
const SKILLS = GATEWAY_ROUTES.querySkillQueueOnAgentVDN;

export function createMonitor(opts: MonitorOptions): Monitor {
  const now = opts.now ?? Date.now;
  const { session, metrics } = opts;
  const log = opts.logger.child({ component: 'monitor' });
  const acdEveryMs = opts.acdEveryMs ?? opts.pollMs;
  const skillsEveryMs = opts.skillsEveryMs ?? 10 * 60_000;
  // Versions start at the start-up time so they keep growing across BFF restarts: a browser
  // resuming with a Last-Event-ID from the previous process can never match a patch of this one
  // (at most one version per poll, so the old process never reached this number).
  const store = createSnapshotStore(opts.start ?? { firstVersion: now() });
  const history =
    opts.history ??
    createHistory({
      stepSec: opts.historyStepSec ?? 10,
      retentionMs: opts.historyRetentionMs ?? 24 * 3_600_000,
    });

  let cores: ReadonlyMap<number, QueueCore> = new Map();
  const vdnSkills = new Map<number, { name: string; mediaType: number }>();
  const acd = new Map<number, { waiting: number; longestWaitSec: number; kpis: QueueKpis }>();
  // Since when queryacdstat's loggedOnAgents has disagreed with allonlineagents, per queue.
  const mismatchSince = new Map<number, number>();
  let lastSuccessAt: number | null = null;
  let lastPollError: GatewayError | null = null;
  let agentsPollStartedAt: number | null = null;
  let lastHealthKey = '';
  let acdCursor = 0;
  let skillsOk = false;
  const listeners = new Set<(c: Commit) => void>();
  const quietListeners = new Set<(lastSuccessAt: number) => void>();
  let healthTimer: NodeJS.Timeout | null = null;
  let stopped = false;
  let unsubscribeSession: (() => void) | null = null;
  const answers = createAnswerCheck({ session, metrics, log, now });
  const { check, errorFromCall, report, recovered } = answers;
  const ingest = createAgentsIngest({
    mode: opts.ingest ?? 'raw-diff',
    fullEveryMs: opts.fullReadEveryMs ?? 60_000,
    metrics,
    onDiffError: (err) => log.error({ err }, 'raw diff failed; reading allonlineagents in full'),
    now,
  });

  function health(): GatewayHealth {
    return computeHealth({
      session: session.status(),
      lastSuccessAt,
      lastPollError,
      pollStartedAt: agentsPollStartedAt,
      now: now(),
      pollMs: opts.pollMs,
      staleAfterMs: opts.staleAfterMs,
      ...(opts.waitingAfterMs !== undefined ? { waitingAfterMs: opts.waitingAfterMs } : {}),
    });
  }

  // ---- commit & patches ------------------------------------------------------------------

  function buildQueues(): Map<number, Queue> {
    const prev = store.queues();
    const ids = new Set<number>([...cores.keys(), ...vdnSkills.keys()]);
    const next = new Map<number, Queue>();
    for (const skillId of [...ids].sort((a, b) => a - b)) {
      const vdn = vdnSkills.get(skillId);
      const depth = acd.get(skillId);
      const listed = cores.get(skillId)?.agents.length ?? 0;
      const counted = depth?.kpis.loggedOnAgents ?? null;
      if (counted === null || counted === listed) mismatchSince.delete(skillId);
      else if (!mismatchSince.has(skillId)) mismatchSince.set(skillId, now());
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
            kpis: depth?.kpis ?? null,
            agentCountMismatchSince: mismatchSince.get(skillId) ?? null,
          },
          prev.get(skillId),
        ),
      );
    }
    return next;
  }

  /** Applies a change; true when it made a patch (and told the listeners). */
  function commit(
    agents: Pick<CommitInput, 'agents' | 'agentUpdates'> | undefined,
    rebuildQueues: boolean,
  ): boolean {
    if (stopped) return false; // a late answer after stop() changes nothing anyone listens to
    const h = health();
    const key = healthKey(h);
    const healthChanged = key !== lastHealthKey;
    lastHealthKey = key;
    const change = store.commit({
      ...agents,
      ...(rebuildQueues ? { queues: buildQueues() } : {}),
      healthChanged,
      health: h,
      serverTime: now(),
    });
    if (healthChanged)
      log.info({ status: h.status, code: h.error?.code }, 'gateway health changed');
    if (!change) return false;
    notify(listeners, change);
    return true;
  }

  function notify<T>(to: ReadonlySet<(value: T) => void>, value: T): void {
    for (const l of to) {
      try {
        l(value);
      } catch (e) {
        log.error({ err: e }, 'monitor listener threw');
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
    agentsPollStartedAt = now();
    try {
      const ans = await session.call({
        route: AGENTS.logName,
        caller: 'agents',
        ...ingest.request,
      });
      const fetchedAt = now();
      const read = check(AGENTS.logName, ans, (body) =>
        ingest.read(body, ans.bytes, fetchedAt, store.agents()),
      );
      const quarantined = read?.quarantined ?? [];
      if (read && quarantined.length > read.accepted) {
        // Mostly bad records is a changed format, not a bad record: showing the few that pass
        // as the whole floor would be a lie, so the last good data stays.
        answers.refuse(
          AGENTS.logName,
          'INVALID_ANSWER',
          `${quarantined.length} agent records rejected (${quarantined[0]!.issue})`,
        );
      }
      answers.quarantine(AGENTS.logName, quarantined);
      const result = read ?? normalise([], fetchedAt, store.agents());
      cores = result.queues;
      lastSuccessAt = fetchedAt;
      lastPollError = null;
      recovered(AGENTS.logName);
      const patched = commit(
        read?.updates ? { agentUpdates: read.updates } : { agents: result.agents },
        true,
      );
      ingest.committed(read);
      history.record(fetchedAt, store.queues().values());
      // Nothing changed, yet the data is fresh: screens learn it from a heartbeat.
      if (!patched && !stopped) notify(quietListeners, fetchedAt);
    } catch (e) {
      const err = errorFromCall(e, AGENTS.logName);
      if (!(e instanceof PollFailure)) {
        report(AGENTS.logName, err.code, {}, 'agents poll failed; keeping the last good data');
      }
      lastPollError = err;
      checkHealth();
    } finally {
      agentsPollStartedAt = null;
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
      for (const id of mismatchSince.keys()) if (!known.has(id)) mismatchSince.delete(id);
    }
    const batch = ids.slice(acdCursor, acdCursor + ACD_BATCH);
    acdCursor += ACD_BATCH;
    const end = metrics.pollDuration.startTimer({ poller: 'queues' });
    try {
      const ans = await session.call({
        body: { skills: batch },
        route: ACD.logName,
        caller: 'queues',
      });
      const data = check(ACD.logName, ans, (b) => queryAcdStatResponse.safeParse(b));
      recovered(ACD.logName);
      for (const stat of data?.result ?? []) {
        acd.set(stat.deviceNo, {
          waiting: Math.max(0, stat.queueSize),
          longestWaitSec: Math.max(0, stat.queueTime),
          kpis: {
            serviceLevel: acdValue(stat.serviceLevel, 100),
            loggedOnAgents: acdValue(stat.loggedOnAgents),
            availAgents: acdValue(stat.availAgents),
            maxQueueSize: acdValue(stat.maxQueueSize),
            resourceIdleRate: acdValue(stat.resourceIdleRate, 100),
          },
        });
      }
      commit(undefined, true);
      if (lastSuccessAt !== null && now() - lastSuccessAt <= opts.staleAfterMs) {
        history.record(now(), store.queues().values());
      }
    } catch (e) {
      // Late queue depth is acceptable; it never makes the agent data stale.
      const err = errorFromCall(e, ACD.logName);
      if (!(e instanceof PollFailure))
        log.debug({ route: ACD.logName, code: err.code }, 'acd poll failed');
    } finally {
      end();
    }
  }

  async function pollSkills(): Promise<void> {
    const end = metrics.pollDuration.startTimer({ poller: 'skills' });
    try {
      const ans = await session.call({
        route: SKILLS.logName,
        caller: 'skills',
      });
      const data = check(SKILLS.logName, ans, (b) => agentVdnSkillResponse.safeParse(b));
      recovered(SKILLS.logName);
      vdnSkills.clear();
      for (const s of data?.result ?? [])
        vdnSkills.set(s.id, { name: s.name, mediaType: s.mediatype });
      skillsOk = true;
      commit(undefined, true);
    } catch (e) {
      skillsOk = false;
      const err = errorFromCall(e, SKILLS.logName);
      if (!(e instanceof PollFailure))
        log.debug({ route: SKILLS.logName, code: err.code }, 'skill list poll failed');
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
      // Often enough that `waiting` (2 intervals) and `stale` show within a quarter interval.
      const every = Math.min(1000, opts.staleAfterMs / 4, opts.pollMs / 4);
      healthTimer = setInterval(checkHealth, Math.max(50, every));
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
    snapshotV2: () => store.snapshotV2(health(), now()),
    onCommit(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    onQuietPoll(listener) {
      quietListeners.add(listener);
      return () => {
        quietListeners.delete(listener);
      };
    },
    pollMs: opts.pollMs,
    health,
    history: (q) => history.query(q),
  };
}
