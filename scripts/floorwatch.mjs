#!/usr/bin/env node
// The README's two commands: `npm start` (set up and start the product) and `npm test` (every test).
// Needs only Node 20 and npm: installs pnpm itself, then the workspace, then does the work.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = JSON.parse(
  readFileSync(path.join(root, 'package.json'), 'utf8'),
).packageManager.split('@')[1];
const CHROMIUM = '/usr/bin/chromium';
const BFF_ENTRY = 'apps/bff/dist/index.js';
const results = path.join(root, '.tmp', 'test-results');

function log(msg) {
  process.stderr.write(`\x1b[36m[floorwatch]\x1b[0m ${msg}\n`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function must(cmd, args, opts) {
  const code = run(cmd, args, opts);
  if (code !== 0) {
    log(`failed (${code}): ${cmd} ${args.join(' ')}`);
    process.exit(code);
  }
}

/** pnpm at the pinned major, installed with npm when missing (corepack cannot verify it here). */
function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim() === PNPM_VERSION) return ['pnpm'];
  log(`installing pnpm ${PNPM_VERSION} with npm`);
  if (run('npm', ['install', '-g', `pnpm@${PNPM_VERSION}`]) === 0) {
    const again = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
    if (again.status === 0 && again.stdout.trim() === PNPM_VERSION) return ['pnpm'];
  }
  log('global install not usable; falling back to npx');
  return ['npx', '-y', `pnpm@${PNPM_VERSION}`];
}

const pnpmCmd = pnpmCommand();
const pnpm = (args, opts) => run(pnpmCmd[0], [...pnpmCmd.slice(1), ...args], opts);
const mustPnpm = (args, opts) => must(pnpmCmd[0], [...pnpmCmd.slice(1), ...args], opts);

function install() {
  log('installing dependencies (pnpm install --frozen-lockfile)');
  // With NODE_ENV=production in the operator's shell pnpm would leave out (and remove) the
  // build tools that compiling the dashboard and the BFF needs.
  const env = { ...process.env };
  delete env.NODE_ENV;
  mustPnpm(['install', '--frozen-lockfile'], { env });
}

/** A Debian package the tests need (Chromium for e2e, tini for the shutdown tests, redis-server
 *  for the HA tests), installed with apt-get when missing. */
