// Real BFF processes for the shutdown tests: the compiled build (dist/index.js, as production runs
// it) started directly, under tini, as PID 1 of its own PID namespace, or through `npm start`,
// against a simulator in the test process (an embedded simulator would die with the BFF, and the
// simulator's record of sign-ins and sign-outs is what the tests check).
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../component/harness';

export const bffDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const repoRoot = path.resolve(bffDir, '../..');
export const BFF_ENTRY = path.join(bffDir, 'dist/index.js');
export const TINI = ['/usr/bin/tini', '/sbin/tini', '/usr/sbin/tini'].find((p) => existsSync(p));

/** Builds dist/ the way `npm start` and the image do (the package's own build script). */
export function buildBff(): void {
  const r = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: bffDir,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`bff build failed: ${r.stderr}${r.stdout}`);
}

/** Whether this machine lets us make PID and mount namespaces (root, or a permissive sandbox). */
export function canUnshare(): boolean {
  const r = spawnSync('unshare', ['--pid', '--fork', '--mount', 'true'], { timeout: 10_000 });
  return r.status === 0;
}

export interface Proc {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** The dashboard URL from the "listening" log line. */
  url(): Promise<string>;
}

export function run(cmd: string, args: string[], opts: SpawnOptions): Proc {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    exited,
    url: () =>
      waitFor(
        () => /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"Floorwatch is listening"/.exec(out)?.[1],
        `the listening line; output so far:\n${out}`,
        60_000,
      ),
  };
}

/** The children of a process (Linux /proc). */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
    if (text) out.push(...text.split(/\s+/).map(Number));
  }
  return out;
}

/** The PID a process has inside its own PID namespace (1 for a container's init). */
export function pidInNamespace(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('NSpid:'));
  return Number(line?.split(/\s+/).at(-1));
}

export interface SessionRecord {
  event: 'signin' | 'signout';
  workno: string;
  how: string;
}

export async function signInRecord(controlUrl: string, workno: string): Promise<SessionRecord[]> {
  const r = await fetch(`${controlUrl}/signins/${workno}`);
  return ((await r.json()) as { records: SessionRecord[] }).records;
}

/** The environment of a production BFF against the test's simulator, as account `workno`. */
export function bffEnv(opts: {
  simUrl: string;
  workno: string;
  usersFile: string;
  webDist: string;
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    NODE_ENV: 'production',
    CCGW_URL: opts.simUrl,
    CCGW_AGENT_ID: opts.workno,
    CCGW_PASSWORD: 'floorwatch',
    CCGW_POLL_MS: '500',
    CCGW_BUDGET: '20/2000',
    FLOORWATCH_USERS: opts.usersFile,
    FLOORWATCH_WEB_DIST: opts.webDist,
    PORT: '0',
    LOG_LEVEL: 'info',
    ...opts.extra,
  };
}
