// scrypt from node:crypto: memory-hard, no native dependency, and the parameters travel with the
// hash so they can be raised later without invalidating existing users files.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface HashCost {
  N: number;
  r: number;
  p: number;
}

const PREFIX = 'scrypt';
/** OWASP Password Storage Cheat Sheet: scrypt with N = 2^17, r = 8, p = 1 (128 MiB per hash). */
export const PASSWORD_COST: HashCost = { N: 2 ** 17, r: 8, p: 1 };
/** For secrets the BFF generates itself (the demo password, wallboard link tokens: 72 to 192
 *  random bits). The slow hash protects guessable human passwords; no cost makes a random
 *  secret of that size guessable, and this keeps start-up and wallboard sign-ins fast. */
export const GENERATED_SECRET_COST: HashCost = { N: 2 ** 14, r: 8, p: 1 };
const KEY_LEN = 32;
const HASH_RE = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=_-]+)\$([A-Za-z0-9+/=_-]+)$/;

// At most this many hashes run at once: each holds 128 × N × r bytes (128 MiB at the password
// cost), and a burst of sign-ins must not push the process past its memory limit.
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await fn();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function scrypt(secret: string, salt: Buffer, keyLen: number, opts: ScryptOptions) {
  return withSlot(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scryptCb(secret, salt, keyLen, opts, (err, key) => (err ? reject(err) : resolve(key)));
      }),
  );
}

const maxmem = (N: number, r: number) => 128 * N * r * 2;

/** `scrypt$N$r$p$saltB64$hashB64` */
export async function hashPassword(
  secret: string,
  cost: HashCost = PASSWORD_COST,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(secret, salt, KEY_LEN, { ...cost, maxmem: maxmem(cost.N, cost.r) });
  return [PREFIX, cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  );
}

/** The cost a hash was made with, or null for something that is not a hash. */
export function costOf(encoded: string): HashCost | null {
  const m = HASH_RE.exec(encoded);
  return m ? { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) } : null;
}

/** True for a hash made with less than today's password cost: it still verifies, but the
 *  operator should hash that password again (start-up names the users). */
export function needsRehash(encoded: string): boolean {
  const c = costOf(encoded);
  if (!c) return true;
  return c.N * c.r * c.p < PASSWORD_COST.N * PASSWORD_COST.r * PASSWORD_COST.p;
}

/** A hash that matches nothing, at a given cost: verifying against it takes as long as against a
 *  real hash of that cost, so an unknown username answers as slowly as a wrong password. */
export function decoyHash(cost: HashCost): string {
  const zeros = Buffer.alloc(KEY_LEN).toString('base64');
  return [PREFIX, cost.N, cost.r, cost.p, Buffer.alloc(16).toString('base64'), zeros].join('$');
}

export function isPasswordHash(value: string): boolean {
  const c = costOf(value);
  if (!c) return false;
  // N must be a power of two > 1 for scrypt; reject absurd costs that would stall sign-ins.
  return c.N > 1 && (c.N & (c.N - 1)) === 0 && c.N <= 1 << 20 && c.r <= 32 && c.p <= 16;
}

/** Constant-time comparison; false (never throws) for a malformed hash. */
export async function verifyPassword(secret: string, encoded: string): Promise<boolean> {
  const m = HASH_RE.exec(encoded);
  if (!m || !isPasswordHash(encoded)) return false;
  const [, n, r, p, saltB64, hashB64] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const expected = Buffer.from(hashB64, 'base64');
  if (expected.length < 16) return false;
  const N = Number(n);
  const key = await scrypt(secret, Buffer.from(saltB64, 'base64'), expected.length, {
    N,
    r: Number(r),
    p: Number(p),
    maxmem: maxmem(N, Number(r)),
  });
  return timingSafeEqual(key, expected);
}
