import type { Queue, WallLinkCreate } from '@floorwatch/contracts/api';
import { useState } from 'react';
import { errorAt, type FieldErrors } from '@/lib/save-problems';

export interface WallLinkDraft {
  name: string;
  all: boolean;
  queues: number[];
  rotate: string;
  sound: boolean;
}

export const EMPTY_LINK: WallLinkDraft = {
  name: '',
  all: true,
  queues: [],
  rotate: '',
  sound: false,
};

export function linkDraftOf(
  l: Pick<WallLinkCreate, 'name' | 'queues' | 'rotateSec' | 'sound'>,
): WallLinkDraft {
  return {
    name: l.name,
    all: l.queues === '*',
    queues: l.queues === '*' ? [] : l.queues,
    rotate: l.rotateSec === null ? '' : String(l.rotateSec),
    sound: l.sound,
  };
}

/** The draft as the contract's create body (unchecked; the contract names what is wrong). */
export function linkBodyOf(d: WallLinkDraft): Record<string, unknown> {
  return {
    name: d.name,
    queues: d.all ? '*' : d.queues,
    rotateSec: d.rotate.trim() === '' ? null : Number(d.rotate),
    lang: null,
    sound: d.sound,
  };
}

/** Name, queues (all, or chosen from a filterable list), page time and sound. */
export function WallLinkFields({
  idPrefix,
  draft,
  setDraft,
  queues,
  errors,
}: {
  idPrefix: string;
  draft: WallLinkDraft;
  setDraft: (d: WallLinkDraft) => void;
  queues: readonly Queue[];
  errors: FieldErrors;
}) {
  const [filter, setFilter] = useState('');
  const f = filter.trim().toLowerCase();
  const shown = queues.filter(
    (q) => f === '' || q.name.toLowerCase().includes(f) || String(q.skillId) === f,
  );
  const nameErr = errorAt(errors, 'name');
  const queuesErr = errorAt(errors, 'queues');
  const rotateErr = errorAt(errors, 'rotateSec');
  return (
    <div className="flex flex-col gap-3 text-sm">
      <label className="flex flex-col gap-1">
        <span className="font-semibold">Name</span>
        <input
          className="input max-w-sm"
          value={draft.name}
          maxLength={80}
          placeholder="e.g. North floor TV"
          aria-invalid={nameErr ? true : undefined}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        {nameErr && <span className="text-xs text-crit">{nameErr}</span>}
      </label>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 font-semibold">Queues</legend>
        <label className="inline-flex items-center gap-2">
          <input
            type="radio"
            name={`${idPrefix}-all`}
            checked={draft.all}
            onChange={() => setDraft({ ...draft, all: true })}
          />
          Every queue
        </label>
        <label className="inline-flex items-center gap-2">
          <input
            type="radio"
            name={`${idPrefix}-all`}
            checked={!draft.all}
            onChange={() => setDraft({ ...draft, all: false })}
          />
          Chosen queues{!draft.all && ` (${draft.queues.length} chosen)`}
        </label>
        {!draft.all && (
          <div className="ml-6 flex max-w-md flex-col gap-1">
            <input
              className="input"
              placeholder="Filter queues"
              aria-label="Filter queues"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <div
              role="group"
              aria-label="Chosen queues"
              className="max-h-48 overflow-auto rounded border border-line p-1"
            >
              {shown.slice(0, 200).map((q) => {
                const on = draft.queues.includes(q.skillId);
                return (
                  <label key={q.skillId} className="flex items-center gap-2 px-1 py-0.5">
                    <input
                      type="checkbox"
                      checked={on}
                      onChange={() =>
                        setDraft({
                          ...draft,
                          queues: on
                            ? draft.queues.filter((x) => x !== q.skillId)
                            : [...draft.queues, q.skillId],
                        })
                      }
                    />
                    {q.name} <span className="text-xs text-muted">({q.skillId})</span>
                  </label>
                );
              })}
            </div>
          </div>
        )}
        {queuesErr && <span className="text-xs text-crit">{queuesErr}</span>}
      </fieldset>
      <label className="flex flex-col gap-1">
        <span className="font-semibold">Seconds per page</span>
        <input
          type="number"
          min={5}
          max={3600}
          className="input w-28 tabular"
          placeholder="15"
          value={draft.rotate}
          aria-invalid={rotateErr ? true : undefined}
          onChange={(e) => setDraft({ ...draft, rotate: e.target.value })}
        />
        <span className="text-xs text-muted">Empty: 15 seconds.</span>
        {rotateErr && <span className="text-xs text-crit">{rotateErr}</span>}
      </label>
      <label className="inline-flex items-center gap-2">
        <input
          type="checkbox"
          checked={draft.sound}
          onChange={(e) => setDraft({ ...draft, sound: e.target.checked })}
        />
        Play a short tone when something turns critical
      </label>
    </div>
  );
}
