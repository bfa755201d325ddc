#!/usr/bin/env node
// Config-level check of docker-compose.yml without a Docker engine (none in CI): structure, build
// contexts and Dockerfile targets on disk, healthchecks, depends_on conditions, ports, bind
// mounts, ${VAR} defaults, and that every environment key is one the BFF or simulator reads.
// The BFF key list is read from the env schema in apps/bff/src/config.ts (the source of its
// CONFIG_KEYS) so the two cannot drift. Then the production rules of the bff service (every
// setting from .env, loopback ports, no published password, a hardened read-only container, a
// stop grace period longer than the BFF's own shutdown limit, the data volume), and finally
// dclint (the compose-spec schema and its style rules), installed as a dev dependency.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.resolve(root, process.argv[2] ?? 'docker-compose.yml');
const errors = [];
const err = (where, msg) => errors.push(`${where}: ${msg}`);

/** The keys of the BFF's env schema, and the SIM_* keys of the simulator's config.ts. */
function knownKeys() {
  const bffSrc = readFileSync(path.join(root, 'apps/bff/src/config.ts'), 'utf8');
  const block = /const envSchema = z\.object\(\{\n([\s\S]*?)\n\}\);/.exec(bffSrc);
  if (!block) throw new Error('apps/bff/src/config.ts: envSchema not found');
  const bff = new Set([...block[1].matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]));
  if (bff.size === 0) throw new Error('apps/bff/src/config.ts: no keys in envSchema');
  const simFile = path.join(root, 'apps/gateway-sim/src/config.ts');
  const sim = existsSync(simFile)
    ? new Set(
        [...readFileSync(simFile, 'utf8').matchAll(/^\s+(SIM_[A-Z0-9_]+):/gm)].map((m) => m[1]),
      )
    : new Set();
  return { bff, sim };
}

const DURATION = /^(\d+(\.\d+)?(us|ms|s|m|h))+$/;
const CONDITIONS = new Set([
  'service_started',
  'service_healthy',
  'service_completed_successfully',
]);
const TOP_LEVEL = new Set([
  'name',
  'services',
  'volumes',
  'networks',
  'configs',
  'secrets',
  'version',
]);

/** Interpolates ${VAR:-default} with its default; reports variables without one. */
function interpolate(value, where) {
  if (typeof value !== 'string') return value;
  return value.replace(/\$\$|\$\{([^}]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced, bare) => {
    if (whole === '$$') return '$';
    const expr = braced ?? bare;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])(.*))?$/.exec(expr);
    if (!m) {
      err(where, `malformed variable ${whole}`);
      return '';
    }
    const [, name, op, rest] = m;
    if (op === ':-' || op === '-') return rest;
    if (op === ':+' || op === '+') return '';
    err(
      where,
      `\${${name}} has no default; give one with \${${name}:-value} (no .env is guaranteed)`,
    );
    return '';
  });
}

function envEntries(env, where) {
  if (env === undefined) return [];
  if (Array.isArray(env))
    return env.map((e) => {
      const i = String(e).indexOf('=');
      return i === -1 ? [String(e), undefined] : [String(e).slice(0, i), String(e).slice(i + 1)];
    });
  if (typeof env === 'object' && env !== null)
    return Object.entries(env).map(([k, v]) => [k, v === null ? undefined : String(v)]);
  err(where, 'environment must be a mapping or a list');
  return [];
}

function checkPort(p, where) {
  if (typeof p === 'object' && p !== null) {
    if (!Number.isInteger(p.target)) err(where, 'long-syntax port needs an integer target');
    return;
  }
  const s = interpolate(String(p), where);
  const m =
    /^(?:(\[[0-9a-fA-F:]+\]|[\d.]+):)?(\d+)(?:-(\d+))?(?::(\d+)(?:-(\d+))?)?(?:\/(tcp|udp))?$/.exec(
      s,
    );
  if (!m) {
    err(where, `port "${s}" is not HOST:CONTAINER[/proto]`);
    return;
  }
  for (const n of m.slice(2, 6).filter(Boolean).map(Number))
    if (n < 1 || n > 65535) err(where, `port ${n} is out of range`);
}

