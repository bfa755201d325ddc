// Byte-level reading of allonlineagents for the raw-diff ingest (raw-diff.ts): where an agent
// record ends, and where the digits of its top-level `currentstatetime` are (the one value that
// changes every second in a record nobody touched). Nothing here decides what a record means: a
// record is read with JSON.parse and the contract (fast-parse.ts), and whatever this scanner
// finds is checked against that reading before it is relied on (raw-layout.ts).

/** How the gateway opens an agent record (docs/gateway.md §allonlineagents); a record that opens
 *  otherwise is not found by it, which the layout check notices (no raw diff then). */
export const RECORD_MARKER = Buffer.from('{"workno":');

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const ZERO = 0x30;
const NINE = 0x39;
const CST = Buffer.from('currentstatetime');

/** Up to 15 digits: every such integer is exact in a double (2^53 has 16). */
export const MAX_DIGITS = 15;

/** What scanRecord found; one object reused for every record. */
export interface RecordSpan {
  /** Index after the record's closing brace. */
  end: number;
  /** The digits of its top-level currentstatetime: buf[cstAt, cstEnd), or both -1 when that
   *  value is not a plain run of digits under one plainly written key. */
  cstAt: number;
  cstEnd: number;
}

export function newSpan(): RecordSpan {
  return { end: -1, cstAt: -1, cstEnd: -1 };
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDigit = (c: number) => c >= ZERO && c <= NINE;

/**
 * End of a canonical JSON integer (`0`, or 1–15 digits not starting with 0) at `at`, or -1.
 * The caller checks what follows (a record's bytes after the number are compared with the last
 * poll's, which ended the number there).
 */
export function digitsEnd(buf: Buffer, at: number, limit: number): number {
  if (at >= limit) return -1;
  const c = buf[at] as number;
  if (c === ZERO) return at + 1;
  if (c < ZERO || c > NINE) return -1;
  let k = at + 1;
  const max = Math.min(limit, at + MAX_DIGITS);
  while (k < max && isDigit(buf[k] as number)) k++;
  return k;
}

/** The value of the digits buf[at, end) (at most 15 of them). */
export function digitsValue(buf: Buffer, at: number, end: number): number {
  let v = 0;
  for (let k = at; k < end; k++) v = v * 10 + ((buf[k] as number) - ZERO);
  return v;
}

/** The digit run of a `currentstatetime` value that starts at `at` (after the key's quote). */
function cstDigits(buf: Buffer, at: number, limit: number, out: RecordSpan): void {
  let k = at;
  while (k < limit && isSpace(buf[k] as number)) k++;
  if (buf[k] !== COLON) return;
  k++;
  while (k < limit && isSpace(buf[k] as number)) k++;
  const quoted = buf[k] === QUOTE;
  if (quoted) k++;
  const end = digitsEnd(buf, k, limit);
  if (end < 0) return;
  const next = buf[end];
  // Followed by more digits (a 16th), a fraction or exponent, or anything but the closing quote
  // of a quoted value: not a run this scanner vouches for.
  if (next === undefined || isDigit(next)) return;
  if (quoted ? next !== QUOTE : next === 0x2e || next === 0x65 || next === 0x45) return;
  out.cstAt = k;
  out.cstEnd = end;
}

function isCstKey(buf: Buffer, from: number, to: number): boolean {
  if (to - from !== CST.length) return false;
  for (let k = 0; k < CST.length; k++) if (buf[from + k] !== CST[k]) return false;
  return true;
}

/**
 * Finds the end of the object that opens at `from` (strings and nesting respected, not reading
 * at or past `limit`) and the digits of its top-level currentstatetime. False when there is no
 * object there or it does not close before `limit`. It does not validate JSON: a caller either
 * JSON.parses the bytes it delimits or had them parsed whole already.
 */
export function scanRecord(buf: Buffer, from: number, limit: number, out: RecordSpan): boolean {
  out.end = -1;
  out.cstAt = -1;
  out.cstEnd = -1;
  if (buf[from] !== OPEN_BRACE) return false;
  let depth = 0;
  let expectKey = false;
  let cstKeys = 0;
  let odd = false; // a top-level key with an escape could spell currentstatetime
  for (let i = from; i < limit; i++) {
    const c = buf[i] as number;
    if (c === QUOTE) {
      const s = i + 1;
      let escaped = false;
      for (i = s; i < limit; i++) {
        const d = buf[i] as number;
        if (d === QUOTE) break;
        if (d === BACKSLASH) {
          escaped = true;
          i++;
        }
      }
      if (i >= limit) return false;
      if (depth === 1 && expectKey) {
        expectKey = false;
        if (escaped) odd = true;
        else if (isCstKey(buf, s, i)) {
          cstKeys++;
          cstDigits(buf, i + 1, limit, out);
        }
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth === 1) expectKey = true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) {
        out.end = i + 1;
        if (cstKeys !== 1 || odd) {
          out.cstAt = -1;
          out.cstEnd = -1;
        }
        return true;
      }
    } else if (c === COMMA && depth === 1) {
      expectKey = true;
    }
  }
  return false;
}
