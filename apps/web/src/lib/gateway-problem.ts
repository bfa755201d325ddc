// What a gateway problem means to a supervisor, in one place: the BFF reports an error code and
// a category (gateway retcodes, docs/gateway.md §Error codes, or Floorwatch's own codes such as
// TIMEOUT); screens show a plain sentence. Every wording lives in PROBLEM_TEXT so a translation can
// replace it as a whole. The code and the raw message are for the desk's details disclosure only:
// a wall display never shows them.
import type { GatewayError } from '@floorwatch/contracts/api';

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

interface ProblemText {
  /** The sentence without a time. */
  plain: string;
  /** The sentence with the time of the last good data ("14:02"). */
  since: (time: string) => string;
  /** What happens next or who must act; null when the sentence says it all. */
  advice: string | null;
}

const withFigures = (plain: string) => (time: string) => `${plain} · figures from ${time}`;

export const PROBLEM_TEXT: Record<ProblemKind, ProblemText> = {
  unreachable: {
    plain: "Can't reach the phone system",
    since: (t) => `Can't reach the phone system since ${t}`,
    advice: 'Floorwatch keeps trying and shows live figures again as soon as it gets through.',
  },
  'not-answering': {
    plain: 'The phone system is not answering',
    since: (t) => `The phone system has not answered since ${t}`,
    advice: 'Floorwatch keeps asking and shows live figures again as soon as it answers.',
  },
  'no-right': {
    plain: 'No permission to read agent data',
    since: withFigures('No permission to read agent data'),
    advice:
      "The phone system does not let Floorwatch's account read agent data. Ask its administrator to grant that right; the screens recover by themselves once it is granted.",
  },
  credentials: {
    plain: "Floorwatch can't sign in to the phone system",
    since: withFigures("Floorwatch can't sign in to the phone system"),
    advice:
      "The phone system does not accept Floorwatch's account or password. An administrator must fix the account.",
  },
  config: {
    plain: 'Floorwatch is not set up correctly for the phone system',
    since: withFigures('Floorwatch is not set up correctly for the phone system'),
    advice: "An administrator must check Floorwatch's phone system settings.",
  },
  'signing-in': {
    plain: 'Signing in to the phone system again',
    since: withFigures('Signing in to the phone system again'),
    advice: null,
  },
  unreadable: {
    plain: "The phone system sent data Floorwatch can't read",
    since: withFigures("The phone system sent data Floorwatch can't read"),
    advice: 'Floorwatch keeps the last good figures and asks again.',
  },
  busy: {
    plain: 'The phone system is busy',
    since: withFigures('The phone system is busy'),
    advice: 'Floorwatch asks again in a moment.',
  },
  'no-data': {
    plain: 'No new data from the phone system',
    since: (t) => `No new data from the phone system since ${t}`,
    advice: null,
  },
  other: {
    plain: 'Problem getting data from the phone system',
    since: (t) => `Problem getting data from the phone system since ${t}`,
    advice: 'Floorwatch keeps trying.',
  },
};

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
  const text = PROBLEM_TEXT[kind];
  return {
    kind,
    headline: since === null ? text.plain : text.since(since),
    advice: text.advice,
    technical: error ? { code: error.code, message: error.message } : null,
  };
}

/** The wall's version: the plain sentence only. */
export function plainGatewayProblem(error: GatewayError | null, since: string | null): string {
  return describeGatewayProblem(error, since).headline;
}
