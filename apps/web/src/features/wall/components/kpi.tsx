import type { ReactNode } from 'react';
import { fitFont } from '../lib/fit-text';
import { wu } from '../lib/units';

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
}: {
  label: string;
  value: string;
  icon?: ReactNode;
  color?: string;
  size?: number;
}) {
  return (
    <div
      className="flex min-w-0 flex-col justify-between rounded-[1vmin] bg-surface-2 [container-type:inline-size]"
      style={{ padding: `${wu(0.8)} ${wu(1.2)}`, gap: wu(0.3) }}
      role="group"
      aria-label={label}
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
        className="leading-none font-bold whitespace-nowrap tabular"
        style={{ fontSize: fitFont(value, wu(size), 92) }}
      >
        {value}
      </dd>
    </div>
  );
}
