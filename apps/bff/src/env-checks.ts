// Checks of the raw environment that a per-key schema cannot make: secrets read from files (the
// Docker and Kubernetes `<KEY>_FILE` convention, so a password never sits in the environment or a
// compose file) and keys that look like settings but are not: a typo such as CCGW_ULR must be
// named at start, not pass silently and leave the real key unset. config.ts calls these; they
// never read process.env themselves.
import { readFileSync } from 'node:fs';

export type Env = Record<string, string | undefined>;

/** Keys whose value may instead come from the file named by `<KEY>_FILE`. */
export const SECRET_KEYS = ['CCGW_PASSWORD'] as const;

/** Prefixes of the keys Floorwatch owns: an unknown key with one of them is probably a typo. */
const OWN_PREFIXES = ['CCGW_', 'FLOORWATCH_'];

export const fileKeyOf = (key: string) => `${key}_FILE`;

const blank = (v: string | undefined) => v === undefined || v.trim() === '';

/**
 * Fills each secret key from its `_FILE` (one trailing newline removed: editors and `echo` add
 * one). Both set, an unreadable or an empty file are problems naming the key and the path.
 * Returns the environment with the values filled in and the keys that came from a file.
 */
export function readSecretFiles(
  env: Env,
  problems: string[],
  resolve: (p: string) => string,
  keys: readonly string[] = SECRET_KEYS,
): { env: Env; fromFile: Set<string> } {
  const out: Env = { ...env };
  const fromFile = new Set<string>();
  for (const key of keys) {
    const fileKey = fileKeyOf(key);
    const named = env[fileKey];
    if (blank(named)) continue;
    if (!blank(env[key])) {
      problems.push(`${fileKey}: set either ${key} or ${fileKey}, not both`);
      continue;
    }
    const file = resolve(named!.trim());
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
      problems.push(`${fileKey}: cannot read ${file} (${code})`);
      continue;
    }
    const value = text.replace(/\r?\n$/, '');
    if (value === '') {
      problems.push(`${fileKey}: ${file} is empty`);
      continue;
    }
    out[key] = value;
    fromFile.add(key);
  }
  return { env: out, fromFile };
}

/** Optimal string alignment distance: edits, with a swap of two neighbours counting as one. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/** The known key an unknown one was probably meant to be, if any is close. */
export function closestKey(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const dist = distance(key, k);
    if (dist < bestD) [best, bestD] = [k, dist];
  }
  return bestD <= Math.max(2, Math.floor(key.length / 6)) ? best : null;
}

/** One warning per set key that has a Floorwatch prefix but is not a setting. */
export function unknownKeyWarnings(env: Env, known: readonly string[]): string[] {
  const accepted = new Set([...known, ...SECRET_KEYS.map(fileKeyOf)]);
  const candidates = [...accepted];
  return Object.keys(env)
    .filter((k) => OWN_PREFIXES.some((p) => k.startsWith(p)) && !accepted.has(k))
    .sort()
    .map((k) => {
      const near = closestKey(k, candidates);
      return `${k} is not a Floorwatch setting and is ignored${near ? ` (did you mean ${near}?)` : ''}`;
    });
}
