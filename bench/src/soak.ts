// 7. Soak: does the BFF stay flat over a long shift? 30 minutes of the dense floor (5,000 agents
// in 200 queues) with 1% of the signed-in agents changing state every second, a 1 s poll and 200
// live-stream clients. The BFF runs alone in a child process (lib/bff-child.ts) so its RSS and
// heap are its own. Every minute: RSS, then heap and RSS after a forced GC; the trend is the
// least-squares slope after the first 5 minutes (start-up, JIT and the first queue-depth rounds).
// Errors: what the gateway refused, sign-ins after the first, seconds the BFF was not ready (what a
// screen would show as not live), failed churn calls; and the streams the server dropped or that
// went silent. `--soak-minutes=N` runs N minutes instead of 30 (samples and warm-up scale along).
import type { Bench, BenchContext } from './lib/bench';
import {
  BFF_AGENT,
  churn,
  counters,
  freeze,
  resetCounters,
  signIns,
  startProduct,
  waitForData,
} from './lib/product';
import type { Figure } from './lib/results';
import { oneQueueScenario } from './lib/scenarios';
import { joinClients, type SseClient } from './lib/sse-client';
import { mean, round, sleep, slope } from './lib/stats';

const MB = 1024 * 1024;
const FULL_MINUTES = 30;
/** Within the full budget (45 min) with room for start-up, joins and teardown. */
const MAX_MINUTES = 36;
const CHURN_PER_SECOND = 0.01;
const POLL_MS = 1000;

interface Plan {
  minutes: number;
  samples: number;
  /** Samples before this (minutes from the start) are left out of the trend. */
  warmupMin: number;
  clients: number;
}

function plan(ctx: BenchContext): Plan {
  if (ctx.smoke) return { minutes: 1 / 6, samples: 6, warmupMin: 1 / 18, clients: 10 };
  const arg = ctx.args.find((a) => a.startsWith('--soak-minutes='));
  const minutes = arg ? Number(arg.slice('--soak-minutes='.length)) : FULL_MINUTES;
  if (!Number.isFinite(minutes) || minutes < 1 || minutes > MAX_MINUTES)
    throw new Error(`--soak-minutes must be a number of minutes from 1 to ${MAX_MINUTES}`);
  // One sample a minute in the full run. The heap settles within about a minute (3-minute
  // runs); the first 5 minutes are left out of the trend, a third of a shorter run.
  return { minutes, samples: 30, warmupMin: Math.min(5, minutes / 3), clients: 200 };
}

interface Sample {
  tMin: number;
  rssMb: number;
  heapAfterGcMb: number;
  rssAfterGcMb: number;
  /** Memory outside the JS heap after the GC (Buffers: stream frames, answers being read). */
  externalAfterGcMb: number;
  /** Share of one core the BFF used since the previous sample, %. */
  cpuPct: number;
  clientsLive: number;
  /** Patches received by all clients since the previous sample. */
  patches: number;
}

/** Runs `step` every `everyMs` until `end`, on a fixed schedule (a slow step does not shift it). */
async function every(everyMs: number, end: number, step: () => Promise<void>): Promise<void> {
  const t0 = Date.now();
  for (let i = 1; Date.now() < end; i += 1) {
    await step();
    const next = t0 + i * everyMs;
    if (next >= end) return;
    await sleep(Math.max(0, next - Date.now()));
  }
}

