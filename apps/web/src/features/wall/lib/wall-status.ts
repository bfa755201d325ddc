// What a wall display says about its data, in words a supervisor across the room understands.
// No error code, host, port or timeout ever reaches a TV: those are for the desk screens.
import type { GatewayHealth } from '@floorwatch/contracts/api';
import { formatSignIn } from '@/lib/format';
import type { Freshness } from '@/lib/freshness';

export type WallTone = 'ok' | 'muted' | 'crit';

export interface WallStatus {
  tone: WallTone;
  /** The header line. */
  text: string;
  /** A second sentence for the banner while the figures are not live; null when they are. */
  advice: string | null;
  /** The figures on screen are not live: dim them. */
  dim: boolean;
}

export interface WallStatusInput {
  freshness: Pick<Freshness, 'kind' | 'text' | 'isStale'>;
  gateway: GatewayHealth | null;
  /** Server clock − this browser's clock, ms. */
  clockOffsetMs: number | null;
  /** This browser's clock. */
  now: number;
}

/** Gateway error categories that no retry will fix: someone has to change something. */
const NEEDS_ADMIN = new Set(['no-right', 'fatal-config', 'fatal-credentials']);

function problem(category: string | undefined): string {
  switch (category) {
    case 'no-right':
      return 'No permission to read agent data';
    case 'fatal-credentials':
      return "Floorwatch can't sign in to the phone system";
    case 'fatal-config':
      return "Floorwatch's phone system settings need fixing";
    default:
      return "Can't reach the phone system";
  }
}

export function wallStatus(i: WallStatusInput): WallStatus {
  return { ...words(i), dim: i.freshness.isStale };
}

function words(i: WallStatusInput): Omit<WallStatus, 'dim'> {
  const f = i.freshness;
  const offset = i.clockOffsetMs ?? 0;
  const last = i.gateway?.lastSuccessAt ?? null;
  // "14:02", or "24 Nov 22:58" when it was not today; on this display's clock.
  const at = last !== null ? formatSignIn(last - offset, i.now) : null;
  const figures = at
    ? `The figures shown are from ${at} and are dimmed until fresh data arrives.`
    : 'No figures have arrived yet.';

  if (f.kind === 'live') return { tone: 'ok', text: f.text, advice: null };
  if (f.kind === 'connecting')
    return {
      tone: 'muted',
      text: i.gateway?.status === 'connecting' ? 'Connecting to the phone system…' : 'Connecting…',
      advice: null,
    };
  if (f.kind === 'reconnecting')
    return {
      tone: 'crit',
      text: 'Reconnecting to Floorwatch…',
      advice: `${figures} The display keeps trying by itself.`,
    };
  if (f.kind === 'error') {
    const category = i.gateway?.error?.category;
    const admin = NEEDS_ADMIN.has(category ?? '') || (i.gateway?.error?.fatal ?? false);
    const name = problem(category);
    return {
      tone: 'crit',
      text: at ? `${name} since ${at}` : name,
      advice: admin ? `${figures} An administrator must act.` : figures,
    };
  }
  if (f.isStale)
    return {
      tone: 'crit',
      text: at ? `No new figures since ${at}` : 'No new figures',
      advice: figures,
    };
  // Not stale, not plainly live (e.g. a poll running late): say so without alarm.
  return { tone: 'muted', text: 'Waiting for the phone system…', advice: null };
}
