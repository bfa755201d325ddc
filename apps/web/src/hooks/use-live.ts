// The live picture as components read it: every read of the live store goes through one of these
// small hooks, so a change in how the store keeps agents and queues touches this file only.
import type { Agent, Queue } from '@floorwatch/contracts/api';
import { useShallow } from 'zustand/react/shallow';
import { useLiveStore } from '@/stores/live-store';

const NO_AGENTS: Agent[] = [];

/** True once the first snapshot arrived. */
export function useLiveLoaded(): boolean {
  return useLiveStore((s) => s.version !== null);
}

export function useQueue(skillId: number): Queue | undefined {
  return useLiveStore((s) => s.queues[skillId]);
}

/** Every queue, in display order (ascending skill id). */
export function useQueueList(): Queue[] {
  return useLiveStore(
    useShallow((s) => s.queueIds.flatMap((id) => (s.queues[id] ? [s.queues[id]] : []))),
  );
}

/** These queues (those that exist now), in the order given. */
export function useQueuesById(ids: readonly number[]): Queue[] {
  return useLiveStore(useShallow((s) => ids.flatMap((id) => (s.queues[id] ? [s.queues[id]] : []))));
}

/** Every queue by skill id. */
export function useQueueMap(): Readonly<Record<number, Queue>> {
  return useLiveStore((s) => s.queues);
}

export function useQueueIds(): readonly number[] {
  return useLiveStore((s) => s.queueIds);
}

/** These skill ids (empty: every queue), those that exist now, in the order given. */
export function useExistingQueueIds(ids: readonly number[]): readonly number[] {
  return useLiveStore(
    useShallow((s) => (ids.length > 0 ? ids.filter((id) => s.queues[id]) : s.queueIds)),
  );
}

/** Queue names by skill id. */
export function useQueueNames(): Readonly<Record<number, string>> {
  return useLiveStore(
    useShallow((s) => {
      const out: Record<number, string> = {};
      for (const id of s.queueIds) {
        const q = s.queues[id];
        if (q) out[id] = q.name;
      }
      return out;
    }),
  );
}

/** Every agent by work number (changes identity with every patch that changes an agent). */
export function useAgentMap(): Readonly<Record<string, Agent>> {
  return useLiveStore((s) => s.agents);
}

export function useAgent(workno: string | null): Agent | undefined {
  return useLiveStore((s) => (workno === null ? undefined : s.agents[workno]));
}

/** The agents of one queue; the list changes only when one of them changes. */
export function useQueueAgents(skillId: number): Agent[] {
  return useLiveStore(
    useShallow((s) => {
      const q = s.queues[skillId];
      if (!q) return NO_AGENTS;
      return q.agents.flatMap((w) => {
        const a = s.agents[w];
        return a ? [a] : [];
      });
    }),
  );
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
  agents: Readonly<Record<string, Agent>>;
  queues: Readonly<Record<number, Queue>>;
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
