// The real app on port 0 against the real simulator (small scenario, 300 ms polls).
import { errorBody, me, patch, queueDetail, settings, snapshot } from '@floorwatch/contracts/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Browser,
  PASSWORDS,
  start,
  waitFor,
  WALL_TOKEN,
  writeUsersFile,
  type SseStream,
  type Started,
} from './harness';
import { readyBody } from '../../src/http/readiness';

let s: Started;

const patchesOf = (st: SseStream) => st.of('patch').map((e) => patch.parse(e.data));
const hasAgent = (st: SseStream, workno: string, status: number) =>
  patchesOf(st).some((p) => p.agents.some((a) => a.workno === workno && a.status === status));
let base: string;

beforeAll(async () => {
  s = await start({ FLOORWATCH_USERS: await writeUsersFile() });
  base = s.fw.url;
  await waitFor(async () => (await fetch(`${base}/readyz`)).status === 200, 'ready');
});

afterAll(async () => {
  await s?.fw.close();
});

describe('sessions', () => {
  it('signs in, answers me, signs out', async () => {
    const b = new Browser(base);
    await b.signIn('sup');
    const m = await b.req('GET', '/api/v1/me');
    expect(me.parse(m.json)).toEqual({
      username: 'sup',
      role: 'supervisor',
      queues: '*',
      wall: null,
    });
    expect(settings.parse((await b.req('GET', '/api/v1/settings')).json).pollMs).toBe(300);
    expect((await b.req('DELETE', '/api/v1/session')).status).toBe(204);
    expect((await b.req('GET', '/api/v1/me')).status).toBe(401);
  });

  it('signs a wallboard in with its link token', async () => {
    const b = new Browser(base);
    const r = await b.req('POST', '/api/v1/session', { token: WALL_TOKEN });
    expect(r.status).toBe(200);
    expect(me.parse(r.json).role).toBe('wallboard');
    expect((await b.req('GET', '/api/v1/snapshot')).status).toBe(200);
    const bad = await new Browser(base).req('POST', '/api/v1/session', {
      token: 'x'.repeat(30),
    });
    expect(bad.status).toBe(401);
  });

  it('answers 401 with the contract body on every /api route without a session', async () => {
    const b = new Browser(base);
    const routes: [string, string][] = [
      ['GET', '/api/v1/me'],
      ['DELETE', '/api/v1/session'],
      ['GET', '/api/v1/settings'],
      ['GET', '/api/v1/snapshot'],
      ['GET', '/api/v1/queues/1'],
      ['GET', '/api/v1/history'],
      ['GET', '/api/v1/stream'],
      ['GET', '/api/v1/gateway/agentgroup/allonlineagents'],
    ];
    for (const [m, p] of routes) {
      const r = await b.req(m, p);
      expect(r.status, `${m} ${p}`).toBe(401);
      expect(errorBody.parse(r.json).error.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('queue scope', () => {
  it('gives a team lead only the agents of their queues, in snapshot, queue and stream', async () => {
    const sup = await new Browser(base).signIn('sup');
    const all = snapshot.parse((await sup.req('GET', '/api/v1/snapshot')).json);
    const outsiders = all.agents.filter((a) => !a.skills.includes(1)).map((a) => a.workno);
    const shared = all.agents.find((a) => a.skills.includes(1) && a.skills.length > 1);
    expect(outsiders.length).toBeGreaterThan(0);

    const lead = await new Browser(base).signIn('lead1');
    const snap = snapshot.parse((await lead.req('GET', '/api/v1/snapshot')).json);
    expect(snap.queues.map((q) => q.skillId)).toEqual([1]);
    expect(snap.agents.length).toBeGreaterThan(0);
    for (const a of snap.agents) expect(a.skills).toEqual([1]);
    if (shared) expect(snap.agents.find((a) => a.workno === shared.workno)?.skills).toEqual([1]);

    const q = queueDetail.parse((await lead.req('GET', '/api/v1/queues/1')).json);
    for (const a of q.agents) expect(a.skills).toEqual([1]);
    const out = await lead.req('GET', '/api/v1/queues/2');
    expect(out.status).toBe(404);
    expect(errorBody.parse(out.json).error.code).toBe('NOT_FOUND');
    expect((await lead.req('GET', '/api/v1/queues/99999')).status).toBe(404);

    const stream = lead.stream();
    await waitFor(() => stream.events.length > 0, 'the lead snapshot');
    // Move an outsider and one of the lead's agents; only the second may reach the lead.
    const mine = snap.agents[0]!;
    const mineStatus = mine.status === 8 ? 3 : 8;
    for (const w of outsiders.slice(0, 3))
      await s.control('POST', `/agents/${w}/state`, { status: 8 });
    await s.control('POST', `/agents/${mine.workno}/state`, { status: mineStatus });
    await waitFor(() => hasAgent(stream, mine.workno, mineStatus), "the lead's agent", 8000);
    stream.close();
    const ids = new Set<string>();
    for (const e of stream.events) {
      const agents =
        e.event === 'snapshot'
          ? snapshot.parse(e.data).agents
          : e.event === 'patch'
            ? patch.parse(e.data).agents
            : [];
      for (const a of agents) ids.add(a.workno);
    }
    for (const w of outsiders) expect(ids.has(w), `outsider ${w}`).toBe(false);
    // Every byte of the lead's session, not just the parsed agents, is free of outsiders' rows.
    for (const w of outsiders) expect(lead.received.join('')).not.toContain(`"workno":"${w}"`);
  });
});

describe('live stream', () => {
  it('sends a snapshot first, a patch after a state change, and resumes by Last-Event-ID', async () => {
    const b = await new Browser(base).signIn('sup');
    const st = b.stream();
    await waitFor(() => st.events.length > 0, 'first event');
    expect(st.status).toBe(200);
    expect(st.headers['content-type']).toContain('text/event-stream');
    expect(st.headers['x-accel-buffering']).toBe('no');
    expect(st.headers['cache-control']).toContain('no-cache');
    expect(st.raw).toMatch(/^retry: \d+\n\n/);
    expect(st.events[0]!.event).toBe('snapshot');
    const first = snapshot.parse(st.events[0]!.data);
    expect(st.events[0]!.id).toBe(String(first.version));

    const target = first.agents[0]!.workno;
    const newStatus = first.agents[0]!.status === 8 ? 3 : 8;
    await s.control('POST', `/agents/${target}/state`, { status: newStatus });
    await waitFor(() => hasAgent(st, target, newStatus), 'patch with the changed agent');
    for (const e of st.of('patch')) expect(e.id).toBe(String(patch.parse(e.data).version));
    // The chain has no holes: each patch starts where the previous event ended.
    let v = first.version;
    for (const e of st.events.slice(1)) {
      if (e.event === 'patch') {
        const p = patch.parse(e.data);
        expect(p.baseVersion).toBe(v);
        v = p.version;
      } else if (e.event === 'snapshot') v = snapshot.parse(e.data).version;
    }
    await waitFor(() => st.of('heartbeat').length > 0, 'a heartbeat');
    st.close();

    // Reconnect from an id a few patches back: only the missed patches, no snapshot.
    const patches = patchesOf(st);
    const from = patches.length >= 2 ? patches.at(-2)!.baseVersion : first.version;
    const again = b.stream(String(from));
    await waitFor(() => again.events.length > 0, 'resumed event');
    expect(again.events[0]!.event).toBe('patch');
    expect(patch.parse(again.events[0]!.data).baseVersion).toBe(from);
    again.close();

    const stale = b.stream('987654321');
    await waitFor(() => stale.events.length > 0, 'snapshot after an old id');
    expect(stale.events[0]!.event).toBe('snapshot');
    stale.close();
  });
});

describe('the Guid never reaches a browser or a log', () => {
  it('is absent from every byte of a supervisor session (REST, SSE, proxy) and from the logs', async () => {
    const b = await new Browser(base).signIn('sup');
    const sessionId = b.cookie.split('=')[1]!;
    const st = b.stream();
    await b.req('GET', '/api/v1/me');
    await b.req('GET', '/api/v1/settings');
    await b.req('GET', '/api/v1/snapshot');
    await b.req('GET', '/api/v1/queues/1');
    await b.req('GET', '/api/v1/history');
    const proxied = await b.req('GET', '/api/v1/gateway/agentgroup/allonlineagents');
    expect(proxied.status).toBe(200);
    await b.req('GET', '/api/v1/gateway/queuedevice/agentvdnskill');
    const snap = snapshot.parse((await b.req('GET', '/api/v1/snapshot')).json);
    const a = snap.agents[1]!;
    await s.control('POST', `/agents/${a.workno}/state`, { status: a.status === 3 ? 8 : 3 });
    await waitFor(() => st.of('patch').length >= 1, 'a patch', 8000);
    st.close();
    await b.req('DELETE', '/api/v1/session');

    const { guidsIssued } = await s.counters();
    expect(guidsIssued.length).toBeGreaterThan(0);
    const everything = b.received.join('\n');
    const logs = s.logs.join('');
    for (const guid of guidsIssued) {
      const core = guid.split('.')[0]!;
      expect(everything).not.toContain(core);
      expect(logs).not.toContain(core);
    }
    expect(everything.toLowerCase()).not.toContain('set-guid');
    // Nor do the browser's own secrets reach the logs.
    expect(logs).not.toContain(sessionId);
    expect(logs).not.toContain(PASSWORDS.sup);
    expect(logs).not.toContain('floorwatch"'); // the gateway password of the simulator account
  });
});

describe('read-only gateway proxy', () => {
  it('passes allowed GETs for supervisors only, strips Set-GUID and spends the budget', async () => {
    const sup = await new Browser(base).signIn('sup');
    const before = (await s.counters()).routes.queryAgentInfoBySkillId ?? 0;
    const r = await sup.req('GET', '/api/v1/gateway/agentgroup/agentbyskill/1');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ retcode: '0' });
    expect(r.headers.get('set-guid')).toBeNull();
    expect(r.headers.get('set-cookie')).toBeNull();
    const after = (await s.counters()).routes.queryAgentInfoBySkillId ?? 0;
    expect(after).toBe(before + 1);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(
      /floorwatch_upstream_requests_total\{route="proxy:queryAgentInfoBySkillId"/,
    );
    expect(metrics).toMatch(
      /floorwatch_upstream_budget_waits_total|floorwatch_upstream_requests_total/,
    );

    expect((await sup.req('POST', '/api/v1/gateway/agentgroup/allonlineagents', {})).status).toBe(
      405,
    );
    expect((await sup.req('DELETE', '/api/v1/gateway/agentgroup/allonlineagents')).status).toBe(
      405,
    );
    expect((await sup.req('GET', '/api/v1/gateway/onlineagent/101/logout')).status).toBe(404);
    expect((await sup.req('GET', '/api/v1/gateway/agentgroup/101/allonlineagents')).status).toBe(
      404,
    );

    const lead = await new Browser(base).signIn('lead1');
    const denied = await lead.req('GET', '/api/v1/gateway/agentgroup/allonlineagents');
    expect(denied.status).toBe(403);
    expect(errorBody.parse(denied.json).error.code).toBe('FORBIDDEN');
    const wall = new Browser(base);
    await wall.req('POST', '/api/v1/session', { token: WALL_TOKEN });
    expect((await wall.req('GET', '/api/v1/gateway/agentgroup/allonlineagents')).status).toBe(403);
  });
});

describe('readiness is about this replica, not the gateway', () => {
  it('stays ready through a gateway outage, shows it in the body and in metrics, and recovers', async () => {
    await s.control('POST', '/faults', {
      kind: 'http-error',
      status: 500,
      route: '*',
      times: 100000,
    });
    const down = await waitFor(
      async () => {
        const r = await fetch(`${base}/readyz`);
        const body = (await r.json()) as { gateway?: { data: string } };
        return body.gateway?.data === 'stale' ? { status: r.status, body } : null;
      },
      'readyz to report stale data',
      8000,
    );
    // Still 200: the load balancer keeps this replica, whose screens show the stale banner.
    expect(down.status).toBe(200);
    expect(readyBody.parse(down.body).gateway.data).toBe('stale');
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^floorwatch_data_status\{status="stale"\} 1$/m);
    await s.control('DELETE', '/faults');
    await waitFor(
      async () =>
        readyBody.parse(await (await fetch(`${base}/readyz`)).json()).gateway.data === 'ok',
      'readyz to report fresh data',
      10000,
    );
  });
});

describe('http hygiene on the real app', () => {
  it('sets security headers, answers contract 404 and 413', async () => {
    const r = await fetch(`${base}/api/v1/does-not-exist`);
    expect(r.status).toBe(404);
    expect(errorBody.parse(await r.json()).error.code).toBe('NOT_FOUND');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers.get('x-frame-options')).toBeTruthy();
    const big = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'a', password: 'b'.repeat(50_000) }),
    });
    expect(big.status).toBe(413);
    expect(errorBody.parse(await big.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const home = await fetch(`${base}/`);
    expect(await home.text()).toContain('Floorwatch test SPA');
  });
});