export const soak: Bench = {
  name: 'soak',
  title: 'Soak',
  budgetMs: { full: 45 * 60_000, smoke: 60_000 },
  async run(ctx) {
    const p = plan(ctx);
    const scenario = ctx.smoke ? oneQueueScenario(300) : 'dense';
    const fw = await startProduct({ scenario, child: true, pollMs: POLL_MS });
    ctx.defer(() => fw.close());
    const child = fw.child!;
    // Frozen, the floor changes only by the churn below: exactly 1% a second, not that plus
    // whatever the simulated centre does by itself (the dense floor alone turns over ~2%).
    await freeze(fw.controlUrl, true);
    const cookie = await fw.signIn();
    const data = await waitForData(fw.url, cookie, 60_000);
    ctx.log(`BFF child pid ${child.pid}: ${data.agents} agents, ${data.queues} queues`);

    const clients: SseClient[] = [];
    ctx.defer(() => clients.forEach((c) => c.close()));
    const joinStart = Date.now();
    await joinClients(clients, `${fw.url}/api/v1/stream`, cookie, p.clients, {
      until: Math.min(ctx.deadline, joinStart + 120_000),
    });
    ctx.log(`${clients.length} streams in ${((Date.now() - joinStart) / 1000).toFixed(1)} s`);

    await resetCounters(fw.controlUrl); // also empties the sign-in record
    const t0 = Date.now();
    const end = Math.min(t0 + p.minutes * 60_000, ctx.deadline - 15_000);
    const sampleMs = (p.minutes * 60_000) / p.samples;
    let churnCalls = 0;
    let churnFailed = 0;
    let changed = 0;
    let readyChecks = 0;
    const notReady = new Map<string, number>();
    const samples: Sample[] = [];
    const patchesNow = () => clients.reduce((n, c) => n + (c.counts.patch ?? 0), 0);
    let lastPatches = patchesNow();
    let last = await child.usage(true);
    let lastAt = Date.now();

    const churnLoop = every(1000, end, async () => {
      churnCalls += 1;
      try {
        changed += (await churn(fw.controlUrl, CHURN_PER_SECOND)).changed.length;
      } catch {
        churnFailed += 1;
      }
    });
    const readyLoop = every(1000, end, async () => {
      readyChecks += 1;
      try {
        const res = await fetch(`${fw.url}/readyz`);
        const body = (await res.json()) as { error?: { message?: string } };
        if (res.status !== 200) {
          const why = (body.error?.message ?? `HTTP ${res.status}`).split(';')[0]!;
          notReady.set(why, (notReady.get(why) ?? 0) + 1);
        }
      } catch (err) {
        const why = `readyz failed: ${String(err)}`;
        notReady.set(why, (notReady.get(why) ?? 0) + 1);
      }
    });
    const sampleLoop = (async () => {
      for (let k = 1; k <= p.samples; k += 1) {
        const due = t0 + k * sampleMs;
        if (due > end) break;
        await sleep(Math.max(0, due - Date.now()));
        const live = await child.usage();
        // Forced, so the heap read is what the BFF retains and not the garbage of the moment.
        const gc = await child.usage(true);
        const at = Date.now();
        const cpuMs = (gc.cpu.user + gc.cpu.system - last.cpu.user - last.cpu.system) / 1000;
        const patches = patchesNow();
        samples.push({
          tMin: round((at - t0) / 60_000, 3),
          rssMb: round(live.mem.rss / MB, 1),
          heapAfterGcMb: round(gc.mem.heapUsed / MB, 2),
          rssAfterGcMb: round(gc.mem.rss / MB, 1),
          externalAfterGcMb: round(gc.mem.external / MB, 2),
          cpuPct: round((cpuMs / (at - lastAt)) * 100, 1),
          clientsLive: clients.filter((c) => c.endedAt === null).length,
          patches: patches - lastPatches,
        });
        last = gc;
        lastAt = at;
        lastPatches = patches;
        const s = samples.at(-1)!;
        ctx.log(
          `${s.tMin.toFixed(1)} min: RSS ${s.rssMb} MB, heap after GC ${s.heapAfterGcMb} MB, CPU ${s.cpuPct}%, ${s.clientsLive} streams`,
        );
      }
    })();
    await Promise.all([churnLoop, readyLoop, sampleLoop]);
    const stoppedAt = Date.now();

    const c = await counters(fw.controlUrl);
    const refused = c.rejected.rateLimited + c.rejected.auth + c.rejected.other;
    const reSignIns = (await signIns(fw.controlUrl, BFF_AGENT)).length;
    // Silent: no event, not even a heartbeat (one per poll at the least), for 10 polls.
    const silentSince = stoppedAt - 10 * POLL_MS;
    const ended = clients.filter((x) => x.endedAt !== null).length;
    const silent = clients.filter((x) => x.endedAt === null && x.lastEventAt < silentSince).length;
    const dropped = ended + silent;
    const notReadySec = [...notReady.values()].reduce((a, b) => a + b, 0);

    const trend = samples.filter((s) => s.tMin >= p.warmupMin);
    const rssSlope = round(slope(trend.map((s) => ({ x: s.tMin, y: s.rssMb }))), 3);
    const heapSlope = round(slope(trend.map((s) => ({ x: s.tMin, y: s.heapAfterGcMb }))), 3);
    const first = trend[0];
    const final = samples.at(-1);
    const minutesRun = round((stoppedAt - t0) / 60_000, 2);
    const trendOk = trend.length >= 3;
    const warm = `after the first ${round(p.warmupMin, 2)} min`;
    const errors = refused + churnFailed + reSignIns;

    const figures: Figure[] = [
      {
        label: `BFF RSS trend ${warm} (least squares, a sample every ${round(sampleMs / 1000)} s)`,
        value: rssSlope,
        unit: 'MB/min',
        target: '≤ 0.5 MB/min',
        met: trendOk ? rssSlope <= 0.5 : null,
      },
      {
        label: `BFF heap after GC trend ${warm} (least squares)`,
        value: heapSlope,
        unit: 'MB/min',
        target: '≤ 0.5 MB/min',
        met: trendOk ? heapSlope <= 0.5 : null,
      },
      {
        label: `BFF RSS at ${final?.tMin ?? '?'} min`,
        value: final?.rssMb ?? null,
        unit: 'MB',
        baseline: {
          label: `at ${first?.tMin ?? '?'} min`,
          value: first?.rssMb ?? null,
          unit: 'MB',
        },
      },
      {
        label: `BFF heap after GC at ${final?.tMin ?? '?'} min`,
        value: final?.heapAfterGcMb ?? null,
        unit: 'MB',
        baseline: {
          label: `at ${first?.tMin ?? '?'} min`,
          value: first?.heapAfterGcMb ?? null,
          unit: 'MB',
        },
      },
      {
        label: 'errors: gateway refusals + sign-ins after the first + failed churn calls',
        value: errors,
        unit: '',
        target: 'none',
        met: errors === 0,
      },
      {
        label: 'seconds the BFF was not ready (/readyz 503: not live on screen)',
        value: notReadySec,
        unit: `s of ${readyChecks}`,
        target: 'none',
        met: notReadySec === 0,
      },
      {
        label: `live-stream clients dropped (ended or silent) of ${clients.length}`,
        value: dropped,
        unit: '',
        target: 'none',
        met: dropped === 0,
      },
      {
        label: 'BFF CPU (mean after warm-up)',
        value: round(mean(trend.map((s) => s.cpuPct)), 1),
        unit: '% of a core',
      },
    ];
    const reasons = [...notReady.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([why, n]) => `${n}× "${why}"`);
    return {
      figures,
      notes: [
        `${ctx.smoke ? 'Smoke: one queue of 300 agents, 10 streams, 10 s.' : `The simulator's dense scenario (${data.agents} agents signed in, ${data.queues} queues), frozen so the only changes are the bench's: ${CHURN_PER_SECOND * 100}% of the signed-in agents to another state every second (POST /sim-control/churn; ${changed} changes in ${churnCalls} calls).`} Poll ${POLL_MS} ms, the gateway's own limit (5 calls per 2 s), ${clients.length} live streams (one browser session), ${minutesRun} min measured after the streams joined.`,
        `RSS read every ${round(sampleMs / 1000, 1)} s, then heap and RSS again after a forced GC in the BFF child (--expose-gc); the trend is the least-squares slope of the samples ${warm} (start-up, JIT and the first queue-depth rounds). Series in raw.samples.`,
        `Gateway side: ${c.rejected.rateLimited} calls refused over the limit, ${c.rejected.auth} refused for the session, ${c.rejected.other} others; ${reSignIns} sign-ins after the first; ${churnFailed} churn calls failed. ${ended} streams ended by the server, ${silent} silent for 10 polls at the end.${reasons.length > 0 ? ` Not ready: ${reasons.join(', ')}.` : ''}`,
      ],
      raw: {
        plan: p,
        samples,
        gatewayRoutes: c.routes,
        rejected: c.rejected,
        maxInWindow: c.maxInWindow,
        notReady: Object.fromEntries(notReady),
        churnCalls,
        churnFailed,
        changed,
      },
    };
  },
};
