// However Floorwatch is run and stopped, it signs out of the gateway: checked against the
// simulator's own record of sign-ins and sign-outs, with real processes. The cases are the ways an
// operator runs it: the image (node as PID 1, or under tini as compose's `init: true` does),
// `npm start` under a process manager (SIGTERM to npm alone), `npm start` in a terminal (Ctrl+C:
// SIGINT to the whole process group), and a read-only root filesystem without a writable tmp.
import { startSimulator } from '@floorwatch/gateway-sim';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, testWebDist, waitFor, writeUsersFile } from '../component/harness';
import {
  BFF_ENTRY,
  bffEnv,
  buildBff,
  canUnshare,
  childrenOf,
  pidInNamespace,
  repoRoot,
  run,
  signInRecord,
  TINI,
  type Proc,
} from './support';

let sim: Awaited<ReturnType<typeof startSimulator>>;
let usersFile: string;
const unshare = canUnshare();

beforeAll(async () => {
  buildBff();
  sim = await startSimulator({
    scenario: 'seed',
    pollHoldMs: 400,
    rateLimit: { max: 20, windowMs: 2000 },
  });
  usersFile = await writeUsersFile();
}, 180_000);

afterAll(async () => {
  await sim?.close();
});

if (!unshare)
  console.warn(
    'shutdown tests: cannot create PID/mount namespaces here (needs root): PID-1 cases skipped',
  );
if (!TINI)
  console.warn(
    'shutdown tests: tini is not installed (apt-get install -y tini; `npm test` installs it): tini case skipped',
  );

const env = (workno: string, extra: Record<string, string> = {}) =>
  bffEnv({ simUrl: sim.url, workno, usersFile, webDist: testWebDist(), extra });

/** Waits until the BFF serves and the gateway has its sign-in. */
async function started(proc: Proc, workno: string): Promise<string> {
  const url = await proc.url();
  await waitFor(
    async () => (await signInRecord(sim.controlUrl, workno)).some((r) => r.event === 'signin'),
    'the sign-in at the gateway',
    20_000,
  );
  return url;
}

/** The gateway saw the session signed out by Floorwatch itself, after its last sign-in. */
async function expectSignedOut(workno: string): Promise<void> {
  const records = await signInRecord(sim.controlUrl, workno);
  const lastIn = records.map((r) => r.event).lastIndexOf('signin');
  expect(lastIn, JSON.stringify(records)).toBeGreaterThanOrEqual(0);
  expect(records.slice(lastIn + 1), JSON.stringify(records)).toContainEqual(
    expect.objectContaining({ event: 'signout', how: 'logout' }),
  );
}

describe('a clean sign-out on SIGTERM', () => {
  it.skipIf(!unshare)(
    'as PID 1 of its own PID namespace (the image: CMD runs node directly), ending the live streams',
    async () => {
      const workno = '151';
      const proc = run(
        'unshare',
        ['--pid', '--fork', '--kill-child', process.execPath, '--enable-source-maps', BFF_ENTRY],
        { env: env(workno) },
      );
      const url = await started(proc, workno);
      const browser = await new Browser(url).signIn('sup');
      const stream = browser.stream();
      await waitFor(() => stream.events.length > 0, 'the snapshot on the live stream');
      const [node] = childrenOf(proc.child.pid!);
      expect(pidInNamespace(node!)).toBe(1);
      process.kill(node!, 'SIGTERM'); // what `docker stop` does: SIGTERM to PID 1 from outside
      expect(await proc.exited).toBe(0);
      await waitFor(() => stream.ended, 'the live stream to end');
      await expectSignedOut(workno);
      expect(proc.output()).toContain('SIGTERM: signing out of the gateway and stopping');
      stream.close();
    },
    60_000,
  );

  it.skipIf(!unshare || !TINI)(
    "under tini as PID 1 (compose's init: true), node as its child",
    async () => {
      const workno = '152';
      const proc = run(
        'unshare',
        [
          '--pid',
          '--fork',
          '--kill-child',
          TINI!,
          '--',
          process.execPath,
          '--enable-source-maps',
          BFF_ENTRY,
        ],
        { env: env(workno) },
      );
      await started(proc, workno);
      const [tini] = childrenOf(proc.child.pid!);
      expect(pidInNamespace(tini!)).toBe(1);
      process.kill(tini!, 'SIGTERM');
      expect(await proc.exited).toBe(0);
      await expectSignedOut(workno);
    },
    60_000,
  );

  it('through `npm start` under a process manager: SIGTERM to npm alone', async () => {
    const workno = '153';
    // NODE_ENV stays unset here: `npm start` installs the workspace first.
    const { NODE_ENV: _, ...bff } = env(workno);
    const proc = run('npm', ['start', '--', '--no-build'], {
      cwd: repoRoot,
      env: { ...process.env, ...bff, NODE_ENV: '' },
      detached: true, // its own process group, as under a process manager
    });
    try {
      await started(proc, workno);
      process.kill(proc.child.pid!, 'SIGTERM');
      await proc.exited;
      await waitFor(
        async () => (await signInRecord(sim.controlUrl, workno)).at(-1)?.event === 'signout',
        'the sign-out',
        15_000,
      );
      await expectSignedOut(workno);
      expect(proc.output()).toContain('SIGTERM: signing out of the gateway and stopping');
    } finally {
      killGroup(proc);
    }
  }, 180_000);
});

