// Contract-shaped fixtures: every builder's output is parsed with the real schema, so a
// fixture can never drift from what the BFF is allowed to send.
import {
  agent as agentSchema,
  patch as patchSchema,
  queue as queueSchema,
  settings as settingsSchema,
  snapshot as snapshotSchema,
  type Agent,
  type GatewayHealth,
  type Patch,
  type Queue,
  type Settings,
  type Snapshot,
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

export function makeSnapshot(over: Partial<Snapshot> = {}): Snapshot {
  return snapshotSchema.parse({
    version: 10,
    serverTime: T0,
    gateway: healthy,
    queues: [makeQueue()],
    agents: [makeAgent()],
    ...over,
  });
}

export function makePatch(over: Partial<Patch> = {}): Patch {
  return patchSchema.parse({
    baseVersion: 10,
    version: 11,
    serverTime: T0 + 1000,
    gateway: healthy,
    agents: [],
    queues: [],
    removedAgents: [],
    removedQueues: [],
    ...over,
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
