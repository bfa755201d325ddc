// What a failed sign-in with the display's link token means for an unattended screen.
import { isApiError } from '@/lib/api-client';

export type LinkFailure =
  /** The server refused the token: no retry will help, a person must give the TV a new link. */
  | { kind: 'invalid' }
  /** Too many attempts from this address: wait as long as the server says. */
  | { kind: 'throttled'; retryAfterMs: number }
  /** Network or server trouble: try again soon. */
  | { kind: 'unreachable' };

export function linkFailure(e: unknown): LinkFailure {
  if (isApiError(e)) {
    if (e.status === 401 || e.status === 400) return { kind: 'invalid' };
    if (e.status === 429)
      return { kind: 'throttled', retryAfterMs: (e.retryAfterSec ?? 60) * 1000 };
  }
  return { kind: 'unreachable' };
}
