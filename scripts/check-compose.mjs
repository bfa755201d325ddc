#!/usr/bin/env node
// Config-level check of docker-compose.yml without a Docker engine (none in CI): structure, build
// contexts and Dockerfile targets on disk, healthchecks, depends_on conditions, ports, bind
// mounts, ${VAR} defaults, and that every environment key is one the BFF or simulator reads.
// The BFF key list is read from the env schema in apps/bff/src/config.ts (the source of its
// CONFIG_KEYS) so the two cannot drift.
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
  for (const required of ['gateway-sim', 'bff'])
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
    for (const k of env.keys())
      if (!known.has(k))
        err(
          `${at}.environment`,
          `${k} is not a key ${name === 'bff' ? 'apps/bff/src/config.ts' : 'the simulator'} reads`,
        );

    if (name === 'bff') {
      if (env.get('HOST') !== '0.0.0.0')
        err(`${at}.environment`, 'HOST must be 0.0.0.0 inside a container');
      if (env.has('CCGW_URL') && !env.has('FLOORWATCH_USERS'))
        err(`${at}.environment`, 'CCGW_URL needs FLOORWATCH_USERS (the BFF refuses to start)');
      const url = env.get('CCGW_URL');
      const m = url && /^https?:\/\/([^:/]+):(\d+)/.exec(url);
      if (m && services[m[1]]) {
        const simEnv = new Map(envEntries(services[m[1]].environment, 'x'));
        const simPort = simEnv.get('SIM_PORT') ?? '8043';
        if (m[2] !== String(simPort))
          err(
            `${at}.environment.CCGW_URL`,
            `port ${m[2]} differs from ${m[1]} SIM_PORT ${simPort}`,
          );
        const cond = depEntries.find(([d]) => d === m[1])?.[1]?.condition;
        if (cond !== 'service_healthy')
          err(`${at}.depends_on`, `must wait for ${m[1]} with condition service_healthy`);
      }
      const port = env.get('PORT') ?? '8080';
      const published = (svc.ports ?? []).map((p) => String(p).split(':').at(-1).split('/')[0]);
      if (!published.includes(String(port)))
        err(`${at}.ports`, `no port mapping to the container port ${port} (PORT)`);
    }
  }

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
