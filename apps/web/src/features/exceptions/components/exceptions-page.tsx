import { useMemo, useState, type ReactNode } from 'react';
import { NotifyToggle } from '@/components/notify-toggle';
import { FilterField } from '@/components/ui/filter-field';
import { useExceptions } from '@/hooks/use-exceptions';
import { useFloor } from '@/hooks/use-floor';
import { useLiveLoaded, useQueueMap } from '@/hooks/use-live';
import { useUrlParams } from '@/hooks/use-url-params';
import { groupExceptions } from '@/lib/exceptions';
import { groupName } from '@/lib/floor-names';
import { plural } from '@/lib/format';
import { pastLimitText } from '@/lib/thresholds';
import { EXCEPTION_WORDS } from '../lib/exception-words';
import {
  parseExceptionsView,
  serializeExceptionsView,
  type ExceptionsView,
  type LevelFilter,
} from '../lib/exceptions-url-state';
import { ExceptionItem } from './exception-item';

/** Rows drawn at first; more on request (a large floor can have hundreds past a warning). */
const PAGE = 100;

/** Every agent in the user's queues past a limit, worst first, live; by group if asked. */
export function ExceptionsPage({ actions }: { actions?: ReactNode }) {
  const [params, editParams] = useUrlParams();
  const view = useMemo(() => parseExceptionsView(params), [params]);
  const update = (patch: Partial<ExceptionsView>) =>
    editParams((prev) => serializeExceptionsView({ ...parseExceptionsView(prev), ...patch }, prev));
  const all = useExceptions();
  const loaded = useLiveLoaded();
  const queues = useQueueMap();
  const { names } = useFloor();
  const [limit, setLimit] = useState(PAGE);

  const groupOptions = useMemo(() => {
    const ids = new Set(all.map((r) => r.agent.groupId));
    for (const g of view.groups) ids.add(g);
    for (const g of names.groups.keys()) ids.add(g);
    return [...ids]
      .map((id) => ({ id, name: groupName(id, names) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  }, [all, view.groups, names]);

  const rows = useMemo(
    () =>
      all.filter(
        (r) =>
          (view.level === 'all' || r.level === 'crit') &&
          (view.groups.length === 0 || view.groups.includes(r.agent.groupId)),
      ),
    [all, view.level, view.groups],
  );
  const crit = rows.filter((r) => r.level === 'crit').length;
  const shown = rows.slice(0, limit);
  const sections = view.by === 'group' ? groupExceptions(shown) : null;

  return (
    <div className="flex flex-col gap-4 p-4 lg:p-6">
      <title>Exceptions · Floorwatch</title>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight">{EXCEPTION_WORDS.title}</h1>
            {actions}
          </div>
          <p className="live-data text-sm text-muted tabular">
            Agents past a time limit in your queues, worst first ·{' '}
            {crit > 0 && <strong className="text-crit">{pastLimitText('crit', crit)}</strong>}
            {crit > 0 && rows.length > crit && ' · '}
            {rows.length > crit && (
              <strong className="text-warn">{pastLimitText('warn', rows.length - crit)}</strong>
            )}
            {rows.length === 0 && 'none'}
          </p>
        </div>
        <div
          className="flex flex-wrap items-end gap-3"
          role="search"
          aria-label="Filter exceptions"
        >
          <FilterField id="ex-level" label="Show">
            <select
              id="ex-level"
              className="select w-44"
              value={view.level}
              onChange={(e) => update({ level: e.target.value as LevelFilter })}
            >
              <option value="all">Warning and critical</option>
              <option value="crit">Critical only</option>
            </select>
          </FilterField>
          <FilterField id="ex-group" label="Group">
            <select
              id="ex-group"
              className="select w-44"
              value={view.groups.length === 1 ? String(view.groups[0]) : ''}
              onChange={(e) =>
                update({ groups: e.target.value === '' ? [] : [Number(e.target.value)] })
              }
            >
              <option value="">All groups</option>
              {groupOptions.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </FilterField>
          <label className="inline-flex items-center gap-2 pb-2 text-sm">
            <input
              type="checkbox"
              checked={view.by === 'group'}
              onChange={(e) => update({ by: e.target.checked ? 'group' : 'none' })}
            />
            Sections by group
          </label>
          <NotifyToggle />
        </div>
      </div>

      {!loaded ? (
        <p role="status" className="text-muted">
          {EXCEPTION_WORDS.loading}
        </p>
      ) : rows.length === 0 ? (
        <p className="card p-8 text-center text-muted">
          {all.length === 0 ? EXCEPTION_WORDS.none : 'Nobody matches these filters.'}
        </p>
      ) : (
        <div className="live-data flex flex-col gap-4">
          <div
            aria-hidden="true"
            className="hidden grid-cols-[minmax(10rem,1.2fr)_minmax(9rem,1fr)_6.5rem_minmax(12rem,1.4fr)_minmax(8rem,1fr)] gap-x-3 px-4 text-xs font-semibold text-muted uppercase sm:grid"
          >
            <span>Agent</span>
            <span>State and reason</span>
            <span>Time</span>
            <span>Limit broken</span>
            <span>Queues</span>
          </div>
          {sections ? (
            sections.map((g) => (
              <section
                key={g.groupId}
                aria-labelledby={`ex-g-${g.groupId}`}
                className="flex flex-col gap-1.5"
              >
                <h2 id={`ex-g-${g.groupId}`} className="text-base font-semibold">
                  {groupName(g.groupId, names)}{' '}
                  <span className="font-normal text-muted">· {plural(g.rows.length, 'agent')}</span>
                </h2>
                <ul
                  aria-label={`Exceptions in ${groupName(g.groupId, names)}`}
                  className="flex flex-col gap-1.5"
                >
                  {g.rows.map((r) => (
                    <ExceptionItem key={r.agent.workno} row={r} queues={queues} names={names} />
                  ))}
                </ul>
              </section>
            ))
          ) : (
            <ul aria-label="Exceptions, worst first" className="flex flex-col gap-1.5">
              {shown.map((r) => (
                <ExceptionItem key={r.agent.workno} row={r} queues={queues} names={names} />
              ))}
            </ul>
          )}
          {rows.length > limit && (
            <button
              type="button"
              className="btn self-center"
              onClick={() => setLimit((l) => l + PAGE)}
            >
              Show more ({rows.length - limit} not shown)
            </button>
          )}
        </div>
      )}
    </div>
  );
}
