// The sign-in limiter over the in-memory attempt store, with a fake clock: what is refused, what
// is slowed, and what is reported, without any real waiting.
import { describe, expect, it } from 'vitest';
import { createMemoryAttemptStore } from '../../src/auth/attempt-store';
import { createSignInLimiter, type LockoutEvent } from '../../src/auth/sign-in-limiter';

function mk(limits = {}) {
  let t = 1_000_000;
  const now = () => t;
  const events: LockoutEvent[] = [];
  const limiter = createSignInLimiter({
    store: createMemoryAttemptStore({ now }),
    limits,
    now,
    onLockout: (e) => events.push(e),
  });
  /** One attempt that fails (or succeeds) once admitted; returns the admission. */
  const attempt = async (address: string, user: string | null, success = false) => {
    const a = await limiter.admit(address, user);
    if (a.admitted) await a.settle(success);
    return a;
  };
  return { limiter, events, attempt, advance: (ms: number) => (t += ms) };
}

describe('sign-in limiter', () => {
  it('reserves attempts before the check, so parallel guesses cannot pass the limit', async () => {
    const { limiter } = mk();
    // All admitted before any of them settles, as with a slow password hash.
    const admissions = await Promise.all(
      Array.from({ length: 60 }, () => limiter.admit('10.0.0.1', 'sup')),
    );
    expect(admissions.filter((a) => a.admitted)).toHaveLength(5);
    const refused = admissions.find((a) => !a.admitted);
    expect(refused).toEqual({ admitted: false, retryAfterSec: 60 });
  });

  it('refuses per (address, user) and per address, and forgets after the window', async () => {
    const { attempt, advance } = mk();
    for (let i = 0; i < 5; i++) expect((await attempt('10.0.0.1', 'sup')).admitted).toBe(true);
    expect((await attempt('10.0.0.1', 'sup')).admitted).toBe(false);
    expect((await attempt('10.0.0.1', 'other')).admitted).toBe(true);
    expect((await attempt('10.0.0.2', 'sup')).admitted).toBe(true);
    // Spraying usernames from one address: 20 failures in total, then nothing from there.
    for (let i = 0; i < 20; i++) expect((await attempt('10.0.0.3', `u${i}`)).admitted).toBe(true);
    expect((await attempt('10.0.0.3', 'fresh')).admitted).toBe(false);
    advance(30_000);
    const later = await attempt('10.0.0.3', 'fresh');
    expect(later).toEqual({ admitted: false, retryAfterSec: 30 });
    advance(30_001);
    expect((await attempt('10.0.0.3', 'fresh')).admitted).toBe(true);
    expect((await attempt('10.0.0.1', 'sup')).admitted).toBe(true);
  });

  it('refused attempts do not count, so they neither extend a lockout nor slow the user', async () => {
    const { attempt, limiter } = mk();
    for (let i = 0; i < 5; i++) await attempt('10.0.0.1', 'sup');
    for (let i = 0; i < 50; i++) await attempt('10.0.0.1', 'sup');
    // Five failures counted, not 55: the first delay, not the longest one.
    const next = await limiter.admit('10.0.0.9', 'sup');
    expect(next).toMatchObject({ admitted: true, delayMs: 500 });
  });

  it('slows a user from every address with a doubling, capped delay, never refusing', async () => {
    const { attempt } = mk({ userDelayMs: 100, userMaxDelayMs: 1000 });
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      const a = await attempt(`10.1.0.${i}`, 'sup');
      expect(a.admitted).toBe(true);
      if (a.admitted) delays.push(a.delayMs);
    }
    expect(delays).toEqual([0, 0, 0, 0, 0, 100, 200, 400, 800, 1000, 1000, 1000]);
  });

  it('gives a successful attempt back and clears its (address, user) count', async () => {
    const { attempt } = mk();
    for (let i = 0; i < 4; i++) await attempt('10.0.0.1', 'sup');
    await attempt('10.0.0.1', 'sup', true);
    for (let i = 0; i < 5; i++) expect((await attempt('10.0.0.1', 'sup')).admitted).toBe(true);
  });

  it('keeps link tokens apart from usernames', async () => {
    const { attempt } = mk();
    for (let i = 0; i < 5; i++) await attempt('10.0.0.1', null);
    expect((await attempt('10.0.0.1', null)).admitted).toBe(false);
    expect((await attempt('10.0.0.1', 'sup')).admitted).toBe(true);
  });

  it('reports each lockout once, when its threshold is reached', async () => {
    const { attempt, events } = mk();
    for (let i = 0; i < 8; i++) await attempt('10.0.0.1', 'sup');
    for (let i = 0; i < 3; i++) await attempt(`10.0.1.${i}`, 'sup');
    expect(events.map((e) => [e.scope, e.address, e.user, e.failures])).toEqual([
      ['address-user', '10.0.0.1', 'sup', 5],
      ['user', '10.0.0.1', 'sup', 5],
    ]);
    for (let i = 0; i < 20; i++) await attempt('10.0.2.1', `spray-${i}`);
    expect(events.at(-1)).toMatchObject({ scope: 'address', address: '10.0.2.1', failures: 20 });
  });
});

describe('in-memory attempt store', () => {
  it('counts per key in fixed windows and forgets the oldest keys past its bound', async () => {
    let t = 0;
    const store = createMemoryAttemptStore({ now: () => t, maxKeys: 3 });
    expect(await store.add('a', 1000)).toEqual({ count: 1, resetAt: 1000 });
    expect(await store.add('a', 1000)).toEqual({ count: 2, resetAt: 1000 });
    await store.remove('a');
    expect((await store.add('a', 1000)).count).toBe(2);
    t = 1000;
    expect(await store.add('a', 1000)).toEqual({ count: 1, resetAt: 2000 });
    await store.reset('a');
    expect((await store.add('a', 1000)).count).toBe(1);
    for (const k of ['b', 'c', 'd']) await store.add(k, 1000);
    expect((await store.add('a', 1000)).count).toBe(1);
  });
});