function checkHealthcheck(hc, where) {
  if (!hc || typeof hc !== 'object') {
    err(where, 'healthcheck missing');
    return;
  }
  if (hc.disable) err(where, 'healthcheck is disabled');
  const t = hc.test;
  const okTest =
    typeof t === 'string' ||
    (Array.isArray(t) && ['CMD', 'CMD-SHELL', 'NONE'].includes(t[0]) && t.length >= 2);
  if (!okTest) err(where, 'healthcheck.test must be a string or ["CMD"|"CMD-SHELL", ...]');
  for (const k of ['interval', 'timeout', 'start_period', 'start_interval'])
    if (hc[k] !== undefined && !DURATION.test(String(hc[k])))
      err(where, `healthcheck.${k} "${hc[k]}" is not a duration like 5s`);
  if (hc.retries !== undefined && !(Number.isInteger(hc.retries) && hc.retries > 0))
    err(where, 'healthcheck.retries must be a positive integer');
}

function dockerfileTargets(dockerfile) {
  const text = readFileSync(dockerfile, 'utf8');
  return new Set(
    [...text.matchAll(/^\s*FROM\s+\S+\s+AS\s+(\S+)/gim)].map((m) => m[1].toLowerCase()),
  );
}

function checkBuild(build, where) {
  const b = typeof build === 'string' ? { context: build } : build;
  if (!b || typeof b !== 'object') return err(where, 'build must be a path or a mapping');
  const context = path.resolve(root, interpolate(b.context ?? '.', `${where}.context`));
  if (!existsSync(context) || !statSync(context).isDirectory())
    return err(where, `build context ${path.relative(root, context) || '.'} does not exist`);
  const dockerfile = path.resolve(context, interpolate(b.dockerfile ?? 'Dockerfile', where));
  if (!existsSync(dockerfile))
    return err(where, `Dockerfile ${path.relative(root, dockerfile)} does not exist`);
  if (b.target && !dockerfileTargets(dockerfile).has(String(b.target).toLowerCase()))
    err(where, `build target "${b.target}" is not a stage of ${path.relative(root, dockerfile)}`);
}

function checkVolume(v, where) {
  const spec = typeof v === 'object' && v !== null ? v : null;
  const text = spec ? null : interpolate(String(v), where);
  const source = spec ? spec.source : text.split(':')[0];
  const type = spec
    ? spec.type
    : source.startsWith('.') || source.startsWith('/')
      ? 'bind'
      : 'volume';
  if (type !== 'bind' || !source) return;
  const abs = path.resolve(root, interpolate(String(source), where));
  if (!existsSync(abs)) err(where, `bind mount source ${path.relative(root, abs)} does not exist`);
}

/** Keys set to fixed values inside the container, not from .env. */
const CONTAINER_FIXED = new Set([
  'HOST',
  'PORT',
  'NODE_ENV',
  'FLOORWATCH_DATA_DIR',
  'CCGW_PASSWORD_FILE',
]);

function rawEnvOf(svc) {
  return new Map(envEntries(svc.environment, 'raw'));
}

/** `1m30s`, `20s`, `500ms` → ms; null when unreadable. */
function durationMs(text) {
  if (!DURATION.test(text)) return null;
  const unit = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(us|ms|s|m|h)/g))
    total += Number(m[1]) * unit[m[2]];
  return total;
}

