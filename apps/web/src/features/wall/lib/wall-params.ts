// /wall?queues=1,2&rotate=20&view=queue&sound=1&token=… — what a wall display shows, in its
// bookmarkable URL. Every value is optional and a bad one falls back to its default: a TV never
// shows a parse error. A display opened with a stored wall link gets what the URL leaves out from
// the link's own settings (an admin changes a wall from the desk, not at the TV).
import type { WallDisplay } from '@floorwatch/contracts/api';
import { parseEnum, parseIntList, parseNonNegativeInt, setParam } from '@/lib/url-state';

/** `tiles`: every queue as a tile, as many per page as stay legible. `queue`: one queue at a
 *  time, with its agents. */
export type WallView = 'tiles' | 'queue';
export const WALL_VIEWS: readonly WallView[] = ['tiles', 'queue'];

export interface WallParams {
  /** Skill ids to show, in this order; empty = every queue the account may see. */
  queues: number[];
  /** Seconds a page (tiles) or a queue (one at a time) stays on screen before the next. */
  rotateSec: number;
  view: WallView;
  /** Wallboard link token: signs the display in, and back in after a session ends. */
  token: string | null;
  /** The link has a token that cannot be one (too short or too long): the link is not valid. */
  badToken: boolean;
  /** `sound=1`: a short tone when something turns critical. */
  sound: boolean;
  /** Which of these the URL itself set (the rest may come from a stored wall link). */
  given: { queues: boolean; rotate: boolean; view: boolean };
}

export const DEFAULT_ROTATE_SEC = 15;
export const MIN_ROTATE_SEC = 5;
export const MAX_ROTATE_SEC = 3600;
const TOKEN_MIN = 16;
const TOKEN_MAX = 500;

/**
 * Links made before pages existed said `queues=…&rotate=…` for "one queue at a time"; they keep
 * meaning that. One chosen queue is always shown on its own.
 */
function defaultView(queues: readonly number[], rotateGiven: boolean): WallView {
  return queues.length === 1 || (queues.length > 1 && rotateGiven) ? 'queue' : 'tiles';
}

export function parseWallParams(params: URLSearchParams): WallParams {
  const raw = parseNonNegativeInt(params.get('rotate'), 0);
  const rotateSec =
    raw === 0 ? DEFAULT_ROTATE_SEC : Math.min(MAX_ROTATE_SEC, Math.max(MIN_ROTATE_SEC, raw));
  const queues = parseIntList(params.get('queues')).filter((n) => n >= 0);
  const token = params.get('token');
  const tokenOk = token !== null && token.length >= TOKEN_MIN && token.length <= TOKEN_MAX;
  const view = params.get('view');
  return {
    queues,
    rotateSec,
    view: parseEnum(view, WALL_VIEWS, defaultView(queues, raw > 0)),
    token: tokenOk ? token : null,
    badToken: token !== null && !tokenOk,
    sound: params.get('sound') === '1',
    given: {
      queues: queues.length > 0,
      rotate: raw > 0,
      view: WALL_VIEWS.some((v) => v === view),
    },
  };
}

/** The URL's settings, with what it leaves out taken from the stored wall link (if any). */
export function withWallLink(p: WallParams, link: WallDisplay | null | undefined): WallParams {
  if (!link) return p;
  const queues = p.given.queues ? p.queues : link.queues === '*' ? [] : link.queues;
  const rotateSec = p.given.rotate
    ? p.rotateSec
    : Math.min(MAX_ROTATE_SEC, Math.max(MIN_ROTATE_SEC, link.rotateSec ?? DEFAULT_ROTATE_SEC));
  return {
    ...p,
    queues,
    rotateSec,
    view: p.given.view ? p.view : queues.length === 1 ? 'queue' : p.view,
    sound: p.sound || link.sound,
  };
}

export function serializeWallParams(
  w: Omit<WallParams, 'badToken' | 'given'>,
  base: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const p = new URLSearchParams(base);
  const rotateGiven = w.rotateSec !== DEFAULT_ROTATE_SEC;
  setParam(p, 'queues', w.queues.join(','));
  setParam(p, 'rotate', rotateGiven ? String(w.rotateSec) : null);
  setParam(p, 'view', w.view === defaultView(w.queues, rotateGiven) ? null : w.view);
  setParam(p, 'sound', w.sound ? '1' : null);
  setParam(p, 'token', w.token);
  return p;
}
