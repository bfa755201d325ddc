import type { StateCounts } from '@floorwatch/contracts/api';
import { listSeparator } from '@/lib/format';
import { STATE_ORDER, stateColor, stateLabel } from '@/lib/states';
import { defineMessages } from '@/i18n/messages';
import { useI18n } from '@/stores/locale-store';

const M = defineMessages({
  none: { id: 'statebar.none', defaultMessage: 'No agents' },
  label: { id: 'statebar.label', defaultMessage: 'Agents by state: {label}' },
});

/** A compact stacked bar of agents by state, with a text alternative. */
export function StateBar({
  counts,
  className = 'h-2.5',
  mediaType,
}: {
  counts: StateCounts;
  className?: string;
  /** The queue's medium, so the labels read "Chatting" etc. */
  mediaType?: number | null;
}) {
  const parts = STATE_ORDER.map((s) => ({ state: s, n: counts[s] ?? 0 })).filter((p) => p.n > 0);
  const total = parts.reduce((sum, p) => sum + p.n, 0);
  const intl = useI18n();
  const label =
    total === 0
      ? intl.formatMessage(M.none)
      : parts
          .map((p) => `${stateLabel(p.state, mediaType)} ${intl.formatNumber(p.n)}`)
          .join(listSeparator());
  return (
    <div
      role="img"
      aria-label={intl.formatMessage(M.label, { label })}
      className={`flex w-full gap-px overflow-hidden rounded-full bg-surface-2 ${className}`}
    >
      {parts.map((p) => (
        <div
          key={p.state}
          title={`${stateLabel(p.state, mediaType)}: ${p.n}`}
          style={{ flexGrow: p.n, flexBasis: 0, background: stateColor(p.state) }}
        />
      ))}
    </div>
  );
}
