// Big numbers on a wall must never touch their box: the type shrinks for a long value instead.

/** Rough width of bold tabular figures in em: digits, separators, a dash. */
export function emWidth(text: string): number {
  let em = 0;
  for (const ch of text) {
    if (ch >= '0' && ch <= '9') em += 0.62;
    else if (ch === ':' || ch === ',' || ch === '.' || ch === ' ') em += 0.32;
    else if (ch === '—') em += 1;
    else em += 0.7;
  }
  return Math.max(1, em);
}

/**
 * A CSS font size: `base`, but never wider than `share` % of the nearest container's width for
 * this text (so "10,000" or "1:02:03" fit where "12" was designed).
 */
export function fitFont(text: string, base: string, share: number): string {
  return `min(${base}, ${(share / emWidth(text)).toFixed(2)}cqw)`;
}
