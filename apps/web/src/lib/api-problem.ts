// What a failed request means to the person at the screen, in their language. The BFF answers
// every error with a code (docs/api.md, ErrorBody); the SPA words the code itself, so English text
// from the server never reaches a Chinese screen. The server's message stays in ApiError.message
// for the console and the details disclosure.
import { defineMessages } from '@/i18n/messages';
import { activeIntl } from '@/stores/locale-store';
import { isApiError } from './api-client';

const API = defineMessages({
  NETWORK: {
    id: 'api.NETWORK',
    defaultMessage: 'Cannot reach the Floorwatch server. Check the network connection.',
  },
  BAD_RESPONSE: {
    id: 'api.BAD_RESPONSE',
    defaultMessage: 'The Floorwatch server sent an answer this page cannot read. Reload the page.',
  },
  BAD_REQUEST: { id: 'api.BAD_REQUEST', defaultMessage: 'The server did not accept the request.' },
  UNAUTHENTICATED: { id: 'api.UNAUTHENTICATED', defaultMessage: 'Sign in first.' },
  FORBIDDEN: { id: 'api.FORBIDDEN', defaultMessage: 'Your account may not do this.' },
  NOT_FOUND: { id: 'api.NOT_FOUND', defaultMessage: 'Not found.' },
  CONFLICT: {
    id: 'api.CONFLICT',
    defaultMessage: 'Someone else changed this meanwhile. Look at their change and try again.',
  },
  RATE_LIMITED: {
    id: 'api.RATE_LIMITED',
    defaultMessage:
      'Too many failed sign-ins. Try again in {seconds, plural, one {# second} other {# seconds}}.',
  },
  CROSS_ORIGIN: {
    id: 'api.CROSS_ORIGIN',
    defaultMessage: 'Refused: the request did not come from the Floorwatch dashboard itself.',
  },
  PAYLOAD_TOO_LARGE: { id: 'api.PAYLOAD_TOO_LARGE', defaultMessage: 'The request is too large.' },
  NOT_READY: {
    id: 'api.NOT_READY',
    defaultMessage: 'Floorwatch is starting and has no figures yet. Try again in a moment.',
  },
  GATEWAY_UNAVAILABLE: {
    id: 'api.GATEWAY_UNAVAILABLE',
    defaultMessage: 'The phone system cannot be reached just now.',
  },
  TIMEOUT: { id: 'api.TIMEOUT', defaultMessage: 'The server took too long to answer.' },
  INTERNAL: {
    id: 'api.INTERNAL',
    defaultMessage:
      'The Floorwatch server ran into a problem. Try again; if it persists, tell your administrator.',
  },
  other: {
    id: 'api.other',
    defaultMessage: 'The request failed (code {code}).',
  },
});

type Known = Exclude<keyof typeof API, 'other'>;
const isKnown = (code: string): code is Known => code in API && code !== 'other';

/** One sentence for any error a request can throw, in the active language. */
export function apiErrorText(err: unknown): string {
  const intl = activeIntl();
  if (!isApiError(err)) return intl.formatMessage(API.INTERNAL);
  if (err.code === 'RATE_LIMITED')
    return intl.formatMessage(API.RATE_LIMITED, { seconds: err.retryAfterSec ?? 60 });
  if (isKnown(err.code)) return intl.formatMessage(API[err.code]);
  if (err.code.startsWith('GATEWAY_')) return intl.formatMessage(API.GATEWAY_UNAVAILABLE);
  return intl.formatMessage(API.other, { code: err.code });
}
