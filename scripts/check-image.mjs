#!/usr/bin/env node
// Image-content check without a Docker engine: builds what the runtime stage of the Dockerfile
// holds, the same way (scripts/build-runtime.mjs), into a temporary directory, then checks it:
// - no development dependency of the workspace in node_modules (TypeScript, Vitest, tsx, ESLint,
//   Vite, Playwright, ...), unless a production dependency itself needs it (listed below, why);
// - no source map among the dashboard's files (browsers could fetch them);
// - the compiled BFF starts from it with NODE_ENV=production, answers /readyz, serves the SPA
//   but no .map, and stops cleanly on SIGTERM: nothing it imports is missing;
// - the Dockerfile's runtime stage is on Node 24, runs as a non-root user, and its CMD starts
//   `node` on a file that is there (no package manager between the init and node: pnpm as PID 1
//   exits without waiting for node, and npm's shell does not pass SIGTERM on).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRuntime } from './build-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Development dependencies a production dependency pulls in, with the reason they may stay. */
const PULLED_IN_BY_PRODUCTION = {
  '@types/node':
    'http-proxy-middleware depends on @types/http-proxy, which depends on it (types only, never loaded)',
};
/** Never in the runtime, whatever depends on them. */
const TOOLS = [
  'typescript',
  'vitest',
  'tsx',
  'eslint',
  'vite',
  '@playwright/test',
  'playwright',
  'esbuild',
  'prettier',
  'jsdom',
  'supertest',
];

const problems = [];
const fail = (msg) => problems.push(msg);

function workspacePackageJsons() {
  const dirs = ['.', 'e2e', 'bench'];
  for (const group of ['apps', 'packages'])
    for (const d of readdirSync(path.join(root, group))) dirs.push(path.join(group, d));
  return dirs
    .map((d) => path.join(root, d, 'package.json'))
    .filter(existsSync)
    .map((f) => JSON.parse(readFileSync(f, 'utf8')));
}

/** Package names in a pnpm node_modules (its .pnpm store entries, `@scope+name@1.2.3_peer`). */
function installedPackages(nodeModules) {
  const store = path.join(nodeModules, '.pnpm');
  const names = new Set();
  for (const entry of readdirSync(store)) {
    const m = /^(@[^+]+\+[^@]+|[^@]+)@/.exec(entry);
    if (m) names.add(m[1].replace('+', '/'));
  }
  return names;
}

function sizeOf(dir) {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += sizeOf(p);
    else if (e.isFile()) total += statSync(p).size;
  }
  return total;
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

async function smokeStart(out) {
  const child = spawn(process.execPath, ['--enable-source-maps', 'apps/bff/dist/index.js'], {
    cwd: out,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      CCGW_URL: 'embedded',
      PORT: '0',
      HOST: '127.0.0.1',
      FLOORWATCH_SHUTDOWN_TIMEOUT_MS: '10000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  let url = null;
  try {
    while (!url && Date.now() < deadline) {
      url =
        /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"Floorwatch is listening"/.exec(output)?.[1] ?? null;
      if (!url) await new Promise((r) => setTimeout(r, 100));
      if (child.exitCode !== null) break;
    }
    if (!url) return fail(`the runtime BFF did not start:\n${output}`);
    let ready = 0;
    while (ready !== 200 && Date.now() < deadline) {
      ready = (await fetch(`${url}/readyz`)).status;
      if (ready !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    if (ready !== 200)
      fail(`the runtime BFF never became ready: ${await (await fetch(`${url}/readyz`)).text()}`);
    const index = await (await fetch(`${url}/`)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    if (!asset) fail('the runtime BFF does not serve the dashboard (no script in index.html)');
    else {
      const js = await (await fetch(`${url}${asset}`)).text();
      if (/sourceMappingURL/.test(js)) fail(`${asset} points browsers at a source map`);
      const map = await fetch(`${url}${asset}.map`);
      if (map.status !== 404) fail(`${asset}.map is served (${map.status})`);
    }
  } finally {
    child.kill('SIGTERM');
  }
  const code = await Promise.race([
    exited,
    new Promise((r) => setTimeout(() => r('timeout'), 20_000)),
  ]);
  if (code !== 0) fail(`the runtime BFF did not stop cleanly on SIGTERM (${code}):\n${output}`);
  else if (!output.includes('signed out of the gateway'))
    fail('the runtime BFF stopped without signing out');
}

/** The runtime stage of the Dockerfile: its base, user and command. */
function checkDockerfile(out) {
  const text = readFileSync(path.join(root, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const stages = text.split(/^FROM\s+/m).slice(1);
  const runtime = stages.find((s) => /^\S+\s+AS\s+runtime\b/im.test(s));
  if (!runtime) return fail('Dockerfile: no stage named runtime');
  const base = /^(\S+)/
    .exec(runtime)[1]
    .replace(/\$\{NODE_IMAGE\}/, /^ARG NODE_IMAGE=(\S+)/m.exec(text)?.[1] ?? '');
  if (!/^node:24[-.]/.test(base))
    fail(`Dockerfile: the runtime stage is on ${base}, not Node 24 LTS`);
  const user = [...runtime.matchAll(/^USER\s+(\S+)/gm)].at(-1)?.[1];
  if (!user || user === 'root' || user === '0') fail('Dockerfile: the runtime stage runs as root');
  const cmd = [...runtime.matchAll(/^CMD\s+(\[.*\])\s*$/gm)].at(-1)?.[1];
  if (!cmd) return fail('Dockerfile: the runtime stage has no exec-form CMD');
  const argv = JSON.parse(cmd);
  if (argv[0] !== 'node')
    fail(`Dockerfile: CMD starts ${argv[0]}, not node (it must receive SIGTERM itself)`);
  const script = argv.find((a) => a.endsWith('.js'));
  if (!script || !existsSync(path.join(out, script)))
    fail(`Dockerfile: CMD runs ${script}, which the runtime stage does not hold`);
}

async function main() {
  const tmp = mkdtempSync(path.join(tmpdir(), 'fw-image-'));
  const keep = process.argv.includes('--keep');
  try {
    const out = buildRuntime(path.join(tmp, 'app'));
    const nodeModules = path.join(out, 'apps/bff/node_modules');
    const installed = installedPackages(nodeModules);
    const dev = new Set();
    for (const pkg of workspacePackageJsons())
      for (const name of Object.keys(pkg.devDependencies ?? {})) dev.add(name);
    for (const name of [...dev, ...TOOLS].sort()) {
      if (!installed.has(name)) continue;
      if (TOOLS.includes(name) || !PULLED_IN_BY_PRODUCTION[name])
        fail(`node_modules holds the development dependency ${name}`);
    }
    for (const file of walk(path.join(out, 'apps/web/dist')))
      if (file.endsWith('.map'))
        fail(`the dashboard's files include a source map: ${path.relative(out, file)}`);
    checkDockerfile(out);
    await smokeStart(out);
    const mb = (sizeOf(nodeModules) / 1024 / 1024).toFixed(1);
    if (problems.length === 0)
      console.log(
        `check-image: OK: ${installed.size} production packages (${mb} MiB node_modules), no development dependency, no source map served; starts and stops cleanly`,
      );
  } catch (err) {
    fail(err.message);
  } finally {
    if (!keep) rmSync(tmp, { recursive: true, force: true });
    else console.log(`check-image: kept ${tmp}`);
  }
  if (problems.length > 0) {
    console.error(`check-image: ${problems.length} problem(s):`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
}

await main();
