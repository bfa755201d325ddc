import { AGENT_STATES, SKILL_MEDIA_TYPES, type AgentState } from '@floorwatch/contracts/gateway';
import { defineMessages } from '@/i18n/messages';
import { activeIntl } from '@/stores/locale-store';

export { AGENT_STATES };
export type { AgentState };

// In the words Chinese contact centres use on their own consoles (docs/gateway.md §Agent states).
const STATE = defineMessages<AgentState>({
  idle: { id: 'state.idle', defaultMessage: 'Idle' },
  talking: { id: 'state.talking', defaultMessage: 'Talking' },
  wrapup: { id: 'state.wrapup', defaultMessage: 'Wrap-up' },
  busy: { id: 'state.busy', defaultMessage: 'Busy' },
  rest: { id: 'state.rest', defaultMessage: 'Rest' },
  prerest: { id: 'state.prerest', defaultMessage: 'Pre-rest' },
  signedout: { id: 'state.signedout', defaultMessage: 'Signed out' },
  unknown: { id: 'state.unknown', defaultMessage: 'Unknown' },
});

/**
 * What an agent busy with a contact is doing, in the medium's own word: in a chat queue nobody
 * is "talking". By the queue's `skillMediaType` (docs/gateway.md §Media and reason codes).
 */
const BUSY_WORD = defineMessages<'chat' | 'email'>({
  chat: { id: 'state.talking.chat', defaultMessage: 'Chatting' },
  email: { id: 'state.talking.email', defaultMessage: 'Handling email' },
});

/**
 * A state's label in the active language, in the words of the queue's medium when one is given
 * (`mediaType`): "Chatting" in a chat queue, "Handling email" in an email queue; every other
 * state keeps its label.
 */
export function stateLabel(state: AgentState, mediaType?: number | null): string {
  const intl = activeIntl();
  if (state === 'talking' && mediaType !== undefined && mediaType !== null) {
    const channel = SKILL_MEDIA_TYPES[mediaType]?.channel;
    if (channel === 'chat' || channel === 'email') return intl.formatMessage(BUSY_WORD[channel]);
  }
  return intl.formatMessage(STATE[state]);
}

const MEDIA = defineMessages({
  1: { id: 'media.1', defaultMessage: 'Text chat' },
  2: { id: 'media.2', defaultMessage: 'Click-to-call' },
  4: { id: 'media.4', defaultMessage: 'Callback request' },
  5: { id: 'media.5', defaultMessage: 'Voice/video' },
  6: { id: 'media.6', defaultMessage: 'Email' },
  15: { id: 'media.15', defaultMessage: 'Predictive outbound' },
  16: { id: 'media.16', defaultMessage: 'Preview outbound' },
  17: { id: 'media.17', defaultMessage: 'Message call' },
  18: { id: 'media.18', defaultMessage: 'Video click-to-call' },
  19: { id: 'media.19', defaultMessage: 'Video call' },
  51: { id: 'media.51', defaultMessage: 'Web chat' },
  53: { id: 'media.53', defaultMessage: 'Social chat' },
  other: { id: 'media.other', defaultMessage: 'Media {code}' },
});

/** A queue's medium (`skillMediaType`) in the active language: "Web chat", 「网页聊天」. */
export function mediaLabel(mediaType: number): string {
  const intl = activeIntl();
  const m = (MEDIA as Record<string, (typeof MEDIA)['other']>)[String(mediaType)];
  return m ? intl.formatMessage(m) : intl.formatMessage(MEDIA.other, { code: mediaType });
}

const SKILL = defineMessages({
  line: { id: 'queue.skill-media', defaultMessage: 'Skill {skillId} · {media}' },
});

/** A queue's gateway number and medium, under its name: "Skill 12 · Web chat". */
export function skillText(skillId: number, mediaType: number): string {
  return activeIntl().formatMessage(SKILL.line, { skillId, media: mediaLabel(mediaType) });
}

