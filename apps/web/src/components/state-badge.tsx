import { AGENT_STATE_LABELS, stateColor, type AgentState } from '@/lib/states';
import { StateIcon } from './state-icon';

/** A state as colour + icon + text (never colour alone). */
export function StateBadge({ state, size = 'md' }: { state: AgentState; size?: 'md' | 'lg' }) {
  return (
    <span
      className={
        'inline-flex items-center gap-1.5 font-medium whitespace-nowrap ' +
        (size === 'lg' ? 'text-[1.1em]' : 'text-sm')
      }
      data-state={state}
    >
      <span
        className="inline-flex h-[1.4em] w-[1.4em] shrink-0 items-center justify-center rounded-full text-white"
        style={{ background: stateColor(state) }}
      >
        <StateIcon state={state} className="h-[0.9em] w-[0.9em] stroke-[2.5]" />
      </span>
      {AGENT_STATE_LABELS[state]}
    </span>
  );
}
