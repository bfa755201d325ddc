// The BFF as an operator runs it: a child process that signs out of the gateway and ends every
// live stream on SIGTERM; and an HTTPS gateway trusted through its CA.
import { startSimulator } from '@floorwatch/gateway-sim';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { Browser, start, tempDataDir, waitFor, writeUsersFile } from './harness';

const bff = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = path.join(bff, 'node_modules/.bin/tsx');

it('on SIGTERM ends the streams, signs out of the gateway and exits 0', async () => {
  // The simulator's rate limit matches CCGW_BUDGET, as on a real gateway configured alike.
  const sim = await startSimulator({
    scenario: 'seed',
    pollHoldMs: 400,
    rateLimit: { max: 20, windowMs: 2000 },
  });
  try {
    const child = spawn(tsx, ['src/index.ts'], {
      cwd: bff,
      env: {
        PATH: process.env.PATH,
        CCGW_URL: sim.url,
        CCGW_AGENT_ID: '103',
        CCGW_PASSWORD: 'floorwatch',
        CCGW_POLL_MS: '500',
        CCGW_BUDGET: '20/2000',
        FLOORWATCH_USERS: await writeUsersFile(),
        FLOORWATCH_DATA_DIR: tempDataDir(),
        PORT: '0',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const url = await waitFor(
      () => /Floorwatch is running at (http:\/\/\S+)/.exec(out)?.[1],
      'the banner',
      15_000,
    );
    const b = await new Browser(url).signIn('sup');
    const st = b.stream();
    await waitFor(() => st.events.length > 0, 'snapshot');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await waitFor(() => st.ended, 'the stream to end');
    const counters = (await (await fetch(`${sim.controlUrl}/counters`)).json()) as {
      routes: Record<string, number>;
      sessions: { workno: string; signedIn: boolean }[];
    };
    expect(counters.routes.logout).toBeGreaterThanOrEqual(1);
    expect(counters.sessions.find((s) => s.workno === '103')?.signedIn).toBe(false);
    expect(out).toContain('signing out of the gateway');
    st.close();
  } finally {
    await sim.close();
  }
}, 30_000);

it('trusts an HTTPS gateway through its CA, for the session and the proxy', async () => {
  const s = await start({ FLOORWATCH_USERS: await writeUsersFile() }, { sim: { https: true } });
  try {
    expect(s.fw.sim?.url).toMatch(/^https:/);
    await waitFor(async () => (await fetch(`${s.fw.url}/readyz`)).status === 200, 'ready');
    const sup = await new Browser(s.fw.url).signIn('sup');
    const r = await sup.req('GET', '/api/v1/gateway/agentgroup/allonlineagents');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ retcode: '0' });
  } finally {
    await s.fw.close();
  }
}, 20_000);
