import {
  queueLimits as queueLimitsSchema,
  queueLimitsInput,
  type QueueLimits,
  type SiteLimits,
} from '@floorwatch/contracts/api';
import { useState } from 'react';
import { useSettingsChange } from '@/api/settings-change';
import { SaveProblem } from '@/components/save-problem';
import { useQueueList } from '@/hooks/use-live';
import { useVersionedEdit } from '@/hooks/use-versioned-edit';
import { COMMON } from '@/i18n/common';
import { defineMessages } from '@/i18n/messages';
import { conflictOf, fieldErrorsOfParse, saveErrorText } from '@/lib/save-problems';
import { deleteQueueLimits, putQueueLimits } from '../api/limits-api';
import { checkDraft, fromDraft, toDraft, type LimitsDraft } from '../lib/limits-draft';
import { useI18n } from '@/stores/locale-store';
import { LimitTable } from './limit-table';

const M = defineMessages({
  form: { id: 'queue-limits.form', defaultMessage: '{name}: own limits' },
  deleteConflict: {
    id: 'queue-limits.delete-conflict',
    defaultMessage:
      'Someone else changed these limits meanwhile — reload to see their change before removing them.',
  },
  save: { id: 'queue-limits.save', defaultMessage: "Save {name}'s limits" },
  useSite: { id: 'queue-limits.use-site', defaultMessage: "Use the site's limits for {name}" },
  saved: { id: 'queue-limits.saved', defaultMessage: 'Saved.' },
  heading: { id: 'queue-limits.heading', defaultMessage: 'Queues with their own limits' },
  intro: {
    id: 'queue-limits.intro',
    defaultMessage:
      "A queue can set its own time limits and figures; what it leaves empty comes from the site's limits. A reason's own limit still wins over a queue's.",
  },
  none: { id: 'queue-limits.none', defaultMessage: 'No queue has its own limits.' },
  add: { id: 'queue-limits.add', defaultMessage: 'Give a queue its own limits' },
  choose: { id: 'queue-limits.choose', defaultMessage: 'Choose a queue…' },
  queueN: { id: 'queue-limits.queue', defaultMessage: 'Queue {skillId}' },
});

const draftOf = (l: QueueLimits | null): LimitsDraft => toDraft(l?.states ?? {}, l?.kpi ?? {});

function bodyOf(d: LimitsDraft, version: number) {
  return queueLimitsInput.safeParse({ version, ...fromDraft(d, 'inherit') });
}

function QueueLimitsEditor({
  skillId,
  name,
  stored,
  site,
  edit,
  onDone,
}: {
  skillId: number;
  name: string;
  stored: QueueLimits | null;
  site: SiteLimits | null;
  edit: boolean;
  onDone?: () => void;
}) {
  const put = useSettingsChange((a: { version: number; d: LimitsDraft }) => {
    const parsed = bodyOf(a.d, a.version);
    if (!parsed.success) throw parsed.error;
    return putQueueLimits(skillId, parsed.data);
  });
  const del = useSettingsChange((version: number) => deleteQueueLimits(skillId, version));
  const form = useVersionedEdit<QueueLimits, LimitsDraft>({
    stored,
    toDraft: draftOf,
    schema: queueLimitsSchema,
    check: (d) => {
      const plain = checkDraft(d);
      if (Object.keys(plain).length > 0) return plain;
      const parsed = bodyOf(d, 0);
      return parsed.success ? {} : fieldErrorsOfParse(parsed.error);
    },
    save: (d, version) => put.mutateAsync({ version, d }),
    onSaved: () => onDone?.(),
  });
  const deleteConflict = del.error ? conflictOf(del.error, queueLimitsSchema) : null;
  const intl = useI18n();

  return (
    <form
      className="flex flex-col gap-3"
      noValidate
      aria-label={intl.formatMessage(M.form, { name })}
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit();
      }}
    >
      <LimitTable
        idPrefix={`q${skillId}`}
        draft={form.draft}
        setDraft={form.setDraft}
        edit={edit}
        errors={form.errors}
        inherit={draftOf(site ? { ...site, skillId, kpi: site.kpi } : null)}
      />
      {edit && (
        <>
          <SaveProblem
            error={form.error}
            conflict={form.conflict}
            onReload={form.reload}
            onOverwrite={() => void form.overwrite()}
          />
          {del.error !== null && (
            <p role="alert" className="callout callout-warn text-sm">
              {deleteConflict ? intl.formatMessage(M.deleteConflict) : saveErrorText(del.error)}
            </p>
          )}
          <div className="flex flex-wrap items-center gap-2">
            <button type="submit" className="btn btn-primary" disabled={form.saving}>
              {form.saving
                ? intl.formatMessage(COMMON.saving)
                : intl.formatMessage(M.save, { name })}
            </button>
            {stored && (
              <button
                type="button"
                className="btn"
                disabled={del.isPending}
                onClick={() => del.mutate(stored.version, { onSuccess: () => onDone?.() })}
              >
                {intl.formatMessage(M.useSite, { name })}
              </button>
            )}
            {form.saved && (
              <p role="status" className="text-sm text-ok">
                {intl.formatMessage(M.saved)}
              </p>
            )}
          </div>
        </>
      )}
    </form>
  );
}

/** Queues with limits of their own (what they leave empty comes from the site's). */
export function QueueLimitsList({
  items,
  site,
  edit,
}: {
  items: readonly QueueLimits[];
  site: SiteLimits | null;
  edit: boolean;
}) {
  const queues = useQueueList();
  const [adding, setAdding] = useState<number | null>(null);
  const intl = useI18n();
  const nameOf = (id: number) =>
    queues.find((q) => q.skillId === id)?.name ?? intl.formatMessage(M.queueN, { skillId: id });
  const free = queues.filter((q) => !items.some((i) => i.skillId === q.skillId));
  return (
    <section aria-labelledby="queue-limits-h" className="card flex flex-col gap-3 p-4">
      <div>
        <h2 id="queue-limits-h" className="text-lg font-semibold">
          {intl.formatMessage(M.heading)}
        </h2>
        <p className="text-sm text-muted">{intl.formatMessage(M.intro)}</p>
      </div>
      {items.length === 0 && <p className="text-sm text-muted">{intl.formatMessage(M.none)}</p>}
      {items.map((q) => (
        <details key={q.skillId} className="rounded-lg border border-line p-3">
          <summary className="cursor-pointer font-medium">{nameOf(q.skillId)}</summary>
          <div className="mt-3">
            <QueueLimitsEditor
              skillId={q.skillId}
              name={nameOf(q.skillId)}
              stored={q}
              site={site}
              edit={edit}
            />
          </div>
        </details>
      ))}
      {edit && (
        <div className="flex flex-col gap-3 border-t border-line pt-3">
          <label className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium">{intl.formatMessage(M.add)}</span>
            <select
              className="select w-64"
              value={adding ?? ''}
              onChange={(e) => setAdding(e.target.value === '' ? null : Number(e.target.value))}
            >
              <option value="">{intl.formatMessage(M.choose)}</option>
              {free.map((q) => (
                <option key={q.skillId} value={q.skillId}>
                  {q.name}
                </option>
              ))}
            </select>
          </label>
          {adding !== null && (
            <QueueLimitsEditor
              key={adding}
              skillId={adding}
              name={nameOf(adding)}
              stored={null}
              site={site}
              edit
              onDone={() => setAdding(null)}
            />
          )}
        </div>
      )}
    </section>
  );
}
