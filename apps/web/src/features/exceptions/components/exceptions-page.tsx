import { useMemo, useState, type ReactNode } from 'react';
import { NotifyToggle } from '@/components/notify-toggle';
import { FilterField } from '@/components/ui/filter-field';
import { useExceptions } from '@/hooks/use-exceptions';
import { useFloor } from '@/hooks/use-floor';
import { useLiveLoaded, useQueueMap } from '@/hooks/use-live';
import { useUrlParams } from '@/hooks/use-url-params';
import { groupExceptions } from '@/lib/exceptions';
import { COMMON } from '@/i18n/common';
import { compareNames } from '@/i18n/search';
import { defineMessages } from '@/i18n/messages';
import { groupName } from '@/lib/floor-names';
import { pastLimitText } from '@/lib/thresholds';
import { useI18n } from '@/stores/locale-store';
import { EXCEPTION_WORDS } from '../lib/exception-words';
import {
  parseExceptionsView,
  serializeExceptionsView,
  type ExceptionsView,
  type LevelFilter,
} from '../lib/exceptions-url-state';
import { ExceptionItem } from './exception-item';

const M = defineMessages({
  title: { id: 'exceptions.page-title', defaultMessage: 'Exceptions · Floorwatch' },
  intro: {
    id: 'exceptions.intro',
    defaultMessage: 'Agents past a time limit in your queues, worst first',
  },
  none: { id: 'exceptions.count.none', defaultMessage: 'none' },
  filter: { id: 'exceptions.filter', defaultMessage: 'Filter exceptions' },
  show: { id: 'exceptions.show', defaultMessage: 'Show' },
  all: { id: 'exceptions.show.all', defaultMessage: 'Warning and critical' },
  crit: { id: 'exceptions.show.crit', defaultMessage: 'Critical only' },
  noMatch: { id: 'exceptions.no-match', defaultMessage: 'Nobody matches these filters.' },
  colAgent: { id: 'exceptions.col.agent', defaultMessage: 'Agent' },
  colState: { id: 'exceptions.col.state', defaultMessage: 'State and reason' },
  colTime: { id: 'exceptions.col.time', defaultMessage: 'Time' },
  colLimit: { id: 'exceptions.col.limit', defaultMessage: 'Limit broken' },
  colQueues: { id: 'exceptions.col.queues', defaultMessage: 'Queues' },
  groupCount: {
    id: 'exceptions.group.count',
    defaultMessage: '{count, plural, one {# agent} other {# agents}}',
  },
  inGroup: { id: 'exceptions.group.list', defaultMessage: 'Exceptions in {group}' },
  list: { id: 'exceptions.list', defaultMessage: 'Exceptions, worst first' },
  more: {
    id: 'exceptions.more',
    defaultMessage: 'Show more ({count, plural, other {# not shown}})',
  },
});

/** Rows drawn at first; more on request (a large floor can have hundreds past a warning). */
const PAGE = 100;

/** Every agent in the user's queues past a limit, worst first, live; by group if asked. */
export function ExceptionsPage({ actions }: { actions?: ReactNode }) {
  const intl = useI18n();
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
      .sort((a, b) => compareNames(a.name, b.name));
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
      <title>{intl.formatMessage(M.title)}</title>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight">{EXCEPTION_WORDS.title()}</h1>
            {actions}
          </div>
          <p className="live-data text-sm text-muted tabular">
            {intl.formatMessage(M.intro)} ·{' '}
            {crit > 0 && <strong className="text-crit">{pastLimitText('crit', crit)}</strong>}
            {crit > 0 && rows.length > crit && ' · '}
            {rows.length > crit && (
              <strong className="text-warn">{pastLimitText('warn', rows.length - crit)}</strong>
            )}
            {rows.length === 0 && intl.formatMessage(M.none)}
          </p>
        </div>
        <div
          className="flex flex-wrap items-end gap-3"
          role="search"
          aria-label={intl.formatMessage(M.filter)}
        >
          <FilterField id="ex-level" label={intl.formatMessage(M.show)}>
            <select
              id="ex-level"
              className="select w-44"
              value={view.level}
              onChange={(e) => update({ level: e.target.value as LevelFilter })}
            >
              <option value="all">{intl.formatMessage(M.all)}</option>
              <option value="crit">{intl.formatMessage(M.crit)}</option>
            </select>
          </FilterField>
          <FilterField id="ex-group" label={intl.formatMessage(COMMON.group)}>
            <select
              id="ex-group"
              className="select w-44"
              value={view.groups.length === 1 ? String(view.groups[0]) : ''}
              onChange={(e) =>
                update({ groups: e.target.value === '' ? [] : [Number(e.target.value)] })
              }
            >
              <option value="">{intl.formatMessage(COMMON.allGroups)}</option>
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
            {intl.formatMessage(COMMON.sectionsByGroup)}
          </label>
          <NotifyToggle />
        </div>
      </div>

      {!loaded ? (
        <p role="status" className="text-muted">
          {EXCEPTION_WORDS.loading()}
        </p>
      ) : rows.length === 0 ? (
        <p className="card p-8 text-center text-muted">
          {all.length === 0 ? EXCEPTION_WORDS.none() : intl.formatMessage(M.noMatch)}
        </p>
      ) : (
        <div className="live-data flex flex-col gap-4">
          <div
            aria-hidden="true"
            className="hidden grid-cols-[minmax(10rem,1.2fr)_minmax(9rem,1fr)_6.5rem_minmax(12rem,1.4fr)_minmax(8rem,1fr)] gap-x-3 px-4 text-xs font-semibold text-muted uppercase sm:grid"
          >
            <span>{intl.formatMessage(M.colAgent)}</span>
            <span>{intl.formatMessage(M.colState)}</span>
            <span>{intl.formatMessage(M.colTime)}</span>
            <span>{intl.formatMessage(M.colLimit)}</span>
            <span>{intl.formatMessage(M.colQueues)}</span>
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
                  <span className="font-normal text-muted">
                    · {intl.formatMessage(M.groupCount, { count: g.rows.length })}
                  </span>
                </h2>
                <ul
                  aria-label={intl.formatMessage(M.inGroup, {
                    group: groupName(g.groupId, names),
                  })}
                  className="flex flex-col gap-1.5"
                >
                  {g.rows.map((r) => (
                    <ExceptionItem key={r.agent.workno} row={r} queues={queues} names={names} />
                  ))}
                </ul>
              </section>
            ))
          ) : (
            <ul aria-label={intl.formatMessage(M.list)} className="flex flex-col gap-1.5">
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
              {intl.formatMessage(M.more, { count: rows.length - limit })}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
