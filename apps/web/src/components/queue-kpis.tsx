// The one KPI block of a queue: overview tile, queue page, wall tile and the wall's one-queue view
// all show the same figures, levels and states (useQueueKpis) in the same markup; a look only
// sets the sizes (desk looks in queue-kpi-looks.ts, the wall's scaled ones beside the wall, so a
// desk screen does not load the wall's type scale).
import type { Queue } from '@floorwatch/contracts/api';
import { useRef, type CSSProperties } from 'react';
import { statesToList, useQueueKpis } from '@/hooks/use-queue-kpis';
import { useWholeRows } from '@/hooks/use-whole-rows';
import { defineMessages } from '@/i18n/messages';
import { formatCount } from '@/lib/format';
import { stateColor, stateLabel } from '@/lib/states';
import { useI18n } from '@/stores/locale-store';
import { LevelIcon, levelTextClass } from './limit-level';
import { StateBar } from './state-bar';
import { StateIcon } from './state-icon';

const M = defineMessages({
  byState: { id: 'kpi.by-state', defaultMessage: 'Agents by state' },
});

export interface KpiLook {
  /** The figures' list, and whether the states are figures in it (else a list below). */
  figures: string;
  statesAsFigures: boolean;
  figure: string;
  label: string;
  value: string;
  /** Font size of a value, for the wall's scaled type. */
  valueSize?: (v: string) => string;
  labelStyle?: CSSProperties;
  note: string;
  noteStyle?: CSSProperties;
  bar: string;
  states?: string;
  statesStyle?: CSSProperties;
  /** At most this many states in the list (always idle and talking, then the largest others). */
  statesMax?: number;
  /** The list may be squeezed: show only the rows it has room for, whole. */
  statesWholeRows?: boolean;
  /** A state's name in the list: cut with an ellipsis unless the look lets it wrap. */
  stateName?: string;
}

export function QueueKpis({
  queue,
  look,
  showStates = true,
}: {
  queue: Queue;
  look: KpiLook;
  /** Wall tiles too small for the list of states show the bar only. */
  showStates?: boolean;
}) {
  const v = useQueueKpis(queue);
  const intl = useI18n();
  const listed = statesToList(v.states, queue.counts, look.statesMax);
  const list = useRef<HTMLUListElement>(null);
  useWholeRows(list, listed.length, Boolean(look.statesWholeRows && showStates));
  const figure = (
    key: string,
    label: React.ReactNode,
    value: string,
    level: 'ok' | 'warn' | 'crit',
  ) => (
    <div key={key} className={look.figure} data-kpi={key} data-level={level}>
      <dt className={look.label} style={look.labelStyle}>
        {label}
      </dt>
      <dd
        className={`flex min-w-0 items-center gap-[0.2em] whitespace-nowrap tabular ${levelTextClass(level)} ${look.value}`}
        style={look.valueSize ? { fontSize: look.valueSize(value) } : undefined}
      >
        {level !== 'ok' && <LevelIcon level={level} className="h-[0.8em] w-[0.8em]" />}
        {value}
      </dd>
    </div>
  );
  const stateName = (s: (typeof v.states)[number]) => (
    <>
      <span className="shrink-0" style={{ color: stateColor(s) }}>
        <StateIcon state={s} className="h-[1em] w-[1em]" />
      </span>
      <span className={look.stateName ?? 'truncate'} data-state-name>
        {stateLabel(s, queue.mediaType)}
      </span>
    </>
  );
  const count = (s: (typeof v.states)[number]) => formatCount(queue.counts[s] ?? 0);
  return (
    <>
      <dl className={look.figures}>
        {v.figures.map((f) => figure(f.id, f.label, f.value, f.level))}
        {look.statesAsFigures && v.states.map((s) => figure(s, stateName(s), count(s), 'ok'))}
      </dl>
      <p className={`tabular ${look.note}`} style={look.noteStyle}>
        {v.occupancy}
      </p>
      <StateBar counts={queue.counts} mediaType={queue.mediaType} className={look.bar} />
      {look.states && showStates && (
        <ul
          ref={list}
          aria-label={intl.formatMessage(M.byState)}
          className={look.states}
          style={look.statesStyle}
        >
          {listed.map((s) => (
            <li key={s} className="flex min-w-0 items-center justify-between gap-[0.4em]">
              <span className="inline-flex min-w-0 items-center gap-[0.4em]">{stateName(s)}</span>
              <strong className="font-semibold tabular">{count(s)}</strong>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
