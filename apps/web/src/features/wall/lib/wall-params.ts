// /wall?queues=1,2&rotate=20&token=… — what a wall display shows, in its bookmarkable URL.
import { parseIntList, parseNonNegativeInt, setParam } from '@/lib/url-state';

export interface WallParams {
  /** Skill ids to show; empty = every queue the account may see. */
  queues: number[];
  /** Seconds per queue when rotating; 0 = no rotation (all chosen queues as tiles). */
  rotateSec: number;
  /** Wallboard link token: signs the display in, and back in after a session ends. */
  token: string | null;
}

export const MIN_ROTATE_SEC = 5;
export const MAX_ROTATE_SEC = 3600;

export function parseWallParams(params: URLSearchParams): WallParams {
  const raw = parseNonNegativeInt(params.get('rotate'), 0);
  const rotateSec = raw === 0 ? 0 : Math.min(MAX_ROTATE_SEC, Math.max(MIN_ROTATE_SEC, raw));
  const token = params.get('token');
  return {
    queues: parseIntList(params.get('queues')).filter((n) => n >= 0),
    rotateSec,
    token: token && token.length >= 16 && token.length <= 500 ? token : null,
  };
}

export function serializeWallParams(
  w: WallParams,
  base: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const p = new URLSearchParams(base);
  setParam(p, 'queues', w.queues.join(','));
  setParam(p, 'rotate', w.rotateSec > 0 ? String(w.rotateSec) : null);
  setParam(p, 'token', w.token);
  return p;
}
