// The BFF's public API (REST under /api/v1 and the SSE stream). These names are read by
// integrators: change them only with a new API version. docs/api.md is generated from here.
import { z } from 'zod';
import { AGENT_STATES } from '../gateway/codes';

export const agentState = z.enum(AGENT_STATES).describe('Normalised agent state');

export const mediaSignIn = z
  .object({
    voice: z.boolean().describe('Signed in to the CTI server (voice/video)'),
    chat: z.boolean().describe('Signed in to WebM (chat / multimedia)'),
    email: z.boolean().describe('Signed in to MailM (email)'),
  })
  .describe('Media servers the agent is signed in to (the gateway `mediatype` T/F triple)');

export const agent = z
  .object({
    workno: z.string().describe('Work number; one Agent per workno across all queues'),
    name: z.string().describe('Agent name; may be empty'),
    state: agentState,
    status: z.number().int().describe('Raw gateway `status` code (Table 1)'),
    ctiStatus: z.number().int().describe('Raw CTI `ctiStatus` code (Table 2)'),
    stateSince: z
      .number()
      .describe('Epoch ms (BFF clock) when the current state began; stable while the state holds'),
    loginAt: z
      .number()
      .nullable()
      .describe('Sign-in time, epoch ms; null when the gateway has none'),
    media: mediaSignIn,
    vdnId: z.number().int(),
    groupId: z.number().int(),
    phone: z.string(),
    reason: z.number().int().describe('`currentStateReason` code; 0 when none'),
    skills: z
      .array(z.number().int())
      .describe('Skill ids of every queue the agent is signed in to'),
  })
  .describe('An online agent');
export type Agent = z.infer<typeof agent>;

export const stateCounts = z.record(agentState, z.number().int()).describe('Agents by state');
export type StateCounts = z.infer<typeof stateCounts>;

export const queue = z
  .object({
    skillId: z.number().int(),
    name: z.string().describe('From the VDN skill list; "Skill <id>" when the gateway gives none'),
    mediaType: z.number().int().describe('`skillMediaType` code'),
    agents: z.array(z.string()).describe('Worknos of the agents signed in to this queue'),
    counts: stateCounts,
    waiting: z
      .number()
      .int()
      .nullable()
      .describe('Calls waiting; null when the gateway gives none'),
    longestWaitSec: z.number().int().nullable().describe('Wait of the longest-waiting call, s'),
    serviceLevel: z
      .number()
      .min(0)
      .max(100)
      .nullable()
      .describe('Service level, % (queryacdstat); null when the gateway gives none (sentinel)'),
    loggedOnAgents: z
      .number()
      .int()
      .nonnegative()
      .nullable()
      .describe('Agents signed in to the skill as queryacdstat counts them; null when not given'),
    availAgents: z
      .number()
      .int()
      .nonnegative()
      .nullable()
      .describe('Agents available for the skill (queryacdstat); null when not given'),
    maxQueueSize: z
      .number()
      .int()
      .nonnegative()
      .nullable()
      .describe('Most calls the queue holds (queryacdstat); null when not given (sentinel)'),
    resourceIdleRate: z
      .number()
      .min(0)
      .max(100)
      .nullable()
      .describe("Share of the skill's agents idle, % (queryacdstat); null when not given"),
    agentCountMismatchSince: z
      .number()
      .nullable()
      .describe(
        'Epoch ms since when loggedOnAgents has disagreed with the agents allonlineagents lists ' +
          'for this queue; null while they agree. Screens warn once it lasts a minute.',
      ),
  })
  .describe('A skill queue');
export type Queue = z.infer<typeof queue>;

/** `waiting`: the data is still within the stale limit, but a poll is overdue by more than one
 *  interval (a hung or slow gateway); screens say they are waiting for the gateway. */
export const gatewayStatus = z.enum(['ok', 'waiting', 'connecting', 'stale', 'error']);
export type GatewayStatus = z.infer<typeof gatewayStatus>;

export const gatewayError = z.object({
  code: z.string().describe('Gateway retcode, HTTP status or a Floorwatch code such as TIMEOUT'),
  message: z.string(),
  category: z.string().describe('ok, session-lost, guid-expired, no-right, retry, fatal-..., ...'),
  fatal: z.boolean().describe('True when retrying will not help and an operator must act'),
  at: z.number().describe('Epoch ms when this error was last seen'),
});
export type GatewayError = z.infer<typeof gatewayError>;

export const gatewayHealth = z
  .object({
    status: gatewayStatus.describe('`ok` only while the data is fresh'),
    lastSuccessAt: z.number().nullable().describe('Epoch ms of the last successful poll'),
    error: gatewayError.nullable(),
  })
  .describe('Health of the gateway session and of the data shown');
export type GatewayHealth = z.infer<typeof gatewayHealth>;

export const snapshot = z.object({
  version: z.number().int(),
  serverTime: z.number().describe('BFF clock, epoch ms, when this was sent'),
  gateway: gatewayHealth,
  queues: z.array(queue),
  agents: z.array(agent),
});
export type Snapshot = z.infer<typeof snapshot>;

export const patch = z.object({
  baseVersion: z.number().int().describe('The version this patch applies to'),
  version: z.number().int(),
  serverTime: z.number(),
  gateway: gatewayHealth,
  agents: z.array(agent).describe('Agents added or changed'),
  queues: z.array(queue).describe('Queues added or changed'),
  removedAgents: z.array(z.string()),
  removedQueues: z.array(z.number().int()),
});
export type Patch = z.infer<typeof patch>;

export const heartbeat = z
  .object({
    serverTime: z.number(),
    version: z.number().int(),
    lastSuccessAt: z
      .number()
      .nullable()
      .describe(
        'Epoch ms of the last successful poll: freshness is judged from this, not from changes',
      ),
  })
  .describe('Sent at least once per poll interval while nothing changes');
export type Heartbeat = z.infer<typeof heartbeat>;

/** SSE event names on GET /api/v1/stream. */
export const STREAM_EVENTS = {
  snapshot: 'snapshot',
  patch: 'patch',
  heartbeat: 'heartbeat',
} as const;

export const queueDetail = z.object({
  version: z.number().int(),
  serverTime: z.number(),
  gateway: gatewayHealth,
  queue,
  agents: z.array(agent),
});
export type QueueDetail = z.infer<typeof queueDetail>;

export const historyPoint = z.object({
  t: z.number().describe('Epoch ms at the start of the step'),
  counts: stateCounts,
  waiting: z.number().int().nullable(),
  longestWaitSec: z.number().int().nullable(),
  serviceLevel: z
    .number()
    .min(0)
    .max(100)
    .nullable()
    .describe('Service level, % to one decimal; null when the gateway gave none'),
});
export type HistoryPoint = z.infer<typeof historyPoint>;

export const history = z.object({
  stepSec: z.number().int(),
  from: z.number(),
  to: z.number(),
  queues: z.array(z.object({ skillId: z.number().int(), points: z.array(historyPoint) })),
});
export type History = z.infer<typeof history>;

export const roles = z
  .enum(['admin', 'supervisor', 'teamlead', 'wallboard'])
  .describe('admin: a supervisor who may also change shared settings');
export type Role = z.infer<typeof roles>;

export const queueScope = z.union([z.literal('*'), z.array(z.number().int())]);
export type QueueScope = z.infer<typeof queueScope>;

export const sessionRequest = z.union([
  z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) }),
  z.object({ token: z.string().min(16).max(500).describe('Wallboard link token') }),
]);
export type SessionRequest = z.infer<typeof sessionRequest>;

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;
