// The exceptions screen's view in its URL (bookmarkable, and what a saved view keeps).
import { parseEnum, parseIntList, setParam } from '@/lib/url-state';

export type LevelFilter = 'all' | 'crit';
export type Sections = 'none' | 'group';

export interface ExceptionsView {
  /** Agent groups to show (empty = all). */
  groups: number[];
  level: LevelFilter;
  by: Sections;
}

export function parseExceptionsView(p: URLSearchParams): ExceptionsView {
  return {
    groups: parseIntList(p.get('group')),
    level: parseEnum<LevelFilter>(p.get('level'), ['all', 'crit'], 'all'),
    by: parseEnum<Sections>(p.get('by'), ['none', 'group'], 'none'),
  };
}

export function serializeExceptionsView(v: ExceptionsView, base: URLSearchParams): URLSearchParams {
  const p = new URLSearchParams(base);
  setParam(p, 'group', v.groups.join(','));
  setParam(p, 'level', v.level === 'all' ? null : v.level);
  setParam(p, 'by', v.by === 'none' ? null : v.by);
  return p;
}
