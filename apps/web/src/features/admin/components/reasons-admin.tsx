import { reason as reasonSchema, reasonInput, type Reason } from '@floorwatch/contracts/api';
import { useMemo, useState } from 'react';
import { useSettings } from '@/api/get-settings';
import { useSettingsChange } from '@/api/settings-change';
import { SaveProblem } from '@/components/save-problem';
import { useAgentMap } from '@/hooks/use-live';
import { useVersionedEdit } from '@/hooks/use-versioned-edit';
import { COMMON } from '@/i18n/common';
import { defineMessages } from '@/i18n/messages';
import { formatDuration } from '@/lib/format';
import { conflictOf, errorAt, fieldErrorsOfParse, saveErrorText } from '@/lib/save-problems';
import { reasonText } from '@/lib/states';
import { activeIntl, useI18n } from '@/stores/locale-store';
import { deleteReason, putReason } from '../api/admin-api';

const M = defineMessages({
  needName: { id: 'reasons.need-name', defaultMessage: 'Give the reason a name.' },
  half: {
    id: 'reasons.half',
    defaultMessage: 'Fill in both limits, or leave both empty for the state’s limit.',
  },
  form: { id: 'reasons.form', defaultMessage: 'Reason {code}' },
  code: { id: 'reasons.code', defaultMessage: 'Code {code}' },
  nameOf: { id: 'reasons.name-of', defaultMessage: 'Name of reason {code}' },
  warn: { id: 'reasons.warn', defaultMessage: 'Warning (s)' },
  warnOf: { id: 'reasons.warn-of', defaultMessage: 'Warning limit of reason {code}, seconds' },
  crit: { id: 'reasons.crit', defaultMessage: 'Critical (s)' },
  critOf: { id: 'reasons.crit-of', defaultMessage: 'Critical limit of reason {code}, seconds' },
  add: { id: 'reasons.add', defaultMessage: 'Add reason' },
  deleteOf: { id: 'reasons.delete-of', defaultMessage: 'Delete {name}' },
  unnamed: { id: 'reasons.unnamed', defaultMessage: 'reason {code}' },
  after: {
    id: 'reasons.after',
    defaultMessage: 'Warning after {warn}, critical after {crit}',
  },
  ownNone: {
    id: 'reasons.own-none',
    defaultMessage: 'No limit of its own: the state’s limit applies.',
  },
  gateway: { id: 'reasons.gateway', defaultMessage: 'The gateway calls code {code} “{label}”.' },
  deleteConflict: {
    id: 'reasons.delete-conflict',
    defaultMessage:
      'Someone else changed this reason meanwhile — reload to see their change before deleting it.',
  },
  intro: {
    id: 'reasons.intro',
    defaultMessage:
      'The gateway sends a bare number for why an agent is resting or busy. Name the codes your site uses (“Lunch”), and give a reason its own limit where it differs from the state’s (lunch 60 minutes, a short break 15). Every screen, wall and CSV export shows the name.',
  },
  list: { id: 'reasons.list', defaultMessage: 'Named reasons' },
  none: { id: 'reasons.none', defaultMessage: 'No reason has a name yet.' },
  another: { id: 'reasons.another', defaultMessage: 'Name another reason code' },
  onFloor: { id: 'reasons.on-floor', defaultMessage: 'On the floor now without a name:' },
  newCode: { id: 'reasons.new-code', defaultMessage: 'Reason code' },
  exists: {
    id: 'reasons.exists',
    defaultMessage: 'Code {code} already has a name; change it in the list above.',
  },
});

interface Draft {
  name: string;
  warn: string;
  crit: string;
}

const toDraft = (r: Reason | null): Draft => ({
  name: r?.name ?? '',
  warn: r?.limit ? String(r.limit.warnSec) : '',
  crit: r?.limit ? String(r.limit.critSec) : '',
});

function bodyOf(d: Draft, version: number) {
  const none = d.warn.trim() === '' && d.crit.trim() === '';
  const n = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
  return reasonInput.safeParse({
    version,
    name: d.name,
    limit: none ? null : { warnSec: n(d.warn), critSec: n(d.crit) },
  });
}

function check(d: Draft): Record<string, string> {
  const intl = activeIntl();
  if (d.name.trim() === '') return { name: intl.formatMessage(M.needName) };
  const half = (d.warn.trim() === '') !== (d.crit.trim() === '');
  if (half) return { limit: intl.formatMessage(M.half) };
  const parsed = bodyOf(d, 0);
  return parsed.success ? {} : fieldErrorsOfParse(parsed.error);
}