function checkBff(svc, env, raw, doc, depEntries, name) {
  const at = `services.${name}`;
  const keys = knownKeys().bff;
  if (env.get('HOST') !== '0.0.0.0')
    err(`${at}.environment`, 'HOST must be 0.0.0.0 inside a container');
  if (env.get('NODE_ENV') !== 'production') err(`${at}.environment`, 'NODE_ENV must be production');
  // Every setting comes from .env: each key is `${KEY:-default}` of the same name.
  for (const k of keys) {
    if (CONTAINER_FIXED.has(k)) continue;
    if (k === 'CCGW_PASSWORD') {
      if (raw.has(k))
        err(
          `${at}.environment`,
          'CCGW_PASSWORD: pass the password as a secret file (CCGW_PASSWORD_FILE), never in the environment',
        );
      continue;
    }
    const v = raw.get(k);
    if (v === undefined)
      err(`${at}.environment`, `${k} is missing: every setting must be settable from .env`);
    else if (!new RegExp(`^\\$\\{${k}(:?[-?][^}]*)?\\}$`).test(v))
      err(`${at}.environment`, `${k} must come from .env as \${${k}:-default}, not "${v}"`);
  }
  // The gateway password: a compose secret, read through CCGW_PASSWORD_FILE.
  const pwFile = env.get('CCGW_PASSWORD_FILE');
  const secret = /^\/run\/secrets\/([\w.-]+)$/.exec(pwFile ?? '')?.[1];
  if (!secret)
    err(`${at}.environment`, 'CCGW_PASSWORD_FILE must be /run/secrets/<a compose secret>');
  else {
    const listed = (svc.secrets ?? []).map((x) => (typeof x === 'string' ? x : x.source));
    if (!listed.includes(secret))
      err(`${at}.secrets`, `secret ${secret} is not given to the service`);
    const top = doc.secrets?.[secret];
    if (!top?.file) err('secrets', `secret ${secret} needs a file`);
    else {
      const f = path.resolve(root, interpolate(String(top.file), `secrets.${secret}`));
      if (!existsSync(f)) err(`secrets.${secret}`, `file ${path.relative(root, f)} does not exist`);
    }
  }
  // No example users with published passwords.
  const users = env.get('FLOORWATCH_USERS') ?? '';
  if (/example/i.test(users))
    err(
      `${at}.environment`,
      `FLOORWATCH_USERS defaults to an example file (${users}): its passwords are published`,
    );
  for (const v of svc.volumes ?? [])
    if (/users\.example\.json/.test(typeof v === 'string' ? v : String(v.source)))
      err(`${at}.volumes`, 'mounts the example users file: its passwords are published');
  // Ports: loopback unless the operator says otherwise.
  for (const p of svc.ports ?? []) {
    const host =
      typeof p === 'object'
        ? p.host_ip
        : /^(\[[^\]]+\]|\d{1,3}(?:\.\d{1,3}){3}):/.exec(interpolate(String(p), 'port'))?.[1];
    if (host !== '127.0.0.1' && host !== '[::1]' && host !== '::1')
      err(
        `${at}.ports`,
        `"${p}" is published on ${host ?? 'every interface'}; bind it to 127.0.0.1`,
      );
  }
  // Hardening.
  if (svc.read_only !== true) err(at, 'read_only: true is missing');
  if (!(svc.tmpfs ?? []).length)
    err(at, 'a tmpfs for /tmp is missing (the root filesystem is read-only)');
  if (!(svc.cap_drop ?? []).includes('ALL')) err(at, 'cap_drop: [ALL] is missing');
  if (!(svc.security_opt ?? []).some((o) => /^no-new-privileges(:true)?$/.test(o)))
    err(at, 'security_opt: no-new-privileges:true is missing');
  if (svc.init !== true)
    err(at, 'init: true is missing (an init reaps children and passes signals)');
  if (!svc.logging?.options?.['max-size'])
    err(at, 'log rotation (logging.options.max-size) is missing');
  if (!svc.deploy?.resources?.limits?.memory && !svc.mem_limit)
    err(at, 'a memory limit is missing');
  // The stop grace period outlasts the BFF's own shutdown limit, or the sign-out is cut off.
  const grace = durationMs(
    interpolate(String(svc.stop_grace_period ?? '10s'), `${at}.stop_grace_period`),
  );
  const limit = Number(env.get('FLOORWATCH_SHUTDOWN_TIMEOUT_MS') || 10_000);
  if (grace === null) err(`${at}.stop_grace_period`, 'is not a duration');
  else if (grace <= limit)
    err(
      `${at}.stop_grace_period`,
      `${grace} ms must be longer than FLOORWATCH_SHUTDOWN_TIMEOUT_MS (${limit} ms)`,
    );
  // The data directory is a volume; replicas keep settings and history in Redis and the BFF
  // refuses a data directory with REDIS_URL.
  const dataDir = env.get('FLOORWATCH_DATA_DIR');
  if (name.startsWith('bff-')) {
    if (dataDir)
      err(`${at}.environment`, 'FLOORWATCH_DATA_DIR: a replica keeps its data in Redis, not here');
  } else if (!dataDir) err(`${at}.environment`, 'FLOORWATCH_DATA_DIR is missing');
  else {
    const mounted = (svc.volumes ?? []).some((v) =>
      typeof v === 'string' ? interpolate(v, 'v').split(':')[1] === dataDir : v.target === dataDir,
    );
    if (!mounted) err(`${at}.volumes`, `nothing is mounted at FLOORWATCH_DATA_DIR (${dataDir})`);
  }
  // The simulator is optional: waiting for it must not be required.
  const own = svc.profiles ?? [];
  for (const [dep, spec] of depEntries)
    if (
      doc.services?.[dep]?.profiles?.length &&
      spec?.required !== false &&
      !(own.length && own.every((p) => doc.services[dep].profiles.includes(p)))
    )
      err(
        `${at}.depends_on.${dep}`,
        'needs required: false (the service is off outside its profile)',
      );
}

