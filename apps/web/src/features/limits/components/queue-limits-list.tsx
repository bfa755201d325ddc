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
import { conflictOf, fieldErrorsOfParse, saveErrorText } from '@/lib/save-problems';
import { deleteQueueLimits, putQueueLimits } from '../api/limits-api';
import { checkDraft, fromDraft, toDraft, type LimitsDraft } from '../lib/limits-draft';
import { LimitTable } from './limit-table';

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

  return (
    <form
      className="flex flex-col gap-3"
      noValidate
      aria-label={`${name}: own limits`}
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
              {deleteConflict
                ? 'Someone else changed these limits meanwhile — reload to see their change before removing them.'
                : saveErrorText(del.error)}
            </p>
          )}
          <div className="flex flex-wrap items-center gap-2">
            <button type="submit" className="btn btn-primary" disabled={form.saving}>
              {form.saving ? 'Saving…' : `Save ${name}'s limits`}
            </button>
            {stored && (
              <button
                type="button"
                className="btn"
                disabled={del.isPending}
                onClick={() => del.mutate(stored.version, { onSuccess: () => onDone?.() })}
              >
                Use the site&apos;s limits for {name}
              </button>
            )}
            {form.saved && (
              <p role="status" className="text-sm text-ok">
                Saved.
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
  const nameOf = (id: number) => queues.find((q) => q.skillId === id)?.name ?? `Queue ${id}`;
  const free = queues.filter((q) => !items.some((i) => i.skillId === q.skillId));
  return (
    <section aria-labelledby="queue-limits-h" className="card flex flex-col gap-3 p-4">
      <div>
        <h2 id="queue-limits-h" className="text-lg font-semibold">
          Queues with their own limits
        </h2>
        <p className="text-sm text-muted">
          A queue can set its own time limits and figures; what it leaves empty comes from the
          site&apos;s limits. A reason&apos;s own limit still wins over a queue&apos;s.
        </p>
      </div>
      {items.length === 0 && <p className="text-sm text-muted">No queue has its own limits.</p>}
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
            <span className="font-medium">Give a queue its own limits</span>
            <select
              className="select w-64"
              value={adding ?? ''}
              onChange={(e) => setAdding(e.target.value === '' ? null : Number(e.target.value))}
            >
              <option value="">Choose a queue…</option>
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
