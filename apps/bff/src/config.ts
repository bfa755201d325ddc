// The only place the BFF reads its environment. Every key is parsed by one zod schema
// so a bad value stops start-up with a message naming each bad key, instead of failing later.
import {
  limit,
  reason,
  thresholds as thresholdsSchema,
  type Reason,
  type Thresholds,
} from '@floorwatch/contracts/api';
import {
  LOCALES as SIM_LOCALES,
  SCENARIO_NAMES,
  type Locale as SimLocale,
  type ScenarioName,
} from '@floorwatch/gateway-sim';
import { accessSync, constants as fsConstants, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { readSecretFiles, unknownKeyWarnings, type Env } from './env-checks';
import { DEFAULT_NO_RIGHT_PROBE_MS } from './gateway/route-throttle';

/** Built-in warn/critical durations per state; idle has none on purpose (idle is good news). */
export const DEFAULT_THRESHOLDS: Thresholds = {
  wrapup: { warnSec: 120, critSec: 300 },
  rest: { warnSec: 900, critSec: 1800 },
  busy: { warnSec: 600, critSec: 1200 },
  talking: { warnSec: 600, critSec: 1200 },
};

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Config {
  gateway: {
    /** `embedded`: no CCGW_URL, index.ts starts the simulator and fills in url. */
    mode: 'embedded' | 'remote';
    url: string | null;
    agentId: string;
    password: string;
    phone: string | null;
    /** PEM text of CCGW_CA_FILE, read at start so a missing file fails fast. */
    ca: string | null;
    caFile: string | null;
    insecureTls: boolean;
    forceLogin: boolean;
    pollMs: number;
    budget: { max: number; windowMs: number };
    staleAfterMs: number;
    /** How often a data query refused for good (300-001 no right) is tried again. */
    noRightProbeMs: number;
  };
  sim: { scenario: ScenarioName; locale: SimLocale };
  http: {
    port: number;
    host: string;
    trustProxy: boolean | number | string;
    /** Origins besides the request's own host that may send state-changing requests. */
    publicOrigins: string[];
    /** Time a client has to send a whole request, headers and body (408 after it). */
    requestTimeoutMs: number;
    /** Open connections one client address may hold; 0 = no cap. */
    maxConnectionsPerIp: number;
  };
  auth: {
    usersFile: string | null;
    sessionTtlHours: number;
    cookieSecure: 'auto' | 'always' | 'never';
  };
  /** The state limits seeded into the settings store on first start. */
  thresholds: Thresholds;
  /** The site's language and clock, for screens whose user has not chosen (GET /api/v1/locale). */
  site: { locale: string; timeZone: string };
  store: {
    /** Where the SQLite database (and a first start's admin) lives: FLOORWATCH_DATA_DIR, absolute,
     *  the only place the BFF writes (checked writable at start); null with REDIS_URL, where
     *  settings and history live in Redis, shared by every replica. */
    dataDir: string | null;
    /** Whether FLOORWATCH_DATA_DIR was given (not the default `./data`): only then does a first
     *  start create its admin there. */
    dataDirGiven: boolean;
    /** Reasons to seed (FLOORWATCH_REASONS); null when no file is named. */
    reasons: SeedReason[] | null;
  };
  webDist: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  nodeEnv: 'development' | 'production' | 'test';
  /** Production and operations: shutdown, and warnings to log at start. */
  ops: {
    /** The longest a clean shutdown (sign-out included) may take before the process exits. */
    shutdownTimeoutMs: number;
    /** Keys that look like settings but are not (typos), one sentence each. */
    warnings: string[];
  };
  /** REDIS_URL set: replicas share one gateway session, the live data, the sign-ins, the settings
   *  and the history (src/ha, src/store/redis). */
  redis: {
    url: string;
    /** Prefix of every key and channel, so several deployments can share one Redis. */
    prefix: string;
    /** How long the leader lock outlives its last renewal: a dead leader is replaced after it. */
    leaderTtlMs: number;
  } | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const int = (min: number, max: number, what = 'an integer') =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, `must be ${what} ≥ ${min}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be ${what} ≥ ${min} and ≤ ${max}`);

/** A bare origin as browsers send it in the Origin header: no path, query or credentials. */
function isOrigin(v: string): boolean {
  if (!URL.canParse(v)) return false;
  const u = new URL(v);
  return (
    (u.protocol === 'http:' || u.protocol === 'https:') &&
    u.username === '' &&
    u.password === '' &&
    u.pathname === '/' &&
    u.search === '' &&
    u.hash === ''
  );
}

/** A BCP 47 language tag such as en or zh-CN, in its canonical spelling. */
const localeTag = z
  .string()
  .trim()
  .refine((v) => {
    try {
      return Intl.getCanonicalLocales(v).length === 1;
    } catch {
      return false;
    }
  }, 'must be a language tag such as en or zh-CN')
  .transform((v) => Intl.getCanonicalLocales(v)[0] as string);

/** An IANA time zone such as Asia/Shanghai, as Intl spells it. */
const timeZone = z
  .string()
  .trim()
  .refine((v) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: v });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Asia/Shanghai or Europe/Berlin')
  .transform((v) => new Intl.DateTimeFormat('en', { timeZone: v }).resolvedOptions().timeZone);

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['true', 'false', '1', '0', 'yes', 'no'].includes(v), 'must be true or false')
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** CCGW_URL's value that asks for the built-in simulator (the only way in production). */
export const EMBEDDED = 'embedded';

