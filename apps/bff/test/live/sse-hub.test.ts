import type { Patch, PatchV2, Snapshot, SnapshotV2 } from '@floorwatch/contracts/api';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSseHub, type SseHub, type StreamFormat } from '../../src/live/sse-hub';
import { agent, FakeLive, OK_HEALTH, silentLogger, testMetrics } from '../http/fakes';
import { FakeRes } from './fake-res';

describe('sse hub', () => {
  let hub: SseHub;
  afterEach(() => hub.close());

  const setup = (over: Partial<Parameters<typeof createSseHub>[0]> = {}) => {
    const live = new FakeLive();
    const metrics = testMetrics();
    hub = createSseHub({
      live,
      metrics,
      logger: silentLogger(),
      isSessionValid: () => true,
      heartbeatMs: 60_000,
      ...over,
    });
    const connect = (
      scope: '*' | number[],
      lastEventId?: string,
      sessionId = 's',
      format: StreamFormat = 'v2',
    ) => {
      const res = new FakeRes();
      hub.connect(res as unknown as ServerResponse, { scope, sessionId, lastEventId, format });
      return res;
    };
    return { live, metrics, connect };
  };

  it('gives each joining client the current serverTime and data, whoever joined before', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const { live, connect } = setup();
      vi.setSystemTime(1_000);
      const a = connect('*');
      const lead = connect([2]);
      vi.setSystemTime(5_000);
      const b = connect('*');
      const [snapA, snapB] = [a.events()[0]!.data, b.events()[0]!.data];
      expect(snapA.serverTime).toBe(1_000);
      expect(snapB.serverTime).toBe(5_000);
      expect({ ...snapB, serverTime: 0 }).toEqual({ ...snapA, serverTime: 0 });
      expect(lead.events()[0]!.data.agents.map((x: { workno: string }) => x.workno)).toEqual([
        '1002',
        '2001',
      ]);
      // New data (a new version) is never answered from an older serialisation.
      live.version = 2;
      live.agents.set('3001', agent('3001', [1]));
      const c = connect('*');
      expect(c.events()[0]!.data.agents.map((x: { workno: string }) => x.workno)).toContain('3001');
      expect(c.events()[0]!.id).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends an agent coming into a scope whole, with only the skills the user may see', () => {
    const { live, connect } = setup();
    const lead = connect([1]);
    // 2001 was only in queue 2; now it is in 1 as well, and changed state on the way.
    live.change({ agents: [agent('2001', [1, 2], { status: 7, state: 'talking' })] });
    const p = lead.events().at(-1)!.data as PatchV2;
    expect(p.agents).toEqual([agent('2001', [1], { status: 7, state: 'talking' })]);
    expect(p.agentChanges).toEqual([]);
    // A supervisor gets just the change.
    const sup = connect('*');
    live.change({ agents: [agent('2001', [1, 2], { status: 4, state: 'idle' })] });
    expect((sup.events().at(-1)!.data as PatchV2).agentChanges).toEqual([
      { workno: '2001', state: 'idle', status: 4 },
    ]);
  });

  it('does not tell a lead about a skill change outside their queues', () => {
    const { live, connect } = setup();
    const lead = connect([1]);
    // 1002 (queues 1 and 2) leaves queue 2 and joins 3: nothing of the lead's changed.
    live.change({ agents: [agent('1002', [1, 3])] });
    expect(lead.events().at(-1)!.event).toBe('heartbeat');
    // Leaving queue 1 too is a removal for the lead.
    live.change({ agents: [agent('1002', [3], { status: 7, state: 'talking' })] });
    const p = lead.events().at(-1)!.data as PatchV2;
    expect(p).toMatchObject({ agents: [], agentChanges: [], removedAgents: ['1002'] });
  });

  it('still serves the v1 stream with whole agents and queues, for integrators', () => {
    const { live, connect } = setup();
    const v1 = connect('*', undefined, 's', 'v1');
    const v2 = connect('*');
    const snap = v1.events()[0]!.data as Snapshot;
    expect(snap.queues[0]!.agents).toEqual(['1001', '1002']);
    expect((v2.events()[0]!.data as SnapshotV2).queues[0]).not.toHaveProperty('agents');
    const talking = agent('1001', [1], { status: 7, state: 'talking' });
    live.change({ agents: [talking] });
    const p = v1.events().at(-1)!;
    expect(p).toMatchObject({ event: 'patch', id: 2 });
    expect((p.data as Patch).agents).toEqual([talking]);
    // Same version numbers in both formats, so either can resume from the other's id.
    expect(v2.events().at(-1)!.id).toBe(2);
  });

  it('sends a retry hint, the no-buffering headers and a snapshot first', () => {
    const { connect } = setup();
    const res = connect('*');
    expect(res.headers['X-Accel-Buffering']).toBe('no');
    expect(res.headers['Cache-Control']).toContain('no-cache');
    expect(res.chunks[0]).toMatch(/^retry: \d+\n\n$/);
    const [first] = res.events();
    expect(first?.event).toBe('snapshot');
    expect(first?.id).toBe(1);
    expect((first?.data as Snapshot).agents).toHaveLength(3);
  });

  it('filters the snapshot and patches to the user queues', () => {
    const { live, connect } = setup();
    const lead = connect([1]);
    const snap = lead.events()[0]!.data as SnapshotV2;
    expect(snap.agents.map((a) => a.workno).sort()).toEqual(['1001', '1002']);
    expect(snap.agents.find((a) => a.workno === '1002')?.skills).toEqual([1]);
    expect(snap.queues.map((q) => q.skillId)).toEqual([1]);

    live.change({ agents: [agent('2001', [2], { state: 'busy', status: 3 })] }); // not theirs: skipped
    live.change({ agents: [agent('1001', [1], { state: 'talking', status: 7 })] });
    const evs = lead.events();
    // The change that is not theirs still tells them how fresh the data is.
    expect(evs.map((e) => e.event)).toEqual(['snapshot', 'heartbeat', 'patch']);
    expect(evs[1]).toMatchObject({ id: 1, data: { version: 1, lastSuccessAt: 1_000 } });
    const p = evs[2]!.data as PatchV2;
    // Re-based on what the client holds, so its version chain has no hole.
    expect(p.baseVersion).toBe(1);
    expect(p.version).toBe(3);
    expect(evs[2]!.id).toBe(3);
    expect(p.agentChanges).toEqual([{ workno: '1001', state: 'talking', status: 7 }]);
  });

  it('turns an agent leaving the scope into a removal, without naming strangers', () => {
    const { live, connect } = setup();
    const lead = connect([1]);
    live.change({ agents: [agent('1002', [2])] });
    live.change({ agents: [agent('2002', [2])] });
    const patches = lead
      .events()
      .filter((e) => e.event === 'patch')
      .map((e) => e.data as PatchV2);
    expect(patches).toHaveLength(1);
    expect(patches[0]!.removedAgents).toEqual(['1002']);
    expect(JSON.stringify(lead.chunks)).not.toContain('2002');
    expect(JSON.stringify(lead.chunks)).not.toContain('2001');
  });

  it('still sends an emptied patch when the gateway health changed', () => {
    const { live, connect } = setup();
    const lead = connect([1]);
    live.change({
      agents: [agent('2001', [2], { status: 3 })],
      gateway: { ...OK_HEALTH, status: 'stale' },
    });
    const patch = lead.events().find((e) => e.event === 'patch')?.data as PatchV2;
    expect(patch.gateway.status).toBe('stale');
    expect(patch.agentChanges).toEqual([]);
  });

  it('serialises each patch once for all unrestricted clients', () => {
    const { live, metrics, connect } = setup();
    const clients = Array.from({ length: 5 }, () => connect('*'));
    live.change({ agents: [agent('1001', [1], { status: 7, state: 'talking' })] });
    const frames = clients.map((c) => c.chunks.at(-1));
    // One encoded frame, the very same bytes for every client.
    expect(new Set(frames).size).toBe(1);
    expect(String(frames[0])).toMatch(/^id: 2\nevent: patch\n/);
    return metrics.patchesSent.get().then((m) => expect(m.values[0]?.value).toBe(5));
  });

  it('resumes from Last-Event-ID with only the missed patches', () => {
    const { live, connect } = setup();
    live.change({ agents: [agent('1001', [1], { status: 7, state: 'talking' })] }); // 1→2
    live.change({ agents: [agent('2001', [2], { status: 3, state: 'busy' })] }); // 2→3
    const back = connect('*', '2');
    const evs = back.events();
    expect(evs.map((e) => [e.event, e.id])).toEqual([['patch', 3]]);
    expect((evs[0]!.data as PatchV2).baseVersion).toBe(2);
  });

  it('resumes a scoped client, cutting the replayed patches the same way', () => {
    const { live, connect } = setup();
    live.change({ agents: [agent('2001', [2, 1], { status: 3, state: 'busy' })] }); // 1→2: joins 1
    live.change({ agents: [agent('2001', [2, 1], { status: 7, state: 'talking' })] }); // 2→3
    const back = connect([1], '1');
    const patches = back.events().map((e) => e.data as PatchV2);
    expect(patches.map((p) => [p.baseVersion, p.version])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    // Whole at first sight (the lead never saw it), then only what changed.
    expect(patches[0]!.agents).toEqual([agent('2001', [1], { status: 3, state: 'busy' })]);
    expect(patches[1]!.agentChanges).toEqual([{ workno: '2001', state: 'talking', status: 7 }]);
  });

  it('answers a Last-Event-ID outside the ring with a snapshot', () => {
    const { live, connect } = setup();
    live.change({ agents: [agent('1001', [1], { status: 7, state: 'talking' })] });
    const back = connect('*', '999');
    expect(back.events().map((e) => e.event)).toEqual(['snapshot']);
    expect(back.events()[0]!.id).toBe(2);
  });

  it('answers a version gap with a fresh snapshot', () => {
    const { live, connect } = setup();
    const c = connect('*');
    // A patch that does not start where the client is (a monitor restart, say).
    live.version = 10;
    live.change({ agents: [agent('1001', [1], { status: 7, state: 'talking' })] });
    const evs = c.events();
    expect(evs.map((e) => e.event)).toEqual(['snapshot', 'snapshot']);
    expect(evs[1]!.id).toBe(11);
  });

  it('ends the streams of a signed-out session and on close', () => {
    const { connect } = setup();
    const a = connect('*');
    hub.closeSession('s');
    expect(a.writableEnded).toBe(true);
    expect(hub.size()).toBe(0);
  });

  it('drops a client that cannot keep up, and only that one', async () => {
    const { live, metrics, connect } = setup({ maxBufferedBytes: 64 * 1024 });
    const slow = connect('*');
    const fast = connect('*');
    // The socket of `slow` stopped draining: its unsent bytes pile up past the limit.
    slow.writableLength = 64 * 1024 + 1;
    live.change({ agents: [agent('1001', [1], { status: 7, state: 'talking' })] });
    expect(slow.destroyed).toBe(true);
    expect(slow.writableEnded).toBe(true);
    expect(hub.size()).toBe(1);
    expect((await metrics.sseClients.get()).values[0]?.value).toBe(1);
    // Nothing more is written to it; the other client goes on as before.
    const written = slow.chunks.length;
    live.change({ agents: [agent('1002', [1, 2], { status: 7, state: 'talking' })] });
    expect(slow.chunks).toHaveLength(written);
    expect(fast.events().map((e) => e.event)).toEqual(['snapshot', 'patch', 'patch']);
  });

  it('keeps a client whose backlog stays under the limit', () => {
    const { live, connect } = setup({ maxBufferedBytes: 64 * 1024 });
    const c = connect('*');
    c.writableLength = 64 * 1024;
    live.change({ agents: [agent('1001', [1], { status: 7, state: 'talking' })] });
    expect(c.destroyed).toBe(false);
    expect(hub.size()).toBe(1);
  });

  it("ends an expired browser session's stream on the heartbeat, and only that one", () => {
    vi.useFakeTimers();
    try {
      const valid = new Set(['alive', 'expiring']);
      const { connect } = setup({ heartbeatMs: 1000, isSessionValid: (id) => valid.has(id) });
      const alive = connect('*', undefined, 'alive');
      const expiring = connect('*', undefined, 'expiring');
      vi.advanceTimersByTime(1000);
      expect(expiring.events().map((e) => e.event)).toEqual(['snapshot', 'heartbeat']);
      valid.delete('expiring'); // the session's time ran out; nobody signed out
      vi.advanceTimersByTime(1000);
      expect(expiring.writableEnded).toBe(true);
      expect(expiring.events().map((e) => e.event)).toEqual(['snapshot', 'heartbeat']);
      expect(alive.writableEnded).toBe(false);
      expect(alive.events().map((e) => e.event)).toEqual(['snapshot', 'heartbeat', 'heartbeat']);
      expect(hub.size()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends a heartbeat right after a quiet poll, encoded once for all clients', () => {
    const { live, connect } = setup();
    const clients = [connect('*'), connect('*'), connect('*')];
    const lead = connect([1]);
    live.quietPoll(5_000);
    const frames = clients.map((c) => c.chunks.at(-1));
    // The very same Buffer for every client at the same version.
    expect(new Set(frames).size).toBe(1);
    expect(Buffer.isBuffer(frames[0])).toBe(true);
    for (const c of [...clients, lead])
      expect(c.events().at(-1)).toMatchObject({
        event: 'heartbeat',
        id: 1,
        data: { version: 1, lastSuccessAt: 5_000 },
      });
  });

  it('keeps a heartbeat at least every poll interval by default, carrying the last success', () => {
    vi.useFakeTimers();
    try {
      const { live, connect } = setup({ heartbeatMs: undefined });
      const c = connect('*');
      vi.advanceTimersByTime(live.pollMs);
      expect(c.events().map((e) => e.event)).toEqual(['snapshot', 'heartbeat']);
      expect(c.events()[1]!.data).toMatchObject({ lastSuccessAt: OK_HEALTH.lastSuccessAt });
      // A quiet poll just sent one: the periodic one of this interval is not doubled.
      vi.advanceTimersByTime(live.pollMs - 100);
      live.quietPoll(9_000);
      vi.advanceTimersByTime(100);
      expect(c.events().map((e) => e.event)).toEqual(['snapshot', 'heartbeat', 'heartbeat']);
      vi.advanceTimersByTime(live.pollMs);
      expect(c.events().map((e) => e.event)).toHaveLength(4);
      expect(c.events().at(-1)!.data).toMatchObject({ lastSuccessAt: 9_000 });
    } finally {
      vi.useRealTimers();
    }
  });
});
