// 2. Stream size: bytes each live-stream client receives per poll, stream v2 (what the dashboard
// reads: changed fields only, no queue member lists or counts) against stream v1 (whole changed
// agents and queues, kept for integrators) in the same run from the same commits, and both
// against the full snapshot a client would otherwise receive every poll. Two floors: 10,000
// agents in 500 queues at 1% and 10% churn, and the dense floor (5,000 agents, each in four of
// 200 queues) at 2% churn, where a changed agent makes four whole queues travel in v1. Measured
// on the wire of raw SSE clients: whole frames, id/event/data lines included.
import type { ScenarioDef } from '@floorwatch/gateway-sim';
import type { Bench, BenchContext } from './lib/bench';
import { churn, startProduct, waitForData } from './lib/product';
import type { Figure } from './lib/results';
import { frozenDenseScenario, frozenLargeScenario, oneQueueScenario } from './lib/scenarios';
import { openSse, type SseClient, type SseEvent } from './lib/sse-client';
import { mean, round } from './lib/stats';

type Format = 'v1' | 'v2';
const FORMATS: readonly Format[] = ['v2', 'v1'];

interface Sample {
  churnFraction: number;
  changedAgents: number;
  bytes: Record<Format, number>;
  /** Agents a patch named (v1: whole; v2: whole or changed fields). */
  agents: Record<Format, number>;
  queues: Record<Format, number>;
}

interface Floor {
  label: string;
  scenario: () => ScenarioDef;
  churns: { fraction: number; targetPct?: number }[];
}

interface FloorResult {
  floor: Floor;
  agents: number;
  queues: number;
  snapshotBytes: Record<Format, number>;
  samples: Sample[];
}

/** Agents a patch body names: v1 sends them whole, v2 whole (new) or as changed fields. */
function agentsIn(body: Record<string, unknown[] | undefined>): number {
  return (body.agents?.length ?? 0) + (body.agentChanges?.length ?? 0);
}
function queuesIn(body: Record<string, unknown[] | undefined>): number {
  return (body.queues?.length ?? 0) + (body.queueChanges?.length ?? 0);
}

async function measureFloor(ctx: BenchContext, floor: Floor, rounds: number): Promise<FloorResult> {
  // Smoke polls every second: it checks the harness, and a 1-queue floor fits 5 calls per 2 s.
  const fw = await startProduct({ scenario: floor.scenario(), pollMs: ctx.smoke ? 1000 : 2000 });
  const streams: SseClient[] = [];
  try {
    const cookie = await fw.signIn();
    const data = await waitForData(fw.url, cookie, 60_000);
    ctx.log(`${floor.label}: BFF has ${data.agents} agents in ${data.queues} queues`);

    const snapshots: Partial<Record<Format, SseEvent>> = {};
    const clients = {} as Record<Format, SseClient>;
    for (const f of FORMATS) {
      const sse = openSse(`${fw.url}/api/${f}/stream`, cookie, {
        keepFrames: true,
        onEvent: (e) => {
          if (e.event === 'snapshot') snapshots[f] ??= e;
        },
      });
      streams.push(sse);
      clients[f] = sse;
      await sse.firstSnapshot;
    }
    const snapshotBytes = { v1: snapshots.v1?.bytes ?? NaN, v2: snapshots.v2?.bytes ?? NaN };

    const patchTimeout = 3 * fw.pollMs + 5000;
    /** Every patch frame up to and including the next one that names agents: the bytes one poll
     *  costs a client (queue-depth answers can arrive as patches of their own). */
    const nextPoll = async (sse: SseClient) => {
      let bytes = 0;
      for (;;) {
        const p = await sse.next('patch', patchTimeout);
        bytes += p.bytes;
        const body = JSON.parse(p.data) as Record<string, unknown[] | undefined>;
        if (agentsIn(body) > 0) return { bytes, body };
      }
    };
    const bothPolls = async () => {
      const [v2, v1] = await Promise.all([nextPoll(clients.v2), nextPoll(clients.v1)]);
      return { v1, v2 };
    };
    // Warm-up: queue depth is read 100 queues per cycle, so for the first ceil(queues/100)
    // cycles every patch also fills in queues seen for the first time. A tiny churn makes each
    // warm-up cycle end with an agents patch, which is also the sync point for the first round.
    const warmPolls = ctx.smoke ? 1 : Math.ceil(data.queues / 100) + 1;
    for (let i = 0; i < warmPolls && Date.now() < ctx.deadline; i += 1) {
      await churn(fw.controlUrl, 0.0001);
      await bothPolls();
    }

    const samples: Sample[] = [];
    for (const { fraction } of floor.churns) {
      for (let i = 0; i < rounds && Date.now() < ctx.deadline; i += 1) {
        // Right after an agents patch: the next poll sees exactly this churn and nothing else.
        const { changed } = await churn(fw.controlUrl, fraction);
        const got = await bothPolls();
        samples.push({
          churnFraction: fraction,
          changedAgents: changed.length,
          bytes: { v1: got.v1.bytes, v2: got.v2.bytes },
          agents: { v1: agentsIn(got.v1.body), v2: agentsIn(got.v2.body) },
          queues: { v1: queuesIn(got.v1.body), v2: queuesIn(got.v2.body) },
        });
      }
    }
    return { floor, agents: data.agents, queues: data.queues, snapshotBytes, samples };
  } finally {
    for (const s of streams) s.close();
    await fw.close();
  }
}

