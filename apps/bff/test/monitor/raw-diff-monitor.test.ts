// The monitor reading the simulator's answers with the raw diff publishes, after every poll,
// exactly the floor a full read of the same answer gives, while agents change state, sign out
// and sign in again.
import { describe, expect, it } from 'vitest';
import type { Agent } from '@floorwatch/contracts/api';
import type { GatewaySessionPort } from '../../src/gateway/types';
import type { QueueCore } from '../../src/monitor/normalise';
import { control, waitFor } from '../gateway/support';
import { fullPipeline } from './raw-diff-fuzz';
import { onAgentsCall, ready, useRig } from './rig';

describe('monitor with the raw diff', { timeout: 60_000 }, () => {
  const rig = useRig();

  it('publishes after every poll what a full read of that answer gives', async () => {
    // The monitor's clock moves only when an answer arrives, so its fetch time is known here.
    let clock = Date.now();
    const full = fullPipeline();
    let expected: { agents: ReadonlyMap<string, Agent>; queues: ReadonlyMap<number, QueueCore> } = {
      agents: new Map(),
      queues: new Map(),
    };
    const mismatches: string[] = [];
    let polls = 0;
    let published:
      | (() => { agents: Agent[]; queues: Array<Pick<QueueCore, 'skillId' | 'agents' | 'counts'>> })
      | null = null;
    const compare = () => {
      if (!published || polls === 0) return;
      const got = published();
      const want = [...expected.agents.values()];
      if (JSON.stringify(got.agents) !== JSON.stringify(want))
        mismatches.push(`poll ${polls}: agents differ`);
      for (const q of got.queues) {
        const core = expected.queues.get(q.skillId);
        if (
          JSON.stringify([q.agents, q.counts]) !==
          JSON.stringify([core?.agents ?? [], core?.counts ?? q.counts])
        )
          mismatches.push(`poll ${polls}: queue ${q.skillId} differs`);
      }
    };
    const shadow = (s: GatewaySessionPort) =>
      onAgentsCall(s, async (call) => {
        // One agents poll at a time: the previous answer is published by now.
        compare();
        const ans = await call();
        clock = Date.now();
        if (ans.bytes) {
          const out = full(ans.bytes, clock);
          if (out.kind === 'read') expected = out;
          polls++;
        }
        return ans;
      });
    const r = await rig({ monitor: { now: () => clock, pollMs: 250 }, wrap: shadow });
    published = () => r.monitor.snapshot();
    await ready(r);
    const after = async (n: number) => {
      const until = polls + n;
      await waitFor(() => polls >= until, { timeoutMs: 10_000, what: `${n} polls` });
    };
    await after(3);
    await control(r.gw, 'POST', '/churn', { fraction: 0.3 });
    await after(3);
    await control(r.gw, 'POST', '/agents/2005/signout');
    await after(3);
    await control(r.gw, 'POST', '/agents/2005/signin');
    await control(r.gw, 'POST', '/churn', { fraction: 0.3 });
    await after(4);
    compare();
    expect(mismatches).toEqual([]);
    const diffs = (await r.metrics.agentsRawDiffs.get()).values[0]?.value ?? 0;
    const fulls = Object.fromEntries(
      (await r.metrics.agentsFullReads.get()).values.map((v) => [v.labels.reason, v.value]),
    );
    // Most polls were diffs; the first and the sign-out and sign-in were read in full.
    expect(diffs).toBeGreaterThan(polls / 2);
    expect(fulls).toMatchObject({ first: 1 });
    expect(fulls.structure ?? 0).toBeGreaterThanOrEqual(2);
  });
});
