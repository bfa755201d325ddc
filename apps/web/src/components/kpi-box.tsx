import type { ReactNode } from 'react';
import { fitFont } from '@/lib/fit-text';
import type { ThresholdLevel } from '@/lib/thresholds';
import { wu } from '@/lib/wall-units';
import { LevelIcon, levelTextClass } from './limit-level';

/**
 * A labelled big number, read from across the room. The box is a size container: the value
 * takes `size` wall units but shrinks to stay inside the box, so 4 or 5 digits never touch it.
 */
export function Kpi({
  label,
  value,
  icon,
  color,
  size = 5,
  level = 'ok',
  note,
}: {
  label: string;
  value: string;
  icon?: ReactNode;
  color?: string;
  size?: number;
  /** Past a KPI limit: the value turns amber or red, with the level's icon. */
  level?: ThresholdLevel;
  /** A short line under the value ("queue 12 of 100"). */
  note?: string | null;
}) {
  return (
    <div
      className="flex min-w-0 flex-col justify-between rounded-[1vmin] bg-surface-2 [container-type:inline-size]"
      style={{ padding: `${wu(0.8)} ${wu(1.2)}`, gap: wu(0.3) }}
      role="group"
      aria-label={label}
      data-level={level}
    >
      <dt
        className="flex min-w-0 items-center gap-[0.4em] text-muted"
        style={{ fontSize: wu(1.9) }}
      >
        {icon && (
          <span className="shrink-0" style={{ color }}>
            {icon}
          </span>
        )}
        <span className="truncate">{label}</span>
      </dt>
      <dd
        className={`flex items-center gap-[0.15em] leading-none font-bold whitespace-nowrap tabular ${levelTextClass(level)}`}
        style={{ fontSize: fitFont(value, wu(size), 92) }}
      >
        {level !== 'ok' && <LevelIcon level={level} className="h-[0.8em] w-[0.8em]" />}
        {value}
      </dd>
      {note && (
        <dd className="truncate text-muted tabular" style={{ fontSize: wu(1.7) }}>
          {note}
        </dd>
      )}
    </div>
  );
}
