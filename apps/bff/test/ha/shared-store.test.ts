// Settings and history in Redis, shared by real BFF replicas (the compiled build) against the
// simulator and a real redis-server: an admin's change through one replica is what every other
// replica answers and what their wall displays follow, and the history the leader writes is read
// by every replica and outlives a restart of them all.
import { settings as settingsSchema, wallLinkCreated } from '@floorwatch/contracts/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, waitFor } from '../component/harness';
import { REDIS_SERVER } from './redis-server';
import { startHaRig, type HaRig, type Replica } from './rig';

const WORKNO = '171';
let rig: HaRig;

beforeAll(async () => {
  if (!REDIS_SERVER) return;
  rig = await startHaRig(WORKNO);
}, 180_000);

afterAll(async () => {
  await rig?.close();
});

const startReplica = () => rig.startReplica();

async function stop(r: Replica): Promise<void> {
  r.proc.child.kill('SIGTERM');
  expect(await r.proc.exited).toBe(0);
}

const isLeader = async (r: Replica) =>
  ((await (await fetch(`${r.url}/readyz`)).json()) as { gateway: { session: string } }).gateway
    .session === 'signed-in';

async function leaderAndFollower(rs: Replica[]): Promise<[Replica, Replica]> {
  return waitFor(
    async () => {
      const flags = await Promise.all(rs.map(isLeader));
      const leader = rs.find((_, i) => flags[i]);
      const follower = rs.find((_, i) => !flags[i]);
      return flags.filter(Boolean).length === 1 && leader && follower
        ? ([leader, follower] as [Replica, Replica])
        : undefined;
    },
    'one leader and one follower',
    30_000,
  );
}

/** The same browser (its cookie) on another replica, as a load balancer without stickiness. */
const on = (r: Replica, b: Browser) => Object.assign(new Browser(r.url), { cookie: b.cookie });

interface HistoryAnswer {
  queues: { skillId: number; points: { t: number }[] }[];
}
const historyOf = async (r: Replica, from: number, to: number) => {
  const b = await new Browser(r.url).signIn('sup');
  const res = await b.req('GET', `/api/v1/history?from=${from}&to=${to}`);
  expect(res.status, res.text).toBe(200);
  return (res.json as HistoryAnswer).queues.filter((q) => q.points.length > 0);
};

