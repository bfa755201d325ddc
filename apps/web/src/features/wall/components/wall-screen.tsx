import type { Agent, Queue, Thresholds } from '@floorwatch/contracts/api';
import { skillMediaLabel } from '@floorwatch/contracts/gateway';
import { memo, useMemo, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CritIcon, WarnIcon } from '@/components/icons';
import { StateBar } from '@/components/state-bar';
import { StateBadge } from '@/components/state-badge';
import { StateIcon } from '@/components/state-icon';
import { ThresholdMeter } from '@/components/threshold-meter';
import { useIsStale } from '@/hooks/use-freshness';
import { useIdleCursor } from '@/hooks/use-idle-cursor';
import { useReducedMotion } from '@/hooks/use-reduced-motion';
import { useServerNow } from '@/hooks/use-server-now';
import { useThresholds } from '@/hooks/use-thresholds';
import { formatClock, formatDuration, formatSeconds } from '@/lib/format';
import { AGENT_STATE_LABELS, STATE_ORDER, stateColor } from '@/lib/states';
import { evaluateThreshold } from '@/lib/thresholds';
import { useLiveStore } from '@/stores/live-store';
import { useRotation } from '../hooks/use-rotation';
import type { WallParams } from '../lib/wall-params';

interface WallScreenProps {
  params: WallParams;
  /** The freshness line and stale banner, composed in by the app. */
  freshness: ReactNode;
  banner: ReactNode;
}

const NO_AGENTS: Agent[] = [];

/** The time on the server clock, so a display whose PC clock drifted still shows the right time. */
function WallClock() {
  const serverNow = useServerNow();
  return <span className="font-semibold tabular">{formatClock(serverNow)}</span>;
}

/** Big number with a label, readable from across the room. */
function Kpi({
  label,
  value,
  icon,
  color,
}: {
  label: string;
  value: ReactNode;
  icon?: ReactNode;
  color?: string;
}) {
  return (
    <div className="flex min-w-0 flex-col justify-between rounded-2xl bg-surface-2 px-[clamp(0.75rem,1.4vw,1.5rem)] py-[clamp(0.5rem,1vh,1rem)]">
      <dt className="flex items-center gap-2 truncate text-[clamp(0.9rem,1.3vw,1.5rem)] text-muted">
        {icon && <span style={{ color }}>{icon}</span>}
        {label}
      </dt>
      <dd className="text-[clamp(1.75rem,4.2vw,5.5rem)] leading-none font-bold tabular">{value}</dd>
    </div>
  );
}

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
  return (
    <li
      className={`flex min-w-0 flex-col gap-1 rounded-xl border-l-[0.5rem] px-3 py-2 ${
        r.level === 'crit' ? 'bg-crit-bg' : r.level === 'warn' ? 'bg-warn-bg' : 'bg-surface-2'
      }`}
      style={{ borderLeftColor: stateColor(agent.state) }}
      data-level={r.level}
    >
      <span className="truncate text-[clamp(1rem,1.5vw,1.75rem)] font-semibold">
        {agent.name.trim() || agent.workno}
      </span>
      <span className="flex items-center justify-between gap-2 text-[clamp(0.9rem,1.3vw,1.5rem)]">
        <StateBadge state={agent.state} size="lg" />
        <span
          className={`flex items-center gap-1 font-mono font-bold tabular ${
            r.level === 'crit' ? 'text-crit' : r.level === 'warn' ? 'text-warn' : ''
          }`}
        >
          {r.level === 'crit' && <CritIcon className="h-[1em] w-[1em]" title="Critical" />}
          {r.level === 'warn' && <WarnIcon className="h-[1em] w-[1em]" title="Warning" />}
          {formatDuration(ms)}
        </span>
      </span>
      {r.share > 0 && (
        <ThresholdMeter
          result={r}
          showIcon={false}
          className="[&>[role=meter]]:h-2 [&>[role=meter]]:w-full"
        />
      )}
    </li>
  );
});

