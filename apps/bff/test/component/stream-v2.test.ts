// Stream v2 through the real app and the real simulator (small scenario, 300 ms polls): a client
// that applies every patch to the snapshot it started from holds exactly what a fresh snapshot of
// the same version says, for a supervisor and for a team lead; and the lead's bytes never name an
// agent outside their queues.
import {
  applyAgentChange,
  applyQueueChange,
  patchV2,
  snapshotV2,
  type Agent,
  type PatchV2,
  type QueueInfo,
  type SnapshotV2,
} from '@floorwatch/contracts/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, start, waitFor, writeUsersFile, type SseStream, type Started } from './harness';

let s: Started;
let base: string;

beforeAll(async () => {
  s = await start({ FLOORWATCH_USERS: await writeUsersFile() });
  base = s.fw.url;
  await waitFor(async () => (await fetch(`${base}/readyz`)).status === 200, 'ready');
});

afterAll(async () => {
  await s?.fw.close();
});

/** What a client holds after following the stream: the last snapshot plus every patch since. */
function follow(st: SseStream) {
  let version = -1;
  let agents = new Map<string, Agent>();
  let queues = new Map<number, QueueInfo>();
  let applied = 0;
  for (const e of st.events) {
    if (e.event === 'snapshot') {
      const snap = snapshotV2.parse(e.data);
      version = snap.version;
      agents = new Map(snap.agents.map((a) => [a.workno, a]));
      queues = new Map(snap.queues.map((q) => [q.skillId, q]));
    } else if (e.event === 'patch') {
      const p: PatchV2 = patchV2.parse(e.data);
      expect(p.baseVersion, 'patch applies to what the client holds').toBe(version);
      for (const a of p.agents) agents.set(a.workno, a);
      for (const c of p.agentChanges) {
        const prev = agents.get(c.workno);
        expect(prev, `change of an agent the client holds (${c.workno})`).toBeDefined();
        agents.set(c.workno, applyAgentChange(prev!, c));
      }
      for (const w of p.removedAgents) agents.delete(w);
      for (const q of p.queues) queues.set(q.skillId, q);
      for (const c of p.queueChanges)
        queues.set(c.skillId, applyQueueChange(queues.get(c.skillId)!, c));
      for (const id of p.removedQueues) queues.delete(id);
      version = p.version;
      applied += 1;
    }
  }
  return { version, agents, queues, applied };
}

const byWorkno = (m: Map<string, Agent>) =>
  [...m.values()].sort((a, b) => a.workno.localeCompare(b.workno));

/** Changes states on the floor until the stream has carried `patches` patches, then compares
 *  the followed state with a fresh snapshot taken at the same version. */
async function churnAndCompare(b: Browser, st: SseStream, patches: number) {
  await waitFor(() => st.events.length > 0, 'the first snapshot');
  const first = snapshotV2.parse(st.events[0]!.data);
  for (let i = 0; st.of('patch').length < patches && i < 40; i++) {
    const a = first.agents[i % first.agents.length]!;
    await s.control('POST', `/agents/${a.workno}/state`, { status: i % 2 === 0 ? 8 : 3 });
    await new Promise((r) => setTimeout(r, 150));
  }
  expect(st.of('patch').length).toBeGreaterThanOrEqual(patches);
  // A snapshot and the stream meet at the same version once the floor is quiet for a poll.
  let fresh: SnapshotV2 | null = null;
  await waitFor(
    async () => {
      fresh = snapshotV2.parse((await b.req('GET', '/api/v2/snapshot')).json);
      return follow(st).version === fresh.version;
    },
    'stream and snapshot at the same version',
    8000,
  );
  const held = follow(st);
  const snap = fresh!;
  expect(held.applied).toBeGreaterThan(0);
  expect(byWorkno(held.agents)).toEqual(
    [...snap.agents].sort((a, b) => a.workno.localeCompare(b.workno)),
  );
  expect([...held.queues.values()].sort((x, y) => x.skillId - y.skillId)).toEqual(snap.queues);
  return snap;
}

describe('stream v2', () => {
  it('refuses a stranger', async () => {
    const b = new Browser(base);
    expect((await b.req('GET', '/api/v2/snapshot')).status).toBe(401);
    const st = b.stream(undefined, '/api/v2/stream');
    await waitFor(() => st.status !== 0, 'an answer');
    expect(st.status).toBe(401);
    st.close();
  });

  it('carries only changed fields, and following it equals a fresh snapshot', async () => {
    const b = await new Browser(base).signIn('sup');
    const st = b.stream(undefined, '/api/v2/stream');
    const snap = await churnAndCompare(b, st, 3);
    st.close();
    expect(snap.queues[0]).not.toHaveProperty('agents');
    const changes = st.of('patch').flatMap((e) => patchV2.parse(e.data).agentChanges);
    expect(changes.length).toBeGreaterThan(0);
    // A state change sends the state fields, not the whole agent.
    for (const c of changes) expect(c).not.toHaveProperty('name');
  });

  it("gives a team lead their queues only, and following it equals the lead's snapshot", async () => {
    const sup = await new Browser(base).signIn('sup');
    const all = snapshotV2.parse((await sup.req('GET', '/api/v2/snapshot')).json);
    const outsiders = all.agents.filter((a) => !a.skills.includes(1)).map((a) => a.workno);
    expect(outsiders.length).toBeGreaterThan(0);

    const lead = await new Browser(base).signIn('lead1');
    const st = lead.stream(undefined, '/api/v2/stream');
    // Outsiders change too: none of it may reach the lead.
    for (const w of outsiders.slice(0, 3))
      await s.control('POST', `/agents/${w}/state`, { status: 8 });
    const snap = await churnAndCompare(lead, st, 2);
    st.close();
    expect(snap.queues.map((q) => q.skillId)).toEqual([1]);
    for (const a of snap.agents) expect(a.skills).toEqual([1]);
    for (const w of outsiders) expect(lead.received.join('')).not.toContain(`"workno":"${w}"`);
  });

  it('resumes by Last-Event-ID with only the missed patches', async () => {
    const b = await new Browser(base).signIn('sup');
    const st = b.stream(undefined, '/api/v2/stream');
    await churnAndCompare(b, st, 2);
    st.close();
    const from = patchV2.parse(st.of('patch').at(-1)!.data).baseVersion;
    const again = b.stream(String(from), '/api/v2/stream');
    await waitFor(() => again.events.length > 0, 'resumed event');
    expect(again.events[0]!.event).toBe('patch');
    expect(patchV2.parse(again.events[0]!.data).baseVersion).toBe(from);
    again.close();
    // A client that opens a new stream itself cannot set the header: the query does the same.
    const byQuery = b.stream(undefined, `/api/v2/stream?lastEventId=${from}`);
    await waitFor(() => byQuery.events.length > 0, 'resumed event (query)');
    expect(byQuery.events[0]!.event).toBe('patch');
    expect(patchV2.parse(byQuery.events[0]!.data).baseVersion).toBe(from);
    byQuery.close();
  });
});
