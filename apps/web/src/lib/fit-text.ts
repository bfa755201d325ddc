// Big numbers on a wall must never touch their box: the type shrinks for a long value instead.

/** Characters a full em wide: Chinese, Japanese and Korean, and full-width forms. */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Rough width of bold tabular figures in em: digits, separators, a dash, "%", CJK words. */
export function emWidth(text: string): number {
  let em = 0;
  for (const ch of text) {
    if (ch >= '0' && ch <= '9') em += 0.62;
    else if (ch === ':' || ch === ',' || ch === '.' || ch === ' ') em += 0.32;
    // "%" is nearly as wide as the em in common sans faces ("100%" ran out of a wall figure).
    else if (ch === '—' || ch === '%') em += 1.05;
    else if (WIDE.test(ch) || ch.codePointAt(0)! > 0xffff) em += 1;
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