const envSchema = z.object({
  CCGW_URL: opt(
    z
      .string()
      .trim()
      .refine((v) => v === EMBEDDED || (/^https?:\/\/[^/\s]+/.test(v) && URL.canParse(v)), {
        message: `must be an http(s) URL such as https://10.1.2.3:8043, or ${EMBEDDED}`,
      })
      .transform((v) => (v === EMBEDDED ? v : v.replace(/\/+$/, ''))),
  ),
  CCGW_AGENT_ID: opt(
    z
      .string()
      .trim()
      .regex(/^[1-9]\d{2,5}$/, 'must be a work number 101–999999'),
  ),
  CCGW_PASSWORD: opt(z.string().max(32, 'must be at most 32 characters')),
  CCGW_PHONE: opt(z.string().trim().max(24, 'must be at most 24 characters')),
  CCGW_CA_FILE: opt(z.string().trim()),
  CCGW_INSECURE_TLS: opt(bool),
  CCGW_FORCE_LOGIN: opt(bool),
  CCGW_POLL_MS: opt(int(250, 600_000)),
  CCGW_BUDGET: opt(
    z
      .string()
      .trim()
      .regex(/^\d+\/\d+$/, 'must look like <max calls>/<window ms>, e.g. 5/2000')
      .transform((v) => {
        const [max, windowMs] = v.split('/').map(Number) as [number, number];
        return { max, windowMs };
      })
      .refine((b) => b.max >= 1 && b.windowMs >= 100, 'needs at least 1 call per ≥ 100 ms'),
  ),
  CCGW_STALE_AFTER_MS: opt(int(1000, 3_600_000)),
  CCGW_NO_RIGHT_PROBE_MS: opt(int(1000, 3_600_000)),
  SIM_SCENARIO: opt(z.enum(SCENARIO_NAMES, `must be one of ${SCENARIO_NAMES.join(', ')}`)),
  SIM_LOCALE: opt(z.enum(SIM_LOCALES, `must be one of ${SIM_LOCALES.join(', ')}`)),
  PORT: opt(int(0, 65535)),
  HOST: opt(z.string().trim().min(1)),
  FLOORWATCH_USERS: opt(z.string().trim()),
  FLOORWATCH_THRESHOLDS: opt(z.string().trim()),
  FLOORWATCH_REASONS: opt(z.string().trim()),
  FLOORWATCH_DATA_DIR: opt(z.string().trim()),
  FLOORWATCH_SESSION_TTL_HOURS: opt(int(1, 24 * 31)),
  FLOORWATCH_WEB_DIST: opt(z.string().trim()),
  FLOORWATCH_COOKIE_SECURE: opt(
    z.enum(['auto', 'always', 'never'], 'must be one of auto, always, never'),
  ),
  FLOORWATCH_TRUST_PROXY: opt(z.string().trim()),
  FLOORWATCH_PUBLIC_ORIGIN: opt(
    z
      .string()
      .trim()
      .transform((v) => v.split(',').map((o) => o.trim()))
      .refine((list) => list.every(isOrigin), {
        message: 'must be origins such as https://floor.example.com (scheme, host, optional port)',
      })
      .transform((list) => list.map((o) => new URL(o).origin)),
  ),
  FLOORWATCH_REQUEST_TIMEOUT_MS: opt(int(500, 600_000)),
  FLOORWATCH_MAX_CONNECTIONS_PER_IP: opt(int(0, 100_000)),
  FLOORWATCH_LOCALE: opt(localeTag),
  FLOORWATCH_TIME_ZONE: opt(timeZone),
  LOG_LEVEL: opt(
    z.enum(
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      'must be one of fatal, error, warn, info, debug, trace, silent',
    ),
  ),
  NODE_ENV: opt(
    z.enum(['development', 'production', 'test'], 'must be development, production or test'),
  ),
  // --- production and operations ---
  CCGW_PASSWORD_FILE: opt(z.string().trim()),
  FLOORWATCH_SHUTDOWN_TIMEOUT_MS: opt(int(1000, 120_000)),
  // --- several replicas ---
  REDIS_URL: opt(
    z
      .string()
      .trim()
      .refine((v) => /^rediss?:\/\/[^\s]+$/.test(v) && URL.canParse(v), {
        message: 'must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379',
      }),
  ),
  FLOORWATCH_REDIS_PREFIX: opt(
    z
      .string()
      .trim()
      .regex(/^[\w.:-]{1,64}$/, 'must be 1–64 of A-Z a-z 0-9 _ . : -'),
  ),
  FLOORWATCH_LEADER_TTL_MS: opt(int(500, 60_000)),
});

