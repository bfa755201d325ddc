// The simulator process's environment, read once and validated; a bad key stops it at start.
import { z } from 'zod';
import { REFUSAL_MODES } from './api/rate-limiter';
import { SCENARIO_NAMES } from './scenarios/index';
import { LOCALES } from './scenarios/locale';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  SIM_PORT: z.coerce.number().int().min(0).max(65535).default(8043),
  SIM_HOST: z.string().min(1).default('127.0.0.1'),
  SIM_SCENARIO: z.enum(SCENARIO_NAMES).default('small'),
  SIM_SEED: z.coerce.number().int().default(1),
  SIM_PASSWORD: z.string().min(1).max(32).default('floorwatch'),
  SIM_HTTPS: bool.default(false),
  SIM_POLL_HOLD_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Language of agent, queue and team names: `en` or `zh-CN`. */
  SIM_LOCALE: z.enum(LOCALES).default('en'),
  /** How a call over the rate limit is answered: `retcode` (000-007), `http-429` or `http-503`. */
  SIM_RATE_LIMIT_REFUSAL: z.enum(REFUSAL_MODES).default('retcode'),
});

export type SimConfig = z.infer<typeof envSchema>;

/** Parses the environment; throws one error naming every bad key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): SimConfig {
  const picked = Object.fromEntries(
    Object.keys(envSchema.shape)
      .map((k) => [k, env[k]] as const)
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid gateway-sim environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
