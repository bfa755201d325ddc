// One table of limits — time in each state, and the queue figures — as inputs for an admin or
// as plain text for everyone else. Used for the site's limits and for one queue's own.
import { LevelIcon } from '@/components/limit-level';
import { StateBadge } from '@/components/state-badge';
import { kpiLabel } from '@/hooks/use-queue-kpis';
import { defineMessages, type Message } from '@/i18n/messages';
import { formatDuration } from '@/lib/format';
import { errorAt, type FieldErrors } from '@/lib/save-problems';
import { STATE_ORDER, stateLabel, type AgentState } from '@/lib/states';
import { limitName } from '@/lib/thresholds';
import { activeIntl, useI18n } from '@/stores/locale-store';
import { KPI_KEYS, type KpiKey, type LimitsDraft, type Pair } from '../lib/limits-draft';

const M = defineMessages({
  // Input names: "Calls waiting, warning at (calls)".
  atCalls: {
    id: 'limits.input.calls',
    defaultMessage: '{name}, {level, select, warn {warning at} other {critical at}} (calls)',
  },
  atSeconds: {
    id: 'limits.input.seconds',
    defaultMessage: '{name}, {level, select, warn {warning at} other {critical at}} (seconds)',
  },
  belowPct: {
    id: 'limits.input.pct',
    defaultMessage: '{name}, {level, select, warn {warning below} other {critical below}} (%)',
  },
  stateInput: {
    id: 'limits.input.state',
    defaultMessage: '{level} limit for {name}, seconds',
  },
  shownAt: { id: 'limits.shown.at', defaultMessage: 'warning at {warn}, critical at {crit}' },
  shownBelow: {
    id: 'limits.shown.below',
    defaultMessage: 'warning below {warn}, critical below {crit}',
  },
  pct: { id: 'limits.pct', defaultMessage: '{value}%' },
  site: { id: 'limits.inherited', defaultMessage: 'Site: {limits}' },
  siteLimit: { id: 'limits.empty.inherit', defaultMessage: "the site's limit" },
  noLimit: { id: 'limits.empty.none', defaultMessage: 'no limit' },
  limits: { id: 'limits.column', defaultMessage: 'Limits' },
  timeInState: { id: 'limits.time-in-state', defaultMessage: 'Time in state' },
  seconds: { id: 'limits.seconds', defaultMessage: '(seconds)' },
  figures: { id: 'limits.figures', defaultMessage: 'Queue figures' },
});

const INPUT: Record<KpiKey, Message> = {
  waiting: M.atCalls,
  longestWaitSec: M.atSeconds,
  serviceLevelPct: M.belowPct,
};

const KPI_ID = {
  waiting: 'waiting',
  longestWaitSec: 'longestWait',
  serviceLevelPct: 'serviceLevel',
} as const;

/** A KPI row's name: the same words as the figures on the tiles. */
export function kpiRowLabel(k: KpiKey): string {
  return kpiLabel(KPI_ID[k]);
}

function hint(k: KpiKey | null, v: string): string | null {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n <= 0) return null;
  if (k === null || k === 'longestWaitSec') return formatDuration(n * 1000);
  return null;
}

function shown(k: KpiKey | null, p: Pair, emptyText: string): string {
  if (p.warn === '' && p.crit === '') return emptyText;
  const intl = activeIntl();
  const f = (v: string) =>
    k === 'serviceLevelPct'
      ? intl.formatMessage(M.pct, { value: v })
      : k === 'waiting'
        ? v
        : formatDuration(Number(v) * 1000);
  return intl.formatMessage(k === 'serviceLevelPct' ? M.shownBelow : M.shownAt, {
    warn: f(p.warn),
    crit: f(p.crit),
  });
}

interface RowProps {
  id: string;
  label: React.ReactNode;
  name: string;
  kpi: KpiKey | null;
  pair: Pair;
  inherited: string | null;
  edit: boolean;
  error: string | undefined;
  set: (p: Pair) => void;
  emptyText: string;
}

