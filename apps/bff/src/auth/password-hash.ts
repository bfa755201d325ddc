// scrypt from node:crypto: memory-hard, no native dependency, and the parameters travel with the
// hash so they can be raised later without invalidating existing users files.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PREFIX = 'scrypt';
const DEFAULT = { N: 16384, r: 8, p: 1 } as const;
const KEY_LEN = 32;
const HASH_RE = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=_-]+)\$([A-Za-z0-9+/=_-]+)$/;

function scrypt(secret: string, salt: Buffer, keyLen: number, opts: ScryptOptions) {
  return new Promise<Buffer>((resolve, reject) => {
    scryptCb(secret, salt, keyLen, opts, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

const maxmem = (N: number, r: number) => 128 * N * r * 2;

/** `scrypt$N$r$p$saltB64$hashB64` */
export async function hashPassword(
  secret: string,
  params: { N: number; r: number; p: number } = DEFAULT,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(secret, salt, KEY_LEN, {
    ...params,
    maxmem: maxmem(params.N, params.r),
  });
  return [
    PREFIX,
    params.N,
    params.r,
    params.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

export function isPasswordHash(value: string): boolean {
  const m = HASH_RE.exec(value);
  if (!m) return false;
  const N = Number(m[1]);
  // N must be a power of two > 1 for scrypt; reject absurd costs that would stall sign-ins.
  return N > 1 && (N & (N - 1)) === 0 && N <= 1 << 20 && Number(m[2]) <= 32 && Number(m[3]) <= 16;
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
