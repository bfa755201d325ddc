// 3. Server cost: CPU time and memory of the BFF per poll cycle for 10,000 agents in 500 queues,
// and its RSS with 1,000 live-stream clients. The BFF runs alone in a child process (remote mode
// against a simulator in this process), so its process.cpuUsage() and RSS are the product's own:
// one cycle = all the BFF did between two agent patches (fetch and read allonlineagents, the raw
// diff or the full read, normalise, diff, fan out, the queue-depth batch and the keep-alive). The
// old path (every answer read in full) runs first, in a BFF of its own, as the baseline of the
// same run; the floor (fetching and reading the answer alone) is measured in a process of its
// own; an in-process split times each step of both paths on the same answers.
import { readFileSync } from 'node:fs';
import type { Bench, BenchContext } from './lib/bench';
import { splitCycle, type CycleSplit } from './lib/cycle-split';
import {
  churn,
  measureFloor,
  startProduct,
  waitForData,
  type Product,
  type ProductOptions,
} from './lib/product';
import type { Figure } from './lib/results';
import { frozenLargeScenario, oneQueueScenario } from './lib/scenarios';
import { joinClients, openSse, type SseClient } from './lib/sse-client';
import { mean, percentile, round } from './lib/stats';

const MB = 1024 * 1024;
/** The agent the floor process signs in as (not the BFF's, not the split's). */
const FLOOR_AGENT = '104';
/** Fetches the floor process makes before it counts: a fresh process runs the HTTP client's code
 *  unoptimised at first, and the first fetches cost several times a warm one. */
const FLOOR_WARM = 8;
/** Node flags of the BFF child: those `npm start` (and the image) run the BFF with, read from
 *  apps/bff/package.json's start script. */
const BFF_NODE_FLAGS = (
  JSON.parse(readFileSync(new URL('../../apps/bff/package.json', import.meta.url), 'utf8')) as {
    scripts: { start: string };
  }
).scripts.start
  .split(/\s+/)
  .filter((t) => t.startsWith('--'));
/** V8's young generation, tried against the flags above in the same run
 *  (docs/decisions/0010-raw-diff-ingest.md). */
const SEMI_SPACE = '--max-semi-space-size=32';
const SEMI_FLAGS = BFF_NODE_FLAGS.includes(SEMI_SPACE)
  ? BFF_NODE_FLAGS.filter((f) => f !== SEMI_SPACE)
  : [...BFF_NODE_FLAGS, SEMI_SPACE];
const flagsText = (flags: readonly string[]) => (flags.length > 0 ? flags.join(' ') : 'none');

interface Cycle {
  clients: number;
  cpuMs: number;
  rssMb: number;
  heapUsedMb: number;
}

