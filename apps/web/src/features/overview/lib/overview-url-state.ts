// Overview search and filters in the URL: ?q=billing&media=5,1&state=talking
import { AGENT_STATES, type AgentState } from '@/lib/states';
import { parseEnumList, parseIntList, setParam } from '@/lib/url-state';

export interface OverviewState {
  q: string;
  /** skillMediaType codes; empty = all. */
  media: number[];
  /** Show only queues with at least one agent in one of these states; empty = all. */
  states: AgentState[];
}

export const DEFAULT_OVERVIEW_STATE: OverviewState = { q: '', media: [], states: [] };

export function parseOverviewState(params: URLSearchParams): OverviewState {
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    media: parseIntList(params.get('media')),
    states: parseEnumList(params.get('state'), AGENT_STATES),
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
  return p;
}
