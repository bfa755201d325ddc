import type { Agent, Thresholds } from '@floorwatch/contracts/api';
import { levelTextClass } from '@/components/limit-level';
import { ThresholdMeter } from '@/components/threshold-meter';
import { useServerNow } from '@/hooks/use-server-now';
import { formatDuration } from '@/lib/format';
import { evaluateThreshold, type ThresholdResult } from '@/lib/thresholds';

/** Time in state against the limits, ticking on the shared clock. */
export function useTimeInState(
  agent: Agent,
  thresholds: Thresholds,
): { ms: number; result: ThresholdResult } {
  const serverNow = useServerNow();
  const ms = serverNow - agent.stateSince;
  return { ms, result: evaluateThreshold(agent.state, ms / 1000, thresholds) };
}

/**
 * The duration in the level's colour, then the meter with the level's icon. Only this subscribes
 * to the clock, not the row or card around it.
 */
export function TimeInState({
  agent,
  thresholds,
  className = 'text-[0.95rem]',
}: {
  agent: Agent;
  thresholds: Thresholds;
  className?: string;
}) {
  const { ms, result } = useTimeInState(agent, thresholds);
  return (
    <span className="flex items-center justify-between gap-2" data-level={result.level}>
      <span
        className={`font-mono font-semibold tabular ${levelTextClass(result.level)} ${className}`}
      >
        {formatDuration(ms)}
      </span>
      {result.share > 0 && <ThresholdMeter result={result} />}
    </span>
  );
}
