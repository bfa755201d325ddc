import { beforeEach, describe, expect, it } from 'vitest';
import { makeAgent, makePatch, makeQueue, makeSnapshot, T0 } from '../../test/fixtures';
import { sameAgent } from '@floorwatch/contracts/api';
import { smoothOffset, useLiveStore } from './live-store';

const store = () => useLiveStore.getState();

describe('live store', () => {
  beforeEach(() => store().reset());

  it('loads a snapshot keyed by workno and skillId', () => {
    store().applySnapshot(
      makeSnapshot({
        agents: [makeAgent({ workno: '1001' }), makeAgent({ workno: '1002', skills: [1, 2] })],
        queues: [makeQueue({ skillId: 2, name: 'Sales' }), makeQueue({ skillId: 1 })],
      }),
      T0,
    );
    expect(Object.keys(store().agents).sort()).toEqual(['1001', '1002']);
    expect(store().queueIds).toEqual([1, 2]);
    expect(store().queues[2]?.name).toBe('Sales');
    expect(store().version).toBe(10);
    expect(store().resyncNeeded).toBe(false);
  });

  it('applies a patch on its base version and keeps unchanged agents by identity', () => {
    store().applySnapshot(
      makeSnapshot({ agents: [makeAgent({ workno: '1001' }), makeAgent({ workno: '1002' })] }),
      T0,
    );
    const before1001 = store().agents['1001'];
    const before1002 = store().agents['1002'];
    const result = store().applyPatch(
      makePatch({
        agents: [
          makeAgent({ workno: '1002', state: 'talking', status: 7, stateSince: T0 }),
          // Same content as before: must not replace the object.
          makeAgent({ workno: '1001' }),
        ],
      }),
      T0 + 1000,
    );
    expect(result).toBe('applied');
    expect(store().version).toBe(11);
    expect(store().agents['1001']).toBe(before1001);
    expect(store().agents['1002']).not.toBe(before1002);
    expect(store().agents['1002']?.state).toBe('talking');
  });

  it('keeps the queues object when a patch touches only agents', () => {
    store().applySnapshot(makeSnapshot(), T0);
    const queues = store().queues;
    const ids = store().queueIds;
    store().applyPatch(makePatch({ agents: [makeAgent({ name: 'Renamed' })] }), T0 + 1000);
    expect(store().queues).toBe(queues);
    expect(store().queueIds).toBe(ids);
  });

  it('removes agents and queues', () => {
    store().applySnapshot(
      makeSnapshot({
        agents: [makeAgent({ workno: '1001' }), makeAgent({ workno: '1002' })],
        queues: [makeQueue({ skillId: 1 }), makeQueue({ skillId: 2 })],
      }),
      T0,
    );
    store().applyPatch(makePatch({ removedAgents: ['1002'], removedQueues: [2] }), T0 + 1000);
    expect(store().agents['1002']).toBeUndefined();
    expect(store().queues[2]).toBeUndefined();
    expect(store().queueIds).toEqual([1]);
  });

  it('drops a patch with a version gap and asks for a resync', () => {
    store().applySnapshot(makeSnapshot({ version: 10 }), T0);
    const agents = store().agents;
    const result = store().applyPatch(
      makePatch({
        baseVersion: 12,
        version: 13,
        agents: [makeAgent({ state: 'busy', status: 3 })],
      }),
    );
    expect(result).toBe('gap');
    expect(store().resyncNeeded).toBe(true);
    expect(store().version).toBe(10);
    expect(store().agents).toBe(agents);
    // The resync snapshot clears the flag.
    store().applySnapshot(makeSnapshot({ version: 13 }), T0 + 2000);
    expect(store().resyncNeeded).toBe(false);
    expect(store().version).toBe(13);
  });

  it('ignores a patch already contained in the current version', () => {
    store().applySnapshot(makeSnapshot({ version: 20 }), T0);
    expect(store().applyPatch(makePatch({ baseVersion: 18, version: 19 }))).toBe('stale');
    expect(store().resyncNeeded).toBe(false);
    expect(store().version).toBe(20);
  });

  it('asks for a snapshot when a patch arrives before any snapshot', () => {
    expect(store().applyPatch(makePatch())).toBe('gap');
    expect(store().resyncNeeded).toBe(true);
  });

  it('flags a resync when a heartbeat is ahead of our version', () => {
    store().applySnapshot(makeSnapshot({ version: 10 }), T0);
    store().applyHeartbeat(
      { serverTime: T0 + 15_000, version: 10, lastSuccessAt: null },
      T0 + 15_000,
    );
    expect(store().resyncNeeded).toBe(false);
    store().applyHeartbeat(
      { serverTime: T0 + 30_000, version: 12, lastSuccessAt: null },
      T0 + 30_000,
    );
    expect(store().resyncNeeded).toBe(true);
  });

  it('keeps the newest last successful poll from snapshots, patches and heartbeats', () => {
    store().applySnapshot(
      makeSnapshot({ gateway: { status: 'ok', lastSuccessAt: T0 - 2000, error: null } }),
      T0,
    );
    expect(store().lastSuccessAt).toBe(T0 - 2000);
    store().applyHeartbeat({ serverTime: T0 + 2000, version: 10, lastSuccessAt: T0 + 1500 });
    expect(store().lastSuccessAt).toBe(T0 + 1500);
    // A heartbeat without a poll yet, or an older one, never moves it back.
    store().applyHeartbeat({ serverTime: T0 + 4000, version: 10, lastSuccessAt: null });
    store().applyPatch(
      makePatch({ gateway: { status: 'ok', lastSuccessAt: T0 - 2000, error: null } }),
      T0 + 4000,
    );
    expect(store().lastSuccessAt).toBe(T0 + 1500);
  });

  it('measures the server clock offset and smooths it', () => {
    // Browser clock 90 s behind the server.
    store().applySnapshot(makeSnapshot({ serverTime: T0 }), T0 - 90_000);
    expect(store().clockOffsetMs).toBe(90_000);
    // A jittery sample moves it only part of the way.
    store().applyHeartbeat(
      { serverTime: T0 + 15_000, version: 10, lastSuccessAt: null },
      T0 + 15_000 - 91_000,
    );
    const o = store().clockOffsetMs ?? 0;
    expect(o).toBeGreaterThan(90_000);
    expect(o).toBeLessThan(91_000);
  });

  it('takes a large clock jump as-is', () => {
    expect(smoothOffset(null, 500)).toBe(500);
    expect(smoothOffset(0, 100)).toBeCloseTo(30);
    expect(smoothOffset(0, 60_000)).toBe(60_000);
  });

  it('keeps unchanged agent objects across a resync snapshot', () => {
    store().applySnapshot(makeSnapshot(), T0);
    const a = store().agents['1001'];
    store().applySnapshot(makeSnapshot({ version: 30 }), T0 + 5000);
    expect(store().agents['1001']).toBe(a);
  });

  it('compares agents field by field', () => {
    expect(sameAgent(makeAgent(), makeAgent())).toBe(true);
    expect(sameAgent(makeAgent(), makeAgent({ skills: [1, 2] }))).toBe(false);
    expect(
      sameAgent(makeAgent(), makeAgent({ media: { voice: true, chat: true, email: true } })),
    ).toBe(false);
  });

  it('counts malformed messages without touching the data', () => {
    store().applySnapshot(makeSnapshot(), T0);
    const agents = store().agents;
    store().reportBadMessage('patch: invalid');
    expect(store().badMessages).toBe(1);
    expect(store().agents).toBe(agents);
  });
});
