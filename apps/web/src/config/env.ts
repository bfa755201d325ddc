// The only place that reads import.meta.env; everything else imports `env`.
import { z } from 'zod';

const schema = z.object({
  /** Origin-relative prefix of the BFF API; same origin by default. */
  VITE_API_BASE: z.string().default(''),
  MODE: z.string().default('production'),
  DEV: z.boolean().default(false),
});

function parseEnv() {
  const parsed = schema.safeParse(import.meta.env);
  if (!parsed.success) {
    const keys = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`Invalid environment: ${keys}`);
  }
  return parsed.data;
}

export const env = {
  ...parseEnv(),
  /** Stream considered dead when nothing (not even a heartbeat) arrived for this long. */
  streamSilenceMs: 45_000,
  /** How often a wall display checks whether a new release is served. */
  releasePollMs: 3 * 60_000,
  /** How often every screen reads the shared limits and names again (an admin's change shows
   *  everywhere within this; a small JSON answer). */
  settingsPollMs: 30_000,
};
