// What the freshness indicator says. Pure, so every wording is unit-tested. Old data is never
// reported as live: freshness is the age of the last *successful poll* on the server clock (not
// of the last change, so a quiet floor stays live), and anything but a connected stream with a
// healthy gateway and a recent poll is "stale".
import type { GatewayHealth } from '@floorwatch/contracts/api';
import type { ConnectionState } from '@/stores/live-store';
import { defineMessages } from '@/i18n/messages';
import { activeIntl } from '@/stores/locale-store';
import { formatAgo, formatSignIn } from './format';
import { describeGatewayProblem } from './gateway-problem';

const M = defineMessages({
  reconnecting: { id: 'fresh.reconnecting', defaultMessage: 'Reconnecting…' },
  reconnectingSince: {
    id: 'fresh.reconnecting.since',
    defaultMessage: 'Reconnecting… showing figures from {time}',
  },
  connecting: { id: 'fresh.connecting', defaultMessage: 'Connecting…' },
  connectingGateway: {
    id: 'fresh.connecting.gateway',
    defaultMessage: 'Connecting to the phone system…',
  },
  connectingGatewaySince: {
    id: 'fresh.connecting.gateway.since',
    defaultMessage: 'Connecting to the phone system… · figures from {time}',
  },
  waiting: {
    id: 'fresh.waiting',
    defaultMessage: 'Waiting for the phone system · updated {ago} ago',
  },
  live: { id: 'fresh.live', defaultMessage: 'Live · updated {ago} ago' },
});

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
  const t = activeIntl().formatMessage;
  const offset = i.clockOffsetMs ?? 0;
  const serverNow = i.now + offset;
  const last = i.lastSuccessAt;
  // Server time → this browser's clock, so the time shown matches the clock on the wall.
  const since = last !== null ? formatSignIn(last - offset, i.now) : null;

  if (!i.hasData || i.gateway === null) {
    if (i.connection === 'reconnecting' || i.connection === 'closed')
      return {
        kind: 'reconnecting',
        text: t(M.reconnecting),
        ...quiet,
        isStale: true,
        alert: true,
      };
    return { kind: 'connecting', text: t(M.connecting), ...quiet, isStale: true, alert: false };
  }

  if (i.connection !== 'open') {
    return {
      kind: 'reconnecting',
      text: since !== null ? t(M.reconnectingSince, { time: since }) : t(M.reconnecting),
      ...quiet,
      isStale: true,
      alert: true,
    };
  }

  const g = i.gateway;
  const age = last === null ? Infinity : serverNow - last;
  // Signing in (again): dimmed only when there are no figures within the stale limit. A new
  // leader replica signing in after the old one died, or a re-sign-in after a lost Guid, leaves
  // figures seconds old: that is "waiting", quietly, as an overdue poll is.
  if (g.status === 'connecting' && age > i.staleAfterMs) {
    return {
      kind: 'connecting',
      text: since !== null ? t(M.connectingGatewaySince, { time: since }) : t(M.connectingGateway),
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
  if (age > i.staleAfterMs) {
    return {
      kind: 'stale',
      text: describeGatewayProblem(null, since).headline,
      ...quiet,
      isStale: true,
      alert: true,
    };
  }
  if (g.status === 'waiting' || g.status === 'connecting') {
    // A poll is overdue, but the figures are still within the stale limit: say so, quietly.
    return {
      kind: 'waiting',
      text: t(M.waiting, { ago: formatAgo(age) }),
      ...quiet,
      isStale: false,
      alert: false,
    };
  }
  return {
    kind: 'live',
    text: t(M.live, { ago: formatAgo(age) }),
    ...quiet,
    isStale: false,
    alert: false,
  };
}
