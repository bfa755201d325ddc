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
    const es = sources[0]!;
    es.emit('snapshot', makeSnapshot());
    const agents = useLiveStore.getState().agents;
    es.emit('snapshot', '{"version":"nope"}');
    es.emit('heartbeat', 'not json');
    expect(useLiveStore.getState().agents).toBe(agents);
    expect(useLiveStore.getState().badMessages).toBe(2);
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
