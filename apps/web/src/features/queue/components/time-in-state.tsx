import type { Agent } from '@floorwatch/contracts/api';
import { levelTextClass } from '@/components/limit-level';
import { ThresholdMeter } from '@/components/threshold-meter';
import { useServerNow } from '@/hooks/use-server-now';
import { formatDuration } from '@/lib/format';
import { judgeAgent, type AgentJudgement, type LimitsPolicy } from '@/lib/limits';

/** Time in state against the agent's limit in this queue, ticking on the shared clock. */
export function useTimeInState(
  agent: Agent,
  skillId: number,
  policy: LimitsPolicy,
): { ms: number; result: AgentJudgement } {
  const serverNow = useServerNow();
  return {
    ms: serverNow - agent.stateSince,
    result: judgeAgent(agent, skillId, serverNow, policy),
  };
}

/**
 * The duration in the level's colour, then the meter with the level's icon. Only this subscribes
 * to the clock, not the row or card around it.
 */
export function TimeInState({
  agent,
  skillId,
  policy,
  className = 'text-[0.95rem]',
}: {
  agent: Agent;
  skillId: number;
  policy: LimitsPolicy;
  className?: string;
}) {
  const { ms, result } = useTimeInState(agent, skillId, policy);
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
