// Several real BFF processes (the compiled build, as production runs it) sharing one gateway
// account through a real redis-server, against the simulator, whose record of sign-ins and
// sign-outs is what a gateway operator would see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, waitFor } from '../component/harness';
import { signInRecord } from '../process/support';
import { REDIS_SERVER } from './redis-server';
import { startHaRig, type HaRig, type Replica } from './rig';

const WORKNO = '161';
let rig: HaRig;

beforeAll(async () => {
  rig = await startHaRig(WORKNO);
}, 180_000);

afterAll(async () => {
  await rig?.close();
});

const startReplica = () => rig.startReplica();

const readyz = async (r: Replica) =>
  (await (await fetch(`${r.url}/readyz`)).json()) as {
    gateway: { session: string; data: string; lastSuccessAt: number | null };
  };

const records = () => signInRecord(rig.sim.controlUrl, WORKNO);
const signIns = async () => (await records()).filter((r) => r.event === 'signin');

async function leaderOf(rs: Replica[]): Promise<Replica> {
  return waitFor(
    async () => {
      const states = await Promise.all(rs.map(readyz));
      const leaders = rs.filter((_, i) => states[i]!.gateway.session === 'signed-in');
      return leaders.length === 1 ? leaders[0] : undefined;
    },
    'exactly one signed-in replica',
    30_000,
  );
}

async function version(b: Browser): Promise<number> {
  const r = await b.req('GET', '/api/v1/snapshot');
  return (r.json as { version: number }).version;
}

