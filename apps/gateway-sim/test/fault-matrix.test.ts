// Every row of the fault matrix a BFF test drives through the control API: what the client sees
// on the wire for each, and that the gateway is healthy again once the fault is gone.
import { describe, expect, it } from 'vitest';
import {
  ROOMY,
  drainEvents,
  heldPoll,
  testSim,
  type CountersBody,
  type Reply,
  type TestSim,
} from './factories';

type Outcome = (r: Reply | Error) => void;

const envelopeWith =
  (retcode: string): Outcome =>
  (r) => {
    if (r instanceof Error) throw r;
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ retcode, result: null });
  };

const httpStatus =
  (status: number): Outcome =>
  (r) => {
    if (r instanceof Error) throw r;
    expect(r.status).toBe(status);
    expect(r.json).toBeUndefined();
  };

/** One call of the fault's route, the way the BFF's data loop makes it. */
async function query(sim: TestSim, guid: string): Promise<Reply | Error> {
  return sim.get('agentgroup/101/allonlineagents', guid).catch((e: unknown) => e as Error);
}

const ROWS: [string, Record<string, unknown>, Outcome][] = [
  ['HTTP 500', { kind: 'http-error' }, httpStatus(500)],
  [
    'delay',
    { kind: 'delay', ms: 50 },
    (r) => {
      if (r instanceof Error) throw r;
      expect(r.json.retcode).toBe('0');
    },
  ],
  ['reset (socket destroyed)', { kind: 'reset' }, (r) => expect(r).toBeInstanceOf(Error)],
  [
    'malformed JSON',
    { kind: 'malformed-json' },
    (r) => {
      if (r instanceof Error) throw r;
      expect(r.status).toBe(200);
      expect(r.json).toBeUndefined();
    },
  ],
  [
    'wrong shape',
    { kind: 'wrong-shape' },
    (r) => {
      if (r instanceof Error) throw r;
      expect(r.json).toMatchObject({ retcode: '0', result: 'unexpected-shape' });
    },
  ],
  ['retcode 100-006', { kind: 'retcode', retcode: '100-006' }, envelopeWith('100-006')],
  ['retcode 000-003', { kind: 'retcode', retcode: '000-003' }, envelopeWith('000-003')],
  ['retcode 100-007', { kind: 'retcode', retcode: '100-007' }, envelopeWith('100-007')],
  ['retcode 300-001', { kind: 'retcode', retcode: '300-001' }, envelopeWith('300-001')],
  ['rate-limit refusal', { kind: 'rate-limit' }, envelopeWith('000-007')],
];

describe('fault matrix: one injected fault, one call, then healthy again', () => {
  for (const [name, fault, outcome] of ROWS) {
    it(name, async () => {
      const sim = await testSim(ROOMY);
      const { guid } = await sim.signIn('101');
      const added = await sim.control('POST', 'faults', {
        ...fault,
        route: 'queryAllOnlineAgents',
        times: 1,
      });
      expect(added.status).toBe(200);
      outcome(await query(sim, guid));
      const after = await query(sim, guid);
      if (after instanceof Error) throw after;
      expect(after.json.retcode).toBe('0');
    });
  }

  it('hang: no answer until the faults are cleared', async () => {
    const sim = await testSim(ROOMY);
    const { guid } = await sim.signIn('101');
    await sim.control('POST', 'faults', { kind: 'hang', route: 'queryAllOnlineAgents' });
    const pending = query(sim, guid);
    const settled = await Promise.race([
      pending.then(() => 'settled'),
      new Promise((r) => setTimeout(() => r('pending'), 100)),
    ]);
    expect(settled).toBe('pending');
    await sim.control('DELETE', 'faults');
    expect(await pending).toBeInstanceOf(Error);
  });

  it('100-002 on login: as a fault, or because a session was opened elsewhere', async () => {
    const sim = await testSim(ROOMY);
    await sim.control('POST', 'faults', {
      kind: 'retcode',
      retcode: '100-002',
      route: 'login',
      times: 1,
    });
    expect((await sim.signIn('101')).reply.json.retcode).toBe('100-002');
    expect((await sim.signIn('101')).reply.json.retcode).toBe('0');
    await sim.control('POST', 'sessions/expire');
    const other = await sim.control('POST', 'sessions/101/elsewhere');
    expect(other.json).toEqual({ workno: '101', forcedOut: false });
    expect((await sim.signIn('101')).reply.json.retcode).toBe('100-002');
    expect((await sim.signIn('101', {}, '/forcelogin')).reply.json.retcode).toBe('0');
  });

  it('a sign-in elsewhere forces the open session out: its poll learns it, its Guid dies', async () => {
    const sim = await testSim({ ...ROOMY, pollHoldMs: 5000 });
    const { guid } = await sim.signIn('101');
    await drainEvents(sim, '101', guid);
    const held = (await heldPoll(sim, '101', guid)).answer;
    const other = await sim.control('POST', 'sessions/101/elsewhere');
    expect(other.json).toEqual({ workno: '101', forcedOut: true });
    expect((await held).json.event).toMatchObject({ eventType: 'AgentOther_ShutdownService' });
    expect((await query(sim, guid)) as Reply).toMatchObject({ json: { retcode: '000-003' } });
    expect((await sim.control('POST', 'sessions/9/elsewhere')).status).toBe(404);
  });

  it('all sessions expired: every Guid is refused with 100-006', async () => {
    const sim = await testSim(ROOMY);
    const a = await sim.signIn('101');
    const b = await sim.signIn('102');
    expect((await sim.control('POST', 'sessions/expire')).json.expired).toEqual(['101', '102']);
    for (const [w, g] of [
      ['101', a.guid],
      ['102', b.guid],
    ] as const) {
      expect((await sim.get(`agentevent/${w}`, g)).json.retcode).toBe('100-006');
    }
  });
});