async function cycles(
  ctx: BenchContext,
  fw: Product,
  sync: SseClient,
  n: number,
  clients: number,
): Promise<Cycle[]> {
  const child = fw.child!;
  const out: Cycle[] = [];
  const nextPoll = async () => {
    for (;;) {
      const p = await sync.next('patch', 3 * fw.pollMs + 10_000);
      if ((JSON.parse(p.data) as { agents: unknown[] }).agents.length > 0) return;
    }
  };
  // Patches that queued up while the harness was busy elsewhere (clients joining) are not cycles
  // of this run: start from the next fresh agents patch.
  sync.clear();
  await churn(fw.controlUrl, 0.0001);
  await nextPoll();
  let before = await child.usage();
  for (let i = 0; i < n && Date.now() < ctx.deadline; i += 1) {
    await churn(fw.controlUrl, 0.01);
    await nextPoll();
    const after = await child.usage();
    out.push({
      clients,
      cpuMs: round(
        (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1000,
      ),
      rssMb: round(after.mem.rss / MB, 1),
      heapUsedMb: round(after.mem.heapUsed / MB, 1),
    });
    before = after;
  }
  return out;
}

/** A BFF with one stream client, past `warm` cycles. */
async function oneClient(
  ctx: BenchContext,
  opts: ProductOptions,
  warm: number,
): Promise<{ fw: Product; sync: SseClient; cookie: string }> {
  const fw = await startProduct(opts);
  ctx.defer(() => fw.close());
  const cookie = await fw.signIn();
  const data = await waitForData(fw.url, cookie, 60_000);
  ctx.log(
    `BFF child pid ${fw.child!.pid} (${opts.ingest ?? 'raw-diff'}): ${data.agents} agents, ${data.queues} queues`,
  );
  const sync = openSse(`${fw.url}/api/v1/stream`, cookie, { keepFrames: true });
  ctx.defer(() => sync.close());
  await sync.firstSnapshot;
  // Warm-up: JIT and the first queue-depth answers (which arrive as their own small patches).
  await cycles(ctx, fw, sync, warm, 1);
  return { fw, sync, cookie };
}

function splitNote(s: CycleSplit): string {
  const steps = (r: Record<string, number>) =>
    Object.entries(r)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  return `In-process split of a cycle (median CPU ms per step in the bench process, answers of ${round(s.answerBytes / MB, 2)} MB, the HTTP read not included). Old path: ${steps(s.full)}. Raw diff (${s.diffed} of ${s.timed} answers diffed, median ${s.recordsReread} records read again): ${steps(s.rawDiff)}.`;
}

/** Where a cycle's CPU goes: the floor, and the largest steps of a diffed answer in the split. */
function whyOver(value: number, floor: number, s: CycleSplit): string {
  const top = Object.entries(s.rawDiff)
    .filter(([k]) => !k.includes('read in full'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([k, v]) => `${k} ${v} ms`)
    .join(', ');
  return `${value} ms: fetch and read alone take ${round(floor)} ms; largest steps of a diffed answer ${top}`;
}

const median = (cs: readonly Cycle[]) =>
  percentile(
    cs.map((c) => c.cpuMs),
    50,
  );

export const serverCost: Bench = {
  name: 'server-cost',
  title: 'Server cost',
  budgetMs: { full: 540_000, smoke: 60_000 },
  async run(ctx) {
    const scenario = ctx.smoke ? oneQueueScenario(300) : frozenLargeScenario();
    const n = ctx.smoke ? 1 : 8;
    const warm = ctx.smoke ? 0 : 3;
    const manyClients = ctx.smoke ? 10 : 1000;
    // Smoke polls every second: it checks the harness, and a 1-queue floor fits 5 calls per 2 s.
    const pollMs = ctx.smoke ? 1000 : 2000;
    const base = { scenario, child: true, pollMs, nodeFlags: BFF_NODE_FLAGS } as const;

    // The baseline: the same BFF reading every answer in full, as before the raw diff.
    const old = await oneClient(ctx, { ...base, ingest: 'full' }, warm);
    const oldCycles = await cycles(ctx, old.fw, old.sync, n, 1);
    old.sync.close();
    await old.fw.close();
    const oldP50 = median(oldCycles);
    ctx.log(`old path, 1 client: median ${oldP50} ms CPU per cycle`);

    // The young-generation variant: the same raw-diff BFF with other Node flags, 1 client (not in
    // the smoke, which checks the harness: the variant runs the same code as the others).
    const semiCycles: Cycle[] = [];
    if (!ctx.smoke) {
      const semi = await oneClient(ctx, { ...base, nodeFlags: SEMI_FLAGS }, warm);
      semiCycles.push(...(await cycles(ctx, semi.fw, semi.sync, n, 1)));
      semi.sync.close();
      await semi.fw.close();
    }
    const semiP50 = semiCycles.length > 0 ? median(semiCycles) : null;
    if (semiP50 !== null)
      ctx.log(`raw diff with flags ${flagsText(SEMI_FLAGS)}, 1 client: median ${semiP50} ms`);

    const { fw, sync, cookie } = await oneClient(ctx, base, warm);
    const child = fw.child!;
    const retainedStart = (await child.usage(true)).mem.heapUsed / MB;
    const one = await cycles(ctx, fw, sync, n, 1);
    const retainedEnd = (await child.usage(true)).mem.heapUsed / MB;
    const p50 = median(one);
    ctx.log(`raw diff, 1 client: median ${p50} ms CPU per cycle`);

    // Before the 1,000 clients join, so the harness is quiet while it times the steps.
    const floor = await measureFloor({
      gatewayUrl: fw.sim.url,
      agentId: FLOOR_AGENT,
      password: 'floorwatch',
      repeats: ctx.smoke ? 2 : FLOOR_WARM + 12,
      gapMs: 450,
    });
    const floorWarm = ctx.smoke ? 1 : FLOOR_WARM;
    const floorP50 = percentile(floor.cpuMs.slice(floorWarm), 50);
    const split = await splitCycle(fw, ctx.smoke ? 3 : 7);

    // 1,000 streams: each gets its own snapshot on connect (several MB for this floor), so they
    // join in batches and the RSS is read both while they join and once they are all in.
    const many: SseClient[] = [];
    ctx.defer(() => many.forEach((c) => c.close()));
    let peakRss = 0;
    const connectStart = Date.now();
    // Capped so the whole `pnpm bench` stays near 15 minutes; fewer clients are reported as such.
    const joinUntil = Math.min(ctx.deadline - (ctx.smoke ? 5000 : 30_000), connectStart + 120_000);
    await joinClients(many, `${fw.url}/api/v1/stream`, cookie, manyClients, {
      until: joinUntil,
      afterBatch: async () => {
        peakRss = Math.max(peakRss, (await child.usage()).mem.rss / MB);
      },
    });
    const connectSec = (Date.now() - connectStart) / 1000;
    ctx.log(`${many.length} streams connected in ${connectSec.toFixed(1)} s`);
    const loaded = await cycles(ctx, fw, sync, Math.max(1, Math.floor(n / 2)), many.length + 1);
    const steadyRss = Math.max(...loaded.map((c) => c.rssMb));
    // RSS between collections is mostly garbage (every client's patch frame); this is what stays.
    const afterGc = await child.usage(true);
    const retainedMany = afterGc.mem.heapUsed / MB;
    const rssAfterGc = afterGc.mem.rss / MB;
    peakRss = Math.max(peakRss, steadyRss);
    const dropped = many.filter((c) => (c.counts.patch ?? 0) === 0).length;

    const p95 = percentile(
      one.map((c) => c.cpuMs),
      95,
    );
    const p50Many = median(loaded);
    const figures: Figure[] = [
      {
        label: 'BFF CPU per poll cycle, 1 stream client (median)',
        value: p50,
        unit: 'ms',
        baseline: {
          label: 'old path (every answer read in full), same run',
          value: oldP50,
          unit: 'ms',
        },
        ratio: oldP50 > 0 ? round(p50 / oldP50, 2) : null,
        ratioNote: 'raw diff ÷ old path',
        target: '≤ 30 ms',
        met: p50 <= 30,
        why: whyOver(p50, floorP50, split),
      },
      {
        label: 'CPU floor: fetch and read the answer alone (median)',
        value: round(floorP50),
        unit: 'ms',
        baseline: { label: 'BFF cycle, 1 client', value: p50, unit: 'ms' },
        ratio: floorP50 > 0 ? round(p50 / floorP50, 2) : null,
        ratioNote: 'BFF cycle ÷ floor',
      },
      { label: 'BFF CPU per poll cycle, 1 stream client (p95)', value: p95, unit: 'ms' },
      {
        label: `BFF CPU per poll cycle, 1 stream client, Node flags ${flagsText(SEMI_FLAGS)} (median)`,
        value: semiP50,
        unit: 'ms',
        baseline: { label: `Node flags ${flagsText(BFF_NODE_FLAGS)}`, value: p50, unit: 'ms' },
        ratio: semiP50 !== null && p50 > 0 ? round(semiP50 / p50, 2) : null,
        ratioNote: 'variant ÷ product flags',
      },
      {
        label: `BFF CPU per poll cycle, ${many.length + 1} stream clients (median)`,
        value: p50Many,
        unit: 'ms',
        baseline: { label: '1 client', value: p50, unit: 'ms' },
        ratio: p50 > 0 ? round(p50Many / p50, 2) : null,
        ratioNote: `${many.length + 1} clients ÷ 1 client`,
        target: '≤ 40 ms',
        met: p50Many <= 40,
        why: `${whyOver(p50Many, floorP50, split)}; ${round(p50Many - p50)} ms more than with 1 client is the fan-out to ${many.length} more streams`,
      },
      {
        label: `BFF RSS with ${many.length + 1} stream clients (steady, max over cycles)`,
        value: steadyRss,
        unit: 'MB',
        baseline: { label: '1 client', value: Math.max(...one.map((c) => c.rssMb)), unit: 'MB' },
        target: '< 300 MB',
        met: steadyRss < 300,
      },
      {
        label: `BFF heap retained with ${many.length + 1} stream clients (after a forced GC)`,
        value: round(retainedMany, 1),
        unit: 'MB',
        baseline: { label: 'RSS right after that GC', value: round(rssAfterGc, 1), unit: 'MB' },
      },
      {
        label: `BFF peak RSS while ${many.length} clients joined`,
        value: round(peakRss, 1),
        unit: 'MB',
        target: '< 300 MB',
        met: peakRss < 300,
      },
      {
        label: 'retained heap growth per poll cycle (after GC)',
        value: round(((retainedEnd - retainedStart) / Math.max(1, one.length)) * 1024, 1),
        unit: 'KiB',
      },
      {
        label: 'heap used per cycle (mean, 1 client)',
        value: round(mean(one.map((c) => c.heapUsedMb)), 1),
        unit: 'MB',
        baseline: {
          label: 'old path',
          value: round(mean(oldCycles.map((c) => c.heapUsedMb)), 1),
          unit: 'MB',
        },
      },
    ];
    return {
      figures,
      notes: [
        `${ctx.smoke ? 'Smoke: one queue of 300 agents.' : 'Large scenario frozen (10,000 agents, 500 queues, ~8,800 signed in)'}; 1% churn per cycle; ${one.length} measured cycles with 1 client after ${warm} warm-up cycles, ${loaded.length} with ${many.length + 1}; the old path's ${oldCycles.length} cycles in a BFF of its own, first, then ${semiCycles.length} of the young-generation variant in another. CPU = user + system time of the BFF child process between two agent patches (process.cpuUsage over IPC); BFF Node flags ${flagsText(BFF_NODE_FLAGS)}.`,
        `Floor: the BFF's gateway client fetching allonlineagents and reading the ${round(floor.bytes / MB, 2)} MB body into a Buffer, nothing else, in a process of its own (median of ${floor.cpuMs.length - floorWarm} fetches after ${floorWarm} to warm its code up, as the BFF's is after its warm-up cycles).`,
        `Joining ${many.length} clients (batches of 50, each stream's whole first snapshot received before the next batch) took ${connectSec.toFixed(1)} s; ${dropped} of them had received no patch by the end.`,
        splitNote(split),
      ],
      raw: {
        oneClient: one,
        oldPath: oldCycles,
        semiSpaceVariant: { flags: SEMI_FLAGS, cycles: semiCycles },
        floorCpuMs: floor.cpuMs,
        manyClients: loaded,
        retainedStart,
        retainedEnd,
        retainedMany,
        rssAfterGc,
        split,
        connectSec,
      },
    };
  },
};
