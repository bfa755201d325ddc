// Contract-shaped fixtures: every builder's output is parsed with the real schema, so a
// fixture can never drift from what the BFF is allowed to send.
import {
  agent as agentSchema,
  patchV2,
  queue as queueSchema,
  queueInfoOf,
  settings as settingsSchema,
  snapshotV2,
  type Agent,
  type GatewayHealth,
  type PatchV2,
  type Queue,
  type QueueInfo,
  type Settings,
  type SnapshotV2,
} from '@floorwatch/contracts/api';
import { AGENT_STATES } from '@floorwatch/contracts/gateway';

export const T0 = Date.UTC(2026, 10, 25, 14, 0, 0);

export function makeAgent(over: Partial<Agent> = {}): Agent {
  return agentSchema.parse({
    workno: '1001',
    name: 'Ada Lovelace',
    state: 'idle',
    status: 4,
    ctiStatus: 1,
    stateSince: T0 - 65_000,
    loginAt: T0 - 3 * 3600_000,
    media: { voice: true, chat: false, email: true },
    vdnId: 1,
    groupId: 7,
    phone: '70001',
    reason: 0,
    skills: [1],
    ...over,
  });
}

const ZERO_COUNTS = Object.fromEntries(AGENT_STATES.map((s) => [s, 0]));

/** `counts` may be given partially; the contract requires every state, so zeros fill in. */
export function makeQueue(
  over: Partial<Omit<Queue, 'counts'>> & { counts?: Partial<Queue['counts']> } = {},
): Queue {
  return queueSchema.parse({
    skillId: 1,
    name: 'Billing',
    mediaType: 5,
    agents: ['1001'],
    waiting: 3,
    longestWaitSec: 42,
    serviceLevel: null,
    loggedOnAgents: null,
    availAgents: null,
    maxQueueSize: null,
    resourceIdleRate: null,
    agentCountMismatchSince: null,
    ...over,
    counts: { ...ZERO_COUNTS, idle: 1, ...over.counts },
  });
}

export const healthy: GatewayHealth = { status: 'ok', lastSuccessAt: T0 - 2000, error: null };

/** A stream v2 snapshot. Queues may be given as full queues (from makeQueue): their members and
 *  counts are dropped, as the server sends none; the store derives them from the agents. */
export function makeSnapshot(
  over: Partial<Omit<SnapshotV2, 'queues'>> & { queues?: (Queue | QueueInfo)[] } = {},
): SnapshotV2 {
  return snapshotV2.parse({
    version: 10,
    serverTime: T0,
    gateway: healthy,
    agents: [makeAgent()],
    ...over,
    queues: (over.queues ?? [makeQueue()]).map(queueInfoOf),
  });
}

/** A stream v2 patch; an agent in `agents` that the store already holds replaces it whole. */
export function makePatch(
  over: Partial<Omit<PatchV2, 'queues'>> & { queues?: (Queue | QueueInfo)[] } = {},
): PatchV2 {
  return patchV2.parse({
    baseVersion: 10,
    version: 11,
    serverTime: T0 + 1000,
    gateway: healthy,
    agents: [],
    agentChanges: [],
    removedAgents: [],
    queueChanges: [],
    removedQueues: [],
    ...over,
    queues: (over.queues ?? []).map(queueInfoOf),
  });
}

/** GET /api/v1/settings as the BFF answers it; limits, reasons and groups may be given. */
export function makeSettings(
  over: {
    states?: Settings['limits']['states'];
    kpi?: Partial<Settings['limits']['kpi']>;
    queueLimits?: Settings['queueLimits'];
    reasons?: Settings['reasons'];
    groups?: Settings['groups'];
    wall?: Settings['wall'];
  } = {},
): Settings {
  return settingsSchema.parse({
    limits: {
      version: 1,
      states: over.states ?? {},
      kpi: { waiting: null, longestWaitSec: null, serviceLevelPct: null, ...over.kpi },
    },
    queueLimits: over.queueLimits ?? [],
    reasons: over.reasons ?? [],
    groups: over.groups ?? [],
    pollMs: 2000,
    staleAfterMs: 30000,
    release: 'r1',
    wall: over.wall ?? null,
  });
}

/** A JSON answer for a stubbed fetch. */
export function jsonResponse(body: unknown, status = 200): Promise<Response> {
  return Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    }),
  );
}