/** One reason: its name and optional limit, saved with its version; or a new one (`code` given). */
function ReasonForm({
  code,
  stored,
  onDone,
}: {
  code: number;
  stored: Reason | null;
  onDone?: () => void;
}) {
  const put = useSettingsChange((a: { d: Draft; version: number }) => {
    const parsed = bodyOf(a.d, a.version);
    if (!parsed.success) throw parsed.error;
    return putReason(code, parsed.data);
  });
  const del = useSettingsChange((version: number) => deleteReason(code, version));
  const form = useVersionedEdit<Reason, Draft>({
    stored,
    toDraft,
    check,
    schema: reasonSchema,
    save: (d, version) => put.mutateAsync({ d, version }),
    onSaved: () => onDone?.(),
  });
  const nameErr = errorAt(form.errors, 'name');
  const limitErr = errorAt(form.errors, 'limit');
  const id = `reason-${code}`;
  const intl = useI18n();
  const label = stored?.name ?? intl.formatMessage(M.unnamed, { code });
  return (
    <form
      aria-label={intl.formatMessage(M.form, { code })}
      className="flex flex-col gap-2 border-t border-line py-3 first:border-t-0"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit();
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <span className="w-16 pb-2 font-mono text-sm tabular">
          {intl.formatMessage(M.code, { code })}
        </span>
        <label className="flex flex-col gap-1 text-xs font-semibold text-muted">
          {intl.formatMessage(COMMON.name)}
          <input
            className="input w-52"
            value={form.draft.name}
            maxLength={60}
            aria-label={intl.formatMessage(M.nameOf, { code })}
            aria-invalid={nameErr ? true : undefined}
            onChange={(e) => form.setDraft({ ...form.draft, name: e.target.value })}
          />
        </label>
        <label className="flex flex-col gap-1 text-xs font-semibold text-muted">
          {intl.formatMessage(M.warn)}
          <input
            type="number"
            min={1}
            className="input w-24 tabular"
            value={form.draft.warn}
            aria-label={intl.formatMessage(M.warnOf, { code })}
            aria-invalid={limitErr ? true : undefined}
            onChange={(e) => form.setDraft({ ...form.draft, warn: e.target.value })}
          />
        </label>
        <label className="flex flex-col gap-1 text-xs font-semibold text-muted">
          {intl.formatMessage(M.crit)}
          <input
            type="number"
            min={1}
            className="input w-24 tabular"
            value={form.draft.crit}
            aria-label={intl.formatMessage(M.critOf, { code })}
            aria-invalid={limitErr ? true : undefined}
            onChange={(e) => form.setDraft({ ...form.draft, crit: e.target.value })}
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={form.saving}>
          {intl.formatMessage(stored ? COMMON.save : M.add)}
        </button>
        {stored && (
          <button
            type="button"
            className="btn"
            aria-label={intl.formatMessage(M.deleteOf, { name: label })}
            disabled={del.isPending}
            onClick={() => del.mutate(stored.version)}
          >
            {intl.formatMessage(COMMON.delete)}
          </button>
        )}
        {form.saved && (
          <span role="status" className="pb-2 text-sm text-ok">
            {intl.formatMessage(COMMON.saved)}
          </span>
        )}
      </div>
      <p className="pl-[4.75rem] text-xs text-muted tabular" id={`${id}-hint`}>
        {form.draft.warn && form.draft.crit && Number(form.draft.crit) > 0
          ? intl.formatMessage(M.after, {
              warn: formatDuration(Number(form.draft.warn) * 1000),
              crit: formatDuration(Number(form.draft.crit) * 1000),
            })
          : intl.formatMessage(M.ownNone)}
        {' · '}
        {intl.formatMessage(M.gateway, { code, label: reasonText(code) ?? '' })}
      </p>
      {(nameErr || limitErr) && (
        <p role="alert" className="pl-[4.75rem] text-xs text-crit">
          {nameErr ?? limitErr}
        </p>
      )}
      <SaveProblem
        error={form.error}
        conflict={form.conflict}
        onReload={form.reload}
        onOverwrite={() => void form.overwrite()}
      />
      {del.isError && (
        <p role="alert" className="callout callout-warn text-sm">
          {conflictOf(del.error, reasonSchema)
            ? intl.formatMessage(M.deleteConflict)
            : saveErrorText(del.error)}
        </p>
      )}
    </form>
  );
}

/** Reason codes with names and limits; codes on the floor now without a name are offered. */
export function ReasonsAdmin() {
  const settings = useSettings();
  const agents = useAgentMap();
  const reasons = useMemo(
    () => [...(settings.data?.reasons ?? [])].sort((a, b) => a.code - b.code),
    [settings.data],
  );
  const unnamed = useMemo(() => {
    const named = new Set(reasons.map((r) => r.code));
    const seen = new Set<number>();
    for (const a of agents.values()) if (a.reason !== 0 && !named.has(a.reason)) seen.add(a.reason);
    return [...seen].sort((a, b) => a - b).slice(0, 20);
  }, [agents, reasons]);
  const [newCode, setNewCode] = useState('');
  const code = Number(newCode);
  const codeOk = newCode.trim() !== '' && Number.isInteger(code) && code >= 1 && code <= 65535;
  const exists = reasons.some((r) => r.code === code);
  const intl = useI18n();

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted">{intl.formatMessage(M.intro)}</p>
      <section aria-label={intl.formatMessage(M.list)} className="card px-4 py-1">
        {settings.isPending ? (
          <p className="py-3 text-muted">{intl.formatMessage(COMMON.loading)}</p>
        ) : reasons.length === 0 ? (
          <p className="py-3 text-muted">{intl.formatMessage(M.none)}</p>
        ) : (
          reasons.map((r) => <ReasonForm key={r.code} code={r.code} stored={r} />)
        )}
      </section>
      <section aria-labelledby="add-reason-h" className="card flex flex-col gap-2 p-4">
        <h2 id="add-reason-h" className="font-semibold">
          {intl.formatMessage(M.another)}
        </h2>
        {unnamed.length > 0 && (
          <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
            {intl.formatMessage(M.onFloor)}
            {unnamed.map((c) => (
              <button
                key={c}
                type="button"
                className="btn px-2 py-0.5"
                onClick={() => setNewCode(String(c))}
              >
                {c}
              </button>
            ))}
          </p>
        )}
        <label className="flex w-40 flex-col gap-1 text-xs font-semibold text-muted">
          {intl.formatMessage(M.newCode)}
          <input
            type="number"
            min={1}
            max={65535}
            className="input tabular"
            value={newCode}
            onChange={(e) => setNewCode(e.target.value)}
          />
        </label>
        {codeOk && exists && (
          <p className="text-sm text-muted">{intl.formatMessage(M.exists, { code })}</p>
        )}
        {codeOk && !exists && (
          <ReasonForm key={code} code={code} stored={null} onDone={() => setNewCode('')} />
        )}
      </section>
    </div>
  );
}
