// One replica of several sharing one gateway account through Redis (REDIS_URL). Exactly one, the
// leader, holds the lock (leader-lock.ts): only it signs in, polls and spends the account's call
// budget, and it publishes every commit (commit-feed.ts). Every replica, the leader included,
// serves what the feed carries (replica-live.ts), so browsers see the same versions on any
// replica. When the leader dies its lock expires and a follower takes over with one sign-in
// (a forced one while the dead leader's session still holds the account), continuing the versions.
// When Redis goes away nobody takes over and nobody signs in: the leader keeps its session (it
// takes the lock back when Redis returns) and every replica serves its last data, ageing to stale.
// Every replica records the per-queue history from the commits; only the leader writes it to the
// shared store, and a stopping leader writes its last steps before it lets the lock go.
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { GatewaySession } from '../gateway/gateway-session';
import type { GatewaySessionPort, SessionStatus } from '../gateway/types';
import type { DurableHistory } from '../monitor/durable-history';
import type { Monitor, MonitorOptions } from '../monitor/monitor';
import { createCommitFeed, subscribeFeed, type CommitFeed, type FeedMessage } from './commit-feed';
import { createLeaderLock, type LeaderTerm } from './leader-lock';
import { createProxyRelay, type ProxyRelay } from './proxy-relay';
import { createReplicaLive, type ReplicaLive } from './replica-live';

export interface ReplicaOptions {
  redis: Redis;
  /** A second connection, for the subscription. */
  subscriber: Redis;
  prefix: string;
  replicaId: string;
  ttlMs: number;
  /** The longest wait between two attempts to reach Redis again: when Redis returns, the leader
   *  may see it that much later than a follower does. */
  reconnectMaxMs: number;
  pollMs: number;
  staleAfterMs: number;
  agentId: string;
  historyStepSec?: number;
  /** The history every replica records from the commits; the leader writes it to the store. */
  history?: DurableHistory;
  /** A new gateway session for a leader term; it asks `maySignIn` before every sign-in. */
  newSession(maySignIn: () => boolean): GatewaySession;
  /** A new monitor over that session, starting from the floor this replica serves. */
  newMonitor(session: GatewaySession, start: NonNullable<MonitorOptions['start']>): Monitor;
  logger: Logger;
  now?: () => number;
}

export interface Replica {
  live: ReplicaLive;
  /** The gateway session for the HTTP layer: the leader's, or "signed out" on a follower. */
  session: GatewaySessionPort;
  feed: CommitFeed;
  /** The read-only proxy's calls on a follower, made by the leader. */
  relay: ProxyRelay;
  isLeader(): boolean;
  /** Whether this replica writes the history to the store now: while leader, and while a
   *  stopping leader writes its last steps. */
  writesHistory(): boolean;
  start(): Promise<void>;
  /** Signs out when leading, releases the lock, closes both connections. */
  stop(): Promise<void>;
}

interface Term {
  lock: LeaderTerm;
  session: GatewaySession;
  monitor: Monitor;
  unsubscribe: (() => void)[];
}