describe('gateway restart (POST /sim-control/restart)', () => {
  it('forgets sessions and Guids, resets open connections, keeps the port and the floor', async () => {
    const sim = await testSim({ ...ROOMY, pollHoldMs: 5000 });
    const { guid } = await sim.signIn('101');
    await drainEvents(sim, '101', guid);
    const held = (await heldPoll(sim, '101', guid)).answer.catch((e: unknown) => e);
    const before = (await sim.control('GET', 'agents/2001')).json.agent;
    const r = await sim.control('POST', 'restart');
    expect(r.json).toMatchObject({ restarted: true, forgotten: ['101'] });
    expect(await held).toBeInstanceOf(Error);
    // Same URL; the old Guid belongs to no session any more.
    expect((await query(sim, guid)) as Reply).toMatchObject({ json: { retcode: '100-006' } });
    const c = (await sim.control<CountersBody>('GET', 'counters')).json;
    expect(c.sessions).toEqual([]);
    // A fresh sign-in needs no force: nothing is signed in.
    const again = await sim.signIn('101');
    expect(again.reply.json.retcode).toBe('0');
    expect((await sim.control('GET', 'agents/2001')).json.agent).toEqual(before);
  });

  it('with downMs, resets every connection until the clock has moved past it', async () => {
    const sim = await testSim(ROOMY);
    await sim.control('POST', 'restart', { downMs: 3000 });
    await expect(sim.signIn('101')).rejects.toThrow();
    expect((await sim.control('GET', 'status')).json.downUntil).toBe(sim.clock.now() + 3000);
    sim.clock.advance(3000);
    expect((await sim.signIn('101')).reply.json.retcode).toBe('0');
    expect((await sim.control('POST', 'restart', { downMs: -1 })).status).toBe(400);
  });
});

describe('overload refusal modes', () => {
  const over = async (sim: TestSim) => {
    const { guid } = await sim.signIn('101');
    for (let i = 0; i < 2; i += 1) await sim.get('queuedevice/101/agentvdnskill', guid);
    return sim.get('queuedevice/101/agentvdnskill', guid);
  };

  it('default: HTTP 200 with retcode 000-007', async () => {
    const sim = await testSim({ rateLimit: { max: 2, windowMs: 2000 } });
    const r = await over(sim);
    expect(r.status).toBe(200);
    expect(r.json.retcode).toBe('000-007');
  });

  it('option http-429: HTTP 429 with Retry-After; control switches to http-503 and back', async () => {
    const sim = await testSim({
      rateLimit: { max: 2, windowMs: 2000 },
      rateLimitRefusal: 'http-429',
    });
    const r = await over(sim);
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toBe('2');
    const set = await sim.control('PUT', 'rate-limit', { refusal: 'http-503' });
    expect(set.json).toEqual({ max: 2, windowMs: 2000, refusal: 'http-503' });
    const guid = sim.context.sessions.active('101', sim.clock.now())!.currentGuid;
    expect((await sim.get('queuedevice/101/agentvdnskill', guid)).status).toBe(503);
    await sim.control('PUT', 'rate-limit', { refusal: 'retcode', max: 10 });
    expect((await sim.get('queuedevice/101/agentvdnskill', guid)).json.retcode).toBe('0');
    expect((await sim.control('PUT', 'rate-limit', { refusal: 'teapot' })).status).toBe(400);
    const c = (await sim.control<CountersBody>('GET', 'counters')).json;
    expect(c.rejected.rateLimited).toBe(2);
    expect((await sim.control('GET', 'status')).json.rateLimit).toEqual({
      max: 10,
      windowMs: 2000,
      refusal: 'retcode',
    });
  });

  it('the rate-limit fault answers in the current mode too', async () => {
    const sim = await testSim({ ...ROOMY, rateLimitRefusal: 'http-503' });
    const { guid } = await sim.signIn('101');
    await sim.control('POST', 'faults', { kind: 'rate-limit', times: 1 });
    expect((await sim.get('agentevent/101', guid)).status).toBe(503);
  });
});

describe('fault requests are checked', () => {
  it('an unknown route or an empty retcode is 400 naming the field', async () => {
    const sim = await testSim(ROOMY);
    const route = await sim.control('POST', 'faults', { kind: 'hang', route: 'allonlineagents' });
    expect(route.status).toBe(400);
    expect(route.json.error).toContain('route');
    const code = await sim.control('POST', 'faults', { kind: 'retcode', retcode: '' });
    expect(code.status).toBe(400);
    expect(code.json.error).toContain('retcode');
  });

  it('a hostile retcode (any text, 400 characters) is sent as given: clients are tested on it', async () => {
    const sim = await testSim(ROOMY);
    const hostile = 'X'.repeat(400);
    const ok = await sim.control('POST', 'faults', { kind: 'retcode', retcode: hostile, times: 1 });
    expect(ok.status).toBe(200);
  });
});
