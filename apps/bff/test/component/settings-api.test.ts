// Shared settings through the real BFF on a real SQLite file: admins change them with version
// checks and an audit trail, everyone else reads them (team leads only their queues' overrides),
// and wall displays open with stored links that an admin can change or revoke.
import {
  auditPage,
  errorBody,
  me,
  settings,
  wallLink,
  wallLinkCreated,
} from '@floorwatch/contracts/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, start, waitFor, WALL_TOKEN, writeUsersFile, type Started } from './harness';

let s: Started;
let base: string;
const admin = () => new Browser(base).signIn('admin');

beforeAll(async () => {
  s = await start({ FLOORWATCH_USERS: await writeUsersFile() });
  base = s.fw.url;
});

afterAll(async () => {
  await s?.fw.close();
});

const NO_KPI = { waiting: null, longestWaitSec: null, serviceLevelPct: null };

describe('GET /api/v1/settings', () => {
  it('answers the seeded limits and the embedded simulator’s reason names to everyone', async () => {
    const sup = await new Browser(base).signIn('sup');
    const body = settings.parse((await sup.req('GET', '/api/v1/settings')).json);
    expect(body.limits.version).toBe(1);
    expect(body.limits.states.wrapup).toEqual({ warnSec: 120, critSec: 300 });
    expect(body.reasons.find((r) => r.code === 12)).toMatchObject({ name: 'Lunch', version: 1 });
    expect(body).not.toHaveProperty('thresholds');
    expect(body.wall).toBeNull();
  });
});

