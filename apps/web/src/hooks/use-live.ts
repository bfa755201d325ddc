// The live picture as components read it. The store's own hooks (live-store.ts) select by
// revision; the ones here add what ui screens need (lists of queues, names, the clock offset),
// each selecting an object whose identity changes only when what it shows changed.
import type { Agent, Queue } from '@floorwatch/contracts/api';
import { useShallow } from 'zustand/react/shallow';
import { useLiveStore, useQueueMembers } from '@/stores/live-store';

export {
  useAgent,
  useAgents as useAgentMap,
  useLiveLoaded,
  useQueue,
  useQueueIds,
} from '@/stores/live-store';

/** Every queue, in display order (ascending skill id). */
export function useQueueList(): Queue[] {
  return useLiveStore(
    useShallow((s) =>
      s.queueIds.flatMap((id) => {
        const q = s.queues.get(id);
        return q ? [q] : [];
      }),
    ),
  );
}

/** These queues (those that exist now), in the order given. */
export function useQueuesById(ids: readonly number[]): Queue[] {
  return useLiveStore(
    useShallow((s) =>
      ids.flatMap((id) => {
        const q = s.queues.get(id);
        return q ? [q] : [];
      }),
    ),
  );
}

/** Every queue by skill id (a new map whenever any queue changes). */
export function useQueueMap(): ReadonlyMap<number, Queue> {
  return useLiveStore((s) => s.queues);
}

/** These skill ids (empty: every queue), those that exist now, in the order given. */
export function useExistingQueueIds(ids: readonly number[]): readonly number[] {
  return useLiveStore(
    useShallow((s) => (ids.length > 0 ? ids.filter((id) => s.queues.has(id)) : s.queueIds)),
  );
}

/** The agents of one queue; the same array until one of them changes. */
export function useQueueAgents(skillId: number): readonly Agent[] {
  return useQueueMembers(skillId);
}

/**
 * Server clock − this browser's clock, ms (0 until known), rounded to `step` ms so a reader
 * that draws at that precision does not re-render with every smoothing step.
 */
export function useClockOffset(step = 1): number {
  return useLiveStore((s) => Math.round((s.clockOffsetMs ?? 0) / step) * step);
}

/** The live picture now, outside React (event handlers, exports, derivations on a timer). */
export function readLive(): {
  agents: ReadonlyMap<string, Agent>;
  queues: ReadonlyMap<number, Queue>;
  queueIds: readonly number[];
  clockOffsetMs: number;
  loaded: boolean;
} {
  const s = useLiveStore.getState();
  return {
    agents: s.agents,
    queues: s.queues,
    queueIds: s.queueIds,
    clockOffsetMs: s.clockOffsetMs ?? 0,
    loaded: s.version !== null,
  };
}