function Row({ id, label, name, kpi, pair, inherited, edit, error, set, emptyText }: RowProps) {
  const errId = `${id}-err`;
  const intl = useI18n();
  return (
    <tr className="border-t border-line align-top" data-row={id}>
      <th scope="row" className="py-2 pr-2 text-left font-normal sm:pr-3">
        {label}
        {inherited !== null && (
          <span className="mt-1 block text-xs text-muted">
            {intl.formatMessage(M.site, { limits: inherited })}
          </span>
        )}
        {error && (
          <p id={errId} className="mt-1 max-w-xs text-xs text-crit" role="alert">
            {error}
          </p>
        )}
      </th>
      {edit ? (
        (['warn', 'crit'] as const).map((k) => (
          <td key={k} className="py-2 pr-2 sm:pr-3">
            <input
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              className="input w-full max-w-28 tabular"
              aria-label={
                kpi
                  ? intl.formatMessage(INPUT[kpi], { name, level: k })
                  : intl.formatMessage(M.stateInput, { level: limitName(k), name })
              }
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errId : undefined}
              value={pair[k]}
              onChange={(e) => set({ ...pair, [k]: e.target.value })}
            />
            {hint(kpi, pair[k]) && (
              <span className="mt-0.5 block text-xs text-muted tabular">{hint(kpi, pair[k])}</span>
            )}
          </td>
        ))
      ) : (
        <td colSpan={2} className="py-2 text-sm tabular">
          {shown(kpi, pair, emptyText)}
        </td>
      )}
    </tr>
  );
}

/**
 * `inherit`: a queue's own limits, where an empty row falls back to the site's (shown beside).
 * Field paths match the contract's ("states.wrapup.critSec", "kpi.waiting.crit").
 */
export function LimitTable({
  idPrefix,
  draft,
  setDraft,
  edit,
  errors,
  inherit,
}: {
  idPrefix: string;
  draft: LimitsDraft;
  setDraft: (d: LimitsDraft) => void;
  edit: boolean;
  errors: FieldErrors;
  inherit?: LimitsDraft;
}) {
  const intl = useI18n();
  const noLimit = intl.formatMessage(M.noLimit);
  const emptyText = inherit ? intl.formatMessage(M.siteLimit) : noLimit;
  const head = (
    <thead>
      <tr className="text-left text-xs text-muted uppercase">
        <th scope="col" className="w-[38%] py-2 sm:w-[30%]">
          {' '}
        </th>
        {edit ? (
          <>
            <th scope="col" className="py-2 pr-2">
              <span className="inline-flex items-center gap-1">
                <LevelIcon level="warn" decorative className="h-3.5 w-3.5" /> {limitName('warn')}
              </span>
            </th>
            <th scope="col" className="py-2 pr-2">
              <span className="inline-flex items-center gap-1">
                <LevelIcon level="crit" decorative className="h-3.5 w-3.5" /> {limitName('crit')}
              </span>
            </th>
          </>
        ) : (
          <th scope="col" colSpan={2} className="py-2">
            {intl.formatMessage(M.limits)}
          </th>
        )}
      </tr>
    </thead>
  );
  return (
    <div className="flex flex-col gap-4">
      <table className="w-full table-fixed text-sm">
        <caption className="py-1 text-left text-base font-semibold">
          {intl.formatMessage(M.timeInState)}{' '}
          <span className="text-sm font-normal text-muted">{intl.formatMessage(M.seconds)}</span>
        </caption>
        {head}
        <tbody>
          {STATE_ORDER.map((s: AgentState) => (
            <Row
              key={s}
              id={`${idPrefix}-states-${s}`}
              label={<StateBadge state={s} />}
              name={stateLabel(s)}
              kpi={null}
              pair={draft.states[s]}
              inherited={inherit ? shown(null, inherit.states[s], noLimit) : null}
              edit={edit}
              error={errorAt(errors, `states.${s}`)}
              set={(p) => setDraft({ ...draft, states: { ...draft.states, [s]: p } })}
              emptyText={emptyText}
            />
          ))}
        </tbody>
      </table>
      <table className="w-full table-fixed text-sm">
        <caption className="py-1 text-left text-base font-semibold">
          {intl.formatMessage(M.figures)}
        </caption>
        {head}
        <tbody>
          {KPI_KEYS.map((k) => (
            <Row
              key={k}
              id={`${idPrefix}-kpi-${k}`}
              label={<span className="font-medium">{kpiRowLabel(k)}</span>}
              name={kpiRowLabel(k)}
              kpi={k}
              pair={draft.kpi[k]}
              inherited={inherit ? shown(k, inherit.kpi[k], noLimit) : null}
              edit={edit}
              error={errorAt(errors, `kpi.${k}`)}
              set={(p) => setDraft({ ...draft, kpi: { ...draft.kpi, [k]: p } })}
              emptyText={emptyText}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