describe('admin changes', () => {
  it('an admin names a reason and sets its limit; every user sees it; the audit log says who', async () => {
    const a = await admin();
    const put = await a.req('PUT', '/api/v1/admin/reasons/301', {
      version: 0,
      name: 'Coaching',
      limit: { warnSec: 1200, critSec: 1800 },
    });
    expect(put.status).toBe(200);
    expect(put.json).toEqual({
      version: 1,
      code: 301,
      name: 'Coaching',
      limit: { warnSec: 1200, critSec: 1800 },
    });
    const lead = await new Browser(base).signIn('lead1');
    const seen = settings.parse((await lead.req('GET', '/api/v1/settings')).json);
    expect(seen.reasons.find((r) => r.code === 301)?.name).toBe('Coaching');
    const audit = auditPage.parse((await a.req('GET', '/api/v1/admin/audit?limit=5')).json);
    expect(audit.entries[0]).toMatchObject({
      actor: 'admin',
      action: 'reason.put',
      target: 'reason 301',
      before: null,
      after: { name: 'Coaching', version: 1 },
    });
  });

  it('two admins at once: the second gets 409 with the first one’s change, and loses nothing', async () => {
    const a = await admin();
    const b = await new Browser(base).signIn('admin2');
    await a.req('PUT', '/api/v1/admin/groups/7', { version: 0, name: 'Team North' });
    const [fromA, fromB] = await Promise.all([
      a.req('PUT', '/api/v1/admin/groups/7', { version: 1, name: 'Team North (A)' }),
      b.req('PUT', '/api/v1/admin/groups/7', { version: 1, name: 'Team North (B)' }),
    ]);
    const results = [fromA, fromB].map((r) => r.status).sort();
    expect(results).toEqual([200, 409]);
    const [won, lost] = fromA.status === 200 ? [fromA, fromB] : [fromB, fromA];
    const err = errorBody.parse(lost.json).error;
    expect(err.code).toBe('CONFLICT');
    expect(err.details).toEqual({ current: won.json });
    // The loser re-applies onto the current version: both edits are in the audit log.
    const retry = await (won === fromA ? b : a).req('PUT', '/api/v1/admin/groups/7', {
      version: 2,
      name: 'Team North (merged)',
    });
    expect(retry.status).toBe(200);
    const log = auditPage.parse((await a.req('GET', '/api/v1/admin/audit?limit=3')).json);
    expect(log.entries.map((e) => (e.after as { name: string } | null)?.name)).toEqual([
      'Team North (merged)',
      (won.json as { name: string }).name,
      'Team North',
    ]);
  });

  it('answers 400 naming the field of an invalid change, and changes nothing', async () => {
    const a = await admin();
    const before = settings.parse((await a.req('GET', '/api/v1/settings')).json).limits;
    const bad = await a.req('PUT', '/api/v1/admin/limits/site', {
      ...before,
      states: { wrapup: { warnSec: 300, critSec: 120 } },
    });
    expect(bad.status).toBe(400);
    const details = errorBody.parse(bad.json).error.details as { path: string }[];
    expect(details.map((d) => d.path)).toEqual(['states.wrapup.critSec']);
    const noName = await a.req('PUT', '/api/v1/admin/reasons/12', {
      version: 1,
      name: ' ',
      limit: null,
    });
    expect((errorBody.parse(noName.json).error.details as { path: string }[])[0]!.path).toBe(
      'name',
    );
    const badCode = await a.req('PUT', '/api/v1/admin/reasons/0', {
      version: 0,
      name: 'x',
      limit: null,
    });
    expect((errorBody.parse(badCode.json).error.details as { path: string }[])[0]!.path).toBe(
      'code',
    );
    const noVersion = await a.req('DELETE', '/api/v1/admin/reasons/12');
    expect((errorBody.parse(noVersion.json).error.details as { path: string }[])[0]!.path).toBe(
      'version',
    );
    expect(settings.parse((await a.req('GET', '/api/v1/settings')).json).limits).toEqual(before);
  });

  it('refuses every admin route to supervisors, team leads and wall displays (403)', async () => {
    for (const who of ['sup', 'lead1'] as const) {
      const b = await new Browser(base).signIn(who);
      for (const [method, p, body] of [
        ['PUT', '/api/v1/admin/limits/site', { version: 1, states: {}, kpi: NO_KPI }],
        ['PUT', '/api/v1/admin/reasons/12', { version: 1, name: 'x', limit: null }],
        ['DELETE', '/api/v1/admin/groups/7?version=1', undefined],
        ['GET', '/api/v1/admin/wall-links', undefined],
        [
          'POST',
          '/api/v1/admin/wall-links',
          { name: 'x', queues: '*', rotateSec: null, lang: null, sound: false },
        ],
        ['GET', '/api/v1/admin/audit', undefined],
      ] as const) {
        const r = await b.req(method, p, body);
        expect(r.status, `${who} ${method} ${p}`).toBe(403);
        expect(errorBody.parse(r.json).error.code).toBe('FORBIDDEN');
      }
    }
  });

  it('refuses a cross-site admin change (the Origin check)', async () => {
    const a = await admin();
    const r = await a.req(
      'PUT',
      '/api/v1/admin/reasons/12',
      { version: 1, name: 'Hijacked', limit: null },
      { origin: 'https://evil.example' },
    );
    expect(r.status).toBe(403);
    expect(errorBody.parse(r.json).error.code).toBe('CROSS_ORIGIN');
  });
});

describe('scope', () => {
  it('a team lead sees only their own queues’ limit overrides', async () => {
    const a = await admin();
    for (const skillId of [1, 2])
      expect(
        (
          await a.req('PUT', `/api/v1/admin/limits/queues/${skillId}`, {
            version: 0,
            states: { talking: { warnSec: 300, critSec: 600 } },
            kpi: { serviceLevelPct: { warnBelow: 80, critBelow: 60 } },
          })
        ).status,
      ).toBe(200);
    const lead1 = await new Browser(base).signIn('lead1'); // queues [1]
    const mine = settings.parse((await lead1.req('GET', '/api/v1/settings')).json);
    expect(mine.queueLimits.map((q) => q.skillId)).toEqual([1]);
    const all = settings.parse((await a.req('GET', '/api/v1/settings')).json);
    expect(all.queueLimits.map((q) => q.skillId)).toEqual([1, 2]);
  });
});