/** Every environment key the BFF understands, from the schema (docs and check-compose use it). */
export const CONFIG_KEYS = Object.keys(envSchema.shape) as ConfigKey[];
export type ConfigKey = keyof typeof envSchema.shape;

function readTextFile(key: string, file: string, problems: string[]): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    problems.push(`${key}: cannot read ${file} (${code})`);
    return null;
  }
}

export type SeedReason = Omit<Reason, 'version'>;

/** FLOORWATCH_REASONS: a JSON list of {code, name, limit?}; `limit` may be left out (none). */
const reasonsFile = z
  .array(reason.omit({ version: true }).extend({ limit: limit.nullable().default(null) }))
  .max(1000)
  .refine((list) => new Set(list.map((r) => r.code)).size === list.length, 'duplicate code');

/** Reads a JSON file named by `key` and checks it against `schema`; null after a problem. */
function readJsonFile<T>(
  key: ConfigKey,
  file: string,
  shown: string,
  schema: z.ZodType<T>,
  problems: string[],
): T | null {
  const text = readTextFile(key, file, problems);
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    problems.push(`${key}: ${shown} is not valid JSON`);
    return null;
  }
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  problems.push(`${key}: ${shown}: ${first?.path.join('.') ?? ''} ${first?.message ?? 'invalid'}`);
  return null;
}

