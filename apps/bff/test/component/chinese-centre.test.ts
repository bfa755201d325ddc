// SIM_LOCALE=zh-CN: the simulator's Chinese centre through the real BFF. Every queue and agent
// name reaches the browser byte for byte as the gateway sent it: UTF-8, not re-encoded, not
// escaped, not truncated.
import { settings, snapshot } from '@floorwatch/contracts/api';
import { buildScenario } from '@floorwatch/gateway-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, start, waitFor, writeUsersFile, type Started } from './harness';

let s: Started;

beforeAll(async () => {
  s = await start({ FLOORWATCH_USERS: await writeUsersFile(), SIM_LOCALE: 'zh-CN' });
  await waitFor(async () => (await fetch(`${s.fw.url}/readyz`)).status === 200, 'ready');
}, 20_000);

afterAll(async () => {
  await s?.fw.close();
});

describe('a Chinese contact centre', () => {
  it('sends every queue and agent name to the browser byte for byte', async () => {
    const centre = buildScenario('small', 'zh-CN');
    expect(centre.skills.some((q) => /[\u4e00-\u9fff]/.test(q.name))).toBe(true);
    const b = await new Browser(s.fw.url).signIn('sup');
    const r = await fetch(`${s.fw.url}/api/v1/snapshot`, { headers: { cookie: b.cookie } });
    expect(r.headers.get('content-type')).toMatch(/charset=utf-8/i);
    const bytes = Buffer.from(await r.arrayBuffer());
    const snap = snapshot.parse(JSON.parse(bytes.toString('utf8')));

    for (const q of centre.skills) {
      expect(snap.queues.find((x) => x.skillId === q.id)?.name).toBe(q.name);
      expect(bytes.includes(Buffer.from(JSON.stringify(q.name), 'utf8')), q.name).toBe(true);
    }
    const names = new Map(snap.agents.map((a) => [a.workno, a.name]));
    const signedIn = centre.agents.filter((a) => names.has(a.workno));
    expect(signedIn.length).toBeGreaterThan(0);
    for (const a of signedIn) {
      expect(names.get(a.workno)).toBe(a.name);
      expect(bytes.includes(Buffer.from(JSON.stringify(a.name), 'utf8')), a.name).toBe(true);
    }
  });

  it('names the simulated reason codes in Chinese, as the centre’s admin would have', async () => {
    const b = await new Browser(s.fw.url).signIn('sup');
    const r = await fetch(`${s.fw.url}/api/v1/settings`, { headers: { cookie: b.cookie } });
    const reasons = new Map(settings.parse(await r.json()).reasons.map((x) => [x.code, x.name]));
    expect(reasons.get(12)).toBe('午餐');
    expect(reasons.get(1)).toBe('示忙');
    expect(reasons.get(201)).toBe('事后处理');
  });
});