describe('wall links', () => {
  it('a stored link opens a wall that learns its settings; a change reaches it; a delete ends it', async () => {
    const a = await admin();
    const created = await a.req('POST', '/api/v1/admin/wall-links', {
      name: 'Floor 2',
      queues: [2],
      rotateSec: 20,
      lang: 'zh-CN',
      sound: true,
    });
    expect(created.status).toBe(201);
    const { link, token, path } = wallLinkCreated.parse(created.json);
    expect(path).toBe(`/wall?token=${token}`);
    const listed = (await a.req('GET', '/api/v1/admin/wall-links')).json as unknown[];
    expect(listed.map((l) => wallLink.parse(l).id)).toContain(link.id);
    expect(JSON.stringify(listed)).not.toContain(token);

    const wall = new Browser(base);
    const signIn = await wall.req('POST', '/api/v1/session', { token });
    expect(signIn.status).toBe(200);
    expect(me.parse(signIn.json)).toMatchObject({
      role: 'wallboard',
      queues: [2],
      wall: { linkId: link.id, name: 'Floor 2', rotateSec: 20, lang: 'zh-CN', sound: true },
    });
    const snap = (await wall.req('GET', '/api/v1/snapshot')).json as {
      queues: { skillId: number }[];
    };
    expect(snap.queues.map((q) => q.skillId)).toEqual([2]);
    const st = wall.stream();
    await waitFor(() => st.events.length > 0, 'the wall stream');

    const changed = await a.req('PUT', `/api/v1/admin/wall-links/${link.id}`, {
      version: 1,
      name: 'Floor 2',
      queues: [2, 3],
      rotateSec: 30,
      lang: null,
      sound: false,
    });
    expect(changed.status).toBe(200);
    // Its open stream ends so it reconnects with the new queues; its settings say the new values.
    await waitFor(() => st.ended, 'the old stream to end');
    const after = settings.parse((await wall.req('GET', '/api/v1/settings')).json);
    expect(after.wall).toMatchObject({ queues: [2, 3], rotateSec: 30, lang: null, sound: false });
    const snap2 = (await wall.req('GET', '/api/v1/snapshot')).json as {
      queues: { skillId: number }[];
    };
    expect(snap2.queues.map((q) => q.skillId)).toEqual([2, 3]);

    const stale = await a.req('DELETE', `/api/v1/admin/wall-links/${link.id}?version=1`);
    expect(stale.status).toBe(409);
    expect((await a.req('DELETE', `/api/v1/admin/wall-links/${link.id}?version=2`)).status).toBe(
      204,
    );
    expect((await wall.req('GET', '/api/v1/me')).status).toBe(401);
    expect((await new Browser(base).req('POST', '/api/v1/session', { token })).status).toBe(401);
    const log = auditPage.parse((await a.req('GET', '/api/v1/admin/audit?limit=3')).json);
    expect(log.entries.map((e) => e.action)).toEqual([
      'wall-link.delete',
      'wall-link.put',
      'wall-link.create',
    ]);
    st.close();
  });
});

describe('saved views and preferences', () => {
  it('each user keeps their own; wall displays cannot write', async () => {
    const sup = await new Browser(base).signIn('sup');
    const lead = await new Browser(base).signIn('lead1');
    const v = await sup.req('POST', '/api/v1/me/views', {
      name: 'Billing by state',
      path: '/queues/1?sort=state',
    });
    expect(v.status).toBe(201);
    expect((await sup.req('GET', '/api/v1/me/views')).json).toEqual([v.json]);
    expect((await lead.req('GET', '/api/v1/me/views')).json).toEqual([]);
    const id = (v.json as { id: string }).id;
    expect((await lead.req('DELETE', `/api/v1/me/views/${id}`)).status).toBe(404);
    const offsite = await sup.req('POST', '/api/v1/me/views', {
      name: 'x',
      path: '//evil.example/',
    });
    expect((errorBody.parse(offsite.json).error.details as { path: string }[])[0]!.path).toBe(
      'path',
    );
    expect((await sup.req('DELETE', `/api/v1/me/views/${id}`)).status).toBe(204);

    expect((await sup.req('PUT', '/api/v1/me/preferences', { locale: 'zh-CN' })).json).toEqual({
      locale: 'zh-CN',
    });
    expect((await lead.req('GET', '/api/v1/me/preferences')).json).toEqual({ locale: null });

    const wall = new Browser(base);
    expect((await wall.req('POST', '/api/v1/session', { token: WALL_TOKEN })).status).toBe(200);
    expect((await wall.req('PUT', '/api/v1/me/preferences', { locale: 'en' })).status).toBe(403);
    expect((await wall.req('GET', '/api/v1/me/views')).json).toEqual([]);
  });
});
