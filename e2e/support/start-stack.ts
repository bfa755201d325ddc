// Child process that runs the whole product for one e2e fixture: the embedded simulator and the
// BFF serving the built SPA, on free loopback ports. The fixture reads one JSON line from stdout
// and stops it with SIGTERM (or by closing stdin, so a crashed test run never leaves it behind).
import { startFloorwatch, type RunningFloorwatch } from '@floorwatch/bff';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface StackRequest {
  scenario: 'seed' | 'small' | 'large';
  /** Users file (FLOORWATCH_USERS); without it the BFF creates the demo users. */
  usersFile?: string;
  /** Where the BFF's JSON logs go, for reading after a failure. */
  logFile: string;
  env?: Record<string, string>;
}

export interface StackInfo {
  url: string;
  simUrl: string;
  controlUrl: string;
  pollMs: number;
  staleAfterMs: number;
  demo: {
    username: string;
    password: string;
    wallToken: string;
    admin: { username: string; password: string };
  } | null;
}

async function main(): Promise<void> {
  const req = JSON.parse(process.argv[2] ?? '{}') as StackRequest;
  const log = createWriteStream(req.logFile, { flags: 'a' });
  // Each stack gets its own settings store unless the test names one (to restart on the same).
  const ownDataDir = req.env?.FLOORWATCH_DATA_DIR
    ? null
    : mkdtempSync(path.join(tmpdir(), 'floorwatch-e2e-data-'));
  let running: RunningFloorwatch | null = null;
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      try {
        await running?.close();
      } finally {
        if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
        log.end(() => process.exit(0));
      }
    })();
    return stopping;
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.stdin.on('end', () => void stop());
  process.stdin.resume();

  running = await startFloorwatch({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      SIM_SCENARIO: req.scenario,
      // Fast polls keep the suite short; the budget is raised to match (5/2 s would throttle).
      CCGW_POLL_MS: '500',
      CCGW_STALE_AFTER_MS: '4000',
      CCGW_BUDGET: '30/2000',
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
      ...(req.usersFile ? { FLOORWATCH_USERS: req.usersFile } : {}),
      ...(ownDataDir ? { FLOORWATCH_DATA_DIR: ownDataDir } : {}),
      ...req.env,
    },
    sim: { pollHoldMs: 1000, rateLimit: { max: 30, windowMs: 2000 } },
    tuning: {
      requestTimeoutMs: 1500,
      pollTimeoutMs: 3000,
      backoff: { initialMs: 200, maxMs: 1000 },
      fatalRetryMs: 2000,
      sseHeartbeatMs: 1000,
      sseRetryMs: 500,
      // Trend lines need two history points; 2 s steps draw them within seconds of start-up.
      historyStepSec: 2,
    },
    logDestination: { write: (s: string) => void log.write(s) },
    defaultMetrics: false,
    banner: false,
  });
  const sim = running.sim;
  if (!sim) throw new Error('expected the embedded simulator (CCGW_URL must be unset)');
  const info: StackInfo = {
    url: running.url,
    simUrl: sim.url,
    controlUrl: sim.controlUrl,
    pollMs: running.config.gateway.pollMs,
    staleAfterMs: running.config.gateway.staleAfterMs,
    demo: running.demo,
  };
  process.stdout.write(`${JSON.stringify(info)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `start-stack failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
