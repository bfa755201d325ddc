import type { Agent } from '@floorwatch/contracts/api';
import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import { MediaBadges } from '@/components/media-badges';
import { StateBadge } from '@/components/state-badge';
import { reasonName, type FloorNames } from '@/lib/floor-names';
import { defineMessages } from '@/i18n/messages';
import type { LimitsPolicy } from '@/lib/limits';
import { useI18n } from '@/stores/locale-store';
import { displayName } from '../lib/columns';
import type { GridItem } from '../lib/sort-filter';
import { TimeInState } from './time-in-state';

const PAGE = 60;

const M = defineMessages({
  list: { id: 'cards.list', defaultMessage: 'Agents' },
  more: {
    id: 'cards.more',
    defaultMessage: 'Show more agents ({count, plural, other {# not shown}})',
  },
});

const AgentCard = memo(function AgentCard({
  agent,
  skillId,
  mediaType,
  policy,
  names,
  onOpen,
}: {
  agent: Agent;
  skillId: number;
  mediaType: number;
  policy: LimitsPolicy;
  names: FloorNames;
  onOpen: (workno: string) => void;
}) {
  const reason = reasonName(agent.reason, names);
  return (
    <li
      className="card relative flex flex-col gap-2 p-3 focus-within:ring-2 focus-within:ring-accent"
      data-workno={agent.workno}
    >
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="min-w-0 truncate font-semibold">
          {/* The whole card opens the detail through this button's ::after. */}
          <button
            type="button"
            aria-haspopup="dialog"
            onClick={() => onOpen(agent.workno)}
            className="text-left after:absolute after:inset-0 after:content-[''] focus-visible:outline-none"
          >
            {displayName(agent)}
          </button>
        </h2>
        <span className="shrink-0 font-mono text-sm text-muted tabular">{agent.workno}</span>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <span className="inline-flex min-w-0 items-center gap-2">
          <StateBadge state={agent.state} mediaType={mediaType} />
          {reason && <span className="truncate text-sm text-muted">{reason}</span>}
        </span>
        <span className="min-w-[9rem]">
          <TimeInState agent={agent} skillId={skillId} policy={policy} />
        </span>
      </div>
      <MediaBadges media={agent.media} />
    </li>
  );
});

interface AgentCardsProps {
  items: readonly GridItem[];
  skillId: number;
  mediaType: number;
  policy: LimitsPolicy;
  names: FloorNames;
  onOpen: (workno: string) => void;
  empty: ReactNode;
}

/**
 * The queue on a phone: one card per agent (name, state, time in state, media) in the page's own
 * scroll. Cards come a page at a time, more as the end comes into view or with the button.
 */
export function AgentCards({
  items,
  skillId,
  mediaType,
  policy,
  names,
  onOpen,
  empty,
}: AgentCardsProps) {
  const intl = useI18n();
  const [limit, setLimit] = useState(PAGE);
  const sentinel = useRef<HTMLDivElement>(null);
  const more = items.length - limit;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setLimit((l) => l + PAGE);
      },
      { rootMargin: '400px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [limit]);
  if (items.length === 0) return <p className="card p-6 text-center text-muted">{empty}</p>;
  return (
    <>
      <ul aria-label={intl.formatMessage(M.list)} className="live-data flex flex-col gap-2">
        {items.slice(0, limit).map((it) =>
          it.kind === 'group' ? (
            <li key={`g${it.groupId}`} className="pt-2">
              <h2 className="text-sm font-semibold text-muted">
                {it.name} · {intl.formatNumber(it.count)}
              </h2>
            </li>
          ) : (
            <AgentCard
              key={it.agent.workno}
              agent={it.agent}
              skillId={skillId}
              mediaType={mediaType}
              policy={policy}
              names={names}
              onOpen={onOpen}
            />
          ),
        )}
      </ul>
      {more > 0 && (
        <div ref={sentinel} className="flex justify-center py-2">
          <button type="button" className="btn" onClick={() => setLimit((l) => l + PAGE)}>
            {intl.formatMessage(M.more, { count: more })}
          </button>
        </div>
      )}
    </>
  );
}
