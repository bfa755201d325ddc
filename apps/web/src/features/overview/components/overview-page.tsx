import { useUrlParams } from '@/hooks/use-url-params';
import { FilterField, SearchInput } from '@/components/ui/filter-field';
import type { Queue } from '@floorwatch/contracts/api';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useFloor } from '@/hooks/use-floor';
import { useAgentMap, useLiveLoaded, useQueueList } from '@/hooks/use-live';
import { useServerNow } from '@/hooks/use-server-now';
import { defineMessages } from '@/i18n/messages';
import { pastLimitsOf } from '@/lib/limits';
import { queuePath } from '@/lib/routes';
import { mediaLabel, STATE_ORDER, stateLabel, type AgentState } from '@/lib/states';
import { useI18n } from '@/stores/locale-store';
import { countAgents, filterQueues, uniqueMembersCached } from '../lib/filter-queues';
import {
  parseOverviewState,
  QUEUE_SORTS,
  serializeOverviewState,
  type OverviewState,
  type QueueSort,
} from '../lib/overview-url-state';
import { sortQueues } from '../lib/sort-queues';
import { AgentResults, AgentSearchField } from './agent-search';
import { QueueTile } from './queue-tile';
import { TileGrid } from './tile-grid';

const SORT = defineMessages<QueueSort>({
  id: { id: 'overview.sort.id', defaultMessage: 'Queue number' },
  urgency: { id: 'overview.sort.urgency', defaultMessage: 'Most urgent first' },
  wait: { id: 'overview.sort.wait', defaultMessage: 'Longest wait first' },
  waiting: { id: 'overview.sort.waiting', defaultMessage: 'Most calls waiting first' },
  name: { id: 'overview.sort.name', defaultMessage: 'Name (A–Z)' },
});

const M = defineMessages({
  title: { id: 'overview.title', defaultMessage: 'Queues · Floorwatch' },
  heading: { id: 'overview.heading', defaultMessage: 'Queues' },
  agents: {
    id: 'overview.count.agents',
    defaultMessage: '{count, plural, one {# agent} other {# agents}}',
  },
  memberships: {
    id: 'overview.count.memberships',
    defaultMessage: '{count, plural, one {# queue membership} other {# queue memberships}}',
  },
  queues: {
    id: 'overview.count.queues',
    defaultMessage: '{count, plural, one {# queue} other {# queues}}',
  },
  ofAll: { id: 'overview.count.of-all', defaultMessage: ' (of {total})' },
  once: { id: 'overview.count.once', defaultMessage: '— each agent counted once across queues' },
  filter: { id: 'overview.filter', defaultMessage: 'Filter queues' },
  search: { id: 'overview.search', defaultMessage: 'Search queues' },
  searchHint: { id: 'overview.search.placeholder', defaultMessage: 'Queue name or id' },
  media: { id: 'overview.media', defaultMessage: 'Media type' },
  allMedia: { id: 'overview.media.all', defaultMessage: 'All media' },
  sort: { id: 'overview.sort', defaultMessage: 'Sort queues' },
  state: { id: 'overview.state', defaultMessage: 'State' },
  anyState: { id: 'overview.state.any', defaultMessage: 'Any state' },
  hasState: { id: 'overview.state.has', defaultMessage: 'Has {state} agents' },
  noQueues: {
    id: 'overview.empty',
    defaultMessage:
      'No queues to show. Your account may not be assigned any queue, or the gateway reports none.',
  },
  noMatch: { id: 'overview.no-match', defaultMessage: 'No queue matches these filters.' },
  loading: { id: 'overview.loading', defaultMessage: 'Loading queues' },
});

