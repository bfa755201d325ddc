// 1. Gateway load vs screens: upstream calls per poll interval, read from the simulator's own
// counters, with 1…1,000 live-stream clients on Floorwatch, against 1…1,000 browsers polling
// allonlineagents through a plain proxy (lib/plain-proxy.ts) at the same interval.
import type { Bench, BenchContext } from './lib/bench';
import { startPlainProxy, startPollers } from './lib/plain-proxy';
import {
  BFF_AGENT,
  counters,
  resetCounters,
  startProduct,
  startSim,
  waitForData,
} from './lib/product';
import type { Figure } from './lib/results';
import { openSse, type SseClient } from './lib/sse-client';
import { round, sleep } from './lib/stats';

const PROXY_AGENT = '102';

interface Window {
  clients: number;
  seconds: number;
  intervals: number;
  allOnlineAgents: number;
  perInterval: number;
  allUpstream: number;
  rateLimited: number;
  maxInWindow: number;
}

async function measureWindow(
  controlUrl: string,
  agentId: string,
  clients: number,
  pollMs: number,
  windowMs: number,
): Promise<Window> {
  // The simulator handles the reset and the read somewhere between our send and its answer; with
  // 1,000 pollers in this process that can take a while, so take the middle of each round trip.
  const r0 = Date.now();
  await resetCounters(controlUrl);
  const t0 = (r0 + Date.now()) / 2;
  await sleep(windowMs);
  const r1 = Date.now();
  const c = await counters(controlUrl);
  const seconds = ((r1 + Date.now()) / 2 - t0) / 1000;
  const intervals = (seconds * 1000) / pollMs;
  const all = c.routes.queryAllOnlineAgents ?? 0;
  return {
    clients,
    seconds: round(seconds),
    intervals: round(intervals),
    allOnlineAgents: all,
    perInterval: round(all / intervals, 3),
    allUpstream: Object.values(c.routes).reduce((s, v) => s + v, 0),
    rateLimited: c.rejected.rateLimited,
    maxInWindow: c.maxInWindow[agentId] ?? 0,
  };
}

async function floorwatchSide(
  ctx: BenchContext,
  counts: number[],
  pollMs: number,
  windowMs: number,
): Promise<Window[]> {
  const fw = await startProduct({ scenario: 'small', pollMs });
  ctx.defer(() => fw.close());
  const cookie = await fw.signIn();
  await waitForData(fw.url, cookie, 15_000);
  const clients: SseClient[] = [];
  ctx.defer(() => clients.forEach((c) => c.close()));
  const out: Window[] = [];
  try {
    for (const n of counts) {
      if (Date.now() > ctx.deadline) break;
      // One browser session shared by all streams: the hub fans out per stream, not per session,
      // and 1,000 scrypt sign-ins would only measure the password hash.
      while (clients.length < n) {
        const batch = Math.min(100, n - clients.length);
        const opened = Array.from({ length: batch }, () =>
          openSse(`${fw.url}/api/v1/stream`, cookie),
        );
        clients.push(...opened);
        await Promise.all(opened.map((c) => c.firstSnapshot));
      }
      ctx.log(`floorwatch: ${n} stream clients connected`);
      out.push(await measureWindow(fw.controlUrl, BFF_AGENT, n, pollMs, windowMs));
    }
  } finally {
    // Stopped before the baseline starts, so 1,000 idle streams do not load the baseline's run.
    clients.forEach((c) => c.close());
    await fw.close();
  }
  return out;
}

