// Stream v2 (GET /api/v2/stream, GET /api/v2/snapshot): the snapshot is complete, a patch carries
// only what changed. Queue membership and state counts are not sent at all: they follow from each
// agent's `skills` and `state`, and every member of a queue a user may see is visible to that
// user, so a client derives them exactly. docs/decisions/0011-stream-v2.md says why.
import { z } from 'zod';
import { agent, gatewayHealth, queue } from './schemas';

export const queueInfo = queue
  .omit({ agents: true, counts: true })
  .describe(
    "A skill queue's own figures (stream v2). Its members are the agents whose `skills` hold " +
      'its id, and its counts are those members by state: the client derives both.',
  );
export type QueueInfo = z.infer<typeof queueInfo>;

export const agentChange = agent
  .partial()
  .required({ workno: true })
  .describe(
    'The fields of an agent that changed, with their new values; a field left out did not ' +
      'change. `media` and `skills` are sent whole when they change.',
  );
export type AgentChange = z.infer<typeof agentChange>;

export const queueChange = queueInfo
  .partial()
  .required({ skillId: true })
  .describe('The figures of a queue that changed; a field left out did not change.');
export type QueueChange = z.infer<typeof queueChange>;

export const snapshotV2 = z
  .object({
    version: z.number().int(),
    serverTime: z.number().describe('BFF clock, epoch ms, when this was sent'),
    gateway: gatewayHealth,
    queues: z.array(queueInfo).describe('Every queue, by ascending skill id'),
    agents: z.array(agent).describe('Every agent'),
  })
  .describe('The whole picture (stream v2)');
export type SnapshotV2 = z.infer<typeof snapshotV2>;

export const patchV2 = z
  .object({
    baseVersion: z.number().int().describe('The version this patch applies to'),
    version: z.number().int(),
    serverTime: z.number(),
    gateway: gatewayHealth,
    agents: z.array(agent).describe('Agents added (or come into the user’s queues), whole'),
    agentChanges: z.array(agentChange).describe('Agents that changed: only what changed'),
    removedAgents: z.array(z.string()).describe('Agents gone (or out of the user’s queues)'),
    queues: z.array(queueInfo).describe('Queues added, whole'),
    queueChanges: z.array(queueChange).describe('Queues whose figures changed: only what changed'),
    removedQueues: z.array(z.number().int()),
  })
  .describe('What changed since `baseVersion` (stream v2)');
export type PatchV2 = z.infer<typeof patchV2>;
