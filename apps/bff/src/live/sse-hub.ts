// One live stream per browser, fed from the monitor's commits, in the format the client asked for
// (v2: changed fields only; v1: whole agents and queues, kept for integrators). Every patch is
// serialised once per format for all unrestricted ('*') clients and once per format and distinct
// queue scope, because fan-out, not the gateway, is what grows with the number of screens. Both
// formats share the versions, the ring and the heartbeats. Versions stay a chain for every
// client: a patch that filters down to nothing is skipped and the next one is re-based on what
// the client last saw; any gap (or a stale Last-Event-ID) is answered with a fresh snapshot.
import {
  STREAM_EVENTS,
  type Agent,
  type GatewayHealth,
  type Heartbeat,
  type Patch,
  type PatchV2,
  type QueueScope,
} from '@floorwatch/contracts/api';
import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics';
import type { Commit, LiveData } from '../monitor/types';
import {
  advanceMirror,
  allowedOf,
  filterPatch,
  filterPatchV2,
  filterSnapshot,
  isEmptyPatch,
  isEmptyPatchV2,
  scopeKey,
  type Allowed,
  type PatchContext,
} from './scope-filter';

export type StreamFormat = 'v1' | 'v2';

interface Client {
  id: number;
  res: ServerResponse;
  sessionId: string;
  format: StreamFormat;
  allowed: Allowed;
  /** Format and scope: clients with the same key receive the same bytes. */
  key: string;
  /** The version the client's view is at (the `id:` it last received). */
  lastVersion: number;
  /** The newest real version already handled for this client, sent or skipped. */
  seenThrough: number;
  /** Health (status + error) last sent, to decide whether an emptied patch still matters. */
  lastHealth: string;
}

interface Cut {
  patch: Patch | PatchV2;
  data: string;
  empty: boolean;
  frame: Buffer | null;
}

interface RingEntry {
  baseVersion: number;
  version: number;
  serverTime: number;
  lastSuccessAt: number | null;
  commit: Commit;
  /** Skills before this patch and whole agents whose skills changed: to cut it to a scope. */
  ctx: PatchContext;
  health: string;
  /** Each format and scope's patch, serialised and framed once when first needed ('v2|*' …):
   *  with a thousand screens, building and encoding per client is what fan-out spends on. */
  cuts: Map<string, Cut>;
  /** Heartbeats sent in place of this patch to scoped clients it filters down to nothing. */
  beats?: Map<number, Buffer>;
}

export interface SseHub {
  connect(
    res: ServerResponse,
    opts: {
      scope: QueueScope;
      sessionId: string;
      lastEventId?: string | undefined;
      format?: StreamFormat;
    },
  ): void;
  /** Ends every stream of a browser session (sign-out). */
  closeSession(sessionId: string): void;
  size(): number;
  close(): void;
}

export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  // nginx and similar proxies buffer responses by default, which would hold patches back.
  'X-Accel-Buffering': 'no',
} as const;

const healthKey = (g: GatewayHealth) =>
  `${g.status}|${g.error?.code ?? ''}|${g.error?.message ?? ''}|${String(g.error?.fatal ?? '')}`;

const frame = (event: string, id: number, data: string) =>
  `id: ${id}\nevent: ${event}\ndata: ${data}\n\n`;