function QueueFocus({ queue, thresholds }: { queue: Queue; thresholds: Thresholds }) {
  const agents = useLiveStore(
    useShallow((s) => queue.agents.flatMap((w) => (s.agents[w] ? [s.agents[w]] : NO_AGENTS))),
  );
  // Longest in state first: those are the ones a supervisor walks over to.
  const sorted = useMemo(() => [...agents].sort((a, b) => a.stateSince - b.stateSince), [agents]);
  const states = STATE_ORDER.filter(
    (s) => (queue.counts[s] ?? 0) > 0 || s === 'idle' || s === 'talking',
  );
  return (
    <section
      aria-labelledby={`wall-q-${queue.skillId}`}
      className="flex min-h-0 flex-1 flex-col gap-[clamp(0.5rem,1.5vh,1.5rem)]"
    >
      <header className="flex flex-wrap items-baseline gap-x-6">
        <title>{`${queue.name} · Floorwatch wall`}</title>
        <h1
          id={`wall-q-${queue.skillId}`}
          className="text-[clamp(2rem,4vw,4.5rem)] leading-tight font-bold"
        >
          {queue.name}
        </h1>
        <p className="text-[clamp(1rem,1.6vw,2rem)] text-muted">
          Skill {queue.skillId} · {skillMediaLabel(queue.mediaType)} · {agents.length} agents
        </p>
      </header>
      <dl className="grid auto-cols-fr grid-flow-col gap-[clamp(0.5rem,1vw,1.25rem)]">
        <Kpi label="Calls waiting" value={queue.waiting ?? '—'} />
        <Kpi label="Longest wait" value={formatSeconds(queue.longestWaitSec)} />
        {states.map((s) => (
          <Kpi
            key={s}
            label={AGENT_STATE_LABELS[s]}
            value={queue.counts[s] ?? 0}
            color={stateColor(s)}
            icon={<StateIcon state={s} className="h-[1.1em] w-[1.1em]" />}
          />
        ))}
      </dl>
      <StateBar counts={queue.counts} className="h-[clamp(0.6rem,1.2vh,1.2rem)]" />
      <ul
        aria-label={`Agents in ${queue.name}, longest in state first`}
        className="grid min-h-0 flex-1 auto-rows-min grid-cols-[repeat(auto-fill,minmax(clamp(13rem,17vw,22rem),1fr))] gap-[clamp(0.4rem,0.8vw,1rem)] overflow-hidden [mask-image:linear-gradient(to_bottom,black_calc(100%-3rem),transparent)]"
      >
        {sorted.map((a) => (
          <WallAgentCard key={a.workno} agent={a} thresholds={thresholds} />
        ))}
      </ul>
      <p className="text-[clamp(0.85rem,1.1vw,1.3rem)] text-muted">
        Longest in state first{sorted.length > 0 ? ` · ${sorted.length} agents` : ''}
      </p>
    </section>
  );
}

function WallTile({ queue, thresholds }: { queue: Queue; thresholds: Thresholds }) {
  const serverNow = useServerNow();
  const agents = useLiveStore((s) => s.agents);
  let past = 0;
  for (const w of queue.agents) {
    const a = agents[w];
    if (
      a &&
      evaluateThreshold(a.state, (serverNow - a.stateSince) / 1000, thresholds).level !== 'ok'
    )
      past += 1;
  }
  return (
    <article
      aria-label={queue.name}
      className="flex min-w-0 flex-col gap-3 rounded-2xl bg-surface p-[clamp(0.75rem,1.5vw,1.75rem)]"
    >
      <h2 className="truncate text-[clamp(1.4rem,2.4vw,3rem)] leading-tight font-bold">
        {queue.name}
      </h2>
      <dl className="grid grid-cols-2 gap-3">
        <div>
          <dt className="text-[clamp(0.85rem,1.1vw,1.3rem)] text-muted">Waiting</dt>
          <dd className="text-[clamp(2rem,4vw,4.5rem)] leading-none font-bold tabular">
            {queue.waiting ?? '—'}
          </dd>
        </div>
        <div>
          <dt className="text-[clamp(0.85rem,1.1vw,1.3rem)] text-muted">Longest wait</dt>
          <dd className="text-[clamp(2rem,4vw,4.5rem)] leading-none font-bold tabular">
            {formatSeconds(queue.longestWaitSec)}
          </dd>
        </div>
      </dl>
      <StateBar counts={queue.counts} className="h-3" />
      <ul className="grid grid-cols-2 gap-x-4 gap-y-1 text-[clamp(1rem,1.4vw,1.7rem)]">
        {STATE_ORDER.filter(
          (s) => (queue.counts[s] ?? 0) > 0 || s === 'idle' || s === 'talking',
        ).map((s) => (
          <li key={s} className="flex items-center justify-between gap-2">
            <span className="inline-flex items-center gap-2">
              <span style={{ color: stateColor(s) }}>
                <StateIcon state={s} className="h-[1em] w-[1em]" />
              </span>
              {AGENT_STATE_LABELS[s]}
            </span>
            <strong className="tabular">{queue.counts[s] ?? 0}</strong>
          </li>
        ))}
      </ul>
      {past > 0 && (
        <p className="flex items-center gap-2 text-[clamp(1rem,1.4vw,1.7rem)] font-semibold text-warn">
          <WarnIcon className="h-[1em] w-[1em]" /> {past} past a time limit
        </p>
      )}
    </article>
  );
}

