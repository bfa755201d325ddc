import type { Thresholds } from '@floorwatch/contracts/api';
import { useState, type FormEvent } from 'react';
import { useSettings } from '@/api/get-settings';
import { StateBadge } from '@/components/state-badge';
import { formatDuration } from '@/lib/format';
import { AGENT_STATE_LABELS, STATE_ORDER, type AgentState } from '@/lib/states';
import { isValidThreshold, LIMIT_NAME, mergeThresholds } from '@/lib/thresholds';
import { useThresholdsStore } from '@/stores/thresholds-store';

type Draft = Partial<Record<AgentState, { warn: string; crit: string }>>;

function toDraft(t: Thresholds): Draft {
  const d: Draft = {};
  for (const s of STATE_ORDER) {
    const v = t[s];
    d[s] = { warn: v ? String(v.warnSec) : '', crit: v ? String(v.critSec) : '' };
  }
  return d;
}

/** Per-state warning and critical limits: server defaults, adjustable per user (this browser). */
export function ThresholdsForm() {
  const settings = useSettings();
  const overrides = useThresholdsStore((s) => s.overrides);
  const save = useThresholdsStore((s) => s.save);
  const clear = useThresholdsStore((s) => s.clear);
  const defaults = settings.data?.limits.states ?? {};
  const [draft, setDraft] = useState<Draft>(() => toDraft(mergeThresholds(defaults, overrides)));
  const [errors, setErrors] = useState<Partial<Record<AgentState, string>>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [seeded, setSeeded] = useState(settings.isSuccess);

  // Defaults arrive after the first render: seed the form once they do.
  if (!seeded && settings.isSuccess) {
    setSeeded(true);
    setDraft(toDraft(mergeThresholds(settings.data.limits.states, overrides)));
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next: Thresholds = {};
    const errs: Partial<Record<AgentState, string>> = {};
    for (const s of STATE_ORDER) {
      const row = draft[s];
      if (!row || (row.warn.trim() === '' && row.crit.trim() === '')) continue;
      const t = { warnSec: Number(row.warn), critSec: Number(row.crit) };
      if (!isValidThreshold(t)) {
        errs[s] =
          'Both limits are whole seconds above 0, and the warning limit comes before the critical limit.';
        continue;
      }
      const d = defaults[s];
      if (!d || d.warnSec !== t.warnSec || d.critSec !== t.critSec) next[s] = t;
    }
    setErrors(errs);
    if (Object.keys(errs).length > 0) {
      setSaved(null);
      return;
    }
    save(next);
    setSaved('Saved. The new limits apply on every screen in this browser.');
  };

  return (
    <form onSubmit={onSubmit} className="card flex flex-col gap-4 p-4" noValidate>
      <p className="text-sm text-muted">
        An agent past the warning limit is marked amber with a triangle, past the critical limit red
        with an octagon, and a bar shows how much of the critical limit is used. Limits are in
        seconds; leave both empty for no limit. Defaults come from the server; your changes are kept
        in this browser only.
      </p>
      {settings.isError && (
        <p role="alert" className="callout callout-warn text-sm">
          The server defaults could not be loaded ({settings.error.message}). Your own limits still
          apply.
        </p>
      )}
      <table className="w-full table-fixed text-sm">
        <caption className="sr-only">Time limits per state</caption>
        <thead>
          <tr className="text-left text-xs text-muted uppercase">
            <th scope="col" className="w-[34%] py-2 sm:w-auto">
              State
            </th>
            <th scope="col" className="py-2 pr-2">
              {LIMIT_NAME.warn} limit (s)
            </th>
            <th scope="col" className="py-2 pr-2">
              {LIMIT_NAME.crit} limit (s)
            </th>
            <th scope="col" className="hidden py-2 sm:table-cell">
              Default
            </th>
          </tr>
        </thead>
        <tbody>
          {STATE_ORDER.map((s) => {
            const row = draft[s] ?? { warn: '', crit: '' };
            const d = defaults[s];
            const err = errors[s];
            const set = (k: 'warn' | 'crit', v: string) =>
              setDraft((prev) => ({ ...prev, [s]: { ...row, [k]: v } }));
            return (
              <tr key={s} className="border-t border-line align-top">
                <th scope="row" className="py-2 pr-2 text-left font-normal sm:pr-3">
                  <StateBadge state={s} />
                  {/* On a phone the Default column is hidden: the defaults go here. */}
                  <span className="mt-1 block text-xs text-muted tabular sm:hidden">
                    Default{' '}
                    {d
                      ? `${formatDuration(d.warnSec * 1000)} / ${formatDuration(d.critSec * 1000)}`
                      : 'none'}
                  </span>
                  {err && (
                    <p id={`thr-err-${s}`} className="mt-1 max-w-xs text-xs text-crit" role="alert">
                      {err}
                    </p>
                  )}
                </th>
                {(['warn', 'crit'] as const).map((k) => (
                  <td key={k} className="py-2 pr-2 sm:pr-3">
                    <input
                      type="number"
                      min={1}
                      step={1}
                      inputMode="numeric"
                      className="input w-full max-w-28 tabular"
                      aria-label={`${LIMIT_NAME[k]} limit for ${AGENT_STATE_LABELS[s]}, seconds`}
                      aria-invalid={err ? true : undefined}
                      aria-describedby={err ? `thr-err-${s}` : undefined}
                      value={row[k]}
                      onChange={(e) => set(k, e.target.value)}
                    />
                    {row[k] !== '' && Number(row[k]) > 0 && (
                      <span className="mt-0.5 block text-xs text-muted tabular sm:mt-0 sm:ml-2 sm:inline">
                        {formatDuration(Number(row[k]) * 1000)}
                      </span>
                    )}
                  </td>
                ))}
                <td className="hidden py-2 text-xs text-muted tabular sm:table-cell">
                  {d
                    ? `${formatDuration(d.warnSec * 1000)} / ${formatDuration(d.critSec * 1000)}`
                    : 'none'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className="btn btn-primary">
          Save limits
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            clear();
            setDraft(toDraft(defaults));
            setErrors({});
            setSaved('Back to the server defaults.');
          }}
        >
          Reset to defaults
        </button>
        {saved && (
          <p role="status" className="text-sm text-ok">
            {saved}
          </p>
        )}
      </div>
    </form>
  );
}
