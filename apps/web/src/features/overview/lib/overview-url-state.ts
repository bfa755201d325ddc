// Overview search, filters and order in the URL: ?q=billing&media=5,1&state=talking&sort=urgency
import { AGENT_STATES, type AgentState } from '@/lib/states';
import { parseEnum, parseEnumList, parseIntList, setParam } from '@/lib/url-state';

/** `id`: the gateway's order (default); `urgency`: most critical first, then longest wait, then
 *  most calls waiting; `wait`, `waiting`: by that figure alone; `name`: A→Z. */
export const QUEUE_SORTS = ['id', 'urgency', 'wait', 'waiting', 'name'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export interface OverviewState {
  q: string;
  /** skillMediaType codes; empty = all. */
  media: number[];
  /** Show only queues with at least one agent in one of these states; empty = all. */
  states: AgentState[];
  sort: QueueSort;
  /** Agent search across every queue (name or work number). */
  find: string;
}

export const DEFAULT_OVERVIEW_STATE: OverviewState = {
  q: '',
  media: [],
  states: [],
  sort: 'id',
  find: '',
};

export function parseOverviewState(params: URLSearchParams): OverviewState {
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    media: parseIntList(params.get('media')),
    states: parseEnumList(params.get('state'), AGENT_STATES),
    sort: parseEnum(params.get('sort'), QUEUE_SORTS, 'id'),
    find: (params.get('find') ?? '').slice(0, 100),
  };
}

export function serializeOverviewState(
  s: OverviewState,
  base: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const p = new URLSearchParams(base);
  setParam(p, 'q', s.q.trim() === '' ? null : s.q);
  setParam(p, 'media', s.media.join(','));
  setParam(p, 'state', s.states.join(','));
  setParam(p, 'sort', s.sort === 'id' ? null : s.sort);
  setParam(p, 'find', s.find.trim() === '' ? null : s.find);
  return p;
}