async function baselineSide(
  ctx: BenchContext,
  counts: number[],
  pollMs: number,
  windowMs: number,
): Promise<Window[]> {
  const sim = await startSim('small');
  ctx.defer(() => sim.close());
  const proxy = await startPlainProxy(sim.url, PROXY_AGENT);
  ctx.defer(() => proxy.close());
  const out: Window[] = [];
  for (const n of counts) {
    if (Date.now() > ctx.deadline) break;
    const until = Math.min(ctx.deadline, Date.now() + windowMs + 2 * pollMs + 5000);
    const pollers = startPollers(proxy.url, n, pollMs, until);
    try {
      await sleep(pollMs); // every poller has fired once: the load is at its steady rate
      ctx.log(`baseline: ${n} polling browsers`);
      out.push(await measureWindow(sim.controlUrl, PROXY_AGENT, n, pollMs, windowMs));
    } finally {
      await pollers.stop();
    }
  }
  return out;
}

export const gatewayLoad: Bench = {
  name: 'gateway-load',
  title: 'Gateway load vs screens',
  budgetMs: { full: 240_000, smoke: 20_000 },
  async run(ctx) {
    const counts = ctx.smoke ? [10] : [1, 10, 100, 1000];
    // The product's default interval in both modes: a shorter one would not fit the agents poll,
    // the queue-depth poll and the keep-alive inside 5 calls per 2 s, so it would measure queuing.
    const pollMs = 2000;
    const windowMs = ctx.smoke ? pollMs : 4 * pollMs;
    const fw = await floorwatchSide(ctx, counts, pollMs, windowMs);
    const base = await baselineSide(ctx, counts, pollMs, windowMs);
    const figures: Figure[] = [];
    for (const w of fw) {
      const b = base.find((x) => x.clients === w.clients);
      // "Exactly one per interval": a window of k intervals holds k or k±1 polls depending on
      // phase, so allow one poll of slack over the window; and never over the 5-per-2-s budget.
      const met =
        Math.abs(w.allOnlineAgents - w.intervals) <= 1 && w.maxInWindow <= 5 && w.rateLimited === 0;
      figures.push({
        label: `allonlineagents per ${pollMs / 1000} s interval, ${w.clients} client${w.clients === 1 ? '' : 's'}`,
        value: w.perInterval,
        unit: '/interval',
        ...(b
          ? {
              baseline: {
                label: `plain proxy, ${b.clients} polling browser${b.clients === 1 ? '' : 's'}`,
                value: b.perInterval,
                unit: '/interval',
              },
              ratio: w.perInterval > 0 ? round(b.perInterval / w.perInterval, 1) : null,
              ratioNote: 'baseline ÷ Floorwatch',
            }
          : {}),
        target: '1 per interval, ≤ 5 per 2 s',
        met,
      });
    }
    const worst = fw.reduce((m, w) => Math.max(m, w.maxInWindow), 0);
    figures.push({
      label: 'max upstream calls in any 2 s window (Floorwatch, all calls incl. keep-alive)',
      value: worst,
      unit: 'calls',
      baseline: {
        label: 'plain proxy at most clients',
        value: base.at(-1)?.maxInWindow ?? null,
        unit: 'calls',
      },
      target: '≤ 5 per 2 s',
      met: worst <= 5,
    });
    const notes = [
      `Simulator scenario "small" (40 agents, 6 queues); poll interval ${pollMs} ms; each step measured over ${windowMs / 1000} s after the clients were connected; counters from the simulator's /sim-control/counters.`,
      'Floorwatch: streams opened with raw node:http SSE clients sharing one signed-in browser session; the gateway budget also carries the event long-poll keep-alive and queue-depth calls (allUpstream in raw).',
      'Baseline: a plain reverse proxy signed in once as supervisor 102 (shared Guid) forwarding every browser poll; the gateway rejects everything over 5 per 2 s for that agent (rateLimited in raw), so the browsers mostly get errors — the counted figure is requests that reached the gateway.',
    ];
    const lastBase = base.at(-1);
    if (lastBase)
      notes.push(
        `At ${lastBase.clients} polling browsers the gateway saw ${lastBase.allOnlineAgents} allonlineagents in ${lastBase.seconds} s and refused ${lastBase.rateLimited} as over its rate limit.`,
      );
    return { figures, notes, raw: { floorwatch: fw, baseline: base, pollMs, windowMs } };
  },
};
