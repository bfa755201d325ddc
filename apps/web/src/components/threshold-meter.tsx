import { defineMessages } from '@/i18n/messages';
import { limitPhrase, type ThresholdResult } from '@/lib/thresholds';
import { useI18n } from '@/stores/locale-store';
import { LevelIcon } from './limit-level';

const M = defineMessages({
  share: {
    id: 'meter.share',
    defaultMessage: 'Share of the critical limit used, {phrase}',
  },
});

/** Level as icon + colour + a bar of the share of the critical limit used. */
export function ThresholdMeter({
  result,
  className = '',
  showIcon = true,
}: {
  result: ThresholdResult;
  className?: string;
  /** Off where the level icon is already shown next to the time. */
  showIcon?: boolean;
}) {
  const intl = useI18n();
  const pct = Math.round(Math.min(1, result.share) * 100);
  const color =
    result.level === 'crit'
      ? 'var(--fw-crit)'
      : result.level === 'warn'
        ? 'var(--fw-warn)'
        : 'var(--fw-muted)';
  return (
    <span className={`inline-flex items-center gap-1.5 ${className}`} data-level={result.level}>
      <span
        className="relative h-1.5 w-12 overflow-hidden rounded-full bg-surface-2"
        role="meter"
        aria-label={intl.formatMessage(M.share, { phrase: limitPhrase(result.level) })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <span
          className="absolute inset-y-0 left-0 rounded-full"
          style={{ width: `${pct}%`, background: color }}
        />
      </span>
      {showIcon && <LevelIcon level={result.level} />}
    </span>
  );
}
