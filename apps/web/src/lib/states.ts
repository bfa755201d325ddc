import { AGENT_STATE_LABELS, AGENT_STATES, type AgentState } from '@floorwatch/contracts/gateway';

export { AGENT_STATES, AGENT_STATE_LABELS };
export type { AgentState };

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