export function createReplica(opts: ReplicaOptions): Replica {
  const now = opts.now ?? Date.now;
  const log = opts.logger.child({ component: 'replica', replica: opts.replicaId });
  const lock = createLeaderLock({ ...opts, now });
  const feed = createCommitFeed(opts);
  const live = createReplicaLive({ ...opts, now });
  const relay = createProxyRelay({
    ...opts,
    leaderSession: () => term?.session ?? null,
    timeoutMs: 10_000,
  });
  let term: Term | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let tick: Promise<void> = Promise.resolve();
  let highestToken = 0;
  // A follower tries for the lock only after Redis has been reachable for a whole TTL, plus the
  // longest the leader may take to reconnect and one renewal tick, so a leader cut off from Redis
  // takes its lock back first when Redis returns (no second sign-in). A TTL alone was not enough:
  // a follower that reconnected first took the lock and signed in beside the leader.
  const renewEveryMs = Math.max(50, Math.floor(opts.ttlMs / 4));
  const followerWaitMs = opts.ttlMs + opts.reconnectMaxMs + renewEveryMs;
  let readySince: number | null = null;
  let catchingUp: Promise<void> | null = null;
  let lastFlush = false;

  const follower: SessionStatus = {
    state: 'signed-out',
    agentId: opts.agentId,
    lastSuccessAt: null,
    error: null,
    signedInAt: null,
  };

  const catchUp = () => {
    catchingUp ??= feed
      .latestSnapshot()
      .then((s) => {
        if (s && s.version > live.version) live.reset(s);
      })
      .catch((err: unknown) => log.warn({ err: String(err) }, 'could not fetch the snapshot'))
      .finally(() => (catchingUp = null));
    return catchingUp;
  };

  const onMessage = (m: FeedMessage) => {
    if (m.token < highestToken) return; // an older leader's last words
    highestToken = m.token;
    if (term && m.token > term.lock.token) void stepDown('a newer leader publishes');
    if (m.kind === 'patch') {
      if (m.patch.version <= live.version) return;
      if (!live.applyPatch(m.patch)) void catchUp();
    } else if (!live.applyQuiet(m.version, m.lastSuccessAt) && m.version > live.version) {
      void catchUp();
    }
  };

  async function lead(lockTerm: LeaderTerm): Promise<void> {
    highestToken = Math.max(highestToken, lockTerm.token);
    await catchUp();
    const session = opts.newSession(() => term?.lock === lockTerm && lock.confirmed(lockTerm));
    // Versions go on from the newest this replica knows: the snapshot it caught up with or the
    // last commit it applied, plus one per poll as before.
    const monitor = opts.newMonitor(session, live.floor());
    const t: Term = { lock: lockTerm, session, monitor, unsubscribe: [] };
    term = t;
    const published = (ok: boolean) => {
      if (!ok) void stepDown('the lock is no longer ours');
    };
    const failed = (err: unknown) =>
      log.warn({ err: String(err) }, 'publish failed (Redis unreachable): data will age');
    t.unsubscribe.push(
      // The v1 patch carries whole objects: each replica derives both formats from it.
      monitor.onCommit((c) =>
        feed.publishPatch(lockTerm, c.v1, monitor.snapshot()).then(published, failed),
      ),
      monitor.onQuietPoll((at) =>
        feed.publishQuiet(lockTerm, monitor.snapshot().version, at).then(published, failed),
      ),
    );
    log.info({ token: lockTerm.token, version: live.version }, 'leader: signing in to the gateway');
    await session.start();
    if (term === t) monitor.start();
  }

  async function stepDown(why: string): Promise<void> {
    const t = term;
    if (!t) return;
    term = null;
    log.warn({ why, token: t.lock.token }, 'no longer leader: stopping polls and signing out');
    for (const u of t.unsubscribe) u();
    await t.monitor.stop();
    await t.session.stop();
  }

  async function step(): Promise<void> {
    if (stopped) return;
    try {
      if (term) {
        if ((await lock.renew(term.lock)) === 'lost')
          await stepDown('another replica holds the lock');
      } else if (readySince !== null && now() - readySince >= followerWaitMs) {
        const got = await lock.tryAcquire();
        if (got && !stopped) await lead(got);
      }
    } catch (err) {
      // Redis unreachable: a leader keeps its session but cannot renew; once the TTL has passed
      // its session may not sign in again (maySignIn) until the lock is confirmed.
      log.debug({ err: String(err) }, 'leader lock: Redis unreachable');
    }
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      tick = step().finally(schedule);
    }, renewEveryMs);
    timer.unref();
  };

  const session: GatewaySessionPort = {
    agentId: opts.agentId,
    status: () => term?.session.status() ?? follower,
    call: (req) =>
      term ? term.session.call(req) : Promise.reject(new Error('not the leader replica')),
    currentGuid: () => term?.session.currentGuid() ?? null,
    offerSetGuid: (h) => term?.session.offerSetGuid(h),
    acquireBudget: (caller) =>
      term ? term.session.acquireBudget(caller) : Promise.reject(new Error('not the leader')),
    onStatusChange: () => () => {},
  };

  return {
    live,
    session,
    feed,
    relay,
    isLeader: () => term !== null,
    writesHistory: () => term !== null || lastFlush,
    async start() {
      opts.redis.on('ready', () => (readySince = now()));
      opts.redis.on('end', () => (readySince = null));
      opts.redis.on('close', () => (readySince = null));
      subscribeFeed({
        subscriber: opts.subscriber,
        prefix: opts.prefix,
        onMessage,
        onReady: () => void catchUp(),
        onBadMessage: (err) => log.warn({ err: String(err) }, 'unreadable feed message'),
        others: relay,
      });
      await Promise.all([opts.redis.connect(), opts.subscriber.connect()]).catch((err: unknown) =>
        log.error({ err: String(err) }, 'Redis unreachable at start: serving nothing until it is'),
      );
      schedule();
    },
    async stop() {
      stopped = true;
      relay.close();
      if (timer) clearTimeout(timer);
      await tick;
      const t = term;
      await stepDown('shutting down');
      if (t) {
        // Still holding the lock: no new leader writes meanwhile, and the steps recorded since
        // the last flush are not lost when every replica stops.
        lastFlush = true;
        await opts.history?.flush().catch(() => {});
        lastFlush = false;
        await lock.release(t.lock).catch(() => {});
      }
      opts.subscriber.disconnect();
      await opts.redis.quit().catch(() => opts.redis.disconnect());
    },
  };
}
