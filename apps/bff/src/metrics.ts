// One Prometheus registry per BFF instance (tests start several apps in one process). Node's
// default metrics keep their standard names (process_*, nodejs_*) so stock dashboards work; ours
// start with floorwatch_. deploy/ holds a dashboard and alert rules that use these names (a test
// checks each exists).
import type { GatewayHealth } from '@floorwatch/contracts/api';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface BuildLabels {
  version: string;
  commit: string;
  node: string;
}

/** The statuses a screen can show for the data; one series each, 1 for the current one. */
const DATA_STATUSES: GatewayHealth['status'][] = ['ok', 'waiting', 'stale', 'connecting', 'error'];

export function createMetrics(opts: { defaultMetrics?: boolean; build?: BuildLabels } = {}) {
  const registry = new Registry();
  if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  let health: (() => GatewayHealth) | null = null;
  const buildInfo = new Gauge({
    name: 'floorwatch_build_info',
    help: 'Always 1; the labels say which build runs (version, commit, Node version)',
    labelNames: ['version', 'commit', 'node'] as const,
    registers: [registry],
  });
  if (opts.build) buildInfo.set(opts.build, 1);
  new Gauge({
    name: 'floorwatch_last_successful_poll_timestamp_seconds',
    help: 'Unix time of the last successful allonlineagents poll (0 before the first)',
    registers: [registry],
    collect() {
      this.set((health?.().lastSuccessAt ?? 0) / 1000);
    },
  });
  new Gauge({
    name: 'floorwatch_data_status',
    help: 'What every screen shows for the data: 1 for the current status, 0 for the others',
    labelNames: ['status'] as const,
    registers: [registry],
    collect() {
      const current = health?.().status;
      for (const status of DATA_STATUSES) this.set({ status }, status === current ? 1 : 0);
    },
  });
  return {
    registry,
    /** Where the scrape-time gauges (last poll, data status) read the live data's health. */
    watchLive(live: { health(): GatewayHealth }) {
      health = () => live.health();
    },
    httpRequests: new Counter({
      name: 'floorwatch_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'floorwatch_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method and route pattern (the live stream excluded)',
      labelNames: ['method', 'route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    userSignIns: new Counter({
      name: 'floorwatch_user_sign_ins_total',
      help: 'Browser sign-ins by outcome: ok, wrong-credentials, invalid-link, too-many-attempts (refused by the limiter)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    upstreamRequests: new Counter({
      name: 'floorwatch_upstream_requests_total',
      help: 'Calls to the CC-Gateway by route (log method name) and retcode (or HTTP/ERROR code)',
      labelNames: ['route', 'retcode'] as const,
      registers: [registry],
    }),
    upstreamLatency: new Histogram({
      name: 'floorwatch_upstream_latency_seconds',
      help: 'Latency of calls to the CC-Gateway by route (long polls included)',
      labelNames: ['route'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
      registers: [registry],
    }),
    upstreamBudgetWaits: new Counter({
      name: 'floorwatch_upstream_budget_waits_total',
      help: 'Calls that had to wait for the per-agent gateway budget, by caller',
      labelNames: ['caller'] as const,
      registers: [registry],
    }),
    sessionState: new Gauge({
      name: 'floorwatch_gateway_session_state',
      help: '1 for the current gateway session state, 0 for the others',
      labelNames: ['state'] as const,
      registers: [registry],
    }),
    signIns: new Counter({
      name: 'floorwatch_gateway_sign_ins_total',
      help: 'Sign-ins to the gateway by kind (login, forcelogin) and outcome retcode',
      labelNames: ['kind', 'retcode'] as const,
      registers: [registry],
    }),
    signInLockouts: new Counter({
      name: 'floorwatch_sign_in_lockouts_total',
      help: 'Sign-in limits reached: address and address-user start refusing, user starts slowing down',
      labelNames: ['scope'] as const,
      registers: [registry],
    }),
    connectionsRefused: new Counter({
      name: 'floorwatch_http_connections_refused_total',
      help: 'Connections refused because their address already held the most allowed',
      registers: [registry],
    }),
    invalidAnswers: new Counter({
      name: 'floorwatch_gateway_invalid_answers_total',
      help: 'Gateway answers rejected by contract validation, by route',
      labelNames: ['route'] as const,
      registers: [registry],
    }),
    quarantinedRecordsTotal: new Counter({
      name: 'floorwatch_gateway_quarantined_records_total',
      help: 'Agent records left out of an otherwise used answer because the contract rejects them, by route',
      labelNames: ['route'] as const,
      registers: [registry],
    }),
    quarantinedRecords: new Gauge({
      name: 'floorwatch_gateway_quarantined_records',
      help: 'Agent records left out of the last used answer, by route',
      labelNames: ['route'] as const,
      registers: [registry],
    }),
    pollDuration: new Histogram({
      name: 'floorwatch_poll_duration_seconds',
      help: 'Duration of one monitor poll cycle (fetch, validate, normalise, diff)',
      labelNames: ['poller'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    agentsRawDiffs: new Counter({
      name: 'floorwatch_agents_raw_diffs_total',
      help: 'allonlineagents answers read by diffing their bytes against the previous answer',
      registers: [registry],
    }),
    agentsRecordsReread: new Counter({
      name: 'floorwatch_agents_raw_diff_records_read_total',
      help: 'Agent records read again by the raw diff because their bytes changed',
      registers: [registry],
    }),
    agentsFullReads: new Counter({
      name: 'floorwatch_agents_full_reads_total',
      help: 'allonlineagents answers read in full (decode, JSON.parse, validate, normalise), by why the raw diff did not take them',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    dataAgeSeconds: new Gauge({
      name: 'floorwatch_data_age_seconds',
      help: 'Seconds since the last successful allonlineagents poll',
      registers: [registry],
    }),
    sseClients: new Gauge({
      name: 'floorwatch_sse_clients',
      help: 'Browsers connected to the live stream',
      registers: [registry],
    }),
    patchBytes: new Histogram({
      name: 'floorwatch_patch_bytes',
      help: 'Size of each patch as serialised once for the stream (before per-user filtering)',
      buckets: [64, 256, 1024, 4096, 16384, 65536, 262144, 1048576],
      registers: [registry],
    }),
    patchesSent: new Counter({
      name: 'floorwatch_patches_sent_total',
      help: 'Patch events written to stream clients',
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
