import type { Agent, Queue, Thresholds } from '@floorwatch/contracts/api';
import { skillMediaLabel } from '@floorwatch/contracts/gateway';
import { memo, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { StateBadge } from '@/components/state-badge';
import { StateBar } from '@/components/state-bar';
import { StateIcon } from '@/components/state-icon';
import { ThresholdMeter } from '@/components/threshold-meter';
import { useServerNow } from '@/hooks/use-server-now';
import { formatDuration, formatSeconds } from '@/lib/format';
import { AGENT_STATE_LABELS, STATE_ORDER, stateColor } from '@/lib/states';
import { evaluateThreshold } from '@/lib/thresholds';
import { useLiveStore } from '@/stores/live-store';
import { useHiddenCount } from '../hooks/use-hidden-count';
import { wu } from '../lib/units';
import { Kpi } from './kpi';
import { CRIT_FILL, LimitIcon, WARN_FILL } from './limit-lines';

const NO_AGENTS: Agent[] = [];

const WallAgentCard = memo(function WallAgentCard({
  agent,
  thresholds,
}: {
  agent: Agent;
  thresholds: Thresholds;
}) {
  const serverNow = useServerNow();
  const ms = serverNow - agent.stateSince;
  const r = evaluateThreshold(agent.state, ms / 1000, thresholds);
  const fill = r.level === 'crit' ? CRIT_FILL : r.level === 'warn' ? WARN_FILL : null;
  return (
    <li
      className={`flex min-w-0 flex-col rounded-[1vmin] border-l-[0.8vmin] ${
        r.level === 'crit' ? 'bg-crit-bg' : r.level === 'warn' ? 'bg-warn-bg' : 'bg-surface-2'
      }`}
      style={{
        borderLeftColor: stateColor(agent.state),
        padding: `${wu(0.8)} ${wu(1.2)}`,
        gap: wu(0.4),
        ...(r.level === 'crit' ? { boxShadow: `inset 0 0 0 0.4vmin ${CRIT_FILL.background}` } : {}),
      }}
      data-level={r.level}
    >
      <span className="truncate font-semibold" style={{ fontSize: wu(2.3) }}>
        {agent.name.trim() || agent.workno}
      </span>
      <span className="flex items-center justify-between gap-[0.5em]" style={{ fontSize: wu(2) }}>
        <StateBadge state={agent.state} size="lg" />
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
    </li>
  );
});

/** One queue on the whole screen: its figures and every agent, longest in state first. */
export function QueueFocus({ queue, thresholds }: { queue: Queue; thresholds: Thresholds }) {
  const agents = useLiveStore(
    useShallow((s) => queue.agents.flatMap((w) => (s.agents[w] ? [s.agents[w]] : NO_AGENTS))),
  );
  // Longest in state first: those are the ones a supervisor walks over to.
  const sorted = useMemo(() => [...agents].sort((a, b) => a.stateSince - b.stateSince), [agents]);
  const states = STATE_ORDER.filter(
    (s) => (queue.counts[s] ?? 0) > 0 || s === 'idle' || s === 'talking',
  );
  const list = useRef<HTMLUListElement>(null);
  const hidden = useHiddenCount(list, sorted.length);
  return (
    <section
      aria-labelledby={`wall-q-${queue.skillId}`}
      className="flex min-h-0 flex-1 flex-col"
      style={{ gap: wu(1.5) }}
    >
      <header className="flex flex-wrap items-baseline" style={{ columnGap: wu(3) }}>
        <title>{`${queue.name} · Floorwatch wall`}</title>
        <h1
          id={`wall-q-${queue.skillId}`}
          className="leading-tight font-bold"
          style={{ fontSize: wu(5) }}
        >
          {queue.name}
        </h1>
        <p className="text-muted" style={{ fontSize: wu(2.2) }}>
          Skill {queue.skillId} · {skillMediaLabel(queue.mediaType)} · {agents.length} agents
        </p>
      </header>
      <dl
        className="grid grid-cols-[repeat(auto-fit,minmax(calc(var(--wall-u)*17),1fr))]"
        style={{ gap: wu(1) }}
      >
        <Kpi
          label="Calls waiting"
          value={queue.waiting === null ? '—' : queue.waiting.toLocaleString('en-GB')}
          size={6}
        />
        <Kpi label="Longest wait" value={formatSeconds(queue.longestWaitSec)} size={6} />
        {states.map((s) => (
          <Kpi
            key={s}
            label={AGENT_STATE_LABELS[s]}
            value={(queue.counts[s] ?? 0).toLocaleString('en-GB')}
            color={stateColor(s)}
            icon={<StateIcon state={s} className="h-[1.1em] w-[1.1em]" />}
            size={6}
          />
        ))}
      </dl>
      <StateBar counts={queue.counts} className="h-[1.2vmin] shrink-0" />
      <ul
        ref={list}
        aria-label={`Agents in ${queue.name}, longest in state first`}
        className={`grid min-h-0 flex-1 auto-rows-min grid-cols-[repeat(auto-fill,minmax(calc(var(--wall-u)*26),1fr))] overflow-hidden ${
          hidden > 0
            ? '[mask-image:linear-gradient(to_bottom,black_calc(100%-3vmin),transparent)]'
            : ''
        }`}
        style={{ gap: wu(0.8) }}
      >
        {sorted.length === 0 && (
          <li className="text-muted" style={{ fontSize: wu(2.4) }}>
            Nobody signed in
          </li>
        )}
        {sorted.map((a) => (
          <WallAgentCard key={a.workno} agent={a} thresholds={thresholds} />
        ))}
      </ul>
      <p className="text-muted" style={{ fontSize: wu(1.8) }}>
        Longest in state first{sorted.length > 0 ? ` · ${sorted.length} agents` : ''}
        {hidden > 0 && ` · ${hidden} more below, shortest in state`}
      </p>
    </section>
  );
}