describe.skipIf(!REDIS_SERVER)('replicas sharing one gateway session through Redis', () => {
  let replicas: Replica[] = [];

  it('only the leader signs in; every replica serves the same versions', async () => {
    replicas = await Promise.all([startReplica(), startReplica(), startReplica()]);
    const leader = await leaderOf(replicas);
    const browsers = await Promise.all(replicas.map((r) => new Browser(r.url).signIn('sup')));
    // The floor moves; every replica reaches the same newer version with the same agents.
    const v0 = await version(browsers[0]!);
    await waitFor(
      async () => {
        const vs = await Promise.all(browsers.map(version));
        return vs.every((v) => v === vs[0] && v > v0);
      },
      'one newer version on every replica',
      20_000,
    );
    const snaps = await Promise.all(browsers.map((b) => b.req('GET', '/api/v1/snapshot')));
    const agents = snaps.map((s) => JSON.stringify((s.json as { agents: unknown }).agents));
    // A poll may land between the reads; same version means same data.
    const versions = snaps.map((s) => (s.json as { version: number }).version);
    for (let i = 1; i < 3; i += 1)
      if (versions[i] === versions[0]) expect(agents[i]).toBe(agents[0]);
    expect(await signIns()).toHaveLength(1);
    for (const r of replicas.filter((x) => x !== leader))
      expect((await readyz(r)).gateway.session).toBe('signed-out');
  }, 120_000);

  it('a browser resumes on another replica with Last-Event-ID: the patches it missed, no snapshot', async () => {
    const [a, b] = replicas;
    const onA = (await new Browser(a!.url).signIn('sup')).stream();
    await waitFor(
      () => onA.events.filter((e) => e.event === 'patch').length >= 1,
      'a patch',
      20_000,
    );
    const last = onA.events.filter((e) => e.id !== undefined).at(-1)!.id!;
    onA.close();
    const onB = (await new Browser(b!.url).signIn('sup')).stream(last);
    await waitFor(() => onB.events.some((e) => e.event === 'patch'), 'a patch on B', 20_000);
    expect(onB.events.some((e) => e.event === 'snapshot')).toBe(false);
    const first = onB.events.find((e) => e.event === 'patch')!.data as { baseVersion: number };
    expect(first.baseVersion).toBe(Number(last));
    onB.close();
  }, 60_000);

  it("a sign-out on one replica ends that session's streams on every replica at once", async () => {
    const [a, b] = replicas;
    const onA = await new Browser(a!.url).signIn('sup');
    // The same browser session, its stream served by B (the load balancer chose B for it).
    const onB = new Browser(b!.url);
    onB.cookie = onA.cookie;
    const stream = onB.stream();
    await waitFor(() => stream.events.length > 0, 'the stream on B', 20_000);
    expect((await onA.req('DELETE', '/api/v1/session')).status).toBe(204);
    // Within a few heartbeats (poll 500 ms), not at the session's next request, which a wall
    // display's stream never makes.
    await waitFor(() => stream.ended, 'the stream on B ended by the sign-out on A', 5_000);
    expect((await onB.req('GET', '/api/v1/me')).status).toBe(401);
  }, 60_000);

  it('a sign-in holds on every replica and on one started afterwards (a restart)', async () => {
    const browser = await new Browser(replicas[0]!.url).signIn('sup');
    for (const r of replicas) {
      const me = await new Browser(r.url).req('GET', '/api/v1/me', undefined, {
        cookie: browser.cookie,
      });
      expect(me.status).toBe(200);
    }
    const late = await startReplica();
    const me = await new Browser(late.url).req('GET', '/api/v1/me', undefined, {
      cookie: browser.cookie,
    });
    expect(me.status).toBe(200);
    // Signed out on one replica: signed out on all.
    expect((await browser.req('DELETE', '/api/v1/session')).status).toBe(204);
    const after = await new Browser(replicas[1]!.url).req('GET', '/api/v1/me', undefined, {
      cookie: browser.cookie,
    });
    expect(after.status).toBe(401);
    late.proc.child.kill('SIGTERM');
    expect(await late.proc.exited).toBe(0);
  }, 60_000);

  it('failed sign-ins spread over replicas count together', async () => {
    const wrong = (r: Replica) =>
      new Browser(r.url).req('POST', '/api/v1/session', { username: 'lead1', password: 'nope' });
    const answers: number[] = [];
    for (const r of [replicas[0], replicas[0], replicas[0], replicas[1], replicas[1]])
      answers.push((await wrong(r!)).status);
    expect(answers).toEqual([401, 401, 401, 401, 401]);
    // The sixth in the window is refused on a third replica, which never saw the others.
    expect((await wrong(replicas[2]!)).status).toBe(429);
  }, 60_000);

  it('the read-only gateway proxy on a follower is answered by the leader, through its budget', async () => {
    const leader = await leaderOf(replicas);
    const follower = replicas.find((r) => r !== leader)!;
    const before =
      (
        (await (await fetch(`${rig.sim.controlUrl}/counters`)).json()) as {
          routes: Record<string, number>;
        }
      ).routes.queryAllOnlineAgents ?? 0;
    const b = await new Browser(follower.url).signIn('sup');
    const r = await b.req('GET', '/api/v1/gateway/agentgroup/allonlineagents');
    expect(r.status, r.text).toBe(200);
    const body = r.json as { retcode: string; result: { workno: string }[] };
    expect(body.retcode).toBe('0');
    expect(body.result.length).toBeGreaterThan(0);
    expect(r.text).not.toMatch(/guid/i);
    // Still one session: the follower did not sign in for it.
    expect(await signIns()).toHaveLength(1);
    const after =
      (
        (await (await fetch(`${rig.sim.controlUrl}/counters`)).json()) as {
          routes: Record<string, number>;
        }
      ).routes.queryAllOnlineAgents ?? 0;
    expect(after).toBeGreaterThan(before);
  }, 60_000);

  it('kill -9 of the leader: a follower takes over with one forced sign-in and the versions go on', async () => {
    const leader = await leaderOf(replicas);
    const rest = replicas.filter((r) => r !== leader);
    const b = await new Browser(rest[0]!.url).signIn('sup');
    const stream = b.stream();
    await waitFor(() => stream.events.length > 0, 'the stream', 10_000);
    const before = await signIns();
    const killedAt = Date.now();
    leader.proc.child.kill('SIGKILL');
    await leader.proc.exited;
    await waitFor(
      () =>
        stream.events.some(
          (e) =>
            e.event === 'patch' &&
            (e.data as { gateway: { lastSuccessAt: number } }).gateway.lastSuccessAt > killedAt,
        ),
      'a fresh patch after the leader died',
      30_000,
    );
    // The same stream went on: no snapshot needed, one chain of versions.
    expect(stream.events.filter((e) => e.event === 'snapshot')).toHaveLength(1);
    const after = (await signIns()).slice(before.length);
    expect(after).toHaveLength(1);
    expect(after[0]!.how).toMatch(/force/i);
    replicas = rest;
    await leaderOf(replicas);
    stream.close();
  }, 90_000);

  it('Redis gone: replicas keep serving the last data as stale, nobody signs in; back: fresh again', async () => {
    const before = (await signIns()).length;
    const b = await new Browser(replicas[0]!.url).signIn('sup');
    await rig.redis.stop();
    await waitFor(
      async () =>
        (await Promise.all(replicas.map(readyz))).every((r) => r.gateway.data === 'stale'),
      'stale data on every replica',
      30_000,
    );
    for (const r of replicas) expect((await fetch(`${r.url}/readyz`)).status).toBe(200);
    const snap = await b.req('GET', '/api/v1/snapshot');
    expect((snap.json as { agents: unknown[] }).agents.length).toBeGreaterThan(0);
    expect((await signIns()).length).toBe(before);

    await rig.redis.restart();
    await waitFor(
      async () => (await Promise.all(replicas.map(readyz))).every((r) => r.gateway.data === 'ok'),
      'fresh data on every replica after Redis returned',
      30_000,
    );
    // On failure: who signed in, and what the replicas said about the lock meanwhile.
    const said = replicas
      .flatMap((r) => r.proc.output().split('\n'))
      .filter((l) => /"component":"replica"|signing in|signed in/.test(l))
      .join('\n');
    expect((await signIns()).slice(before), said).toEqual([]);
  }, 120_000);

  it('SIGTERM to the leader: it signs out and releases the lock; the next one signs in at once', async () => {
    const leader = await leaderOf(replicas);
    const rest = replicas.filter((r) => r !== leader);
    const before = (await records()).length;
    leader.proc.child.kill('SIGTERM');
    expect(await leader.proc.exited).toBe(0);
    await leaderOf(rest);
    const after = (await records()).slice(before);
    expect(after.map((r) => `${r.event}:${r.how}`)).toEqual([
      'signout:logout',
      expect.stringMatching(/^signin:/),
    ]);
    expect(after[1]!.how).not.toMatch(/force/i);
    replicas = rest;
  }, 60_000);
});
