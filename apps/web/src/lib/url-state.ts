// Small, total parsers for URL search params: a bad value falls back to the default, never throws.

export function parseIntList(value: string | null): number[] {
  if (!value) return [];
  const out: number[] = [];
  for (const part of value.split(',')) {
    const n = Number(part.trim());
    if (part.trim() !== '' && Number.isInteger(n) && !out.includes(n)) out.push(n);
  }
  return out;
}

export function parseEnumList<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  if (!value) return [];
  const out: T[] = [];
  for (const part of value.split(',')) {
    const hit = allowed.find((a) => a === part.trim());
    if (hit && !out.includes(hit)) out.push(hit);
  }
  return out;
}

export function parseEnum<T extends string>(
  value: string | null,
  allowed: readonly T[],
  fallback: T,
): T {
  return allowed.find((a) => a === value) ?? fallback;
}

export function parseNonNegativeInt(value: string | null, fallback: number): number {
  if (value === null || value.trim() === '') return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** Sets or deletes (when empty/default) one key; keeps the order of the others. */
export function setParam(params: URLSearchParams, key: string, value: string | null): void {
  if (value === null || value === '') params.delete(key);
  else params.set(key, value);
}
