// Where the CPU of one poll cycle goes: the monitor's steps timed one by one on real
// allonlineagents answers, in this process, for the old path (every answer read in full) and for
// the raw diff, on the same answers. The product's own code is imported by path: the BFF package
// exports only its entry points, and the split must time the product, not a copy of it.
import { allOnlineAgentsResponse } from '@floorwatch/contracts/gateway';
import { createMetrics } from '../../../apps/bff/src/metrics';
import { createAgentsIngest } from '../../../apps/bff/src/monitor/agents-ingest';
import { parseAllOnlineAgents } from '../../../apps/bff/src/monitor/fast-parse';
import { normalise } from '../../../apps/bff/src/monitor/normalise';
import { createSnapshotStore } from '../../../apps/bff/src/monitor/snapshot-store';
import { churn, type Product } from './product';
import { percentile, round, sleep } from './stats';

const SPLIT_AGENT = '103';
const HEALTH = { status: 'ok' as const, lastSuccessAt: 1, error: null };

// CPU time, not wall time: the machine is shared and often oversubscribed, and wall time of
// synchronous code then mostly measures waiting for a core. Nothing else runs on this thread
// during a step; helper threads (GC) are part of the step's cost anyway.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export interface CycleSplit {
  answerBytes: number;
  /** Median CPU ms per step, old path. */
  full: Record<string, number>;
  /** Median CPU ms per step, raw diff (answers it took). */
  rawDiff: Record<string, number>;
  /** Records the raw diff read again, median per answer. */
  recordsReread: number;
  /** Answers the raw diff took, of those timed. */
  diffed: number;
  timed: number;
}

export async function splitCycle(fw: Product, repeats: number): Promise<CycleSplit> {
  const base = `${fw.sim.url}/agentgateway/resource`;
  const signIn = await fetch(`${base}/onlineagent/${SPLIT_AGENT}/forceloginexwithoutphone`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ password: 'floorwatch' }),
  });
  const guid = (signIn.headers.get('set-guid') ?? '').replace(/^JSESSIONID=/, '');
  await signIn.arrayBuffer();
  const fullStore = createSnapshotStore();
  const rawStore = createSnapshotStore();
  const metrics = createMetrics({ defaultMetrics: false });
  const ingest = createAgentsIngest({
    mode: 'raw-diff',
    fullEveryMs: Number.POSITIVE_INFINITY,
    metrics,
    onDiffError: (err) => {
      throw err;
    },
    now: Date.now,
  });
  const full: Record<string, number[]> = {};
  const raw: Record<string, number[]> = {};
  const reread: number[] = [];
  let answerBytes = 0;
  let diffed = 0;
  for (let i = 0; i < repeats; i += 1) {
    await churn(fw.controlUrl, 0.01);
    // Stay inside the gateway's 5 calls per 2 s for this agent: a refused call would be timed as
    // a tiny answer. Retry a refusal a few times, then give up on the split.
    let body = Buffer.alloc(0);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await sleep(450);
      const get = () =>
        fetch(`${base}/agentgroup/${SPLIT_AGENT}/allonlineagents`, { headers: { Guid: guid } });
      const res = await get().catch(get);
      body = Buffer.from(await res.arrayBuffer());
      if (body.subarray(-20).toString().endsWith('"retcode":"0"}')) break;
    }
    if (!body.subarray(-20).toString().endsWith('"retcode":"0"}'))
      throw new Error('allonlineagents refused for the split');
    answerBytes = body.length;
    const fetchedAt = Date.now();
    // The first answer builds every Agent afresh (no previous floor) and teaches the raw diff its
    // layout: it is left out of the medians.
    const keep = i > 0;
    let t = cpu();
    const lap = (into: Record<string, number[]>, name: string) => {
      const now = cpu();
      if (keep) (into[name] ??= []).push(now - t);
      t = now;
    };

    const text = body.toString('utf8');
    lap(full, 'decode UTF-8');
    const json: unknown = JSON.parse(text);
    lap(full, 'JSON.parse');
    const parsed = parseAllOnlineAgents(json);
    lap(full, 'validate (fast path)');
    if (!parsed.success) throw new Error('allonlineagents did not validate');
    const result = normalise(parsed.data.result ?? [], fetchedAt, fullStore.agents());
    lap(full, 'normalise');
    const patch = fullStore.commit({
      agents: result.agents,
      health: HEALTH,
      serverTime: fetchedAt,
    });
    lap(full, 'diff');
    JSON.stringify(patch);
    lap(full, 'serialise patch');

    t = cpu();
    const reader = ingest.request.readBody!;
    const bytes = reader.buffer?.(body.length) ?? body;
    body.copy(bytes);
    lap(raw, 'copy into the receive buffer');
    const own = reader.read(bytes);
    lap(raw, 'compare bytes, read changed records');
    // An answer the diff did not take is read in full (as above; not timed again here).
    const read = ingest.read(
      own ? own.body : JSON.parse(text),
      bytes,
      fetchedAt,
      rawStore.agents(),
    );
    lap(raw, 'agents and queue counts');
    if (!read.success) throw new Error('the raw diff refused an answer');
    // As the monitor commits: a diffed answer's changed agents only.
    const { updates } = read.data;
    rawStore.commit({
      ...(updates ? { agentUpdates: updates } : { agents: read.data.agents }),
      health: HEALTH,
      serverTime: fetchedAt,
    });
    lap(raw, 'diff');
    ingest.committed(read.data);
    // The first answer too: it is the one that teaches the layout.
    if (!own) (raw['learn layout (answers read in full)'] ??= []).push(cpu() - t);
    if (own && keep) {
      diffed += 1;
      reread.push(await recordsReread(metrics));
    }

    // The zod schema alone, once, for scale: it is the fallback when the fast path is unsure.
    if (i === 1) {
      const copy: unknown = JSON.parse(text);
      t = cpu();
      allOnlineAgentsResponse.safeParse(copy);
      lap(full, '(zod schema alone, the fallback)');
    }
  }
  await fetch(`${base}/onlineagent/${SPLIT_AGENT}/logout`, {
    method: 'DELETE',
    headers: { Guid: guid },
  }).catch(() => undefined);
  const medians = (steps: Record<string, number[]>) =>
    Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, round(percentile(v, 50))]));
  const perAnswer = reread.map((v, i) => v - (reread[i - 1] ?? 0));
  return {
    answerBytes,
    full: medians(full),
    rawDiff: medians(raw),
    recordsReread: round(percentile(perAnswer, 50), 0),
    diffed,
    timed: Math.max(0, repeats - 1),
  };
}

async function recordsReread(metrics: ReturnType<typeof createMetrics>): Promise<number> {
  return (await metrics.agentsRecordsReread.get()).values[0]?.value ?? 0;
}
