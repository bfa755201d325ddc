// What a gateway problem means to a supervisor, in one place: the BFF reports an error code and
// a category (gateway retcodes, docs/gateway.md §Error codes, or Floorwatch's own codes such as
// TIMEOUT); screens show a plain sentence in the user's language (the messages below; the server's
// English message is never the sentence). The code and the raw message are for the desk's details
// disclosure only: a wall display never shows them.
import type { GatewayError } from '@floorwatch/contracts/api';
import { defineMessages } from '@/i18n/messages';
import { activeIntl } from '@/stores/locale-store';

export type ProblemKind =
  | 'unreachable'
  | 'not-answering'
  | 'no-right'
  | 'credentials'
  | 'config'
  | 'signing-in'
  | 'unreadable'
  | 'busy'
  | 'no-data'
  | 'other';

const PLAIN = defineMessages<ProblemKind>({
  unreachable: { id: 'problem.unreachable', defaultMessage: "Can't reach the phone system" },
  'not-answering': {
    id: 'problem.not-answering',
    defaultMessage: 'The phone system is not answering',
  },
  'no-right': { id: 'problem.no-right', defaultMessage: 'No permission to read agent data' },
  credentials: {
    id: 'problem.credentials',
    defaultMessage: "Floorwatch can't sign in to the phone system",
  },
  config: {
    id: 'problem.config',
    defaultMessage: 'Floorwatch is not set up correctly for the phone system',
  },
  'signing-in': {
    id: 'problem.signing-in',
    defaultMessage: 'Signing in to the phone system again',
  },
  unreadable: {
    id: 'problem.unreadable',
    defaultMessage: "The phone system sent data Floorwatch can't read",
  },
  busy: { id: 'problem.busy', defaultMessage: 'The phone system is busy' },
  'no-data': { id: 'problem.no-data', defaultMessage: 'No new data from the phone system' },
  other: { id: 'problem.other', defaultMessage: 'Problem getting data from the phone system' },
});

/** The sentence with the time of the last good data, where it reads better than "· figures from". */
const SINCE = defineMessages<'unreachable' | 'not-answering' | 'no-data' | 'other' | 'figures'>({
  unreachable: {
    id: 'problem.unreachable.since',
    defaultMessage: "Can't reach the phone system since {time}",
  },
  'not-answering': {
    id: 'problem.not-answering.since',
    defaultMessage: 'The phone system has not answered since {time}',
  },
  'no-data': {
    id: 'problem.no-data.since',
    defaultMessage: 'No new data from the phone system since {time}',
  },
  other: {
    id: 'problem.other.since',
    defaultMessage: 'Problem getting data from the phone system since {time}',
  },
  figures: { id: 'problem.figures-from', defaultMessage: '{problem} · figures from {time}' },
});

const ADVICE = defineMessages<Exclude<ProblemKind, 'signing-in' | 'no-data'>>({
  unreachable: {
    id: 'problem.unreachable.advice',
    defaultMessage:
      'Floorwatch keeps trying and shows live figures again as soon as it gets through.',
  },
  'not-answering': {
    id: 'problem.not-answering.advice',
    defaultMessage: 'Floorwatch keeps asking and shows live figures again as soon as it answers.',
  },
  'no-right': {
    id: 'problem.no-right.advice',
    defaultMessage:
      "The phone system does not let Floorwatch's account read agent data. Ask its administrator to grant that right; the screens recover by themselves once it is granted.",
  },
  credentials: {
    id: 'problem.credentials.advice',
    defaultMessage:
      "The phone system does not accept Floorwatch's account or password. An administrator must fix the account.",
  },
  config: {
    id: 'problem.config.advice',
    defaultMessage: "An administrator must check Floorwatch's phone system settings.",
  },
  unreadable: {
    id: 'problem.unreadable.advice',
    defaultMessage: 'Floorwatch keeps the last good figures and asks again.',
  },
  busy: { id: 'problem.busy.advice', defaultMessage: 'Floorwatch asks again in a moment.' },
  other: { id: 'problem.other.advice', defaultMessage: 'Floorwatch keeps trying.' },
});

/** A problem's sentences in the active language; `since` is the time of the last good data. */
function problemText(kind: ProblemKind, since: string | null) {
  const intl = activeIntl();
  const plain = intl.formatMessage(PLAIN[kind]);
  let headline = plain;
  if (since !== null) {
    const own =
      kind === 'unreachable' || kind === 'not-answering' || kind === 'no-data' || kind === 'other';
    headline = own
      ? intl.formatMessage(SINCE[kind], { time: since })
      : intl.formatMessage(SINCE.figures, { problem: plain, time: since });
  }
  const advice =
    kind === 'signing-in' || kind === 'no-data' ? null : intl.formatMessage(ADVICE[kind]);
  return { headline, advice };
}

/** Which plain sentence a BFF error stands for. Total: an unknown code is 'other'. */
export function problemKind(error: Pick<GatewayError, 'code' | 'category'> | null): ProblemKind {
  if (!error) return 'no-data';
  const { code, category } = error;
  switch (category) {
    case 'no-right':
      return 'no-right';
    case 'fatal-credentials':
      return 'credentials';
    case 'fatal-config':
      return 'config';
    case 'session-lost':
    case 'guid-expired':
    case 'already-signed-in':
      return 'signing-in';
    case 'invalid-answer':
      return 'unreadable';
    case 'retry':
      return 'busy';
    case 'stale':
      return 'no-data';
    case 'transport':
      if (code === 'TIMEOUT') return 'not-answering';
      if (code === 'NOT_JSON' || code === 'TOO_LARGE') return 'unreadable';
      if (code === 'SIGNED_OUT') return 'signing-in';
      return 'unreachable';
  }
  if (code === 'TIMEOUT') return 'not-answering';
  if (code === 'DEAD' || code === 'SHUTDOWN' || code === 'SIGNED_OUT') return 'signing-in';
  return 'other';
}

export interface GatewayProblem {
  kind: ProblemKind;
  /** One plain sentence; what a wall shows. */
  headline: string;
  advice: string | null;
  /** Code and raw message, for the desk's details disclosure; never for a wall. */
  technical: { code: string; message: string } | null;
}

/**
 * The problem as screens say it. `since` is the local wall-clock time of the last good data
 * ("14:02"), or null when there never was any.
 */
export function describeGatewayProblem(
  error: GatewayError | null,
  since: string | null,
): GatewayProblem {
  const kind = problemKind(error);
  const { headline, advice } = problemText(kind, since);
  return {
    kind,
    headline,
    advice,
    technical: error ? { code: error.code, message: error.message } : null,
  };
}

/** The wall's version: the plain sentence only. */
export function plainGatewayProblem(error: GatewayError | null, since: string | null): string {
  return describeGatewayProblem(error, since).headline;
}