export function createSseHub(opts: {
  live: LiveData;
  metrics: Metrics;
  logger: Logger;
  isSessionValid: (sessionId: string) => boolean;
  /** Periodic heartbeat; the poll interval by default. */
  heartbeatMs?: number;
  retryMs?: number;
  ringSize?: number;
  /** A client whose unsent bytes exceed this is dropped; it reconnects and gets a snapshot. */
  maxBufferedBytes?: number;
  now?: () => number;
}): SseHub {
  const now = opts.now ?? Date.now;
  const ringSize = opts.ringSize ?? 64;
  const maxBuffered = opts.maxBufferedBytes ?? 8 * 1024 * 1024;
  const clients = new Map<number, Client>();
  const ring: RingEntry[] = [];
  let nextId = 1;

  // Mirror of every agent's skills at `mirrorVersion`, the only state kept beside the monitor's.
  const skillsOf = new Map<string, readonly number[]>();
  let mirrorVersion = -1;
  const seedMirror = () => {
    const s = opts.live.snapshotV2();
    skillsOf.clear();
    for (const a of s.agents) skillsOf.set(a.workno, a.skills);
    mirrorVersion = s.version;
  };
  seedMirror();

  const updateGauge = () => opts.metrics.sseClients.set(clients.size);

  const drop = (c: Client) => {
    if (!clients.delete(c.id)) return;
    updateGauge();
    if (!c.res.writableEnded) c.res.end();
  };

  const write = (c: Client, chunk: string | Buffer): boolean => {
    if (c.res.writableEnded || c.res.destroyed) {
      drop(c);
      return false;
    }
    c.res.write(chunk);
    if (c.res.writableLength > maxBuffered) {
      opts.logger.warn({ client: c.id }, 'dropping a live-stream client that cannot keep up');
      c.res.destroy();
      drop(c);
      return false;
    }
    return true;
  };

  // A snapshot is megabytes at 10,000 agents and every joining or resyncing client needs one, so
  // it is serialised once per format and scope while the data and health stay the same (the key
  // includes lastSuccessAt, so at most once per poll). serverTime is spliced in per client from
  // the live snapshot: the browser's clock offset is computed from it and must not be a poll old.
  let snapshotKey = '';
  const snapshotBodies = new Map<string, { version: number; health: string; body: string }>();
  const snapshotFor = (c: Client) => {
    const live = c.format === 'v2' ? opts.live.snapshotV2() : opts.live.snapshot();
    const key = `${live.version}|${healthKey(live.gateway)}|${live.gateway.lastSuccessAt ?? ''}`;
    if (key !== snapshotKey) {
      snapshotKey = key;
      snapshotBodies.clear();
    }
    let cached = snapshotBodies.get(c.key);
    if (!cached) {
      const { serverTime: _sent, ...rest } = filterSnapshot(live, c.allowed);
      cached = {
        version: rest.version,
        health: healthKey(rest.gateway),
        body: JSON.stringify(rest),
      };
      snapshotBodies.set(c.key, cached);
    }
    return { ...cached, serverTime: live.serverTime };
  };

  const sendSnapshot = (c: Client) => {
    const snap = snapshotFor(c);
    const data = `{"serverTime":${snap.serverTime},${snap.body.slice(1)}`;
    if (write(c, frame(STREAM_EVENTS.snapshot, snap.version, data))) {
      c.lastVersion = snap.version;
      c.seenThrough = snap.version;
      c.lastHealth = snap.health;
    }
  };

  const cutOf = (
    e: RingEntry,
    { format, allowed, key }: Pick<Client, 'format' | 'allowed' | 'key'>,
  ): Cut => {
    let s = e.cuts.get(key);
    if (!s) {
      let p: Patch | PatchV2;
      let empty: boolean;
      if (format === 'v2') {
        const v2 = filterPatchV2(e.commit.v2, allowed, e.ctx);
        [p, empty] = [v2, isEmptyPatchV2(v2)];
      } else {
        const wasVisible = (w: string) => {
          const skills = e.ctx.before.get(w);
          return skills !== undefined && allowed !== null && skills.some((k) => allowed.has(k));
        };
        const v1 = filterPatch(e.commit.v1, allowed, wasVisible);
        [p, empty] = [v1, isEmptyPatch(v1)];
      }
      s = { patch: p, data: JSON.stringify(p), empty, frame: null };
      e.cuts.set(key, s);
    }
    return s;
  };

  const heartbeatFrame = (version: number, serverTime: number, lastSuccessAt: number | null) => {
    const hb: Heartbeat = { serverTime, version, lastSuccessAt };
    return Buffer.from(frame(STREAM_EVENTS.heartbeat, version, JSON.stringify(hb)));
  };

  /** The heartbeat that stands in for a patch a scoped client skips, once per client version. */
  const beatOf = (e: RingEntry, version: number) => {
    e.beats ??= new Map();
    let chunk = e.beats.get(version);
    if (!chunk) {
      chunk = heartbeatFrame(version, e.serverTime, e.lastSuccessAt);
      e.beats.set(version, chunk);
    }
    return chunk;
  };

  const deliver = (c: Client, e: RingEntry) => {
    const { baseVersion, version } = e;
    if (version <= c.seenThrough) return;
    if (baseVersion !== c.seenThrough) {
      sendSnapshot(c);
      return;
    }
    const s = cutOf(e, c);
    if (c.allowed !== null && s.empty && e.health === c.lastHealth) {
      c.seenThrough = version;
      // Nothing of theirs changed, but the poll behind this patch is news about freshness.
      write(c, beatOf(e, c.lastVersion));
      return;
    }
    const chunk =
      c.lastVersion === baseVersion
        ? (s.frame ??= Buffer.from(frame(STREAM_EVENTS.patch, version, s.data)))
        : frame(
            STREAM_EVENTS.patch,
            version,
            JSON.stringify({ ...s.patch, baseVersion: c.lastVersion }),
          );
    if (write(c, chunk)) {
      opts.metrics.patchesSent.inc();
      c.lastVersion = version;
      c.seenThrough = version;
      c.lastHealth = e.health;
    }
  };

  const onCommit = (commit: Commit) => {
    const { v1, v2 } = commit;
    if (v2.baseVersion !== mirrorVersion) seedMirror();
    // The v1 patch holds every changed agent whole, at exactly this version.
    let whole: Map<string, Agent> | null = null;
    const ctx = advanceMirror(skillsOf, v2, (w) => {
      whole ??= new Map(v1.agents.map((a) => [a.workno, a]));
      return whole.get(w);
    });
    mirrorVersion = v2.version;
    const entry: RingEntry = {
      baseVersion: v2.baseVersion,
      version: v2.version,
      serverTime: v2.serverTime,
      lastSuccessAt: v2.gateway.lastSuccessAt,
      commit,
      ctx,
      health: healthKey(v2.gateway),
      cuts: new Map(),
    };
    // The v2 '*' serialisation is what nearly every screen receives: made now, and measured.
    const star = cutOf(entry, { format: 'v2', allowed: null, key: keyOf('v2', '*') });
    opts.metrics.patchBytes.observe(Buffer.byteLength(star.data));
    ring.push(entry);
    if (ring.length > ringSize) ring.shift();
    for (const c of [...clients.values()]) deliver(c, entry);
  };
  const unsubscribe = opts.live.onCommit(onCommit);

  /** Replays missed patches when Last-Event-ID is still inside the ring; false otherwise. */
  const resume = (c: Client, lastEventId: string | undefined): boolean => {
    if (lastEventId === undefined || !/^\d+$/.test(lastEventId)) return false;
    const last = Number(lastEventId);
    const start = ring.findIndex((e) => e.baseVersion === last);
    if (start === -1) {
      // Already current: the client saw the newest patch we hold; nothing to send.
      const newest = ring.at(-1);
      if (newest && newest.version === last && last === mirrorVersion) {
        c.lastVersion = last;
        c.seenThrough = last;
        c.lastHealth = newest.health;
        return true;
      }
      return false;
    }
    for (let i = start + 1; i < ring.length; i++)
      if (ring[i]!.baseVersion !== ring[i - 1]!.version) return false;
    c.lastVersion = last;
    c.seenThrough = last;
    c.lastHealth = ''; // unknown: the first replayed patch is sent even if it filters to empty
    for (let i = start; i < ring.length; i++) deliver(c, ring[i]!);
    return true;
  };

  // Freshness travels on heartbeats while nothing changes: one right after every quiet poll and
  // one per interval in any case (which also ends the streams of expired browser sessions). A
  // heartbeat names the client's own version (the browser resyncs when it is ahead of it), so
  // it is encoded once per distinct version, in practice once for all clients.
  const heartbeatMs = opts.heartbeatMs ?? opts.live.pollMs;
  let lastBroadcastAt = -Infinity;
  const broadcastHeartbeat = (lastSuccessAt: number | null) => {
    const t = now();
    lastBroadcastAt = t;
    const frames = new Map<number, Buffer>();
    for (const c of [...clients.values()]) {
      let chunk = frames.get(c.lastVersion);
      if (!chunk) {
        chunk = heartbeatFrame(c.lastVersion, t, lastSuccessAt);
        frames.set(c.lastVersion, chunk);
      }
      write(c, chunk);
    }
  };
  const unsubscribeQuiet = opts.live.onQuietPoll(broadcastHeartbeat);

  const heartbeat = setInterval(() => {
    for (const c of [...clients.values()]) if (!opts.isSessionValid(c.sessionId)) drop(c);
    // Skipped when a quiet poll just sent one: polls that succeed already keep the pace.
    if (now() - lastBroadcastAt >= heartbeatMs / 2)
      broadcastHeartbeat(opts.live.health().lastSuccessAt);
  }, heartbeatMs);
  heartbeat.unref();

  return {
    connect(res, { scope, sessionId, lastEventId, format = 'v2' }) {
      res.writeHead(200, SSE_HEADERS);
      res.write(`retry: ${opts.retryMs ?? 3000}\n\n`);
      const c: Client = {
        id: nextId++,
        res,
        sessionId,
        format,
        allowed: allowedOf(scope),
        key: keyOf(format, scopeKey(scope)),
        lastVersion: -1,
        seenThrough: -1,
        lastHealth: '',
      };
      clients.set(c.id, c);
      updateGauge();
      res.on('close', () => drop(c));
      if (!resume(c, lastEventId)) sendSnapshot(c);
    },
    closeSession(sessionId) {
      for (const c of [...clients.values()]) if (c.sessionId === sessionId) drop(c);
    },
    size: () => clients.size,
    close() {
      clearInterval(heartbeat);
      unsubscribe();
      unsubscribeQuiet();
      for (const c of [...clients.values()]) drop(c);
    },
  };
}

const keyOf = (format: StreamFormat, scope: string) => `${format}|${scope}`;