/** An unattended floor display: large type, no pointer needed, rotates through queues. */
export function WallScreen({ params, freshness, banner }: WallScreenProps) {
  const thresholds = useThresholds();
  const stale = useIsStale();
  const reduced = useReducedMotion();
  const hideCursor = useIdleCursor();
  const loaded = useLiveStore((s) => s.version !== null);
  const queues = useLiveStore(
    useShallow((s) => {
      const ids = params.queues.length > 0 ? params.queues : s.queueIds;
      return ids.flatMap((id) => (s.queues[id] ? [s.queues[id]] : []));
    }),
  );
  const rotating = params.rotateSec > 0 && queues.length > 1;
  const index = useRotation(rotating ? queues.length : 0, params.rotateSec);
  const current = rotating ? queues[index] : queues.length === 1 ? queues[0] : undefined;

  return (
    <div
      className={`flex h-full flex-col overflow-hidden bg-bg text-fg ${stale ? 'is-stale' : ''} ${
        hideCursor ? 'cursor-none' : ''
      }`}
    >
      <header className="flex items-center gap-[clamp(0.75rem,2vw,2.5rem)] border-b border-line bg-surface px-[clamp(0.75rem,2vw,2.5rem)] py-[clamp(0.4rem,1vh,1rem)]">
        <span className="flex items-center gap-2 text-[clamp(1rem,1.6vw,1.8rem)] font-semibold">
          <img src="/favicon.svg" alt="" className="h-[1.4em] w-[1.4em]" />
          Floorwatch
        </span>
        <div className="min-w-0 flex-1">{freshness}</div>
        {rotating && (
          <span
            className="flex items-center gap-2 text-[clamp(0.9rem,1.3vw,1.5rem)] text-muted"
            aria-label={`Queue ${index + 1} of ${queues.length}`}
          >
            {queues.map((q, i) => (
              <span
                key={q.skillId}
                aria-hidden="true"
                className={`h-[0.6em] w-[0.6em] rounded-full ${i === index ? 'bg-fg' : 'bg-line'}`}
              />
            ))}
            <span className="tabular">
              {index + 1}/{queues.length}
            </span>
          </span>
        )}
        <span className="text-[clamp(1.4rem,2.6vw,3rem)]">
          <WallClock />
        </span>
      </header>
      {banner}
      <main
        className="live-data flex min-h-0 flex-1 flex-col p-[clamp(0.75rem,2vw,2.5rem)]"
        data-stale={stale}
      >
        {!loaded ? (
          <p className="m-auto text-[clamp(1.5rem,3vw,3rem)] text-muted" role="status">
            Waiting for live data…
          </p>
        ) : queues.length === 0 ? (
          <p className="m-auto max-w-[40ch] text-center text-[clamp(1.5rem,3vw,3rem)] text-muted">
            No queue to show. Check the queues in this display&apos;s link.
          </p>
        ) : current ? (
          <div
            key={current.skillId}
            className={`flex min-h-0 flex-1 flex-col ${reduced ? '' : 'fade-in'}`}
          >
            <QueueFocus queue={current} thresholds={thresholds} />
          </div>
        ) : (
          <div className="grid min-h-0 flex-1 auto-rows-min grid-cols-[repeat(auto-fit,minmax(clamp(18rem,28vw,36rem),1fr))] gap-[clamp(0.75rem,1.5vw,2rem)] overflow-hidden">
            {queues.map((q) => (
              <WallTile key={q.skillId} queue={q} thresholds={thresholds} />
            ))}
          </div>
        )}
      </main>
    </div>
  );
}
