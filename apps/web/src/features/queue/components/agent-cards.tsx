import type { Agent, Thresholds } from '@floorwatch/contracts/api';
import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import { MediaBadges } from '@/components/media-badges';
import { StateBadge } from '@/components/state-badge';
import { displayName } from '../lib/columns';
import { TimeInState } from './time-in-state';

const PAGE = 60;

const AgentCard = memo(function AgentCard({
  agent,
  mediaType,
  thresholds,
  onOpen,
}: {
  agent: Agent;
  mediaType: number;
  thresholds: Thresholds;
  onOpen: (workno: string) => void;
}) {
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
        <StateBadge state={agent.state} mediaType={mediaType} />
        <span className="min-w-[9rem]">
          <TimeInState agent={agent} thresholds={thresholds} />
        </span>
      </div>
      <MediaBadges media={agent.media} />
    </li>
  );
});

interface AgentCardsProps {
  rows: readonly Agent[];
  mediaType: number;
  thresholds: Thresholds;
  onOpen: (workno: string) => void;
  empty: ReactNode;
}

/**
 * The queue on a phone: one card per agent (name, state, time in state, media) in the page's own
 * scroll. Cards come a page at a time, more as the end comes into view or with the button.
 */
export function AgentCards({ rows, mediaType, thresholds, onOpen, empty }: AgentCardsProps) {
  const [limit, setLimit] = useState(PAGE);
  const sentinel = useRef<HTMLDivElement>(null);
  const more = rows.length - limit;
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
  if (rows.length === 0) return <p className="card p-6 text-center text-muted">{empty}</p>;
  return (
    <>
      <ul aria-label="Agents" className="live-data flex flex-col gap-2">
        {rows.slice(0, limit).map((a) => (
          <AgentCard
            key={a.workno}
            agent={a}
            mediaType={mediaType}
            thresholds={thresholds}
            onOpen={onOpen}
          />
        ))}
      </ul>
      {more > 0 && (
        <div ref={sentinel} className="flex justify-center py-2">
          <button type="button" className="btn" onClick={() => setLimit((l) => l + PAGE)}>
            Show more agents ({more} not shown)
          </button>
        </div>
      )}
    </>
  );
}
