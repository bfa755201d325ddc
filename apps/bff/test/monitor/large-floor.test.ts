// The large scenario's size (10,000 agents, 500 queues): a poll cycle after the fetch (validate,
// normalise, build queues, diff) handles the whole floor and patches only what changed. Its CPU
// cost is a benchmark figure (bench/src/server-cost.ts), not an assertion here: this machine is
// shared and noisy, and a timed unit test would fail for reasons that are not bugs.
import { describe, expect, it } from 'vitest';
import type { GatewayAgentWire } from '@floorwatch/contracts/gateway';
import { patch as apiPatch, type Queue } from '@floorwatch/contracts/api';
import { parseAllOnlineAgents } from '../../src/monitor/fast-parse';
import { normalise, toQueue } from '../../src/monitor/normalise';
import { createSnapshotStore } from '../../src/monitor/snapshot-store';
import { NO_ACD_EXTRAS } from '../factories';

const AGENTS = 10_000;
const SKILLS = 500;

function floor(t: number, changed: Set<number>): unknown {
  const bySkill: GatewayAgentWire[][] = Array.from({ length: SKILLS }, () => []);
  for (let i = 0; i < AGENTS; i++) {
    const talking = changed.has(i);
    const wire: GatewayAgentWire = {
      workno: String(10_000 + i),
      name: `Agent ${i}`,
      status: talking ? '7' : '4',
      ctiStatus: talking ? '5' : '1',
      groupid: i % 40,
      groupname: null,
      skilllist: [],
      mediatype: i % 3 === 0 ? 'TTF' : 'TFF',
      vdnid: 1,
      phonenumber: String(80_000 + i),
      currentstatetime: talking ? 1 : Math.floor((t - 1_799_990_000_000) / 1000) + (i % 7),
      logindate: 1_799_000_000_000 + i,
      callids: [],
      inMultimediaConf: 0,
      currentStateReason: 0,
    };
    // Two skills for most agents, like the large scenario.
    bySkill[i % SKILLS]!.push(wire);
    if (i % 4 !== 0) bySkill[(i * 7 + 3) % SKILLS]!.push(wire);
  }
  return {
    message: 'success',
    retcode: '0',
    result: bySkill.map((agent, s) => ({ skillId: s + 1, skillMediaType: 5, agent })),
  };
}

describe('poll cycles at 10,000 agents / 500 queues', () => {
  it('validates, normalises and diffs the whole floor, patching only the agents that changed', () => {
    const store = createSnapshotStore();
    const health = { status: 'ok' as const, lastSuccessAt: 1, error: null };
    const t0 = 1_800_000_000_000;
    const cycle = (t: number, body: unknown) => {
      const parsed = parseAllOnlineAgents(body);
      if (!parsed.success) throw parsed.error;
      expect(parsed.quarantined).toEqual([]);
      const { agents, queues: cores } = normalise(parsed.data.result ?? [], t, store.agents());
      const queues = new Map<number, Queue>();
      const none = {
        name: undefined,
        vdnMediaType: undefined,
        waiting: null,
        longestWaitSec: null,
        ...NO_ACD_EXTRAS,
      };
      for (const [id, core] of cores)
        queues.set(id, toQueue(id, core, none, store.queues().get(id)));
      const patch = store.commit({ agents, queues, health, serverTime: t })?.v1 ?? null;
      // What would be published is valid API material.
      if (patch) expect(apiPatch.safeParse(patch).error).toBeUndefined();
      return patch;
    };
    const body = (k: number) => {
      const changed = new Set<number>();
      if (k > 0) for (let i = 0; i < 200; i++) changed.add((k * 997 + i * 53) % AGENTS);
      return floor(t0 + k * 2000, changed);
    };
    const first = cycle(t0, body(0));
    expect(first!.agents).toHaveLength(AGENTS);
    expect(first!.queues).toHaveLength(SKILLS);
    for (let k = 1; k <= 5; k++) {
      const patch = cycle(t0 + k * 2000, body(k));
      // Only the agents that changed state (this round, or back from the last) are patched:
      // 200 go talking, up to 200 come back; the rest keep their objects and stay out.
      expect(patch!.agents.length).toBeGreaterThanOrEqual(200);
      expect(patch!.agents.length).toBeLessThanOrEqual(400);
      expect(patch!.agents.every((a) => a.state === 'talking' || a.state === 'idle')).toBe(true);
    }
    // The same answer again changes nothing: no patch at all.
    expect(cycle(t0 + 5 * 2000, body(5))).toBeNull();
  });
});
