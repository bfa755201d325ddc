// Readiness of *this replica*: can it serve screens? The process is up, the SPA is there, every
// registered part (a settings store, a follower's feed) says it is ready, and there is data to
// show, even old data. Whether the gateway is up is reported alongside but never makes a replica
// unready: during a gateway outage every replica must stay in the load balancer so the screens
// keep their rows and show the stale banner, instead of the whole dashboard going dark.
import { gatewayError, gatewayStatus, type ErrorBody } from '@floorwatch/contracts/api';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { GatewaySessionPort } from '../gateway/types';
import type { LiveData } from '../monitor/types';

/** One condition for readiness: null when met, otherwise why not (one short sentence). */
export interface ReadinessCheck {
  name: string;
  check(): string | null;
}

export const gatewayReport = z
  .object({
    session: z.string().describe('State of the gateway session on this replica'),
    data: gatewayStatus.describe('What the screens show for the data: ok, waiting, stale, ...'),
    lastSuccessAt: z.number().nullable().describe('Epoch ms of the last successful poll'),
    error: gatewayError.nullable(),
  })
  .describe('The gateway as this replica sees it; informative: it never makes the replica unready');

export const readyBody = z.object({
  status: z.literal('ready'),
  checks: z.array(z.string()).describe('The conditions met'),
  gateway: gatewayReport,
});
export type ReadyBody = z.infer<typeof readyBody>;

/** The built-in checks: the SPA is on disk and there is data (stale or not) to show. */
export function builtInChecks(deps: { webDist: string; live: LiveData }): ReadinessCheck[] {
  const index = path.join(deps.webDist, 'index.html');
  return [
    {
      name: 'spa',
      check: () => (existsSync(index) ? null : `the dashboard is not built (${index} is missing)`),
    },
    {
      name: 'data',
      check: () =>
        deps.live.health().lastSuccessAt !== null
          ? null
          : 'no data yet: the gateway has not answered a poll since start',
    },
  ];
}

export type Readiness = { ready: true; body: ReadyBody } | { ready: false; body: ErrorBody };

export function readiness(
  checks: readonly ReadinessCheck[],
  session: GatewaySessionPort,
  live: LiveData,
): Readiness {
  const s = session.status();
  const h = live.health();
  const gateway = {
    session: s.state,
    data: h.status,
    lastSuccessAt: h.lastSuccessAt,
    error: h.error ?? s.error,
  };
  const reasons: string[] = [];
  for (const c of checks) {
    const why = c.check();
    if (why !== null) reasons.push(`${c.name}: ${why}`);
  }
  if (reasons.length === 0)
    return { ready: true, body: { status: 'ready', checks: checks.map((c) => c.name), gateway } };
  return {
    ready: false,
    body: {
      error: { code: 'NOT_READY', message: reasons.join('; '), details: { reasons, gateway } },
    },
  };
}
