// Password guessing against the real BFF: parallel guesses, lockouts of someone else's account,
// and username spraying from one address. Each 127.0.0.x source address is a different "client".
import { errorBody } from '@floorwatch/contracts/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORDS, start, waitFor, writeUsersFile, type Started } from '../component/harness';
import { counter, send, signInBody } from './support';

const DELAY_MS = 150;
const MAX_DELAY_MS = 600;
let s: Started;

beforeAll(async () => {
  s = await start(
    { FLOORWATCH_USERS: await writeUsersFile() },
    { tuning: { signIn: { userDelayMs: DELAY_MS, userMaxDelayMs: MAX_DELAY_MS } } },
  );
});

afterAll(async () => {
  await s?.fw.close();
});

const signIn = (from: string, username: string, password: string) =>
  send(s.fw.url, { ...signInBody(username, password), from });

describe('sign-in limits', () => {
  it('evaluates only the allowed few of 60 parallel wrong passwords from one address', async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, () => signIn('127.0.0.2', 'lead2', 'wrong-guess')),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((c) => c === 401)).toHaveLength(5);
    expect(statuses.filter((c) => c === 429)).toHaveLength(55);
    const refused = answers.find((a) => a.status === 429)!;
    expect(errorBody.parse(refused.json).error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // That address is locked for that user, even with the right password ...
    expect((await signIn('127.0.0.2', 'lead2', PASSWORDS.lead2)).status).toBe(429);
    // ... but the user is not: the same password from their own address works.
    expect((await signIn('127.0.0.3', 'lead2', PASSWORDS.lead2)).status).toBe(200);
  });

  it("lets the real user in after someone else's guesses, with a delay", async () => {
    // Ten wrong passwords for sup from five addresses: two each, under every per-address limit.
    const guesses: number[] = [];
    for (let i = 0; i < 10; i++)
      guesses.push((await signIn(`127.0.1.${10 + (i % 5)}`, 'sup', 'guess-' + i)).status);
    expect(guesses).toEqual(Array(10).fill(401));

    const real = await signIn('127.0.1.99', 'sup', PASSWORDS.sup);
    expect(real.status).toBe(200);
    // Slowed down, not refused: the eleventh attempt in the window waits the longest delay.
    expect(real.ms).toBeGreaterThanOrEqual(MAX_DELAY_MS - 50);

    const lockLog = await waitFor(
      () => s.logs.find((l) => l.includes('"scope":"user"') && l.includes('"user":"sup"')),
      'a log line about the slowed-down user',
    );
    expect(JSON.parse(lockLog)).toMatchObject({
      level: 40,
      msg: expect.stringContaining('sign-in'),
    });
    const metrics = (await send(s.fw.url, { path: '/metrics' })).text;
    expect(
      counter(metrics, 'floorwatch_sign_in_lockouts_total', 'scope="user"'),
    ).toBeGreaterThanOrEqual(1);
  });

  it('limits one address spraying many usernames', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await signIn('127.0.2.1', `nobody-${i}`, 'password1')).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses[20]).toBe(429);
    expect((await signIn('127.0.2.1', 'lead1', PASSWORDS.lead1)).status).toBe(429);
    expect((await signIn('127.0.2.2', 'lead1', PASSWORDS.lead1)).status).toBe(200);
    const metrics = (await send(s.fw.url, { path: '/metrics' })).text;
    expect(counter(metrics, 'floorwatch_sign_in_lockouts_total', 'scope="address"')).toBe(1);
    expect(s.logs.some((l) => l.includes('"scope":"address"') && l.includes('127.0.2.1'))).toBe(
      true,
    );
    // 21 unknown names each cost a full-strength decoy hash (as a real user's would): on a busy
    // host that is well over 30 s.
  }, 90_000);
});
