// What a wall display says about its data, in words a supervisor across the room understands.
// No error code, host, port or timeout ever reaches a TV: those are for the desk screens.
import type { GatewayHealth } from '@floorwatch/contracts/api';
import { defineMessages } from '@/i18n/messages';
import { formatSignIn } from '@/lib/format';
import type { Freshness } from '@/lib/freshness';
import { activeIntl } from '@/stores/locale-store';

const M = defineMessages({
  noRight: { id: 'wall.problem.no-right', defaultMessage: 'No permission to read agent data' },
  credentials: {
    id: 'wall.problem.credentials',
    defaultMessage: "Floorwatch can't sign in to the phone system",
  },
  config: {
    id: 'wall.problem.config',
    defaultMessage: "Floorwatch's phone system settings need fixing",
  },
  unreachable: { id: 'wall.problem.unreachable', defaultMessage: "Can't reach the phone system" },
  figuresFrom: {
    id: 'wall.figures-from',
    defaultMessage: 'The figures shown are from {time} and are dimmed until fresh data arrives.',
  },
  noFigures: { id: 'wall.no-figures', defaultMessage: 'No figures have arrived yet.' },
  connectingGateway: {
    id: 'wall.connecting.gateway',
    defaultMessage: 'Connecting to the phone system…',
  },
  connecting: { id: 'wall.connecting', defaultMessage: 'Connecting…' },
  reconnecting: { id: 'wall.reconnecting', defaultMessage: 'Reconnecting to Floorwatch…' },
  keepsTrying: {
    id: 'wall.keeps-trying',
    defaultMessage: '{figures} The display keeps trying by itself.',
  },
  since: { id: 'wall.problem.since', defaultMessage: '{problem} since {time}' },
  admin: { id: 'wall.admin', defaultMessage: '{figures} An administrator must act.' },
  noNewSince: { id: 'wall.no-new.since', defaultMessage: 'No new figures since {time}' },
  noNew: { id: 'wall.no-new', defaultMessage: 'No new figures' },
  waiting: { id: 'wall.waiting', defaultMessage: 'Waiting for the phone system…' },
});

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
  const t = activeIntl().formatMessage;
  switch (category) {
    case 'no-right':
      return t(M.noRight);
    case 'fatal-credentials':
      return t(M.credentials);
    case 'fatal-config':
      return t(M.config);
    default:
      return t(M.unreachable);
  }
}

export function wallStatus(i: WallStatusInput): WallStatus {
  return { ...words(i), dim: i.freshness.isStale };
}

function words(i: WallStatusInput): Omit<WallStatus, 'dim'> {
  const f = i.freshness;
  const t = activeIntl().formatMessage;
  const offset = i.clockOffsetMs ?? 0;
  const last = i.gateway?.lastSuccessAt ?? null;
  // "14:02", or "24 Nov 22:58" when it was not today; on this display's clock.
  const at = last !== null ? formatSignIn(last - offset, i.now) : null;
  const figures = at ? t(M.figuresFrom, { time: at }) : t(M.noFigures);

  if (f.kind === 'live') return { tone: 'ok', text: f.text, advice: null };
  if (f.kind === 'connecting')
    return {
      tone: 'muted',
      text: i.gateway?.status === 'connecting' ? t(M.connectingGateway) : t(M.connecting),
      advice: null,
    };
  if (f.kind === 'reconnecting')
    return {
      tone: 'crit',
      text: t(M.reconnecting),
      advice: t(M.keepsTrying, { figures }),
    };
  if (f.kind === 'error') {
    const category = i.gateway?.error?.category;
    const admin = NEEDS_ADMIN.has(category ?? '') || (i.gateway?.error?.fatal ?? false);
    const name = problem(category);
    return {
      tone: 'crit',
      text: at ? t(M.since, { problem: name, time: at }) : name,
      advice: admin ? t(M.admin, { figures }) : figures,
    };
  }
  if (f.isStale)
    return {
      tone: 'crit',
      text: at ? t(M.noNewSince, { time: at }) : t(M.noNew),
      advice: figures,
    };
  // Not stale, not plainly live (e.g. a poll running late): say so without alarm.
  return { tone: 'muted', text: t(M.waiting), advice: null };
}
