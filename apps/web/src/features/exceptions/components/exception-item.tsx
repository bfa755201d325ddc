import type { Queue } from '@floorwatch/contracts/api';
import { memo } from 'react';
import { Link } from 'react-router';
import { LevelIcon, levelTintClass, levelTextClass } from '@/components/limit-level';
import { StateBadge } from '@/components/state-badge';
import type { ExceptionRow } from '@/lib/exceptions';
import { groupName, reasonName, reasonWithCode, type FloorNames } from '@/lib/floor-names';
import { formatDuration, joinList } from '@/lib/format';
import { queueAgentPath } from '@/lib/routes';
import { agentQueue, brokenLimitText, queueNames } from '../lib/exception-words';

/** One agent past a limit: a link to the agent, state and reason, time, the limit, its queues. */
export const ExceptionItem = memo(function ExceptionItem({
  row,
  queues,
  names,
}: {
  row: ExceptionRow;
  queues: ReadonlyMap<number, Queue>;
  names: FloorNames;
}) {
  const a = row.agent;
  const skillId = agentQueue(row, queues);
  const reason = reasonName(a.reason, names);
  const name = a.name.trim() || a.workno;
  const qs = queueNames(row, queues);
  return (
    <li
      className={`grid grid-cols-[1fr_auto] items-center gap-x-3 gap-y-1 rounded-lg border-l-4 px-3 py-2 sm:grid-cols-[minmax(10rem,1.2fr)_minmax(9rem,1fr)_6.5rem_minmax(12rem,1.4fr)_minmax(8rem,1fr)] ${levelTintClass(row.level)}`}
      style={{ borderLeftColor: row.level === 'crit' ? 'var(--fw-crit)' : 'var(--fw-warn)' }}
      data-level={row.level}
      data-workno={a.workno}
    >
      <span className="min-w-0">
        {skillId !== null ? (
          <Link to={queueAgentPath(skillId, a.workno)} className="font-semibold hover:underline">
            {name}
          </Link>
        ) : (
          <span className="font-semibold">{name}</span>
        )}
        <span className="block truncate text-xs text-muted">
          <span className="font-mono tabular">{a.workno}</span> · {groupName(a.groupId, names)}
        </span>
      </span>
      <span className="flex min-w-0 flex-col items-start max-sm:order-3">
        <StateBadge state={a.state} />
        {reason && (
          <span
            className="truncate text-xs text-muted"
            title={reasonWithCode(a.reason, names) ?? ''}
          >
            {reason}
          </span>
        )}
      </span>
      <span
        className={`inline-flex items-center gap-1 justify-self-end font-mono font-semibold tabular sm:justify-self-start ${levelTextClass(row.level)}`}
      >
        <LevelIcon level={row.level} />
        {formatDuration(row.seconds * 1000)}
      </span>
      <span className="text-sm max-sm:order-4 max-sm:col-span-2">
        {brokenLimitText(row, queues)}
      </span>
      <span
        className="truncate text-sm text-muted max-sm:order-5 max-sm:col-span-2"
        title={joinList(qs)}
      >
        {qs.length === 0 ? '—' : joinList(qs)}
      </span>
    </li>
  );
});
