// Code tables of the CC-Gateway, as data with labels (docs/gateway.md §Agent states, §Media and
// reason codes, §Error codes).

/** The normalised agent states Floorwatch shows. Part of the public API. */
export const AGENT_STATES = [
  'idle',
  'talking',
  'wrapup',
  'busy',
  'rest',
  'prerest',
  'signedout',
  'unknown',
] as const;
export type AgentState = (typeof AGENT_STATES)[number];

export const AGENT_STATE_LABELS: Record<AgentState, string> = {
  idle: 'Idle',
  talking: 'Talking',
  wrapup: 'Wrap-up',
  busy: 'Busy',
  rest: 'Rest',
  prerest: 'Pre-rest',
  signedout: 'Signed out',
  unknown: 'Unknown',
};

/** Table 1: the gateway's agent `status` field (agentgroup results). */
export const AGENT_STATUS: Record<number, { label: string; state: AgentState }> = {
  0: { label: 'Unknown', state: 'unknown' },
  1: { label: 'Signed in (reserved)', state: 'idle' },
  2: { label: 'Signed out', state: 'signedout' },
  3: { label: 'Busy (said busy)', state: 'busy' },
  4: { label: 'Idle', state: 'idle' },
  5: { label: 'Wrap-up', state: 'wrapup' },
  6: { label: 'Idle (reserved)', state: 'idle' },
  7: { label: 'Talking', state: 'talking' },
  8: { label: 'Rest', state: 'rest' },
  9: { label: 'Pre-rest', state: 'prerest' },
};

/** Table 2: the CTI platform status (`ctiStatus`). */
export const CTI_STATUS: Record<number, string> = {
  0: 'Not signed in',
  1: 'Idle',
  2: 'Pre-occupied',
  3: 'Occupied',
  4: 'Answering',
  5: 'Talking',
  6: 'Wrap-up',
  7: 'Busy (said busy)',
  8: 'Rest',
  9: 'Study',
  10: 'Adjusting',
};

/** The `status` that goes with each CTI status (Table 1, right column). */
export const STATUS_FOR_CTI: Record<number, number> = {
  0: 2,
  1: 4,
  2: 7,
  3: 7,
  4: 7,
  5: 7,
  6: 5,
  7: 3,
  8: 8,
  9: 0,
};

export function stateFromStatus(status: number): AgentState {
  return AGENT_STATUS[status]?.state ?? 'unknown';
}

/** `skillMediaType` of a skill queue (§3.4). */
export const SKILL_MEDIA_TYPES: Record<
  number,
  { label: string; channel: 'voice' | 'video' | 'chat' | 'email' | 'other' }
> = {
  1: { label: 'Text chat', channel: 'chat' },
  2: { label: 'Click-to-call', channel: 'voice' },
  4: { label: 'Callback request', channel: 'voice' },
  5: { label: 'Voice/video', channel: 'voice' },
  6: { label: 'Email', channel: 'email' },
  15: { label: 'Predictive outbound', channel: 'voice' },
  16: { label: 'Preview outbound', channel: 'voice' },
  17: { label: 'Message call', channel: 'other' },
  18: { label: 'Video click-to-call', channel: 'video' },
  19: { label: 'Video call', channel: 'video' },
  51: { label: 'Web chat', channel: 'chat' },
  53: { label: 'Social chat', channel: 'chat' },
};

export function skillMediaLabel(mediaType: number): string {
  return SKILL_MEDIA_TYPES[mediaType]?.label ?? `Media ${mediaType}`;
}

/** The agent `mediatype` T/F triple: CTI server (voice/video), WebM (chat), MailM (email). */
export interface MediaSignIn {
  voice: boolean;
  chat: boolean;
  email: boolean;
}

export function parseMediaTriple(triple: string): MediaSignIn {
  const flag = (i: number) => triple.charAt(i).toUpperCase() === 'T';
  return { voice: flag(0), chat: flag(1), email: flag(2) };
}

export function formatMediaTriple(media: MediaSignIn): string {
  return [media.voice, media.chat, media.email].map((b) => (b ? 'T' : 'F')).join('');
}

/** Reason codes (§3.5): busy/not-ready, rest and sign-out reasons of the agent operation bill. */
export function reasonLabel(code: number): string | null {
  if (code === 0) return null;
  const fixed: Record<number, string> = {
    1: 'Said busy',
    2: 'Forced busy after no answer',
    3: 'Forced busy by quality control',
    4: 'Rest',
    5: 'Phone unavailable',
    7: 'Rejected the call',
    256: 'Disconnected',
    257: 'Forced out by an inspector',
    258: 'Signed out by the agent',
    259: 'Signed out before signing in again',
    260: 'Handshake timeout',
    261: 'Handshake timeout',
    262: 'Heartbeat timeout',
    263: 'Heartbeat timeout',
    264: 'Forced sign-in elsewhere',
  };
  if (fixed[code]) return fixed[code];
  if (code >= 200 && code <= 250) return `Custom busy reason ${code}`;
  return `Reason ${code}`;
}

/** The "no time" sentinel: 0xFFFFFFFF seconds in ms (decodes to 2106). */
export const NO_TIME_SENTINEL_MS = 4294967295000;

