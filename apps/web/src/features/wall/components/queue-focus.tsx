import type { Agent, Queue } from '@floorwatch/contracts/api';
import { memo, useMemo, useRef } from 'react';
import { QueueKpis } from '@/components/queue-kpis';
import { StateBadge } from '@/components/state-badge';
import { ThresholdMeter } from '@/components/threshold-meter';
import { usePulseOnce } from '@/hooks/use-critical-alerts';
import { useFloor } from '@/hooks/use-floor';
import { useQueueAgents } from '@/hooks/use-live';
import { useServerNow } from '@/hooks/use-server-now';
import { agentKey, breachId, type ActiveBreaches } from '@/lib/alerts';
import { defineMessages } from '@/i18n/messages';
import { reasonName, type FloorNames } from '@/lib/floor-names';
import { formatDuration } from '@/lib/format';
import { judgeAgent, type LimitsPolicy } from '@/lib/limits';
import { skillText, stateColor } from '@/lib/states';
import { activeIntl, useI18n } from '@/stores/locale-store';
import { wu } from '@/lib/wall-units';
import { useHiddenCount } from '../hooks/use-hidden-count';
import { CRIT_FILL, LimitIcon, WARN_FILL } from './limit-lines';
import { WALL_FOCUS_LOOK } from '../lib/kpi-looks';

const M = defineMessages({
  reasonLimit: { id: 'wall.card.reason-limit', defaultMessage: '{reason} limit {time}' },
  limit: { id: 'wall.card.limit', defaultMessage: 'limit {time}' },
  title: { id: 'wall.focus.title', defaultMessage: '{name} · Floorwatch wall' },
  agents: {
    id: 'wall.focus.agents',
    defaultMessage: '{count, plural, one {# agent} other {# agents}}',
  },
  list: { id: 'wall.focus.list', defaultMessage: 'Agents in {name}, longest in state first' },
  nobody: { id: 'wall.focus.nobody', defaultMessage: 'Nobody signed in' },
  longest: { id: 'wall.focus.longest', defaultMessage: 'Longest in state first' },
  hidden: {
    id: 'wall.focus.hidden',
    defaultMessage: '{count, plural, other {# more below}}, shortest in state',
  },
});

const WallAgentCard = memo(function WallAgentCard({
  agent,
  skillId,
  mediaType,
  policy,
  names,
  breach,
}: {
  agent: Agent;
  skillId: number;
  mediaType: number;
  policy: LimitsPolicy;
  names: FloorNames;
  breach: string | null;
}) {
  const serverNow = useServerNow();
  const ms = serverNow - agent.stateSince;
  const r = judgeAgent(agent, skillId, serverNow, policy);
  const pulse = usePulseOnce(r.level === 'crit' ? breach : null);
  const fill = r.level === 'crit' ? CRIT_FILL : r.level === 'warn' ? WARN_FILL : null;
  const reason = reasonName(agent.reason, names);
  // Past a limit, the card says which limit: "Lunch limit 1:15:00".
  const broken =
    r.applied && r.level !== 'ok'
      ? (() => {
          const time = formatDuration(
            (r.level === 'crit' ? r.applied.limit.critSec : r.applied.limit.warnSec) * 1000,
          );
          const s = r.applied.source;
          return s.kind === 'reason'
            ? activeIntl().formatMessage(M.reasonLimit, { reason: s.name, time })
            : activeIntl().formatMessage(M.limit, { time });
        })()
      : null;
  return (
    <li
      className={`flex min-w-0 flex-col rounded-[1vmin] border-l-[0.8vmin] ${
        r.level === 'crit' ? 'bg-crit-bg' : r.level === 'warn' ? 'bg-warn-bg' : 'bg-surface-2'
      } ${pulse ? 'alert-pulse' : ''}`}
      style={{
        borderLeftColor: stateColor(agent.state),
        padding: `${wu(0.8)} ${wu(1.2)}`,
        gap: wu(0.4),
        ...(r.level === 'crit' ? { boxShadow: `inset 0 0 0 0.4vmin ${CRIT_FILL.background}` } : {}),
      }}
      data-level={r.level}
      data-workno={agent.workno}
    >
      <span className="truncate font-semibold" style={{ fontSize: wu(2.3) }}>
        {agent.name.trim() || agent.workno}
      </span>
      <span className="flex items-center justify-between gap-[0.5em]" style={{ fontSize: wu(2) }}>
        <span className="flex min-w-0 items-center gap-[0.4em]">
          <StateBadge state={agent.state} mediaType={mediaType} size="lg" />
          {reason && <span className="truncate">{reason}</span>}
        </span>
        <span
          className="flex shrink-0 items-center gap-[0.3em] rounded-[0.3em] px-[0.3em] font-mono font-bold tabular"
          style={fill ?? undefined}
        >
          {r.level !== 'ok' && <LimitIcon level={r.level} />}
          {formatDuration(ms)}
        </span>
      </span>
      {r.share > 0 && (
        <ThresholdMeter
          result={r}
          showIcon={false}
          className="[&>[role=meter]]:h-[0.7vmin] [&>[role=meter]]:w-full"
        />
      )}
      {broken && (
        <span className="truncate text-muted" style={{ fontSize: wu(1.7) }}>
          {broken}
        </span>
      )}
    </li>
  );
});

