import type { CSSProperties } from 'react';
import { CritIcon, WarnIcon } from '@/components/icons';
import type { PastLimits } from '@/lib/limits';
import { limitName, pastLimitText } from '@/lib/thresholds';
import { useI18n } from '@/stores/locale-store';

/**
 * Filled marks that read across a room: critical is red with the octagon, warning amber with the
 * triangle. Fixed fills (not theme text colours) so both read the same on a dark or light wall.
 */
export const CRIT_FILL = { background: '#c62828', color: '#ffffff' } satisfies CSSProperties;
export const WARN_FILL = { background: '#f5b400', color: '#1a1400' } satisfies CSSProperties;

/** The icon of a level, filled, for a legend or a mark. */
export function LimitIcon({ level }: { level: 'crit' | 'warn' }) {
  const Icon = level === 'crit' ? CritIcon : WarnIcon;
  return <Icon className="h-[1em] w-[1em] shrink-0 stroke-[2.5]" title={limitName(level)} />;
}

/** "⬣ 2 past critical limit", or only "⬣ 2" where a legend on screen says what the icon means. */
function Mark({ level, count, short }: { level: 'crit' | 'warn'; count: number; short: boolean }) {
  const intl = useI18n();
  const text = pastLimitText(level, count);
  return (
    <p
      className="flex max-w-full min-w-0 items-center gap-[0.35em] truncate rounded-[0.3em] px-[0.4em] py-[0.1em] leading-tight font-bold"
      style={level === 'crit' ? CRIT_FILL : WARN_FILL}
      data-level={level}
      aria-label={short ? text : undefined}
    >
      <LimitIcon level={level} />
      <span className="truncate tabular">{short ? intl.formatNumber(count) : text}</span>
    </p>
  );
}

/** How many agents are past each limit; nothing when none is. */
export function LimitLines({
  limits,
  fontSize,
  short = false,
}: {
  limits: PastLimits;
  fontSize: string;
  /** One row of icon + count (compact tiles; the screen shows a legend). */
  short?: boolean;
}) {
  if (limits.crit === 0 && limits.warn === 0) return null;
  return (
    <div
      className={`flex min-w-0 gap-[0.35em] ${short ? 'flex-row' : 'flex-col items-start'}`}
      style={{ fontSize }}
    >
      {limits.crit > 0 && <Mark level="crit" count={limits.crit} short={short} />}
      {limits.warn > 0 && <Mark level="warn" count={limits.warn} short={short} />}
    </div>
  );
}
