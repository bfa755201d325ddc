// 2. Stream size: bytes each live-stream client receives per poll for 10,000 agents in 500 queues
// when 1% and 10% of agents change state between two polls, against the full snapshot a client
// would otherwise receive every poll (what a "poll /snapshot" or "push the whole state" design
// sends). Measured on the wire of a raw SSE client: whole frames, id/event/data lines included.
import type { Bench } from './lib/bench';
import { churn, startProduct, waitForData } from './lib/product';
import type { Figure } from './lib/results';
import { frozenLargeScenario, oneQueueScenario } from './lib/scenarios';
import { openSse, type SseEvent } from './lib/sse-client';
import { mean, round } from './lib/stats';

interface Sample {
  churnFraction: number;
  changedAgents: number;
  patchBytes: number;
  patchAgents: number;
  patchQueues: number;
}

export const streamSize: Bench = {
  name: 'stream-size',
  title: 'Stream size per poll',
  budgetMs: { full: 150_000, smoke: 20_000 },
  async run(ctx) {
    const scenario = ctx.smoke ? oneQueueScenario(300) : frozenLargeScenario();
    const rounds = ctx.smoke ? 1 : 4;
    // Smoke polls every second: it checks the harness, and a 1-queue floor fits 5 calls per 2 s.
    const fw = await startProduct({ scenario, pollMs: ctx.smoke ? 1000 : 2000 });
    ctx.defer(() => fw.close());
    const cookie = await fw.signIn();
    const data = await waitForData(fw.url, cookie, 30_000);
    ctx.log(`BFF has ${data.agents} agents in ${data.queues} queues`);

    let snapshot: SseEvent | null = null;
    const sse = openSse(`${fw.url}/api/v1/stream`, cookie, {
      keepFrames: true,
      onEvent: (e) => {
        if (e.event === 'snapshot' && !snapshot) snapshot = e;
      },
    });
    ctx.defer(() => sse.close());
    await sse.firstSnapshot;
    const snap = snapshot as SseEvent | null;
    if (!snap) throw new Error('no snapshot frame');
    const snapBytes = snap.bytes;

    const patchTimeout = 3 * fw.pollMs + 5000;
    /** Every patch frame up to and including the next one that carries agents: the bytes one
     *  poll costs a client (queue-depth answers can arrive as patches of their own). */
    const nextPoll = async () => {
      let bytes = 0;
      for (;;) {
        const p = await sse.next('patch', patchTimeout);
        bytes += p.bytes;
        const body = JSON.parse(p.data) as { agents: unknown[]; queues: unknown[] };
        if (body.agents.length > 0) return { bytes, body };
      }
    };
    // Warm-up: queue depth is read 100 queues per cycle, so for the first ceil(queues/100)
    // cycles every patch also fills in queues seen for the first time. A tiny churn makes each
    // warm-up cycle end with an agents patch, which is also the sync point for the first round.
    const warmPolls = ctx.smoke ? 1 : Math.ceil(data.queues / 100) + 1;
    for (let i = 0; i < warmPolls && Date.now() < ctx.deadline; i += 1) {
      await churn(fw.controlUrl, 0.0001);
      await nextPoll();
    }

    const samples: Sample[] = [];
    for (const fraction of [0.01, 0.1]) {
      for (let i = 0; i < rounds && Date.now() < ctx.deadline; i += 1) {
        // Right after an agents patch: the next poll sees exactly this churn and nothing else.
        const { changed } = await churn(fw.controlUrl, fraction);
        const { bytes, body } = await nextPoll();
        samples.push({
          churnFraction: fraction,
          changedAgents: changed.length,
          patchBytes: bytes,
          patchAgents: body.agents.length,
          patchQueues: body.queues.length,
        });
      }
    }
    const at = (f: number) => samples.filter((s) => s.churnFraction === f);
    const figures: Figure[] = [];
    for (const f of [0.01, 0.1]) {
      const s = at(f);
      const bytes = mean(s.map((x) => x.patchBytes));
      figures.push({
        label: `patch per poll per client, ${f * 100}% churn`,
        value: round(bytes / 1024, 1),
        unit: 'KiB',
        baseline: { label: 'full snapshot', value: round(snapBytes / 1024, 1), unit: 'KiB' },
        ratio: s.length > 0 ? round((bytes / snapBytes) * 100, 2) : null,
        ratioNote: 'patch as % of snapshot',
        ...(f === 0.01
          ? {
              target: 'patch < 5% of snapshot',
              met: s.length > 0 ? bytes / snapBytes < 0.05 : null,
            }
          : {}),
      });
    }
    const one = at(0.01);
    return {
      figures,
      notes: [
        `${ctx.smoke ? 'Smoke: one queue of 300 agents.' : "The simulator's large scenario (10,000 agents, 500 queues) with every state frozen and no arrivals, so the only changes are the churn the bench makes (POST /sim-control/churn right after a patch, then the next patch is measured)."} ${data.agents} agents signed in; ${rounds} polls per churn level.`,
        `At 1% churn a patch carried on average ${round(mean(one.map((x) => x.patchAgents)), 0)} agents and ${round(mean(one.map((x) => x.patchQueues)), 0)} queues (a changed agent also changes the state counts of every queue it is in).`,
        'Bytes are whole SSE frames as received (id, event and data lines), before HTTP chunk framing; the stream is not compressed.',
      ],
      raw: { snapshotBytes: snapBytes, samples },
    };
  },
};
