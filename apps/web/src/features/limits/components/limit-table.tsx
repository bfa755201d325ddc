// One table of limits — time in each state, and the queue figures — as inputs for an admin or
// as plain text for everyone else. Used for the site's limits and for one queue's own.
import { LevelIcon } from '@/components/limit-level';
import { StateBadge } from '@/components/state-badge';
import { formatDuration } from '@/lib/format';
import { errorAt, type FieldErrors } from '@/lib/save-problems';
import { AGENT_STATE_LABELS, STATE_ORDER, type AgentState } from '@/lib/states';
import { LIMIT_NAME } from '@/lib/thresholds';
import { KPI_KEYS, type KpiKey, type LimitsDraft, type Pair } from '../lib/limits-draft';

export const KPI_ROW: Record<KpiKey, { label: string; unit: string; warn: string; crit: string }> =
  {
    waiting: { label: 'Calls waiting', unit: 'calls', warn: 'Warning at', crit: 'Critical at' },
    longestWaitSec: {
      label: 'Longest wait',
      unit: 'seconds',
      warn: 'Warning at',
      crit: 'Critical at',
    },
    serviceLevelPct: {
      label: 'Service level',
      unit: '%',
      warn: 'Warning below',
      crit: 'Critical below',
    },
  };

function hint(k: KpiKey | null, v: string): string | null {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n <= 0) return null;
  if (k === null || k === 'longestWaitSec') return formatDuration(n * 1000);
  return null;
}

function shown(k: KpiKey | null, p: Pair, emptyText: string): string {
  if (p.warn === '' && p.crit === '') return emptyText;
  const f = (v: string) =>
    k === 'serviceLevelPct' ? `${v}%` : k === 'waiting' ? v : formatDuration(Number(v) * 1000);
  return k === 'serviceLevelPct'
    ? `warning below ${f(p.warn)}, critical below ${f(p.crit)}`
    : `warning at ${f(p.warn)}, critical at ${f(p.crit)}`;
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
  const words = kpi ? KPI_ROW[kpi] : null;
  return (
    <tr className="border-t border-line align-top" data-row={id}>
      <th scope="row" className="py-2 pr-2 text-left font-normal sm:pr-3">
        {label}
        {inherited !== null && (
          <span className="mt-1 block text-xs text-muted">Site: {inherited}</span>
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
                words
                  ? `${name}, ${words[k].toLowerCase()} (${words.unit})`
                  : `${LIMIT_NAME[k]} limit for ${name}, seconds`
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
  const emptyText = inherit ? "the site's limit" : 'no limit';
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
                <LevelIcon level="warn" decorative className="h-3.5 w-3.5" /> {LIMIT_NAME.warn}
              </span>
            </th>
            <th scope="col" className="py-2 pr-2">
              <span className="inline-flex items-center gap-1">
                <LevelIcon level="crit" decorative className="h-3.5 w-3.5" /> {LIMIT_NAME.crit}
              </span>
            </th>
          </>
        ) : (
          <th scope="col" colSpan={2} className="py-2">
            Limits
          </th>
        )}
      </tr>
    </thead>
  );
  return (
    <div className="flex flex-col gap-4">
      <table className="w-full table-fixed text-sm">
        <caption className="py-1 text-left text-base font-semibold">
          Time in state <span className="text-sm font-normal text-muted">(seconds)</span>
        </caption>
        {head}
        <tbody>
          {STATE_ORDER.map((s: AgentState) => (
            <Row
              key={s}
              id={`${idPrefix}-states-${s}`}
              label={<StateBadge state={s} />}
              name={AGENT_STATE_LABELS[s]}
              kpi={null}
              pair={draft.states[s]}
              inherited={inherit ? shown(null, inherit.states[s], 'no limit') : null}
              edit={edit}
              error={errorAt(errors, `states.${s}`)}
              set={(p) => setDraft({ ...draft, states: { ...draft.states, [s]: p } })}
              emptyText={emptyText}
            />
          ))}
        </tbody>
      </table>
      <table className="w-full table-fixed text-sm">
        <caption className="py-1 text-left text-base font-semibold">Queue figures</caption>
        {head}
        <tbody>
          {KPI_KEYS.map((k) => (
            <Row
              key={k}
              id={`${idPrefix}-kpi-${k}`}
              label={<span className="font-medium">{KPI_ROW[k].label}</span>}
              name={KPI_ROW[k].label}
              kpi={k}
              pair={draft.kpi[k]}
              inherited={inherit ? shown(k, inherit.kpi[k], 'no limit') : null}
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
