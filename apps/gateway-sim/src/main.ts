// `pnpm sim`: runs the simulator as a process until SIGINT/SIGTERM.
import { SUPERVISOR_FIRST, SUPERVISOR_LAST } from './api/accounts';
import { startSimulator } from './api/server';
import { loadConfig, type SimConfig } from './config';

function configOrExit(): SimConfig {
  try {
    return loadConfig();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const sim = await startSimulator({
    host: config.SIM_HOST,
    port: config.SIM_PORT,
    scenario: config.SIM_SCENARIO,
    seed: config.SIM_SEED,
    password: config.SIM_PASSWORD,
    https: config.SIM_HTTPS,
    pollHoldMs: config.SIM_POLL_HOLD_MS,
    locale: config.SIM_LOCALE,
    rateLimitRefusal: config.SIM_RATE_LIMIT_REFUSAL,
  });
  const engine = sim.context.engine;
  const hint =
    config.SIM_PASSWORD === 'floorwatch'
      ? '"floorwatch" (the default)'
      : 'the value of SIM_PASSWORD';
  console.log(
    [
      `gateway-sim listening on ${sim.url}`,
      `  gateway API: ${sim.url}/agentgateway/resource`,
      `  control API: ${sim.controlUrl}`,
      `  scenario ${config.SIM_SCENARIO} (seed ${config.SIM_SEED}, locale ${config.SIM_LOCALE}): ${engine.agents().length} agents, ${engine.queues().length} queues`,
      `  over the rate limit: ${config.SIM_RATE_LIMIT_REFUSAL === 'retcode' ? 'retcode 000-007' : config.SIM_RATE_LIMIT_REFUSAL}`,
      `  supervisor accounts: ${SUPERVISOR_FIRST}-${SUPERVISOR_LAST}, password ${hint}`,
      ...(sim.ca
        ? ['  HTTPS with a self-signed certificate generated at start (CA below)', sim.ca]
        : []),
    ].join('\n'),
  );
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`gateway-sim: ${signal}, closing`);
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