/** The replicas' Redis (when it is a service here) holds the shared settings and history: it
 *  writes an append-only file to a volume and refuses writes when full instead of evicting. */
function checkRedisKeepsData(services, url, at) {
  const host = URL.canParse(url) ? new URL(url).hostname : '';
  const svc = services[host];
  if (!svc) return; // an external Redis: its persistence is the operator's
  const where = `services.${host}`;
  const args = (
    Array.isArray(svc.command) ? svc.command : String(svc.command ?? '').split(/\s+/)
  ).map((a) => interpolate(String(a), `${where}.command`));
  const after = (flag) => args[args.indexOf(flag) + 1];
  if (!args.includes('--appendonly') || after('--appendonly') !== 'yes')
    err(`${where}.command`, `--appendonly yes is missing: ${at} keeps settings and history there`);
  if (after('--maxmemory-policy') !== 'noeviction')
    err(`${where}.command`, '--maxmemory-policy noeviction is missing (no setting may be evicted)');
  const onData = (svc.volumes ?? []).some((v) =>
    typeof v === 'string' ? interpolate(v, where).split(':')[1] === '/data' : v.target === '/data',
  );
  if (!onData) err(`${where}.volumes`, 'nothing is mounted at /data, where Redis writes its file');
}

/** Every variable the compose file reads is listed in .env.example, where operators look. */
function checkEnvExample(composeFile) {
  const example = path.join(path.dirname(composeFile), '.env.example');
  if (!existsSync(example)) return err('.env.example', 'missing');
  const listed = new Set(
    [...readFileSync(example, 'utf8').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]),
  );
  const used = new Set(
    [...readFileSync(composeFile, 'utf8').matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]),
  );
  for (const v of used)
    if (!listed.has(v)) err('.env.example', `${v} is read by the compose file but not listed`);
}

function runDclint(composeFile) {
  const bin = path.join(root, 'node_modules/dclint/bin/dclint.cjs');
  if (!existsSync(bin))
    return err('dclint', 'not installed (pnpm install: it is a dev dependency)');
  const r = spawnSync(process.execPath, [bin, composeFile], { encoding: 'utf8' });
  if (r.status !== 0) err('dclint', `${(r.stdout + r.stderr).trim()}`);
}