const REASON = defineMessages({
  1: { id: 'reason.1', defaultMessage: 'Said busy' },
  2: { id: 'reason.2', defaultMessage: 'Forced busy after no answer' },
  3: { id: 'reason.3', defaultMessage: 'Forced busy by quality control' },
  4: { id: 'reason.4', defaultMessage: 'Rest' },
  5: { id: 'reason.5', defaultMessage: 'Phone unavailable' },
  7: { id: 'reason.7', defaultMessage: 'Rejected the call' },
  256: { id: 'reason.256', defaultMessage: 'Disconnected' },
  257: { id: 'reason.257', defaultMessage: 'Forced out by an inspector' },
  258: { id: 'reason.258', defaultMessage: 'Signed out by the agent' },
  259: { id: 'reason.259', defaultMessage: 'Signed out before signing in again' },
  260: { id: 'reason.260', defaultMessage: 'Handshake timeout' },
  261: { id: 'reason.261', defaultMessage: 'Handshake timeout' },
  262: { id: 'reason.262', defaultMessage: 'Heartbeat timeout' },
  263: { id: 'reason.263', defaultMessage: 'Heartbeat timeout' },
  264: { id: 'reason.264', defaultMessage: 'Forced sign-in elsewhere' },
  custom: { id: 'reason.custom', defaultMessage: 'Custom busy reason {code}' },
  other: { id: 'reason.other', defaultMessage: 'Reason {code}' },
});

/**
 * A gateway reason code (docs/gateway.md §Media and reason codes) in the active language; null
 * for 0 (no reason). The same codes as contracts' reasonLabel, which stays the English source.
 */
export function reasonText(code: number): string | null {
  if (code === 0) return null;
  const intl = activeIntl();
  const m = (REASON as Record<string, (typeof REASON)['other']>)[String(code)];
  if (m) return intl.formatMessage(m);
  if (code >= 200 && code <= 250) return intl.formatMessage(REASON.custom, { code });
  return intl.formatMessage(REASON.other, { code });
}

// The gateway's own status tables (docs/gateway.md §Agent states), for the agent detail.
const STATUS = defineMessages({
  0: { id: 'status.0', defaultMessage: 'Unknown' },
  1: { id: 'status.1', defaultMessage: 'Signed in (reserved)' },
  2: { id: 'status.2', defaultMessage: 'Signed out' },
  3: { id: 'status.3', defaultMessage: 'Busy (said busy)' },
  4: { id: 'status.4', defaultMessage: 'Idle' },
  5: { id: 'status.5', defaultMessage: 'Wrap-up' },
  6: { id: 'status.6', defaultMessage: 'Idle (reserved)' },
  7: { id: 'status.7', defaultMessage: 'Talking' },
  8: { id: 'status.8', defaultMessage: 'Rest' },
  9: { id: 'status.9', defaultMessage: 'Pre-rest' },
});

const CTI = defineMessages({
  0: { id: 'cti.0', defaultMessage: 'Not signed in' },
  1: { id: 'cti.1', defaultMessage: 'Idle' },
  2: { id: 'cti.2', defaultMessage: 'Pre-occupied' },
  3: { id: 'cti.3', defaultMessage: 'Occupied' },
  4: { id: 'cti.4', defaultMessage: 'Answering' },
  5: { id: 'cti.5', defaultMessage: 'Talking' },
  6: { id: 'cti.6', defaultMessage: 'Wrap-up' },
  7: { id: 'cti.7', defaultMessage: 'Busy (said busy)' },
  8: { id: 'cti.8', defaultMessage: 'Rest' },
  9: { id: 'cti.9', defaultMessage: 'Study' },
  10: { id: 'cti.10', defaultMessage: 'Adjusting' },
});

const UNKNOWN = defineMessages({
  status: { id: 'status.other', defaultMessage: 'Unknown' },
});

type Table = Record<string, (typeof UNKNOWN)['status']>;

/** The gateway's `status` code in words (the same table as contracts' AGENT_STATUS). */
export function statusText(status: number): string {
  return activeIntl().formatMessage((STATUS as Table)[String(status)] ?? UNKNOWN.status);
}

/** The CTI platform's `ctiStatus` in words (the same table as contracts' CTI_STATUS). */
export function ctiText(cti: number): string {
  return activeIntl().formatMessage((CTI as Table)[String(cti)] ?? UNKNOWN.status);
}

/** CSS colour of a state (a theme variable, so light and dark each get an AA-safe tone). */
export function stateColor(state: AgentState): string {
  return `var(--fw-st-${state})`;
}

/** States in the order supervisors read them: available first, then occupied, then away. */
export const STATE_ORDER: readonly AgentState[] = [
  'idle',
  'talking',
  'wrapup',
  'busy',
  'prerest',
  'rest',
  'signedout',
  'unknown',
];
