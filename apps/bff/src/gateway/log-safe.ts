// What of the gateway may reach a log line. The gateway's own text (retcodes, messages, anything
// it echoes) is clipped: a misbehaving gateway once answered a 400-character "retcode", and every
// refused poll would have written it at warn. Guids never reach a log, only a fingerprint.
import { createHash } from 'node:crypto';

/** Longest piece of gateway text a log line carries. */
export const LOG_TEXT_MAX = 120;

/**
 * Gateway-sent text for a log line (or an error shown on screen): at most `max` characters,
 * and when cut, an ellipsis and the original length so the reader knows it was longer.
 * Non-strings are stringified first; null and undefined stay null.
 */
export function clipForLog(value: unknown, max = LOG_TEXT_MAX): string | null {
  if (value === null || value === undefined) return null;
  const text = stringify(value);
  if (text.length <= max) return text;
  // Do not split a surrogate pair: half an emoji is not valid UTF-16 in a JSON log line.
  const code = text.charCodeAt(max - 1);
  const cut = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return `${text.slice(0, cut)}… (${text.length} chars)`;
}

function stringify(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'symbol':
      return value.toString();
    case 'function':
      return '[function]';
    default:
      try {
        return JSON.stringify(value) ?? '[unserialisable]';
      } catch {
        return '[unserialisable]';
      }
  }
}

/** A short, non-reversible tag so logs can tell Guids apart without containing one. */
export function fingerprint(secret: string | null): string | null {
  if (!secret) return null;
  return createHash('sha256').update(secret).digest('hex').slice(0, 8);
}
