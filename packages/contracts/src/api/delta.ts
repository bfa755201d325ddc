// Field-level changes of an agent and of a queue's own figures, both ways: the BFF computes them
// (stream v2 patches), the browser and a follower replica apply them. The field lists come from
// the schemas, so a field added to the contract travels in patches without anyone touching this
// file, and both ends agree on "changed" through the same comparators as equality.ts.
import type { z } from 'zod';
import { sameFor } from './equality';
import { agent, type Agent, type Queue } from './schemas';
import { queueInfo, type AgentChange, type QueueChange, type QueueInfo } from './stream-v2';

type Same = (a: unknown, b: unknown) => boolean;

function fieldsOf(schema: z.ZodObject, key: string): ReadonlyArray<readonly [string, Same]> {
  return Object.entries(schema.shape as Record<string, z.ZodType>)
    .filter(([k]) => k !== key)
    .map(([k, s]) => [k, sameFor(s, k)] as const);
}

const AGENT_FIELDS = fieldsOf(agent, 'workno');
const QUEUE_FIELDS = fieldsOf(queueInfo, 'skillId');
/** Keys of a queue's own figures, in schema order: what a v1 Queue has beyond members/counts. */
export const QUEUE_INFO_KEYS: readonly string[] = Object.keys(queueInfo.shape);

function changeOf<T extends Record<string, unknown>>(
  fields: ReadonlyArray<readonly [string, Same]>,
  key: string,
  prev: T,
  next: T,
): Record<string, unknown> | null {
  let out: Record<string, unknown> | null = null;
  for (let i = 0; i < fields.length; i++) {
    const [k, same] = fields[i] as readonly [string, Same];
    if (!same(prev[k], next[k])) {
      out ??= { [key]: next[key] };
      out[k] = next[k];
    }
  }
  return out;
}

function applyChange<T>(
  fields: ReadonlyArray<readonly [string, Same]>,
  prev: T,
  change: Record<string, unknown>,
): T {
  const out = { ...prev } as Record<string, unknown>;
  // Only the contract's fields: a key this client does not know is not taken into its state.
  for (let i = 0; i < fields.length; i++) {
    const k = (fields[i] as readonly [string, Same])[0];
    const v = change[k];
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}

/** The changed fields of an agent (with its workno), or null when nothing changed. */
export function agentChangeOf(prev: Agent, next: Agent): AgentChange | null {
  return changeOf(AGENT_FIELDS, 'workno', prev, next) as AgentChange | null;
}

export function applyAgentChange(prev: Agent, change: AgentChange): Agent {
  return applyChange(AGENT_FIELDS, prev, change);
}

/** The changed figures of a queue (with its skillId), or null; members and counts are ignored. */
export function queueChangeOf(
  prev: QueueInfo | Queue,
  next: QueueInfo | Queue,
): QueueChange | null {
  return changeOf(QUEUE_FIELDS, 'skillId', prev, next) as QueueChange | null;
}

export function applyQueueChange(prev: QueueInfo, change: QueueChange): QueueInfo {
  return applyChange(QUEUE_FIELDS, prev, change);
}

/** A queue's own figures, without members and counts. */
export function queueInfoOf(q: Queue | QueueInfo): QueueInfo {
  const out: Record<string, unknown> = {};
  for (const k of QUEUE_INFO_KEYS) out[k] = (q as Record<string, unknown>)[k];
  return out as QueueInfo;
}