function main() {
  if (!existsSync(file)) {
    console.error(`check-compose: ${path.relative(root, file)} not found`);
    process.exit(1);
  }
  let doc;
  try {
    doc = parse(readFileSync(file, 'utf8'), { merge: true, prettyErrors: true });
  } catch (e) {
    console.error(`check-compose: ${path.relative(root, file)} is not valid YAML: ${e.message}`);
    process.exit(1);
  }
  const keys = knownKeys();
  if (!doc || typeof doc !== 'object') err('compose', 'empty document');
  for (const k of Object.keys(doc ?? {}))
    if (!TOP_LEVEL.has(k) && !k.startsWith('x-')) err('compose', `unknown top-level key "${k}"`);
  const services = doc?.services ?? {};
  if (typeof services !== 'object') err('services', 'must be a mapping');
  for (const required of ['bff'])
    if (!services[required]) err('services', `service "${required}" is missing`);

  for (const [name, svc] of Object.entries(services)) {
    const at = `services.${name}`;
    if (!svc || typeof svc !== 'object') {
      err(at, 'must be a mapping');
      continue;
    }
    if (!svc.image && !svc.build) err(at, 'needs an image or a build');
    if (svc.build) checkBuild(svc.build, `${at}.build`);
    checkHealthcheck(svc.healthcheck, `${at}.healthcheck`);
    for (const [i, p] of (svc.ports ?? []).entries()) checkPort(p, `${at}.ports[${i}]`);
    for (const [i, v] of (svc.volumes ?? []).entries()) checkVolume(v, `${at}.volumes[${i}]`);

    const deps = svc.depends_on;
    const depEntries = Array.isArray(deps)
      ? deps.map((d) => [d, { condition: 'service_started' }])
      : Object.entries(deps ?? {});
    for (const [dep, spec] of depEntries) {
      if (!services[dep]) err(`${at}.depends_on`, `unknown service "${dep}"`);
      const cond = spec?.condition ?? 'service_started';
      if (!CONDITIONS.has(cond)) err(`${at}.depends_on.${dep}`, `unknown condition "${cond}"`);
      if (cond === 'service_healthy' && services[dep] && !services[dep].healthcheck)
        err(`${at}.depends_on.${dep}`, 'service_healthy needs a healthcheck on that service');
    }

    const env = new Map(
      envEntries(svc.environment, `${at}.environment`).map(([k, v]) => [
        k,
        v === undefined ? undefined : interpolate(v, `${at}.environment.${k}`),
      ]),
    );
    const known = name === 'gateway-sim' ? keys.sim : keys.bff;
    // Replicas share one gateway session only through Redis: each one needs REDIS_URL, and the
    // single bff must be off whenever they run (another profile), or it would sign in too.
    if (name.startsWith('bff-')) {
      if (!env.get('REDIS_URL')) err(`${at}.environment`, 'a replica needs REDIS_URL');
      else checkRedisKeepsData(services, env.get('REDIS_URL'), at);
      const mine = new Set(svc.profiles ?? []);
      if (!mine.size) err(at, 'a replica must be in a profile (ha)');
      if (
        (services.bff?.profiles ?? []).length === 0 ||
        services.bff.profiles.some((p) => mine.has(p))
      )
        err('services.bff', `must be off in the ${[...mine].join(', ')} profile of ${name}`);
    }
    for (const k of env.keys())
      if (!known.has(k))
        err(
          `${at}.environment`,
          `${k} is not a key ${name === 'bff' ? 'apps/bff/src/config.ts' : 'the simulator'} reads`,
        );

    // node itself receives the stop signal: no package manager in between (pnpm as PID 1 exits
    // without waiting for node; npm's shell does not pass SIGTERM on).
    const command = Array.isArray(svc.command)
      ? svc.command
      : svc.command
        ? String(svc.command).split(/\s+/)
        : null;
    // (Only our image: Redis and the proxy are images that handle their own signals.)
    if (svc.build && command && command[0] !== 'node')
      err(`${at}.command`, `starts ${command[0]}; run node directly so it gets SIGTERM`);
    // The single bff and each replica of the `ha` profile (bff-a, bff-b, ...).
    if (name === 'bff' || name.startsWith('bff-'))
      checkBff(svc, env, rawEnvOf(svc), doc, depEntries, name);
    if (name === 'gateway-sim' && !(svc.profiles ?? []).length)
      err(
        at,
        'must be in a profile (simulator): it is on only for a demo, never beside a real gateway',
      );
  }

  checkEnvExample(file);
  runDclint(file);

  if (errors.length > 0) {
    console.error(`check-compose: ${path.relative(root, file)} has ${errors.length} problem(s):`);
    for (const e of errors) console.error(`  - ${e}`);
    process.exit(1);
  }
  console.log(
    `check-compose: ${path.relative(root, file)} OK (${Object.keys(services).length} services)`,
  );
}

main();
