import { stateColor, stateLabel, type AgentState } from '@/lib/states';
import { StateIcon } from './state-icon';

/**
 * A state as colour + icon + text (never colour alone). With the queue's `mediaType` a busy agent
 * reads in the medium's word ("Chatting", "Handling email").
 */
export function StateBadge({
  state,
  size = 'md',
  mediaType,
}: {
  state: AgentState;
  size?: 'md' | 'lg';
  mediaType?: number | null;
}) {
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
      {stateLabel(state, mediaType)}
    </span>
  );
}
