import type { Patch, Snapshot } from '@floorwatch/contracts/api';
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSseHub, type SseHub } from '../../src/live/sse-hub';
import { agent, FakeLive, OK_HEALTH, silentLogger, testMetrics } from '../http/fakes';

class FakeRes extends EventEmitter {
  chunks: (string | Buffer)[] = [];
  headers: Record<string, string> = {};
  writableEnded = false;
  destroyed = false;
  writableLength = 0;
  writeHead(_status: number, h: Record<string, string>) {
    this.headers = h;
    return this;
  }
  write(c: string | Buffer) {
    this.chunks.push(c);
    return true;
  }
  end() {
    this.writableEnded = true;
    this.emit('close');
    return this;
  }
  destroy() {
    this.destroyed = true;
  }
  events() {
    return this.chunks
      .join('')
      .split('\n\n')
      .filter((f) => f.includes('event:'))
      .map((f) => {
        const get = (k: string) =>
          f
            .split('\n')
            .find((l) => l.startsWith(`${k}: `))
            ?.slice(k.length + 2);
        return { id: Number(get('id')), event: get('event'), data: JSON.parse(get('data')!) };
      });
  }
}

describe('sse hub', () => {
  let hub: SseHub;
  afterEach(() => hub.close());

  const setup = () => {
    const live = new FakeLive();
    const metrics = testMetrics();
    hub = createSseHub({
      live,
      metrics,
      logger: silentLogger(),
      isSessionValid: () => true,
      heartbeatMs: 60_000,
    });
    const connect = (scope: '*' | number[], lastEventId?: string) => {
      const res = new FakeRes();
      hub.connect(res as unknown as ServerResponse, { scope, sessionId: 's', lastEventId });
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
    const snap = lead.events()[0]!.data as Snapshot;
    expect(snap.agents.map((a) => a.workno).sort()).toEqual(['1001', '1002']);
    expect(snap.agents.find((a) => a.workno === '1002')?.skills).toEqual([1]);
    expect(snap.queues.map((q) => q.skillId)).toEqual([1]);

    live.change({ agents: [agent('2001', [2], { state: 'busy', status: 3 })] }); // not theirs: skipped
    live.change({ agents: [agent('1001', [1], { state: 'talking', status: 7 })] });
    const evs = lead.events();
    expect(evs.map((e) => e.event)).toEqual(['snapshot', 'patch']);
    const p = evs[1]!.data as Patch;
    // Re-based on what the client holds, so its version chain has no hole.
    expect(p.baseVersion).toBe(1);
    expect(p.version).toBe(3);
    expect(evs[1]!.id).toBe(3);
    expect(p.agents.map((a) => a.workno)).toEqual(['1001']);
  });

  it('turns an agent leaving the scope into a removal, without naming strangers', () => {
    const { live, connect } = setup();
    const lead = connect([1]);
    live.change({ agents: [agent('1002', [2])] });
    live.change({ agents: [agent('2002', [2])] });
    const patches = lead
      .events()
      .filter((e) => e.event === 'patch')
      .map((e) => e.data as Patch);
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
    const patch = lead.events().find((e) => e.event === 'patch')?.data as Patch;
    expect(patch.gateway.status).toBe('stale');
    expect(patch.agents).toEqual([]);
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
    expect((evs[0]!.data as Patch).baseVersion).toBe(2);
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
});
