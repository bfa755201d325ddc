// The health every screen shows, as a pure function of what the monitor knows. Rules, first match
// wins:
// - `error`: the gateway session is fatal (credentials, rights, configuration): an operator acts.
// - `connecting`: no successful poll yet.
// - `stale`: the last poll failed, the session is not signed in, or the data is older than
//   `staleAfterMs`. The data stays on screen, marked old.
// - `waiting`: none of the above, but no poll has succeeded for more than 2 × `pollMs`, i.e. the
//   poll due one interval after the last success is itself more than an interval late: a hung or
//   very slow gateway, or a poll queued behind the budget. We judge by the age of the last
//   success rather than by how long the poll in flight has run, because a gateway that answers
//   steadily in 1.5 intervals is slow but current, and would otherwise flip between `ok` and
//   `waiting` on every poll. The poll in flight only shapes the message.
// - `ok`.
import type { GatewayError, GatewayHealth } from '@floorwatch/contracts/api';
import type { SessionStatus } from '../gateway/types';

export interface HealthInput {
  session: Pick<SessionStatus, 'state' | 'error'>;
  /** Epoch ms of the last successful agents poll, or null before the first. */
  lastSuccessAt: number | null;
  /** Why the last agents poll failed; null when it succeeded. */
  lastPollError: GatewayError | null;
  /** When the agents poll now in flight started, or null when none is. */
  pollStartedAt: number | null;
  now: number;
  pollMs: number;
  staleAfterMs: number;
  /** Overrides WAITING_AFTER_INTERVALS × pollMs (tests on a loaded machine). */
  waitingAfterMs?: number;
}

/** Data older than this many poll intervals is `waiting` (while still within the stale limit). */
export const WAITING_AFTER_INTERVALS = 2;

function floorError(code: string, message: string, category: string, at: number): GatewayError {
  return { code, message, category, fatal: false, at };
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

export function computeHealth(i: HealthInput): GatewayHealth {
  const { session, lastSuccessAt, lastPollError, now } = i;
  if (session.state === 'fatal') return { status: 'error', lastSuccessAt, error: session.error };
  if (lastSuccessAt === null) {
    return { status: 'connecting', lastSuccessAt: null, error: lastPollError ?? session.error };
  }
  const age = now - lastSuccessAt;
  const old = age > i.staleAfterMs;
  if (old || lastPollError || session.state !== 'signed-in') {
    const error =
      lastPollError ??
      session.error ??
      (old ? floorError('STALE', `no fresh data for ${seconds(age)}`, 'stale', now) : null);
    return { status: 'stale', lastSuccessAt, error };
  }
  if (age > (i.waitingAfterMs ?? WAITING_AFTER_INTERVALS * i.pollMs)) {
    const message =
      i.pollStartedAt !== null
        ? `waiting for the gateway: no answer for ${seconds(now - i.pollStartedAt)}`
        : `waiting for the gateway: no poll for ${seconds(age)}`;
    return {
      status: 'waiting',
      lastSuccessAt,
      error: floorError('WAITING', message, 'waiting', now),
    };
  }
  return { status: 'ok', lastSuccessAt, error: null };
}

/** What decides whether screens must hear about a health change (not every `at` or age). */
export function healthKey(h: GatewayHealth): string {
  return h.error ? `${h.status}|${h.error.code}|${h.error.category}` : h.status;
}
