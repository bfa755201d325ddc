// What the freshness indicator says. Pure, so every wording is unit-tested. Old data is never
// reported as live: anything but a fresh, connected stream with a healthy gateway is "stale".
import type { GatewayHealth } from '@floorwatch/contracts/api';
import type { ConnectionState } from '@/stores/live-store';
import { formatAgo, formatClock } from './format';

export type FreshnessKind = 'connecting' | 'live' | 'reconnecting' | 'stale' | 'error';

export interface Freshness {
  kind: FreshnessKind;
  /** The short line for the header. */
  text: string;
  /** Extra detail (error message) or null. */
  detail: string | null;
  /** True when what is on screen must be dimmed. */
  isStale: boolean;
  /** True when the user should be told loudly (role="alert"). */
  alert: boolean;
}

export interface FreshnessInput {
  connection: ConnectionState;
  gateway: GatewayHealth | null;
  hasData: boolean;
  clockOffsetMs: number | null;
  /** Client time now. */
  now: number;
  /** From /api/v1/settings; data older than this is stale even if the gateway says ok. */
  staleAfterMs: number;
}

export function computeFreshness(i: FreshnessInput): Freshness {
  const offset = i.clockOffsetMs ?? 0;
  const serverNow = i.now + offset;
  const last = i.gateway?.lastSuccessAt ?? null;
  // Server time → this browser's clock, so the time shown matches the clock on the wall.
  const dataFrom = last !== null ? ` — data from ${formatClock(last - offset)}` : '';

  if (!i.hasData || i.gateway === null) {
    if (i.connection === 'reconnecting' || i.connection === 'closed')
      return {
        kind: 'reconnecting',
        text: 'Reconnecting…',
        detail: null,
        isStale: true,
        alert: true,
      };
    return { kind: 'connecting', text: 'Connecting…', detail: null, isStale: true, alert: false };
  }

  if (i.connection !== 'open') {
    return {
      kind: 'reconnecting',
      text: `Reconnecting…${last !== null ? ` showing data from ${formatClock(last - offset)}` : ''}`,
      detail: null,
      isStale: true,
      alert: true,
    };
  }

  const g = i.gateway;
  if (g.status === 'connecting') {
    return {
      kind: 'connecting',
      text: `Connecting to the gateway…${dataFrom}`,
      detail: null,
      isStale: true,
      alert: false,
    };
  }
  if (g.status === 'stale' || g.status === 'error') {
    const fatal = g.error?.fatal ?? false;
    return {
      kind: 'error',
      text: `Gateway unreachable${dataFrom}`,
      detail: g.error
        ? fatal
          ? `${g.error.message} — an administrator must act.`
          : g.error.message
        : null,
      isStale: true,
      alert: true,
    };
  }
  if (last === null || serverNow - last > i.staleAfterMs) {
    return {
      kind: 'stale',
      text: `No fresh data${dataFrom}`,
      detail: null,
      isStale: true,
      alert: true,
    };
  }
  return {
    kind: 'live',
    text: `Live · updated ${formatAgo(serverNow - last)} ago`,
    detail: null,
    isStale: false,
    alert: false,
  };
}