/** One queue on the whole screen: its figures and every agent, longest in state first. */
export function QueueFocus({ queue, breaches }: { queue: Queue; breaches: ActiveBreaches }) {
  // Selected by revision: a new array only when one of this queue's agents changed.
  const agents = useQueueAgents(queue.skillId);
  const { policy, names } = useFloor();
  // Longest in state first: those are the ones a supervisor walks over to.
  const sorted = useMemo(() => [...agents].sort((a, b) => a.stateSince - b.stateSince), [agents]);
  const list = useRef<HTMLUListElement>(null);
  const hidden = useHiddenCount(list, sorted.length);
  const intl = useI18n();
  const count = (n: number) => intl.formatMessage(M.agents, { count: n });
  return (
    <section
      aria-labelledby={`wall-q-${queue.skillId}`}
      className="flex min-h-0 flex-1 flex-col"
      style={{ gap: wu(1.5) }}
    >
      <header className="flex flex-wrap items-baseline" style={{ columnGap: wu(3) }}>
        <title>{intl.formatMessage(M.title, { name: queue.name })}</title>
        <h1
          id={`wall-q-${queue.skillId}`}
          className="leading-tight font-bold"
          style={{ fontSize: wu(5) }}
        >
          {queue.name}
        </h1>
        <p className="text-muted" style={{ fontSize: wu(2.2) }}>
          {skillText(queue.skillId, queue.mediaType)} · {count(agents.length)}
        </p>
      </header>
      <QueueKpis queue={queue} look={WALL_FOCUS_LOOK} />
      <ul
        ref={list}
        aria-label={intl.formatMessage(M.list, { name: queue.name })}
        className={`grid min-h-0 flex-1 auto-rows-min grid-cols-[repeat(auto-fill,minmax(calc(var(--wall-u)*26),1fr))] overflow-hidden ${
          hidden > 0
            ? '[mask-image:linear-gradient(to_bottom,black_calc(100%-3vmin),transparent)]'
            : ''
        }`}
        style={{ gap: wu(0.8) }}
      >
        {sorted.length === 0 && (
          <li className="text-muted" style={{ fontSize: wu(2.4) }}>
            {intl.formatMessage(M.nobody)}
          </li>
        )}
        {sorted.map((a) => (
          <WallAgentCard
            key={a.workno}
            agent={a}
            skillId={queue.skillId}
            mediaType={queue.mediaType}
            policy={policy}
            names={names}
            breach={breachId(agentKey(a.workno), breaches)}
          />
        ))}
      </ul>
      <p className="text-muted" style={{ fontSize: wu(1.8) }}>
        {intl.formatMessage(M.longest)}
        {sorted.length > 0 && ` · ${count(sorted.length)}`}
        {hidden > 0 && ` · ${intl.formatMessage(M.hidden, { count: hidden })}`}
      </p>
    </section>
  );
}
