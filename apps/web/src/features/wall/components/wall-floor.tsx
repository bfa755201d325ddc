import type { Agent } from '@floorwatch/contracts/api';
import { useMemo } from 'react';
import { StateIcon } from '@/components/state-icon';
import { useFloor } from '@/hooks/use-floor';
import { useAgentMap, useQueueMap } from '@/hooks/use-live';
import { useServerNow } from '@/hooks/use-server-now';
import { judgeAgentAnywhere } from '@/lib/limits';
import { noneText, kpiLabel } from '@/hooks/use-queue-kpis';
import { defineMessages } from '@/i18n/messages';
import { STATE_ORDER, stateColor, stateLabel, type AgentState } from '@/lib/states';
import { formatCount } from '@/lib/format';
import { pastLimitText } from '@/lib/thresholds';
import { useI18n } from '@/stores/locale-store';
import { wu } from '@/lib/wall-units';
import { Kpi } from '@/components/kpi-box';
import { CRIT_FILL, LimitIcon, WARN_FILL } from './limit-lines';

const M = defineMessages({
  region: { id: 'wall.floor', defaultMessage: 'All queues on this display' },
  signedIn: { id: 'wall.floor.signed-in', defaultMessage: 'Signed in' },
  past: { id: 'wall.floor.past', defaultMessage: 'Agents past a time limit' },
});

/**
 * The figures of everything on this wall (each agent counted once, however many queues they are
 * in), on every page. Its limit marks are also the legend of the icons on compact tiles.
 */
export function WallFloor({ skillIds }: { skillIds: readonly number[] }) {
  const queues = useQueueMap();
  const agents = useAgentMap();
  const { policy } = useFloor();
  const serverNow = useServerNow();
  const intl = useI18n();
  // Recomputed when agents change (a patch), not on every clock tick: the tick only re-reads
  // the times of the agents collected here.
  const { members, waiting, counts } = useMemo(() => {
    const set = new Set<string>();
    let waiting: number | null = null;
    for (const id of skillIds) {
      const q = queues.get(id);
      if (!q) continue;
      for (const w of q.agents) set.add(w);
      if (q.waiting !== null) waiting = (waiting ?? 0) + q.waiting;
    }
    const counts: Partial<Record<AgentState, number>> = {};
    const members: Agent[] = [];
    for (const w of set) {
      const a = agents.get(w);
      if (!a) continue;
      members.push(a);
      counts[a.state] = (counts[a.state] ?? 0) + 1;
    }
    return { members, waiting, counts };
  }, [skillIds, queues, agents]);
  // Each agent against the strictest of their queues' limits, counted once.
  const limits = { crit: 0, warn: 0 };
  for (const a of members) {
    const level = judgeAgentAnywhere(a, serverNow, policy).level;
    if (level !== 'ok') limits[level] += 1;
  }
  const states = STATE_ORDER.filter((s) => (counts[s] ?? 0) > 0 || s === 'idle' || s === 'talking');

  return (
    <section
      aria-label={intl.formatMessage(M.region)}
      className="flex shrink-0 items-stretch portrait:flex-col"
      style={{ gap: wu(1) }}
    >
      {/* On a phone the figures scroll sideways in one row instead of filling the screen. */}
      <dl
        className="grid min-w-0 flex-1 grid-cols-[repeat(auto-fit,minmax(calc(var(--wall-u)*12.5),1fr))] portrait:grid-cols-4 max-sm:flex max-sm:overflow-x-auto max-sm:[&>*]:w-[calc(var(--wall-u)*15)] max-sm:[&>*]:shrink-0"
        style={{ gap: wu(1) }}
      >
        <Kpi label={intl.formatMessage(M.signedIn)} value={formatCount(members.length)} size={4} />
        <Kpi
          label={kpiLabel('waiting')}
          value={waiting === null ? noneText() : formatCount(waiting)}
          size={4}
        />
        {states.map((s) => (
          <Kpi
            key={s}
            label={stateLabel(s)}
            value={formatCount(counts[s] ?? 0)}
            color={stateColor(s)}
            icon={<StateIcon state={s} className="h-[1.1em] w-[1.1em]" />}
            size={4}
          />
        ))}
      </dl>
      <ul
        aria-label={intl.formatMessage(M.past)}
        className="flex flex-col justify-center font-bold portrait:flex-row portrait:flex-wrap"
        style={{ fontSize: wu(2.1), gap: wu(0.6) }}
      >
        {(['crit', 'warn'] as const).map((level) => (
          <li
            key={level}
            className={`flex items-center gap-[0.4em] rounded-[0.3em] px-[0.5em] py-[0.15em] ${
              limits[level] > 0 ? '' : 'bg-surface-2'
            }`}
            // Filled only when someone is past the limit: a red "0" would be a false alarm.
            style={limits[level] > 0 ? (level === 'crit' ? CRIT_FILL : WARN_FILL) : undefined}
          >
            <span className={limits[level] > 0 ? '' : level === 'crit' ? 'text-crit' : 'text-warn'}>
              <LimitIcon level={level} />
            </span>
            <span className="tabular">{pastLimitText(level, limits[level])}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