describe.skipIf(!REDIS_SERVER)('settings and history shared by replicas through Redis', () => {
  let a: Replica;
  let b: Replica;

  it('a limit changed through replica A is what replica B answers; a change based on the old one is refused there', async () => {
    [a, b] = await Promise.all([startReplica(), startReplica()]);
    const adminA = await new Browser(a.url).signIn('admin');
    const supB = await new Browser(b.url).signIn('sup');
    const before = settingsSchema.parse((await supB.req('GET', '/api/v1/settings')).json);

    const changed = await adminA.req('PUT', '/api/v1/admin/limits/site', {
      ...before.limits,
      states: { ...before.limits.states, wrapup: { warnSec: 45, critSec: 90 } },
    });
    expect(changed.status, changed.text).toBe(200);
    const onB = settingsSchema.parse((await supB.req('GET', '/api/v1/settings')).json);
    expect(onB.limits).toEqual(changed.json);
    expect(onB.limits.states.wrapup).toEqual({ warnSec: 45, critSec: 90 });

    // An admin on B still looking at the old limits: refused with A's, nothing lost.
    const adminB = await new Browser(b.url).signIn('admin2');
    const stale = await adminB.req('PUT', '/api/v1/admin/limits/site', {
      ...before.limits,
      states: {},
    });
    expect(stale.status).toBe(409);
    expect(
      (stale.json as { error: { details: { current: unknown } } }).error.details.current,
    ).toEqual(changed.json);
    const audit = await adminB.req('GET', '/api/v1/admin/audit?limit=1');
    expect((audit.json as { entries: { actor: string; action: string }[] }).entries).toEqual([
      expect.objectContaining({ actor: 'admin', action: 'limits.site.put' }),
    ]);
  }, 120_000);

  it('a wall link set up on A opens a display on either replica, which follows its changes', async () => {
    const supB = await new Browser(b.url).signIn('sup');
    await waitFor(
      async () =>
        ((await supB.req('GET', '/api/v1/snapshot')).json as { queues: unknown[] }).queues.length,
      'the floor on B',
      30_000,
    );
    const adminA = await new Browser(a.url).signIn('admin');
    const created = await adminA.req('POST', '/api/v1/admin/wall-links', {
      name: 'Floor 2',
      queues: [2],
      rotateSec: 20,
      lang: null,
      sound: false,
    });
    expect(created.status, created.text).toBe(201);
    const { link, token } = wallLinkCreated.parse(created.json);

    // Signed in on A; the load balancer sends its next requests and its stream to B.
    const wall = new Browser(a.url);
    expect((await wall.req('POST', '/api/v1/session', { token })).status).toBe(200);
    const wallOnB = on(b, wall);
    const me = await wallOnB.req('GET', '/api/v1/me');
    expect(me.status, me.text).toBe(200);
    expect(me.json).toMatchObject({ role: 'wallboard', queues: [2] });
    const stream = wallOnB.stream();
    await waitFor(() => stream.events.length > 0, 'the wall stream on B', 20_000);

    // Changed through A: B ends the display's stream, and it reconnects to the new queues.
    const changed = await adminA.req('PUT', `/api/v1/admin/wall-links/${link.id}`, {
      version: 1,
      name: 'Floor 2 and 3',
      queues: [2, 3],
      rotateSec: 20,
      lang: null,
      sound: false,
    });
    expect(changed.status, changed.text).toBe(200);
    await waitFor(() => stream.ended, 'B to end the stream of the changed link', 10_000);
    const after = settingsSchema.parse((await wallOnB.req('GET', '/api/v1/settings')).json);
    expect(after.wall).toMatchObject({ name: 'Floor 2 and 3', queues: [2, 3] });
    const snap = (await wallOnB.req('GET', '/api/v1/snapshot')).json as {
      queues: { skillId: number }[];
    };
    expect(snap.queues.map((q) => q.skillId)).toEqual([2, 3]);

    // Deleted through A: the display is signed out on B, and its stream there ends.
    const again = wallOnB.stream();
    await waitFor(() => again.events.length > 0, 'the new wall stream on B', 20_000);
    expect(
      (await adminA.req('DELETE', `/api/v1/admin/wall-links/${link.id}?version=2`)).status,
    ).toBe(204);
    await waitFor(() => again.ended, 'B to end the stream of the deleted link', 10_000);
    expect((await wallOnB.req('GET', '/api/v1/me')).status).toBe(401);
    expect((await new Browser(b.url).req('POST', '/api/v1/session', { token })).status).toBe(401);
  }, 120_000);

  it('history written by the leader is read by a follower, and outlives a restart of every replica', async () => {
    await Promise.all([stop(a), stop(b)]);
    const startedAt = Date.now();
    const first = await startReplica();
    // At least one whole 10 s step recorded, and the next begun.
    const seen = await waitFor(
      async () => {
        const qs = await historyOf(first, startedAt - 1000, Date.now());
        return qs.length > 0 && qs.every((q) => q.points.length >= 2) ? qs : undefined;
      },
      'two history steps on the leader',
      60_000,
    );
    const lastT = Math.max(...seen.flatMap((q) => q.points.map((p) => p.t)));
    // Whole steps only: the last one may still change before the leader writes it.
    const whole = seen.map((q) => ({ ...q, points: q.points.filter((p) => p.t < lastT) }));
    await stop(first); // the leader writes its last steps before it lets the lock go

    // Both replicas new: the follower answers what the old leader wrote.
    const pair = await Promise.all([startReplica(), startReplica()]);
    const [, follower] = await leaderAndFollower(pair);
    const read = async (r: Replica) =>
      (await historyOf(r, startedAt - 1000, lastT - 1)).map((q) => ({
        ...q,
        points: q.points.filter((p) => p.t < lastT),
      }));
    expect(await read(follower)).toEqual(whole);

    // Every replica restarted again: still there, on each of them.
    await Promise.all(pair.map(stop));
    const last = await Promise.all([startReplica(), startReplica()]);
    for (const r of last) expect(await read(r)).toEqual(whole);
    await Promise.all(last.map(stop));
  }, 180_000);
});
