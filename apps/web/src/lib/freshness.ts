// What the freshness indicator says. Pure, so every wording is unit-tested. Old data is never
// reported as live: freshness is the age of the last *successful poll* on the server clock (not
// of the last change, so a quiet floor stays live), and anything but a connected stream with a
// healthy gateway and a recent poll is "stale".
import type { GatewayHealth } from '@floorwatch/contracts/api';
import type { ConnectionState } from '@/stores/live-store';
import { formatAgo, formatSignIn } from './format';
import { describeGatewayProblem } from './gateway-problem';

export type FreshnessKind = 'connecting' | 'live' | 'waiting' | 'reconnecting' | 'stale' | 'error';

export interface Freshness {
  kind: FreshnessKind;
  /** The short line for the header: one plain sentence. */
  text: string;
  /** What happens next or who must act, in plain words; null when there is nothing to add. */
  detail: string | null;
  /** Error code and raw message for the desk's details disclosure (never on a wall). */
  technical: { code: string; message: string } | null;
  /** True when what is on screen must be dimmed. */
  isStale: boolean;
  /** True when the user should be told loudly (role="alert"). */
  alert: boolean;
}

export interface FreshnessInput {
  connection: ConnectionState;
  gateway: GatewayHealth | null;
  /** Newest last-successful-poll time seen in any message (snapshot, patch or heartbeat). */
  lastSuccessAt: number | null;
  hasData: boolean;
  clockOffsetMs: number | null;
  /** Client time now. */
  now: number;
  /** From /api/v1/settings; data older than this is stale even if the gateway says ok. */
  staleAfterMs: number;
}

const quiet = { detail: null, technical: null } as const;

export function computeFreshness(i: FreshnessInput): Freshness {
  const offset = i.clockOffsetMs ?? 0;
  const serverNow = i.now + offset;
  const last = i.lastSuccessAt;
  // Server time → this browser's clock, so the time shown matches the clock on the wall.
  const since = last !== null ? formatSignIn(last - offset, i.now) : null;

  if (!i.hasData || i.gateway === null) {
    if (i.connection === 'reconnecting' || i.connection === 'closed')
      return { kind: 'reconnecting', text: 'Reconnecting…', ...quiet, isStale: true, alert: true };
    return { kind: 'connecting', text: 'Connecting…', ...quiet, isStale: true, alert: false };
  }

  if (i.connection !== 'open') {
    return {
      kind: 'reconnecting',
      text: `Reconnecting…${since !== null ? ` showing figures from ${since}` : ''}`,
      ...quiet,
      isStale: true,
      alert: true,
    };
  }

  const g = i.gateway;
  if (g.status === 'connecting') {
    return {
      kind: 'connecting',
      text: `Connecting to the phone system…${since !== null ? ` · figures from ${since}` : ''}`,
      ...quiet,
      isStale: true,
      alert: false,
    };
  }
  if (g.status === 'stale' || g.status === 'error') {
    const p = describeGatewayProblem(g.error, since);
    return {
      kind: 'error',
      text: p.headline,
      detail: p.advice,
      technical: p.technical,
      isStale: true,
      alert: true,
    };
  }
  const age = last === null ? Infinity : serverNow - last;
  if (age > i.staleAfterMs) {
    return {
      kind: 'stale',
      text: describeGatewayProblem(null, since).headline,
      ...quiet,
      isStale: true,
      alert: true,
    };
  }
  if (g.status === 'waiting') {
    // A poll is overdue, but the figures are still within the stale limit: say so, quietly.
    return {
      kind: 'waiting',
      text: `Waiting for the phone system · updated ${formatAgo(age)} ago`,
      ...quiet,
      isStale: false,
      alert: false,
    };
  }
  return {
    kind: 'live',
    text: `Live · updated ${formatAgo(age)} ago`,
    ...quiet,
    isStale: false,
    alert: false,
  };
}