function figuresOf(r: FloorResult): Figure[] {
  const out: Figure[] = [];
  for (const { fraction, targetPct } of r.floor.churns) {
    const s = r.samples.filter((x) => x.churnFraction === fraction);
    const pct = `${round(fraction * 100, 1)}% churn`;
    const v2 = mean(s.map((x) => x.bytes.v2));
    const v1 = mean(s.map((x) => x.bytes.v1));
    const has = s.length > 0;
    out.push({
      label: `${r.floor.label}, v2 patch per poll per client, ${pct}`,
      value: round(v2 / 1024, 1),
      unit: 'KiB',
      baseline: { label: 'v2 snapshot', value: round(r.snapshotBytes.v2 / 1024, 1), unit: 'KiB' },
      ratio: has ? round((v2 / r.snapshotBytes.v2) * 100, 2) : null,
      ratioNote: 'patch as % of snapshot',
      ...(targetPct !== undefined
        ? {
            target: `patch ≤ ${targetPct}% of snapshot`,
            met: has ? v2 / r.snapshotBytes.v2 <= targetPct / 100 : null,
          }
        : {}),
    });
    out.push({
      label: `${r.floor.label}, v1 patch per poll per client, ${pct} (baseline)`,
      value: round(v1 / 1024, 1),
      unit: 'KiB',
      baseline: { label: 'v1 snapshot', value: round(r.snapshotBytes.v1 / 1024, 1), unit: 'KiB' },
      ratio: has ? round((v1 / r.snapshotBytes.v1) * 100, 2) : null,
      ratioNote: 'patch as % of snapshot',
    });
  }
  return out;
}

function notesOf(r: FloorResult): string {
  const parts = r.floor.churns.map(({ fraction }) => {
    const s = r.samples.filter((x) => x.churnFraction === fraction);
    const avg = (f: (x: Sample) => number) => round(mean(s.map(f)), 0);
    return (
      `at ${round(fraction * 100, 1)}% churn (${s.length} polls, ${avg((x) => x.changedAgents)} agents changed) ` +
      `v2 named ${avg((x) => x.agents.v2)} agents and ${avg((x) => x.queues.v2)} queues, ` +
      `v1 ${avg((x) => x.agents.v1)} agents and ${avg((x) => x.queues.v1)} whole queues`
    );
  });
  return `${r.floor.label}: ${r.agents} agents signed in, ${r.queues} queues; ${parts.join('; ')}.`;
}

export const streamSize: Bench = {
  name: 'stream-size',
  title: 'Stream size per poll (v2 against v1)',
  budgetMs: { full: 360_000, smoke: 40_000 },
  async run(ctx) {
    const floors: Floor[] = ctx.smoke
      ? [
          {
            label: 'one queue of 300',
            scenario: () => oneQueueScenario(300),
            // No target: on 300 agents the per-patch overhead (health, versions) dominates.
            churns: [{ fraction: 0.01 }],
          },
        ]
      : [
          {
            label: '10k agents / 500 queues',
            scenario: frozenLargeScenario,
            churns: [{ fraction: 0.01, targetPct: 1 }, { fraction: 0.1 }],
          },
          {
            label: 'dense 5k agents / 200 queues (4 each)',
            scenario: frozenDenseScenario,
            churns: [{ fraction: 0.02, targetPct: 2 }],
          },
        ];
    const rounds = ctx.smoke ? 1 : 4;
    const results: FloorResult[] = [];
    for (const floor of floors) {
      if (Date.now() >= ctx.deadline) break;
      results.push(await measureFloor(ctx, floor, rounds));
    }
    return {
      figures: results.flatMap(figuresOf),
      notes: [
        "Both floors are the simulator's scenarios with every state frozen and no arrivals, so the only changes are the churn the bench makes (POST /sim-control/churn right after a patch, then the next patch is measured on a v2 and a v1 stream of the same BFF).",
        ...results.map(notesOf),
        'A v2 patch is compared with the v2 snapshot (the smaller of the two: it has no member lists), a v1 patch with the v1 snapshot. Bytes are whole SSE frames as received (id, event and data lines), before HTTP chunk framing; the stream is not compressed.',
      ],
      raw: Object.fromEntries(
        results.map((r) => [r.floor.label, { snapshotBytes: r.snapshotBytes, samples: r.samples }]),
      ),
    };
  },
};
