// Test data shared by the BFF's suites: one place to add a field the contracts gain.
import type { Queue } from '@floorwatch/contracts/api';

/** The queryacdstat KPIs of a queue the gateway said nothing about. */
export const NO_KPIS = {
  serviceLevel: null,
  loggedOnAgents: null,
  availAgents: null,
  maxQueueSize: null,
  resourceIdleRate: null,
  agentCountMismatchSince: null,
} as const satisfies Partial<Queue>;

/** The part of toQueue's extras that only queryacdstat fills in. */
export const NO_ACD_EXTRAS = { kpis: null, agentCountMismatchSince: null } as const;

/** A cheap scrypt cost for users files written by tests: verifying runs on every sign-in, and
 *  the production cost (2^17) would add about a second to each on this machine. Hashes carry
 *  their cost, so the BFF verifies these exactly as it verifies production ones. */
export const TEST_HASH_COST = { N: 1024, r: 8, p: 1 } as const;
