import type { Agent } from '@floorwatch/contracts/api';
import { memo } from 'react';
import { levelTintClass } from '@/components/limit-level';
import { MediaBadges } from '@/components/media-badges';
import { StateBadge } from '@/components/state-badge';
import { useClockOffset } from '@/hooks/use-live';
import { useServerNow } from '@/hooks/use-server-now';
import { defineMessages } from '@/i18n/messages';
import { groupName, reasonName, reasonWithCode, type FloorNames } from '@/lib/floor-names';
import { formatAgo, formatSignIn } from '@/lib/format';
import { judgeAgent, type LimitsPolicy } from '@/lib/limits';
import { activeIntl, useI18n } from '@/stores/locale-store';
import { displayName, otherQueues, type ColumnId } from '../lib/columns';
import { TimeInState } from './time-in-state';

const cell = 'px-3 truncate border-b border-line align-middle';

const M = defineMessages({
  ago: { id: 'row.ago', defaultMessage: '{ago} ago' },
  group: { id: 'row.group', defaultMessage: '{name} (group {groupId})' },
  alsoIn: {
    id: 'row.also-in',
    defaultMessage: '{count, plural, one {also in # queue} other {also in # queues}}',
  },
});

/** Ticks on the shared clock; only this cell re-renders every second, not the row. */
function TimeInStateCell({
  agent,
  skillId,
  policy,
}: {
  agent: Agent;
  skillId: number;
  policy: LimitsPolicy;
}) {
  const serverNow = useServerNow();
  const level = judgeAgent(agent, skillId, serverNow, policy).level;
  return (
    <td className={`${cell} ${levelTintClass(level)}`} data-level={level}>
      <TimeInState agent={agent} skillId={skillId} policy={policy} />
    </td>
  );
}

/** Two short lines, so the column stays narrow and nothing is cut off: "08:01" / "3 h ago". */
function SignInCell({ agent }: { agent: Agent }) {
  const serverNow = useServerNow();
  const offset = useClockOffset();
  const intl = useI18n();
  if (agent.loginAt === null) return <td className={`${cell} text-muted`}>—</td>;
  return (
    <td className={`${cell} leading-tight`}>
      <span className="block truncate tabular">
        {formatSignIn(agent.loginAt - offset, serverNow - offset)}
      </span>
      <span className="block truncate text-xs text-muted">
        {intl.formatMessage(M.ago, { ago: formatAgo(serverNow - agent.loginAt) })}
      </span>
    </td>
  );
}

interface AgentRowProps {
  agent: Agent;
  cols: readonly ColumnId[];
  skillId: number;
  mediaType: number;
  rowIndex: number;
  policy: LimitsPolicy;
  names: FloorNames;
  /** Opens the agent's detail; stable across renders so memoised rows stay put. */
  onOpen: (workno: string) => void;
}

/**
 * One agent. Memoised: a patch that leaves this agent's object untouched skips it. A click
 * anywhere on the row opens the detail; for the keyboard the name is a button (Enter/Space).
 */
export const AgentRow = memo(function AgentRow({
  agent,
  cols,
  skillId,
  mediaType,
  rowIndex,
  policy,
  names,
  onOpen,
}: AgentRowProps) {
  return (
    <tr
      aria-rowindex={rowIndex}
      className="h-11 cursor-pointer hover:bg-surface-2"
      data-workno={agent.workno}
      onClick={() => onOpen(agent.workno)}
    >
      {cols.map((c) => {
        switch (c) {
          case 'name':
            return (
              <th scope="row" key={c} className={`${cell} text-left font-medium`}>
                <button
                  type="button"
                  aria-haspopup="dialog"
                  className="max-w-full truncate rounded text-left hover:underline"
                >
                  {displayName(agent)}
                </button>
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
                <StateBadge state={agent.state} mediaType={mediaType} />
              </td>
            );
          case 'timeInState':
            return <TimeInStateCell key={c} agent={agent} skillId={skillId} policy={policy} />;
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
          case 'group': {
            const g = groupName(agent.groupId, names);
            return (
              <td
                key={c}
                className={`${cell} text-sm`}
                title={activeIntl().formatMessage(M.group, { name: g, groupId: agent.groupId })}
              >
                {g}
              </td>
            );
          }
          case 'vdn':
            return (
              <td key={c} className={`${cell} tabular`}>
                {agent.vdnId}
              </td>
            );
          case 'reason': {
            const r = reasonName(agent.reason, names);
            return (
              <td
                key={c}
                className={`${cell} text-sm ${r ? '' : 'text-muted'}`}
                title={reasonWithCode(agent.reason, names) ?? undefined}
              >
                {r ?? '—'}
              </td>
            );
          }
          case 'queues': {
            const n = otherQueues(agent, skillId);
            return (
              <td key={c} className={`${cell} text-sm ${n ? '' : 'text-muted'}`}>
                {n === 0 ? '—' : activeIntl().formatMessage(M.alsoIn, { count: n })}
              </td>
            );
          }
        }
      })}
    </tr>
  );
});
