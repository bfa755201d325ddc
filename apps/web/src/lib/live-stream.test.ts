import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveStore } from '@/stores/live-store';
import { makeAgent, makePatch, makeSnapshot } from '../../test/fixtures';
import { backoffDelay, connectLiveStream } from './live-stream';

class FakeEventSource extends EventTarget {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSED = 2;
  readyState = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    super();
  }
  emit(type: string, data: unknown) {
    this.dispatchEvent(
      new MessageEvent(type, { data: typeof data === 'string' ? data : JSON.stringify(data) }),
    );
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
}

describe('connectLiveStream', () => {
  let sources: FakeEventSource[];
  let stop: () => void;
  const fetchSnapshot = vi.fn();

  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('EventSource', FakeEventSource);
    useLiveStore.getState().reset();
    sources = [];
    fetchSnapshot.mockReset();
    stop = connectLiveStream({
      url: '/api/v1/stream',
      checkUnauthorized: () => Promise.resolve(false),
      onUnauthorized: () => {},
      fetchSnapshot,
      createEventSource: (url) => {
        const es = new FakeEventSource(url);
        sources.push(es);
        return es as unknown as EventSource;
      },
    });
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('applies the snapshot then patches', () => {
    const es = sources[0]!;
    es.emit('snapshot', makeSnapshot());
    expect(useLiveStore.getState().connection).toBe('open');
    es.emit('patch', makePatch({ agents: [makeAgent({ state: 'busy', status: 3 })] }));
    expect(useLiveStore.getState().agents['1001']?.state).toBe('busy');
    expect(useLiveStore.getState().version).toBe(11);
  });

  it('resyncs with a fresh snapshot on a version gap', async () => {
    const es = sources[0]!;
    es.emit('snapshot', makeSnapshot({ version: 10 }));
    fetchSnapshot.mockResolvedValue(
      makeSnapshot({ version: 15, agents: [makeAgent({ name: 'Fresh' })] }),
    );
    es.emit('patch', makePatch({ baseVersion: 13, version: 14 }));
    expect(fetchSnapshot).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(useLiveStore.getState().version).toBe(15));
    expect(useLiveStore.getState().agents['1001']?.name).toBe('Fresh');
  });

  it('keeps the last good state when a message is malformed', () => {
    fetchSnapshot.mockRejectedValue(new Error('unreadable too'));
    const es = sources[0]!;
    es.emit('snapshot', makeSnapshot());
    const agents = useLiveStore.getState().agents;
    es.emit('snapshot', '{"version":"nope"}');
    es.emit('heartbeat', 'not json');
    expect(useLiveStore.getState().agents).toBe(agents);
    expect(useLiveStore.getState().badMessages).toBe(2);
  });

  it('re-fetches the snapshot when the stream sends an unreadable one, instead of freezing', async () => {
    const es = sources[0]!;
    es.onopen?.();
    fetchSnapshot.mockResolvedValue(makeSnapshot({ version: 12 }));
    // An agent status beyond what the contract allows: the whole message is invalid.
    es.emit('snapshot', {
      ...makeSnapshot(),
      agents: [{ ...makeAgent(), status: '99999999999999999999' }],
    });
    expect(useLiveStore.getState().badMessages).toBe(1);
    await vi.waitFor(() => expect(useLiveStore.getState().version).toBe(12));
    expect(useLiveStore.getState().connection).toBe('open');
    expect(useLiveStore.getState().agents['1001']).toBeDefined();
  });

  it('keeps re-fetching with backoff while the snapshot stays unreadable', async () => {
    const es = sources[0]!;
    es.onopen?.();
    fetchSnapshot
      .mockRejectedValueOnce(new Error('unexpected shape'))
      .mockRejectedValueOnce(new Error('unexpected shape'))
      .mockResolvedValue(makeSnapshot({ version: 20 }));
    es.emit('snapshot', '{"version":"nope"}');
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchSnapshot).toHaveBeenCalledTimes(1);
    // A heartbeat meanwhile does not start a second fetch while one is scheduled.
    es.emit('heartbeat', { serverTime: 1, version: 20, lastSuccessAt: 1 });
    expect(fetchSnapshot).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    await vi.waitFor(() => expect(useLiveStore.getState().version).toBe(20));
    expect(fetchSnapshot).toHaveBeenCalledTimes(3);
    expect(useLiveStore.getState().connection).toBe('open');
  });

  it('a corrected value heals through a later valid patch or heartbeat', async () => {
    const es = sources[0]!;
    fetchSnapshot.mockResolvedValue(makeSnapshot({ version: 30 }));
    es.emit('snapshot', '{"version":"nope"}');
    await vi.waitFor(() => expect(useLiveStore.getState().version).toBe(30));
    es.emit('patch', makePatch({ baseVersion: 30, version: 31 }));
    expect(useLiveStore.getState().version).toBe(31);
    expect(useLiveStore.getState().connection).toBe('open');
  });

  it('reconnects with backoff when the server refuses the stream', async () => {
    const es = sources[0]!;
    es.readyState = 2;
    es.onerror?.();
    expect(useLiveStore.getState().connection).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(2000);
    expect(sources).toHaveLength(2);
    expect(es.closed).toBe(true);
  });

  it('backs off exponentially up to 30 s, never sooner than half the step', () => {
    const top = () => 0.999999;
    expect(backoffDelay(0, top)).toBe(1000);
    expect(backoffDelay(3, top)).toBe(8000);
    expect(backoffDelay(20, top)).toBe(30000);
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(20, () => 0)).toBe(15000);
  });
});