function parseTrustProxy(v: string | undefined): boolean | number | string {
  if (v === undefined || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v; // express accepts a comma list of subnets/names such as "loopback, 10.0.0.0/8"
}

/** Pure: parses an environment map. Throws ConfigError listing every bad key. */
export function parseConfig(rawEnv: Record<string, string | undefined>): Config {
  const problems: string[] = [];
  // `npm start` runs the BFF from apps/bff; relative file paths mean the directory the operator
  // ran the command in, which npm and pnpm pass as INIT_CWD.
  const baseDir = rawEnv.INIT_CWD ?? process.cwd();
  const file = (p: string) => path.resolve(baseDir, p);
  const { env, fromFile } = readSecretFiles(rawEnv, problems, file);
  const present = (k: ConfigKey) => blankToUndefined(env[k]) !== undefined;
  // Presence rules are checked on the raw map too, so one run reports every problem at once.
  problems.push(...productionProblems(env));
  const remote = present('CCGW_URL') && env.CCGW_URL?.trim() !== EMBEDDED;
  if (remote && !present('CCGW_AGENT_ID'))
    problems.push('CCGW_AGENT_ID: required when CCGW_URL is set (the supervisor work number)');
  if (remote && !present('CCGW_PASSWORD'))
    problems.push('CCGW_PASSWORD: required when CCGW_URL is set (or CCGW_PASSWORD_FILE)');
  const replicas = present('REDIS_URL');
  // Replicas keep nothing on their own disk: each would have its own first-start admin and its
  // own SQLite settings, and an admin's change on one would not be seen by the others.
  if (replicas && present('FLOORWATCH_DATA_DIR'))
    problems.push(
      'FLOORWATCH_DATA_DIR: not used with REDIS_URL (settings and history are kept in Redis, shared by every replica); leave it unset',
    );
  if (replicas && remote && !present('FLOORWATCH_USERS'))
    problems.push(
      'FLOORWATCH_USERS: required with REDIS_URL (one users file that every replica reads; a first-start admin would differ per replica)',
    );
  else if (remote && !present('FLOORWATCH_USERS') && !present('FLOORWATCH_DATA_DIR'))
    problems.push(
      'FLOORWATCH_USERS: required when CCGW_URL is set (a users JSON file; see docs/configuration.md), unless FLOORWATCH_DATA_DIR is set for a first-start admin',
    );
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const bad = parsed.error.issues.map((i) => {
      const key = String(i.path[0] ?? '');
      const where = fromFile.has(key) ? `${key} (read from ${key}_FILE)` : i.path.join('.');
      return `${where}: ${i.message}`;
    });
    throw new ConfigError([...bad, ...problems]);
  }
  const e = parsed.data;
  if (e.CCGW_CA_FILE !== undefined && e.CCGW_INSECURE_TLS === true)
    problems.push('CCGW_INSECURE_TLS: cannot be combined with CCGW_CA_FILE; choose one');

  const caFile = e.CCGW_CA_FILE !== undefined ? file(e.CCGW_CA_FILE) : null;
  const ca = caFile !== null ? readTextFile('CCGW_CA_FILE', caFile, problems) : null;
  if (ca !== null && !ca.includes('-----BEGIN CERTIFICATE-----'))
    problems.push(`CCGW_CA_FILE: ${e.CCGW_CA_FILE} holds no PEM certificate`);

  let thresholds: Thresholds = DEFAULT_THRESHOLDS;
  if (e.FLOORWATCH_THRESHOLDS !== undefined) {
    const t = readJsonFile(
      'FLOORWATCH_THRESHOLDS',
      file(e.FLOORWATCH_THRESHOLDS),
      e.FLOORWATCH_THRESHOLDS,
      thresholdsSchema,
      problems,
    );
    if (t !== null) thresholds = { ...DEFAULT_THRESHOLDS, ...t };
  }

  const reasons =
    e.FLOORWATCH_REASONS === undefined
      ? null
      : readJsonFile(
          'FLOORWATCH_REASONS',
          file(e.FLOORWATCH_REASONS),
          e.FLOORWATCH_REASONS,
          reasonsFile,
          problems,
        );

  const pollMs = e.CCGW_POLL_MS ?? 2000;
  const staleAfterMs = e.CCGW_STALE_AFTER_MS ?? Math.max(10_000, pollMs * 3);
  if (staleAfterMs <= pollMs)
    problems.push(`CCGW_STALE_AFTER_MS: must be greater than CCGW_POLL_MS (${pollMs})`);

  const dataDir = replicas ? null : file(e.FLOORWATCH_DATA_DIR ?? 'data');
  if (dataDir !== null && e.FLOORWATCH_DATA_DIR !== undefined) {
    const why = unwritableDir(dataDir);
    if (why) problems.push(`FLOORWATCH_DATA_DIR: ${dataDir} ${why}`);
  }

  // A follower takes over once the lock has expired: within two polls only if it lives no
  // longer than one.
  const leaderTtlMs = e.FLOORWATCH_LEADER_TTL_MS ?? Math.max(500, pollMs);
  if (e.REDIS_URL !== undefined && !remote)
    problems.push(
      'REDIS_URL: replicas share one gateway, so CCGW_URL must name it (an embedded simulator is one per process)',
    );
  if (e.REDIS_URL !== undefined && leaderTtlMs > 2 * pollMs)
    problems.push(
      `FLOORWATCH_LEADER_TTL_MS: must be at most 2 × CCGW_POLL_MS (${2 * pollMs}), or a dead leader is replaced too late`,
    );

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    gateway: {
      mode: remote ? 'remote' : 'embedded',
      url: remote ? (e.CCGW_URL ?? null) : null,
      agentId: e.CCGW_AGENT_ID ?? '101',
      password: e.CCGW_PASSWORD ?? 'floorwatch',
      phone: e.CCGW_PHONE ?? null,
      ca,
      caFile,
      insecureTls: e.CCGW_INSECURE_TLS ?? false,
      forceLogin: e.CCGW_FORCE_LOGIN ?? true,
      pollMs,
      budget: e.CCGW_BUDGET ?? { max: 5, windowMs: 2000 },
      staleAfterMs,
      noRightProbeMs: e.CCGW_NO_RIGHT_PROBE_MS ?? DEFAULT_NO_RIGHT_PROBE_MS,
    },
    sim: { scenario: e.SIM_SCENARIO ?? 'small', locale: e.SIM_LOCALE ?? 'en' },
    http: {
      port: e.PORT ?? 8080,
      host: e.HOST ?? '127.0.0.1',
      trustProxy: parseTrustProxy(e.FLOORWATCH_TRUST_PROXY),
      publicOrigins: e.FLOORWATCH_PUBLIC_ORIGIN ?? [],
      requestTimeoutMs: e.FLOORWATCH_REQUEST_TIMEOUT_MS ?? 30_000,
      maxConnectionsPerIp: e.FLOORWATCH_MAX_CONNECTIONS_PER_IP ?? 256,
    },
    auth: {
      usersFile: e.FLOORWATCH_USERS !== undefined ? file(e.FLOORWATCH_USERS) : null,
      sessionTtlHours: e.FLOORWATCH_SESSION_TTL_HOURS ?? 12,
      cookieSecure: e.FLOORWATCH_COOKIE_SECURE ?? 'auto',
    },
    thresholds,
    site: {
      locale: e.FLOORWATCH_LOCALE ?? 'en',
      // The server's own zone unless told: the BFF usually runs on the floor's premises.
      timeZone: e.FLOORWATCH_TIME_ZONE ?? new Intl.DateTimeFormat().resolvedOptions().timeZone,
    },
    store: { dataDir, dataDirGiven: e.FLOORWATCH_DATA_DIR !== undefined, reasons },
    webDist: path.resolve(repoRoot, e.FLOORWATCH_WEB_DIST ?? 'apps/web/dist'),
    logLevel: e.LOG_LEVEL ?? 'info',
    nodeEnv: e.NODE_ENV ?? 'development',
    ops: {
      shutdownTimeoutMs: e.FLOORWATCH_SHUTDOWN_TIMEOUT_MS ?? 10_000,
      warnings: unknownKeyWarnings(rawEnv, CONFIG_KEYS),
    },
    redis:
      e.REDIS_URL !== undefined
        ? { url: e.REDIS_URL, prefix: e.FLOORWATCH_REDIS_PREFIX ?? 'floorwatch', leaderTtlMs }
        : null,
  };
}

/** In production nothing is invented: the gateway must be named, the simulator asked for. */
function productionProblems(env: Env): string[] {
  if (env.NODE_ENV?.trim() !== 'production') return [];
  if (blankToUndefined(env.CCGW_URL) !== undefined) return [];
  return [
    `CCGW_URL: required when NODE_ENV=production: the gateway's base URL such as https://10.1.2.3:8043, or ${EMBEDDED} for the built-in simulator (invented data, for a demo)`,
  ];
}

/** Why a directory cannot hold the BFF's data, or null when it can. */
function unwritableDir(dir: string): string | null {
  try {
    if (!statSync(dir).isDirectory()) return 'is not a directory';
    accessSync(dir, fsConstants.W_OK);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    // A missing directory is made on start: the settings store creates it or says why it cannot.
    return code === 'ENOENT' || code === 'ENOTDIR' ? null : `is not writable (${code})`;
  }
}

/** Reads process.env; the single call site of process.env in the BFF. */
export function loadConfig(): Config {
  return parseConfig(process.env);
}
