// An HTTPS gateway trusted through its CA. (Stopping a BFF process: test/process/shutdown.test.ts.)
import { expect, it } from 'vitest';
import { Browser, start, waitFor, writeUsersFile } from './harness';

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
});
