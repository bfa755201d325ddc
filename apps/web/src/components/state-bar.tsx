import type { StateCounts } from '@floorwatch/contracts/api';
import { AGENT_STATE_LABELS, STATE_ORDER, stateColor } from '@/lib/states';

/** A compact stacked bar of agents by state, with a text alternative. */
export function StateBar({
  counts,
  className = 'h-2.5',
}: {
  counts: StateCounts;
  className?: string;
}) {
  const parts = STATE_ORDER.map((s) => ({ state: s, n: counts[s] ?? 0 })).filter((p) => p.n > 0);
  const total = parts.reduce((sum, p) => sum + p.n, 0);
  const label =
    total === 0
      ? 'No agents'
      : parts.map((p) => `${AGENT_STATE_LABELS[p.state]} ${p.n}`).join(', ');
  return (
    <div
      role="img"
      aria-label={`Agents by state: ${label}`}
      className={`flex w-full gap-px overflow-hidden rounded-full bg-surface-2 ${className}`}
    >
      {parts.map((p) => (
        <div
          key={p.state}
          title={`${AGENT_STATE_LABELS[p.state]}: ${p.n}`}
          style={{ flexGrow: p.n, flexBasis: 0, background: stateColor(p.state) }}
        />
      ))}
    </div>
  );
}