/** queryacdstat fills a value it does not have with 65535 (or 255 in one-byte fields);
 *  docs/gateway.md §Queue statistics. */
export const ACD_NONE_SENTINEL = 65535;

/** A queryacdstat number as shown: null for a missing value, a sentinel, or anything outside
 *  `0…max` (a percentage above 100 is a sentinel too). */
export function acdValue(n: number | null | undefined, max = ACD_NONE_SENTINEL - 1): number | null {
  if (n === null || n === undefined || !Number.isFinite(n)) return null;
  if (n < 0 || n >= ACD_NONE_SENTINEL || n > max) return null;
  return n;
}

export const RETCODE_CATEGORIES = [
  'ok',
  'session-lost',
  'guid-expired',
  'already-signed-in',
  'no-right',
  'retry',
  'fatal-config',
  'fatal-credentials',
  'client-bug',
  'empty',
  'other',
] as const;
export type RetcodeCategory = (typeof RETCODE_CATEGORIES)[number];

/** Every retcode of docs/gateway.md §Error codes with its meaning and what a client should do. */
export const RETCODES: Record<string, { message: string; category: RetcodeCategory }> = {
  '0': { message: 'Success', category: 'ok' },
  '000-001': { message: 'Wrong event method', category: 'client-bug' },
  '000-002': { message: 'Invalid parameter', category: 'client-bug' },
  '000-003': { message: 'No permission or authentication expired', category: 'guid-expired' },
  '000-004': { message: 'Agent is being switched over', category: 'retry' },
  '000-005': { message: 'The inspected agent is an inspector', category: 'other' },
  '000-006': { message: 'Message parameter error', category: 'client-bug' },
  '000-007': { message: 'Repeated invocation', category: 'retry' },
  '100-001': { message: 'Sign-in parameter empty or invalid', category: 'fatal-config' },
  '100-002': { message: 'Agent already signed in', category: 'already-signed-in' },
  '100-003': { message: 'Resource unavailable during sign-in', category: 'retry' },
  '100-004': { message: 'Wrong user name or password', category: 'fatal-credentials' },
  '100-005': { message: 'Invalid sign-out parameter', category: 'client-bug' },
  '100-006': { message: 'Agent not signed in', category: 'session-lost' },
  '100-007': { message: 'Operation exception', category: 'retry' },
  '100-008': { message: 'Agent already signed out', category: 'session-lost' },
  '100-009': { message: 'No permission to set state', category: 'no-right' },
  '100-010': { message: 'State error during sign-out', category: 'other' },
  '100-011': { message: 'Invalid sign-in parameter', category: 'fatal-config' },
  '100-012': { message: 'Wrong agent type', category: 'fatal-config' },
  '100-013': { message: 'Invalid phone number', category: 'fatal-config' },
  '100-014': { message: 'Phone number not in the configured range', category: 'fatal-config' },
  '100-015': { message: 'Signed in and cannot be forced out', category: 'fatal-config' },
  '100-016': { message: 'Invalid IP', category: 'fatal-config' },
  '100-017': { message: 'uPortal authentication failed', category: 'fatal-credentials' },
  '100-018': { message: 'vdnId mismatch', category: 'fatal-config' },
  '100-019': { message: 'Invalid skill-queue query parameters', category: 'client-bug' },
  '100-020': { message: 'Password expired', category: 'fatal-credentials' },
  '100-021': { message: 'Sign-in already in progress', category: 'retry' },
  '110-016': { message: 'Account locked', category: 'fatal-credentials' },
  '105-001': { message: 'Recovery in progress', category: 'retry' },
  '105-002': { message: 'Recovery in progress', category: 'retry' },
  '105-003': { message: 'Recovery in progress', category: 'retry' },
  '105-004': { message: 'Recovery in progress', category: 'retry' },
  '105-005': { message: 'Recovered: sign in again', category: 'session-lost' },
  '105-006': { message: 'Recovered: sign in again', category: 'session-lost' },
  '105-007': { message: 'Recovered: sign in again', category: 'session-lost' },
  '300-001': { message: 'No right to query agent information', category: 'no-right' },
  '300-002': { message: 'No agent information', category: 'empty' },
  '300-003': { message: 'Agent-group query error', category: 'other' },
  '300-004': { message: 'Agent-group query error', category: 'other' },
  '400-001': { message: 'Call-data error', category: 'other' },
  '400-002': { message: 'Call-data error', category: 'other' },
  '400-003': { message: 'Call-data error', category: 'other' },
  '600-001': { message: 'No agent or agent has no skills', category: 'empty' },
  '600-002': { message: 'VDN has no queue', category: 'empty' },
  '600-003': { message: 'No access code', category: 'other' },
  '600-004': { message: 'No IVR', category: 'other' },
  '600-005': { message: 'No skill queue configured in the agent VDN', category: 'empty' },
  '999-001': { message: 'Server configuration invalid', category: 'fatal-config' },
};

export function retcodeCategory(retcode: string): RetcodeCategory {
  return RETCODES[retcode]?.category ?? 'other';
}

/** Categories after which re-trying fast is pointless: an operator must act. */
export function isFatalCategory(category: RetcodeCategory): boolean {
  return category === 'fatal-config' || category === 'fatal-credentials' || category === 'no-right';
}
