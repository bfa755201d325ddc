// The monitor over a real gateway session and the simulator (optionally through a hostile
// stand-in), read through the API-schema check. Each test file calls useRig() once.
import { afterEach, expect } from 'vitest';
import { createMetrics, type Metrics } from '../../src/metrics';
import type { GatewayAnswer, GatewayRequest, GatewaySessionPort } from '../../src/gateway/types';
import type { GatewaySessionOptions } from '../../src/gateway/gateway-session';
import { createMonitor, type Monitor, type MonitorOptions } from '../../src/monitor/monitor';
import {
  captureLogger,
  openSession,
  startSim,
  waitFor,
  type CapturedLog,
  type Sim,
} from '../gateway/support';
import { apiChecked, type ApiChecked } from './api-boundary';
import { hostileGateway, type HostileGateway } from './hostile-gateway';

/** A roomier gateway limit than production keeps these tests fast; the budget tests use the
 *  real 5 per 2 s. */
export const FAST_LIMIT = { max: 20, windowMs: 2000 };

export interface Rig {
  gw: Sim;
  monitor: Monitor & ApiChecked;
  patches: ApiChecked['patches'];
  metrics: Metrics;
  log: CapturedLog;
  session: GatewaySessionPort;
  /** Set when the rig was asked for one: sits between the session and the simulator. */
  hostile: HostileGateway | null;
}

/** The session with each allonlineagents call run through `through` (every other call as is):
 *  what a test wraps to watch the agents poll. */
export function onAgentsCall(
  s: GatewaySessionPort,
  through: <T>(call: () => Promise<GatewayAnswer<T>>) => Promise<GatewayAnswer<T>>,
): GatewaySessionPort {
  return {
    agentId: s.agentId,
    status: () => s.status(),
    currentGuid: () => s.currentGuid(),
    offerSetGuid: (h) => s.offerSetGuid(h),
    acquireBudget: (c) => s.acquireBudget(c),
    onStatusChange: (l) => s.onStatusChange(l),
    call: <T>(req: GatewayRequest) =>
      req.route === 'queryAllOnlineAgents' ? through(() => s.call<T>(req)) : s.call<T>(req),
  };
}

export interface RigOptions {
  sim?: Parameters<typeof startSim>[0];
  session?: Partial<GatewaySessionOptions>;
  monitor?: Partial<MonitorOptions>;
  wrap?: (s: GatewaySessionPort) => GatewaySessionPort;
  hostile?: boolean;
}

export function useRig(): (o?: RigOptions) => Promise<Rig> {
  const cleanup: Array<() => Promise<void>> = [];
  const rigs: Rig[] = [];
  afterEach(async () => {
    const published = rigs.splice(0).flatMap((r) => r.monitor.violations);
    for (const fn of cleanup.splice(0).reverse()) await fn();
    // Whatever else a test checked: nothing the monitor published broke the API schema.
    expect(published).toEqual([]);
  });

  return async (o = {}) => {
    const gw = await startSim({ rateLimit: FAST_LIMIT, ...o.sim });
    cleanup.push(() => gw.close());
    let hostile: HostileGateway | null = null;
    if (o.hostile) {
      hostile = await hostileGateway(gw.url);
      cleanup.push(hostile.close);
    }
    const metrics = createMetrics({ defaultMetrics: false });
    const log = captureLogger();
    const session = openSession(gw, cleanup, {
      metrics,
      logger: log.logger,
      budget: FAST_LIMIT,
      ...(hostile ? { baseUrl: hostile.url } : {}),
      ...o.session,
    });
    await session.start();
    const port = o.wrap ? o.wrap(session) : session;
    const monitor = apiChecked(
      createMonitor({
        session: port,
        pollMs: 200,
        // Generous: a stall of this busy test host must not look like stale data or a late
        // poll (and make a patch). Both have their own tests with a fake clock.
        staleAfterMs: 3000,
        waitingAfterMs: 2000,
        acdEveryMs: 200,
        skillsEveryMs: 60_000,
        logger: log.logger,
        metrics,
        ...o.monitor,
      }),
    );
    monitor.start();
    cleanup.push(() => monitor.stop());
    const r: Rig = { gw, monitor, patches: monitor.patches, metrics, log, session: port, hostile };
    rigs.push(r);
    return r;
  };
}

export const ready = (r: Rig) =>
  waitFor(() => r.monitor.health().status === 'ok' && r.monitor.snapshot().agents.length > 0, {
    what: 'first good data',
  });