describe("a terminal's Ctrl+C", () => {
  it('reaches every process of the group: one clean sign-out, no "exit without sign-out"', async () => {
    const workno = '154';
    const { NODE_ENV: _, ...bff } = env(workno);
    const proc = run('npm', ['start', '--', '--no-build'], {
      cwd: repoRoot,
      env: { ...process.env, ...bff, NODE_ENV: '' },
      detached: true,
    });
    try {
      await started(proc, workno);
      process.kill(-proc.child.pid!, 'SIGINT'); // the whole foreground group: npm, node, node
      await proc.exited;
      await waitFor(
        async () => (await signInRecord(sim.controlUrl, workno)).at(-1)?.event === 'signout',
        'the sign-out',
        15_000,
      );
      await expectSignedOut(workno);
      expect(proc.output()).toContain('SIGINT: signing out of the gateway and stopping');
      expect(proc.output()).not.toContain('exiting without a clean sign-out');
      expect(proc.output()).toContain('Floorwatch stopped');
    } finally {
      killGroup(proc);
    }
  }, 180_000);
});

describe('a read-only root filesystem without a writable tmp', () => {
  const readOnly = (dataDir: string, args: string[]) => [
    '--mount',
    '--pid',
    '--fork',
    '--kill-child',
    'sh',
    '-c',
    // Only the data dir is writable: everything else, /tmp and /dev/shm included, is read-only.
    'mount -t tmpfs -o size=8m tmpfs "$0" && mount -o remount,bind,ro / && ' +
      'mount -o remount,bind,ro /dev/shm && exec "$@"',
    dataDir,
    ...args,
  ];

  it.skipIf(!unshare)(
    'starts, writes only to the data dir, serves and signs out on SIGTERM',
    async () => {
      const workno = '155';
      const dataDir = mkdtempSync(path.join(tmpdir(), 'fw-ro-data-'));
      const proc = run(
        'unshare',
        readOnly(dataDir, [process.execPath, '--enable-source-maps', BFF_ENTRY]),
        {
          // No users file: the first start writes its admin into the data dir, the one writable place.
          env: env(workno, { FLOORWATCH_USERS: '', FLOORWATCH_DATA_DIR: dataDir, TMPDIR: '/tmp' }),
        },
      );
      const url = await started(proc, workno);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      expect(proc.output()).toMatch(/First start: username admin {3}password \S{20,}/);
      const [node] = childrenOf(proc.child.pid!);
      process.kill(node!, 'SIGTERM');
      expect(await proc.exited).toBe(0);
      await expectSignedOut(workno);
      // The tmpfs went with the namespace; what was written there never reached the real disk.
      expect(() => statSync(path.join(dataDir, 'users.json'))).toThrow();
    },
    60_000,
  );

  it.skipIf(!unshare)(
    'stops at once, naming the path, when the data dir is read-only too',
    async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'fw-ro-data-'));
      const proc = run(
        'unshare',
        [
          '--mount',
          '--pid',
          '--fork',
          'sh',
          '-c',
          'mount -o remount,bind,ro / && exec "$@"',
          'sh',
          process.execPath,
          BFF_ENTRY,
        ],
        { env: env('156', { FLOORWATCH_USERS: '', FLOORWATCH_DATA_DIR: dataDir }) },
      );
      expect(await proc.exited).toBe(1);
      expect(proc.output()).toContain(`FLOORWATCH_DATA_DIR: ${dataDir} is not writable (EROFS)`);
    },
    30_000,
  );
});

function killGroup(proc: Proc): void {
  try {
    process.kill(-proc.child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}
