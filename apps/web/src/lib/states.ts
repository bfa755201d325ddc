import {
  AGENT_STATE_LABELS,
  AGENT_STATES,
  SKILL_MEDIA_TYPES,
  type AgentState,
} from '@floorwatch/contracts/gateway';

export { AGENT_STATES, AGENT_STATE_LABELS };
export type { AgentState };

/**
 * What an agent busy with a contact is doing, in the medium's own word: in a chat queue nobody
 * is "talking". By the queue's `skillMediaType` (docs/gateway.md §Media and reason codes).
 */
const BUSY_WORD: Partial<Record<string, string>> = {
  chat: 'Chatting',
  email: 'Handling email',
};

/**
 * A state's label, in the words of the queue's medium when one is given (`mediaType`): "Chatting"
 * in a chat queue, "Handling email" in an email queue; every other state keeps its label.
 */
export function stateLabel(state: AgentState, mediaType?: number | null): string {
  if (state === 'talking' && mediaType !== undefined && mediaType !== null) {
    const channel = SKILL_MEDIA_TYPES[mediaType]?.channel;
    const word = channel ? BUSY_WORD[channel] : undefined;
    if (word) return word;
  }
  return AGENT_STATE_LABELS[state];
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
