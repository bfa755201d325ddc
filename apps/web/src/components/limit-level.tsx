// How a limit level looks everywhere: critical is red with an octagon, warning amber with a
// triangle; always icon + colour + words, never colour alone.
import type { ThresholdLevel } from '@/lib/thresholds';
import { limitName, pastLimitText } from '@/lib/thresholds';
import { CritIcon, WarnIcon } from './icons';

/** Text colour class of a level ('' for ok). */
export function levelTextClass(level: ThresholdLevel): string {
  return level === 'crit' ? 'text-crit' : level === 'warn' ? 'text-warn' : '';
}

/** Background tint class of a level ('' for ok). */
export function levelTintClass(level: ThresholdLevel): string {
  return level === 'crit' ? 'bg-crit-bg' : level === 'warn' ? 'bg-warn-bg' : '';
}

/** The level's own icon, named "Critical" / "Warning" for assistive tech; nothing when ok. */
export function LevelIcon({
  level,
  className = 'h-4 w-4',
  decorative = false,
}: {
  level: ThresholdLevel;
  className?: string;
  /** True where the words beside it already say the level. */
  decorative?: boolean;
}) {
  if (level === 'ok') return null;
  const Icon = level === 'crit' ? CritIcon : WarnIcon;
  return (
    <Icon
      className={`shrink-0 ${levelTextClass(level)} ${className}`}
      {...(decorative ? {} : { title: limitName(level) })}
      data-level={level}
    />
  );
}

/** "2 past critical limit" in red and "1 past warning limit" in amber, each with its icon. */
export function LimitCounts({
  crit,
  warn,
  className = '',
  iconClassName = 'h-4 w-4',
}: {
  crit: number;
  warn: number;
  className?: string;
  iconClassName?: string;
}) {
  if (crit + warn === 0) return null;
  return (
    <p className={`flex flex-wrap items-center gap-x-3 font-medium ${className}`}>
      {crit > 0 && (
        <span className="inline-flex items-center gap-1 text-crit" data-level="crit">
          <LevelIcon level="crit" decorative className={iconClassName} />
          {pastLimitText('crit', crit)}
        </span>
      )}
      {warn > 0 && (
        <span className="inline-flex items-center gap-1 text-warn" data-level="warn">
          <LevelIcon level="warn" decorative className={iconClassName} />
          {pastLimitText('warn', warn)}
        </span>
      )}
    </p>
  );
}
