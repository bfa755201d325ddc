import type { Agent, Thresholds } from '@floorwatch/contracts/api';
import { reasonLabel } from '@floorwatch/contracts/gateway';
import { memo } from 'react';
import { MediaBadges } from '@/components/media-badges';
import { StateBadge } from '@/components/state-badge';
import { ThresholdMeter } from '@/components/threshold-meter';
import { useServerNow } from '@/hooks/use-server-now';
import { formatAgo, formatDuration, formatSignIn } from '@/lib/format';
import { evaluateThreshold } from '@/lib/thresholds';
import { useLiveStore } from '@/stores/live-store';
import { displayName, otherQueues, type ColumnId } from '../lib/columns';

const cell = 'px-3 truncate border-b border-line align-middle';

/** Ticks on the shared clock; only this cell re-renders every second, not the row. */
function TimeInStateCell({ agent, thresholds }: { agent: Agent; thresholds: Thresholds }) {
  const serverNow = useServerNow();
  const ms = serverNow - agent.stateSince;
  const result = evaluateThreshold(agent.state, ms / 1000, thresholds);
  const tint = result.level === 'crit' ? 'bg-crit-bg' : result.level === 'warn' ? 'bg-warn-bg' : '';
  return (
    <td className={`${cell} ${tint}`} data-level={result.level}>
      <span className="flex items-center justify-between gap-2">
        <span
          className={`font-mono tabular text-[0.95rem] font-semibold ${
            result.level === 'crit' ? 'text-crit' : result.level === 'warn' ? 'text-warn' : ''
          }`}
        >
          {formatDuration(ms)}
        </span>
        {result.share > 0 && <ThresholdMeter result={result} />}
      </span>
    </td>
  );
}

function SignInCell({ agent }: { agent: Agent }) {
  const serverNow = useServerNow();
  const offset = useLiveStore((s) => s.clockOffsetMs ?? 0);
  if (agent.loginAt === null) return <td className={`${cell} text-muted`}>—</td>;
  return (
    <td className={cell}>
      <span className="tabular">{formatSignIn(agent.loginAt - offset, serverNow - offset)}</span>
      <span className="text-xs text-muted"> · {formatAgo(serverNow - agent.loginAt)} ago</span>
    </td>
  );
}

interface AgentRowProps {
  agent: Agent;
  cols: readonly ColumnId[];
  skillId: number;
  rowIndex: number;
  thresholds: Thresholds;
}

/** One agent. Memoised: a patch that leaves this agent's object untouched skips it. */
export const AgentRow = memo(function AgentRow({
  agent,
  cols,
  skillId,
  rowIndex,
  thresholds,
}: AgentRowProps) {
  return (
    <tr aria-rowindex={rowIndex} className="h-11 hover:bg-surface-2" data-workno={agent.workno}>
      {cols.map((c) => {
        switch (c) {
          case 'name':
            return (
              <th scope="row" key={c} className={`${cell} text-left font-medium`}>
                {displayName(agent)}
              </th>
            );
          case 'workno':
            return (
              <td key={c} className={`${cell} font-mono tabular text-sm`}>
                {agent.workno}
              </td>
            );
          case 'state':
            return (
              <td key={c} className={cell}>
                <StateBadge state={agent.state} />
              </td>
            );
          case 'timeInState':
            return <TimeInStateCell key={c} agent={agent} thresholds={thresholds} />;
          case 'signIn':
            return <SignInCell key={c} agent={agent} />;
          case 'media':
            return (
              <td key={c} className={cell}>
                <MediaBadges media={agent.media} />
              </td>
            );
          case 'phone':
            return (
              <td key={c} className={`${cell} font-mono tabular text-sm`}>
                {agent.phone || '—'}
              </td>
            );
          case 'group':
            return (
              <td key={c} className={`${cell} tabular`}>
                {agent.groupId}
              </td>
            );
          case 'vdn':
            return (
              <td key={c} className={`${cell} tabular`}>
                {agent.vdnId}
              </td>
            );
          case 'reason': {
            const r = reasonLabel(agent.reason);
            return (
              <td
                key={c}
                className={`${cell} text-sm ${r ? '' : 'text-muted'}`}
                title={r ?? undefined}
              >
                {r ?? '—'}
              </td>
            );
          }
          case 'queues': {
            const n = otherQueues(agent, skillId);
            return (
              <td key={c} className={`${cell} text-sm ${n ? '' : 'text-muted'}`}>
                {n === 0 ? '—' : `also in ${n} queue${n === 1 ? '' : 's'}`}
              </td>
            );
          }
        }
      })}
    </tr>
  );
});