function ensureDebianPackage(pkg, binary) {
  if (existsSync(binary)) return true;
  log(`${pkg} missing at ${binary}: installing Debian's ${pkg} (apt-get)`);
  const sudo = process.getuid && process.getuid() === 0 ? [] : ['sudo'];
  const apt = (args) =>
    run(sudo[0] ?? 'apt-get', sudo.length ? ['apt-get', ...args] : args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  if (apt(['install', '-y', '-qq', pkg]) === 0 && existsSync(binary)) return true;
  return (
    apt(['update', '-qq']) === 0 && apt(['install', '-y', '-qq', pkg]) === 0 && existsSync(binary)
  );
}

function ensureChromium() {
  if (!ensureDebianPackage('chromium', CHROMIUM)) {
    log('could not install chromium; the e2e tests need it');
    process.exit(1);
  }
}

/** A CJK font for Chromium, so zh-CN screens and screenshots show glyphs, not boxes. */
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
function ensureCjkFont() {
  if (!ensureDebianPackage('fonts-noto-cjk', CJK_FONT)) {
    log('could not install fonts-noto-cjk; the zh-CN e2e screens need it');
    process.exit(1);
  }
}

/**
 * The Node 24 binary from the npm registry's `node` package (no other download), resolved once:
 * running it directly saves an npx round trip per package.
 */
function node24() {
  const r = spawnSync('npx', ['-y', '-p', 'node@24', '--', 'node', '-p', 'process.execPath'], {
    cwd: root,
    encoding: 'utf8',
  });
  const bin = r.stdout?.trim();
  if (r.status !== 0 || !bin || !existsSync(bin)) {
    log(`could not get Node 24 from the npm registry: ${r.stderr ?? ''}`);
    return null;
  }
  return bin;
}

/** The failed tests in a Vitest or Playwright JSON report, as "file > title: first line". */
function failedTests(file, kind) {
  if (!existsSync(file)) return [];
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const firstLine = (m) =>
    stripVTControlCharacters(String(m ?? ''))
      .split('\n')[0]
      .slice(0, 300);
  const out = [];
  if (kind === 'vitest') {
    for (const f of report.testResults ?? []) {
      const rel = path.relative(root, f.name);
      for (const t of f.assertionResults ?? [])
        if (t.status === 'failed')
          out.push(
            `${rel} > ${t.fullName} (${((t.duration ?? 0) / 1000).toFixed(1)} s): ${firstLine(t.failureMessages?.[0])}`,
          );
      // A failing hook or import fails the file without a failed test.
      if (f.status === 'failed' && !(f.assertionResults ?? []).some((t) => t.status === 'failed'))
        out.push(`${rel}: ${firstLine(f.message)}`);
    }
    return out;
  }
  const walk = (suite, trail) => {
    for (const s of suite.suites ?? []) walk(s, [...trail, s.title]);
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        if (t.status === 'unexpected') {
          const err = t.results?.at(-1)?.error?.message;
          out.push(`${[...trail, spec.title].filter(Boolean).join(' > ')}: ${firstLine(err)}`);
        }
  };
  for (const s of report.suites ?? []) walk(s, []);
  return out;
}

/** Counts from a Vitest or Playwright JSON report: [passed, failed, skipped]. */
function countReport(file, kind) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (kind === 'vitest') {
    return [
      report.numPassedTests ?? 0,
      report.numFailedTests ?? 0,
      (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    ];
  }
  const s = report.stats ?? {};
  return [(s.expected ?? 0) + (s.flaky ?? 0), s.unexpected ?? 0, s.skipped ?? 0];
}

function test() {
  install();
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  const steps = [];
  const step = (name, fn) => {
    log(`== ${name}`);
    const started = Date.now();
    const code = fn();
    steps.push({ name, code, secs: ((Date.now() - started) / 1000).toFixed(1) });
    return code;
  };

  step('typecheck', () => pnpm(['-r', 'typecheck']));
  step('lint', () => pnpm(['exec', 'eslint', '.', '--max-warnings=0']));
  step('format', () => pnpm(['exec', 'prettier', '--check', '.', '--log-level', 'warn']));
  step('docker-compose.yml (config-level check and dclint)', () =>
    run('node', ['scripts/check-compose.mjs']),
  );
  step('message catalogues (en.json current, every language complete)', () =>
    pnpm(['--filter', '@floorwatch/web', 'i18n:check']),
  );
  step('api docs are current', () =>
    pnpm(['--filter', '@floorwatch/bff', 'exec', 'tsx', 'scripts/api-docs.ts', '--check']),
  );

  // The shutdown tests run the BFF under tini, as compose's `init: true` does.
  if (!ensureDebianPackage('tini', '/usr/bin/tini'))
    log('could not install tini: the shutdown test under tini will be skipped');
  // The HA tests run several BFF replicas against a real redis-server (started on a free port).
  if (!ensureDebianPackage('redis-server', '/usr/bin/redis-server'))
    log('could not install redis-server: the HA tests will be skipped');

  const vitestPackages = ['packages/contracts', 'apps/gateway-sim', 'apps/bff', 'apps/web'];
  const reports = [];
  const vitest = (label, pkg, nodeBin) => {
    const out = path.join(results, `${label}-${pkg.replaceAll('/', '-')}.json`);
    reports.push([out, 'vitest']);
    const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
    const cwd = path.join(root, pkg);
    if (!nodeBin) return pnpm(['exec', 'vitest', ...args], { cwd });
    // Child processes the tests start (node, npm, tini → node) run on the same Node.
    const env = {
      ...process.env,
      PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH}`,
    };
    return run(nodeBin, [path.join('node_modules', 'vitest', 'vitest.mjs'), ...args], { cwd, env });
  };
  for (const pkg of vitestPackages)
    step(`unit and component tests: ${pkg} (Node ${process.versions.node})`, () =>
      vitest('node', pkg),
    );
  // `engines` promises Node 20.19 to 24: the same suites on Node 24 from the npm registry.
  const bin24 = node24();
  for (const pkg of vitestPackages)
    step(`unit and component tests: ${pkg} (Node 24)`, () =>
      bin24 ? vitest('node24', pkg, bin24) : 1,
    );

  step('build (SPA)', () => pnpm(['--filter', '@floorwatch/web', 'build']));
  step('image content (runtime stage, no dev dependency; starts and stops)', () =>
    run('node', ['scripts/check-image.mjs']),
  );
  ensureChromium();
  ensureCjkFont();
  const e2eOut = path.join(results, 'e2e.json');
  reports.push([e2eOut, 'playwright']);
  step('e2e (Playwright, Chromium)', () =>
    pnpm(['exec', 'playwright', 'test', '--reporter=list,json'], {
      cwd: path.join(root, 'e2e'),
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eOut },
    }),
  );
  step('benchmarks (smoke)', () =>
    pnpm(['--filter', '@floorwatch/bench', 'exec', 'tsx', 'src/run-all.ts', '--smoke']),
  );

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const [file, kind] of reports) {
    const c = countReport(file, kind);
    if (!c) {
      failed += 1;
      log(`no report at ${path.relative(root, file)}: counted as one failure`);
      continue;
    }
    passed += c[0];
    failed += c[1];
    skipped += c[2];
  }
  // The names of what failed come last, so a CI log cut to its tail still says what to look at.
  for (const [file, kind] of reports)
    for (const line of failedTests(file, kind))
      log(`failed: ${path.basename(file, '.json')}: ${line}`);
  const badSteps = steps.filter((s) => s.code !== 0);
  for (const s of steps) log(`${s.code === 0 ? 'ok  ' : 'FAIL'} ${s.name} (${s.secs} s)`);
  // Steps without a per-test report (typecheck, lint, ...) count as one test each.
  const plainSteps = steps.filter((s) => !/tests|e2e/.test(s.name));
  passed += plainSteps.filter((s) => s.code === 0).length;
  failed += plainSteps.filter((s) => s.code !== 0).length;
  if (badSteps.length > 0 && failed === 0) failed = badSteps.length;
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed > 0 || badSteps.length > 0 || passed === 0 ? 1 : 0);
}

/**
 * Builds what is needed and runs the compiled BFF with `node` as this process's only child, so
 * nothing but this script sits between npm and node. `npm start` runs this script through `sh`,
 * which does not pass SIGTERM on, so package.json says `exec node ...`: npm signals this process
 * directly, and this process hands every SIGTERM and SIGINT to node. A terminal's Ctrl+C reaches
 * node as well (the whole process group gets it); the BFF counts such a burst as one request.
 */
function start() {
  install();
  if (!process.argv.includes('--no-build')) {
    log('building the dashboard (apps/web)');
    mustPnpm(['--filter', '@floorwatch/web', 'build']);
  }
  log('compiling the BFF (apps/bff/dist)');
  mustPnpm(['--silent', '--filter', '@floorwatch/bff', 'build']);
  log('starting Floorwatch (apps/bff); Ctrl+C stops it');
  const child = spawn(process.execPath, ['--enable-source-maps', BFF_ENTRY], {
    cwd: root,
    stdio: 'inherit',
    // Relative paths in the settings mean the directory the operator ran the command in.
    env: { ...process.env, INIT_CWD: process.env.INIT_CWD ?? process.cwd() },
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) =>
    process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)),
  );
}

const command = process.argv[2];
if (command === 'test') test();
else if (command === 'start') start();
else {
  console.error('usage: node scripts/floorwatch.mjs start|test');
  process.exit(2);
}
