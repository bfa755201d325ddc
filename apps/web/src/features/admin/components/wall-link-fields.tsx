import type { Queue, WallLinkCreate } from '@floorwatch/contracts/api';
import { useState } from 'react';
import { COMMON } from '@/i18n/common';
import { endonym, SUPPORTED_LOCALES } from '@/i18n/locales';
import { defineMessages } from '@/i18n/messages';
import { matchesSearch, searchKey } from '@/i18n/search';
import { errorAt, type FieldErrors } from '@/lib/save-problems';
import { useI18n } from '@/stores/locale-store';

const M = defineMessages({
  example: { id: 'wall-link.name.example', defaultMessage: 'e.g. North floor TV' },
  queues: { id: 'wall-link.queues', defaultMessage: 'Queues' },
  every: { id: 'wall-link.queues.every', defaultMessage: 'Every queue' },
  chosen: { id: 'wall-link.queues.chosen', defaultMessage: 'Chosen queues' },
  chosenCount: { id: 'wall-link.queues.chosen-count', defaultMessage: ' ({count} chosen)' },
  filter: { id: 'wall-link.queues.filter', defaultMessage: 'Filter queues' },
  rotate: { id: 'wall-link.rotate', defaultMessage: 'Seconds per page' },
  rotateHint: { id: 'wall-link.rotate.hint', defaultMessage: 'Empty: 15 seconds.' },
  lang: { id: 'wall-link.lang', defaultMessage: 'Language on the display' },
  langAuto: {
    id: 'wall-link.lang.auto',
    defaultMessage: "Automatic (the display's browser, else the site's language)",
  },
  sound: {
    id: 'wall-link.sound',
    defaultMessage: 'Play a short tone when something turns critical',
  },
});

export interface WallLinkDraft {
  name: string;
  all: boolean;
  queues: number[];
  rotate: string;
  /** A language tag the display is fixed to; '' = automatic. */
  lang: string;
  sound: boolean;
}

export const EMPTY_LINK: WallLinkDraft = {
  name: '',
  all: true,
  queues: [],
  rotate: '',
  lang: '',
  sound: false,
};

export function linkDraftOf(
  l: Pick<WallLinkCreate, 'name' | 'queues' | 'rotateSec' | 'lang' | 'sound'>,
): WallLinkDraft {
  return {
    name: l.name,
    all: l.queues === '*',
    queues: l.queues === '*' ? [] : l.queues,
    rotate: l.rotateSec === null ? '' : String(l.rotateSec),
    lang: l.lang ?? '',
    sound: l.sound,
  };
}

/** The draft as the contract's create body (unchecked; the contract names what is wrong). */
export function linkBodyOf(d: WallLinkDraft): Record<string, unknown> {
  return {
    name: d.name,
    queues: d.all ? '*' : d.queues,
    rotateSec: d.rotate.trim() === '' ? null : Number(d.rotate),
    lang: d.lang === '' ? null : d.lang,
    sound: d.sound,
  };
}

/** Name, queues (all, or chosen from a filterable list), page time, language and sound. */
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
  const intl = useI18n();
  const [filter, setFilter] = useState('');
  const f = searchKey(filter);
  const shown = queues.filter((q) => matchesSearch(f, q.name) || String(q.skillId) === f);
  const nameErr = errorAt(errors, 'name');
  const queuesErr = errorAt(errors, 'queues');
  const rotateErr = errorAt(errors, 'rotateSec');
  return (
    <div className="flex flex-col gap-3 text-sm">
      <label className="flex flex-col gap-1">
        <span className="font-semibold">{intl.formatMessage(COMMON.name)}</span>
        <input
          className="input max-w-sm"
          value={draft.name}
          maxLength={80}
          placeholder={intl.formatMessage(M.example)}
          aria-invalid={nameErr ? true : undefined}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        {nameErr && <span className="text-xs text-crit">{nameErr}</span>}
      </label>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 font-semibold">{intl.formatMessage(M.queues)}</legend>
        <label className="inline-flex items-center gap-2">
          <input
            type="radio"
            name={`${idPrefix}-all`}
            checked={draft.all}
            onChange={() => setDraft({ ...draft, all: true })}
          />
          {intl.formatMessage(M.every)}
        </label>
        <label className="inline-flex items-center gap-2">
          <input
            type="radio"
            name={`${idPrefix}-all`}
            checked={!draft.all}
            onChange={() => setDraft({ ...draft, all: false })}
          />
          {intl.formatMessage(M.chosen)}
          {!draft.all && intl.formatMessage(M.chosenCount, { count: draft.queues.length })}
        </label>
        {!draft.all && (
          <div className="ml-6 flex max-w-md flex-col gap-1">
            <input
              className="input"
              placeholder={intl.formatMessage(M.filter)}
              aria-label={intl.formatMessage(M.filter)}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <div
              role="group"
              aria-label={intl.formatMessage(M.chosen)}
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
        <span className="font-semibold">{intl.formatMessage(M.rotate)}</span>
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
        <span className="text-xs text-muted">{intl.formatMessage(M.rotateHint)}</span>
        {rotateErr && <span className="text-xs text-crit">{rotateErr}</span>}
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-semibold">{intl.formatMessage(M.lang)}</span>
        <select
          className="select max-w-sm"
          value={draft.lang}
          onChange={(e) => setDraft({ ...draft, lang: e.target.value })}
        >
          <option value="">{intl.formatMessage(M.langAuto)}</option>
          {SUPPORTED_LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {endonym(l)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-flex items-center gap-2">
        <input
          type="checkbox"
          checked={draft.sound}
          onChange={(e) => setDraft({ ...draft, sound: e.target.checked })}
        />
        {intl.formatMessage(M.sound)}
      </label>
    </div>
  );
}