export function OverviewPage({
  actions,
  aside,
}: {
  /** Page-level tools beside the heading (saved views). */
  actions?: ReactNode;
  /** Shown above the tiles (the exceptions panel). */
  aside?: ReactNode;
} = {}) {
  const intl = useI18n();
  const [params, editParams] = useUrlParams();
  const filters = useMemo(() => parseOverviewState(params), [params]);
  const update = (patch: Partial<OverviewState>) =>
    editParams((prev) => serializeOverviewState({ ...parseOverviewState(prev), ...patch }, prev));

  // The queue list changes only when a queue's figures, members or counts change (never for a
  // member's time in state).
  const queues = useQueueList();
  const agents = useAgentMap();
  const loaded = useLiveLoaded();
  const { policy } = useFloor();

  // Urgency counts agents past the critical limit, which changes with the clock.
  const urgent = filters.sort === 'urgency';
  const serverNow = useServerNow(urgent);
  // Only the urgency order depends on the agents' times; other orders keep the tile list (and
  // every tile) as it is when just agents change.
  const byUrgency = urgent ? agents : null;
  const visible = useMemo(
    () =>
      sortQueues(filterQueues(queues, filters), filters.sort, (q) =>
        byUrgency
          ? pastLimitsOf(
              q.agents.flatMap((w) => byUrgency.get(w) ?? []),
              serverNow,
              policy,
              q.skillId,
            )
          : { crit: 0 },
      ),
    // serverNow is 0 and does not tick unless sorting by urgency.
    [queues, filters, byUrgency, serverNow, policy],
  );
  const members = uniqueMembersCached(visible);
  const totals = useMemo(() => countAgents(visible, agents, members), [visible, agents, members]);
  const mediaTypes = useMemo(
    () => [...new Set(queues.map((q) => q.mediaType))].sort((a, b) => a - b),
    [queues],
  );

  const filtered = filters.q !== '' || filters.media.length > 0 || filters.states.length > 0;

  return (
    <div className="flex flex-col gap-4 p-4 lg:p-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <title>{intl.formatMessage(M.title)}</title>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight">
              {intl.formatMessage(M.heading)}
            </h1>
            {actions}
          </div>
          <p className="live-data text-sm text-muted tabular" aria-live="off">
            <strong className="text-fg">
              {intl.formatMessage(M.agents, { count: totals.agents })}
            </strong>
            {' · '}
            {intl.formatMessage(M.memberships, { count: totals.memberships })}
            {' · '}
            {intl.formatMessage(M.queues, { count: visible.length })}
            {filtered && intl.formatMessage(M.ofAll, { total: intl.formatNumber(queues.length) })}
            <span className="ml-1 text-xs">{intl.formatMessage(M.once)}</span>
          </p>
          <p className="live-data mt-1 flex flex-wrap gap-x-3 text-sm tabular">
            {STATE_ORDER.filter((s) => (totals.byState[s] ?? 0) > 0).map((s) => (
              <span key={s}>
                {stateLabel(s)} <strong>{intl.formatNumber(totals.byState[s] ?? 0)}</strong>
              </span>
            ))}
          </p>
        </div>
        <AgentSearchField value={filters.find} onChange={(find) => update({ find })} />
        <div
          className="flex flex-wrap items-end gap-3"
          role="search"
          aria-label={intl.formatMessage(M.filter)}
        >
          <FilterField
            id="ov-search"
            label={intl.formatMessage(M.search)}
            className="w-full sm:w-auto"
          >
            <SearchInput
              id="ov-search"
              widthClass="w-full sm:w-56"
              placeholder={intl.formatMessage(M.searchHint)}
              value={filters.q}
              onChange={(q) => update({ q })}
            />
          </FilterField>
          <FilterField id="ov-media" label={intl.formatMessage(M.media)}>
            <select
              id="ov-media"
              className="select w-44 max-sm:w-[calc(50vw-1.75rem)]"
              value={filters.media.length === 1 ? String(filters.media[0]) : ''}
              onChange={(e) =>
                update({ media: e.target.value === '' ? [] : [Number(e.target.value)] })
              }
            >
              <option value="">{intl.formatMessage(M.allMedia)}</option>
              {[...new Set([...mediaTypes, ...filters.media])].map((m) => (
                <option key={m} value={m}>
                  {mediaLabel(m)}
                </option>
              ))}
            </select>
          </FilterField>
          <FilterField id="ov-sort" label={intl.formatMessage(M.sort)}>
            <select
              id="ov-sort"
              className="select w-52 max-sm:w-[calc(50vw-1.75rem)]"
              value={filters.sort}
              onChange={(e) => update({ sort: e.target.value as QueueSort })}
            >
              {QUEUE_SORTS.map((s) => (
                <option key={s} value={s}>
                  {intl.formatMessage(SORT[s])}
                </option>
              ))}
            </select>
          </FilterField>
          <FilterField id="ov-state" label={intl.formatMessage(M.state)}>
            <select
              id="ov-state"
              className="select w-44 max-sm:w-[calc(50vw-1.75rem)]"
              value={filters.states.length === 1 ? (filters.states[0] ?? '') : ''}
              onChange={(e) =>
                update({ states: e.target.value === '' ? [] : [e.target.value as AgentState] })
              }
            >
              <option value="">{intl.formatMessage(M.anyState)}</option>
              {STATE_ORDER.map((s) => (
                <option key={s} value={s}>
                  {intl.formatMessage(M.hasState, {
                    state: stateLabel(s).toLocaleLowerCase(intl.locale),
                  })}
                </option>
              ))}
            </select>
          </FilterField>
        </div>
      </div>

      <AgentResults query={filters.find} />

      <AfterFirstTiles loaded={loaded}>{aside}</AfterFirstTiles>

      {!loaded ? (
        <TileSkeletons />
      ) : visible.length === 0 ? (
        <div className="card p-8 text-center text-muted">
          {queues.length === 0 ? intl.formatMessage(M.noQueues) : intl.formatMessage(M.noMatch)}
        </div>
      ) : (
        <TileGrid queues={visible}>
          {(q: Queue) => <QueueTile key={q.skillId} queue={q} to={queuePath(q.skillId)} />}
        </TileGrid>
      )}
    </div>
  );
}

/**
 * Its children one task after the first tiles are drawn: the exceptions panel judges every agent
 * of the floor (10,000 on a large centre), which should not hold up the first tiles.
 */
function AfterFirstTiles({ loaded, children }: { loaded: boolean; children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!loaded || shown) return;
    const t = setTimeout(() => setShown(true), 0);
    return () => clearTimeout(t);
  }, [loaded, shown]);
  return shown ? children : null;
}

function TileSkeletons() {
  const intl = useI18n();
  return (
    <div
      className="grid grid-cols-[repeat(auto-fill,minmax(19rem,1fr))] gap-4"
      aria-busy="true"
      aria-label={intl.formatMessage(M.loading)}
    >
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="card h-72 animate-pulse bg-surface-2" />
      ))}
    </div>
  );
}
