import { describe, expect, it } from 'vitest';
import { createMemoryAttemptStore } from '../../src/auth/attempt-store';
import { SignInError } from '../../src/auth/auth-errors';
import { createAuthService } from '../../src/auth/auth-service';
import {
  hashPassword,
  isPasswordHash,
  needsRehash,
  verifyPassword,
} from '../../src/auth/password-hash';
import { createSessionStore } from '../../src/auth/session-store';
import { createSignInLimiter } from '../../src/auth/sign-in-limiter';
import {
  parseUsers,
  UsersFileError,
  weakPasswordHashes,
  type User,
} from '../../src/auth/users-file';
import { TEST_HASH_COST } from '../factories';

describe('password hashes', () => {
  it('round-trips, rejects wrong secrets and malformed hashes', async () => {
    const h = await hashPassword('correct horse', TEST_HASH_COST);
    expect(h).toMatch(/^scrypt\$1024\$8\$1\$[^$]+\$[^$]+$/);
    expect(isPasswordHash(h)).toBe(true);
    expect(await verifyPassword('correct horse', h)).toBe(true);
    expect(await verifyPassword('correct horsE', h)).toBe(false);
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$3$8$1$AAAA$AAAA')).toBe(false);
    expect(await hashPassword('same', TEST_HASH_COST)).not.toBe(
      await hashPassword('same', TEST_HASH_COST),
    );
  });

  it("hashes at OWASP's scrypt cost (N=2^17, r=8, p=1); older hashes verify and are flagged", async () => {
    const h = await hashPassword('correct horse');
    expect(h).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(needsRehash(h)).toBe(false);
    expect(await verifyPassword('correct horse', h)).toBe(true);
    // A users file written before the raise: the previous default cost (2^14).
    const old = await hashPassword('old password', { N: 16384, r: 8, p: 1 });
    expect(await verifyPassword('old password', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(
      weakPasswordHashes(
        parseUsers(
          [
            { username: 'new', passwordHash: h, role: 'supervisor', queues: '*' },
            { username: 'old', passwordHash: old, role: 'teamlead', queues: [1] },
            // A generated wallboard token is random: its cheaper hash is not a weakness.
            { username: 'tv', linkToken: old, role: 'wallboard', queues: '*' },
          ],
          'users.json',
        ),
      ),
    ).toEqual(['old']);
  }, 60_000); // two hashes at 128 MiB each: seconds on a busy machine
});

describe('users file', () => {
  it('accepts valid entries and names the file and entry on errors', async () => {
    const h = await hashPassword('pw', TEST_HASH_COST);
    const users = parseUsers(
      [
        { username: 'a', passwordHash: h, role: 'supervisor', queues: '*' },
        { username: 'tv', linkToken: h, role: 'wallboard', queues: [1, 1, 2] },
      ],
      'users.json',
    );
    expect(users[1]!.queues).toEqual([1, 2]);
    const bad = (data: unknown) => () => parseUsers(data, '/etc/fw/users.json');
    expect(bad({})).toThrow(/users.json: must be a JSON array/);
    expect(bad([{ username: 'x', passwordHash: 'nope', role: 'supervisor', queues: '*' }])).toThrow(
      /\/etc\/fw\/users.json: entry 0 \(username "x"\): passwordHash/,
    );
    expect(bad([{ username: 'x', passwordHash: h, role: 'boss', queues: '*' }])).toThrow(/role/);
    expect(bad([{ username: 'x', role: 'supervisor', queues: '*' }])).toThrow(
      /passwordHash or linkToken/,
    );
    expect(
      bad([
        { username: 'x', passwordHash: h, role: 'supervisor', queues: '*' },
        { username: 'X', passwordHash: h, role: 'supervisor', queues: '*' },
      ]),
    ).toThrow(/entry 1 .*duplicate/);
    expect(bad([{ username: 'x', linkToken: h, role: 'teamlead', queues: [1] }])).toThrow(
      UsersFileError,
    );
  });
});

describe('auth service', () => {
  const mk = async () => {
    let t = 0;
    const waits: number[] = [];
    const users: User[] = [
      {
        username: 'Sup',
        role: 'supervisor',
        queues: '*',
        passwordHash: await hashPassword('pw', TEST_HASH_COST),
        linkToken: null,
      },
      {
        username: 'tv',
        role: 'wallboard',
        queues: '*',
        passwordHash: null,
        linkToken: await hashPassword('tok-0123456789abcdef', TEST_HASH_COST),
      },
    ];
    const now = () => t;
    const limiter = createSignInLimiter({ store: createMemoryAttemptStore({ now }), now });
    const svc = createAuthService({
      users,
      limiter,
      wait: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    return { svc, waits, advance: (ms: number) => (t += ms) };
  };
  const refusal = (reason: string): unknown => expect.objectContaining({ reason });

  it('signs in by password (username case-insensitive) and by link token', async () => {
    const { svc } = await mk();
    expect((await svc.authenticate({ username: 'sup', password: 'pw' }, '1.1.1.1')).username).toBe(
      'Sup',
    );
    expect((await svc.authenticate({ token: 'tok-0123456789abcdef' }, '1.1.1.1')).role).toBe(
      'wallboard',
    );
    await expect(svc.authenticate({ username: 'tv', password: 'x' }, '1.1.1.1')).rejects.toThrow(
      SignInError,
    );
    await expect(
      svc.authenticate({ username: 'nobody', password: 'pw' }, '1.1.1.1'),
    ).rejects.toEqual(refusal('wrong-credentials'));
  });

  it("never locks a user out through someone else's guesses: it slows them down", async () => {
    const { svc, waits, advance } = await mk();
    for (let i = 0; i < 8; i++)
      await expect(
        svc.authenticate({ username: 'sup', password: 'bad' }, `10.0.0.${i}`),
      ).rejects.toEqual(refusal('wrong-credentials'));
    expect(waits).toEqual([500, 1000, 2000]);
    expect(
      (await svc.authenticate({ username: 'sup', password: 'pw' }, '10.0.0.99')).username,
    ).toBe('Sup');
    expect(waits.at(-1)).toBe(4000);
    advance(61_000);
    waits.length = 0;
    await svc.authenticate({ username: 'sup', password: 'pw' }, '10.0.0.99');
    expect(waits).toEqual([]);
  });

  it('refuses one address after five failures for a user, or a link token', async () => {
    const { svc, advance } = await mk();
    for (let i = 0; i < 5; i++)
      await expect(
        svc.authenticate({ username: 'sup', password: 'bad' }, '9.9.9.9'),
      ).rejects.toEqual(refusal('wrong-credentials'));
    await expect(svc.authenticate({ username: 'sup', password: 'pw' }, '9.9.9.9')).rejects.toEqual(
      expect.objectContaining({ reason: 'too-many-attempts', retryAfterSec: 60 }),
    );
    expect((await svc.authenticate({ username: 'sup', password: 'pw' }, '9.9.9.8')).username).toBe(
      'Sup',
    );
    for (let i = 0; i < 5; i++)
      await expect(svc.authenticate({ token: 'x'.repeat(20) }, '8.8.8.8')).rejects.toEqual(
        refusal('invalid-link'),
      );
    await expect(svc.authenticate({ token: 'tok-0123456789abcdef' }, '8.8.8.8')).rejects.toEqual(
      refusal('too-many-attempts'),
    );
    advance(61_000);
    expect((await svc.authenticate({ token: 'tok-0123456789abcdef' }, '8.8.8.8')).role).toBe(
      'wallboard',
    );
  });
});

describe('session store', () => {
  it('expires human sessions and slides wallboard sessions', () => {
    let t = 0;
    const store = createSessionStore({ ttlHours: 1, now: () => t });
    const sup: User = {
      username: 's',
      role: 'supervisor',
      queues: '*',
      passwordHash: 'x',
      linkToken: null,
    };
    const tv: User = { ...sup, username: 'tv', role: 'wallboard' };
    const a = store.create(sup);
    const w = store.create(tv);
    t += 59 * 60_000;
    expect(store.get(a.id)).not.toBeNull();
    t += 2 * 60_000;
    expect(store.get(a.id)).toBeNull();
    for (let day = 0; day < 60; day++) {
      t += 24 * 3600_000;
      expect(store.get(w.id)).not.toBeNull();
    }
    expect(store.get(undefined)).toBeNull();
    store.close();
  });
});

describe('wallboard cookie', () => {
  it('is re-issued as the session slides, at most hourly', async () => {
    const express = (await import('express')).default;
    const request = (await import('supertest')).default;
    const { refreshWallboardCookie } = await import('../../src/http/auth-middleware');
    let t = 0;
    const store = createSessionStore({ ttlHours: 1, now: () => t });
    const tv: User = {
      username: 'tv',
      role: 'wallboard',
      queues: '*',
      passwordHash: null,
      linkToken: 'x',
    };
    const s = store.create(tv);
    const app = express();
    app.use(refreshWallboardCookie(store, () => false));
    app.get('/', (_req, res) => res.end('ok'));
    const get = () => request(app).get('/').set('Cookie', `fw_session=${s.id}`);
    expect((await get()).headers['set-cookie']).toBeUndefined();
    t += 2 * 3600_000;
    const r = await get();
    expect(String(r.headers['set-cookie'])).toContain(`fw_session=${s.id}`);
    expect((await get()).headers['set-cookie']).toBeUndefined();
    store.close();
  });
});
