import {
  wallLink as wallLinkSchema,
  wallLinkCreate,
  wallLinkInput,
  type WallLink,
  type WallLinkCreated,
} from '@floorwatch/contracts/api';
import { useState } from 'react';
import { SaveProblem } from '@/components/save-problem';
import { useQueueList } from '@/hooks/use-live';
import { useVersionedEdit } from '@/hooks/use-versioned-edit';
import { COMMON } from '@/i18n/common';
import { endonym } from '@/i18n/locales';
import { defineMessages } from '@/i18n/messages';
import { formatSignIn } from '@/lib/format';
import { conflictOf, fieldErrorsOf, fieldErrorsOfParse, saveErrorText } from '@/lib/save-problems';
import {
  useCreateWallLink,
  useRevokeWallLink,
  useUpdateWallLink,
  useWallLinks,
} from '../api/admin-api';
import {
  EMPTY_LINK,
  linkBodyOf,
  linkDraftOf,
  WallLinkFields,
  type WallLinkDraft,
} from './wall-link-fields';
import { activeIntl, useI18n } from '@/stores/locale-store';

const M = defineMessages({
  every: { id: 'wall-links.every', defaultMessage: 'every queue' },
  some: {
    id: 'wall-links.some',
    defaultMessage: '{count, plural, one {# queue} other {# queues}}',
  },
  copyNow: {
    id: 'wall-links.copy-now',
    defaultMessage: 'Link for “{name}” — copy it now: it is shown only once.',
  },
  newLink: { id: 'wall-links.new-link', defaultMessage: 'New wall link' },
  copy: { id: 'wall-links.copy', defaultMessage: 'Copy link' },
  done: { id: 'wall-links.done', defaultMessage: 'Done' },
  copied: { id: 'wall-links.copied', defaultMessage: 'Copied.' },
  noCopy: {
    id: 'wall-links.no-copy',
    defaultMessage: 'The browser did not allow copying; select the link and copy it by hand.',
  },
  create: { id: 'wall-links.create', defaultMessage: 'Create wall link' },
  edit: { id: 'wall-links.edit-form', defaultMessage: 'Edit {name}' },
  saveChanges: { id: 'wall-links.save', defaultMessage: 'Save changes' },
  shows: {
    id: 'wall-links.shows',
    defaultMessage:
      'Shows {queues} · {seconds} s per page · sound {sound, select, on {on} other {off}}',
  },
  lang: { id: 'wall-links.lang', defaultMessage: ' · in {language}' },
  made: { id: 'wall-links.made', defaultMessage: 'Made by {who} on {when}' },
  never: { id: 'wall-links.never', defaultMessage: 'never used' },
  lastUsed: { id: 'wall-links.last-used', defaultMessage: 'last used {when}' },
  editButton: { id: 'wall-links.edit', defaultMessage: 'Edit' },
  revokeNow: { id: 'wall-links.revoke-now', defaultMessage: 'Revoke {name} now' },
  keep: { id: 'wall-links.keep', defaultMessage: 'Keep it' },
  revoke: { id: 'wall-links.revoke', defaultMessage: 'Revoke' },
  stops: {
    id: 'wall-links.stops',
    defaultMessage: 'Displays using this link stop showing data at once.',
  },
  revokeConflict: {
    id: 'wall-links.revoke-conflict',
    defaultMessage:
      'Someone else changed this link meanwhile — the list now shows their change; revoke again if you still mean to.',
  },
  intro: {
    id: 'wall-links.intro',
    defaultMessage:
      'A wall link signs a display in without a password and shows only what the link allows. Change a link here and its displays follow within a minute; revoke it and they stop.',
  },
  heading: { id: 'wall-links.heading', defaultMessage: 'Wall links' },
  none: { id: 'wall-links.none', defaultMessage: 'No wall link yet.' },
});

function queuesText(l: WallLink): string {
  const intl = activeIntl();
  return l.queues === '*'
    ? intl.formatMessage(M.every)
    : intl.formatMessage(M.some, { count: l.queues.length });
}

/** The link with its token, shown once after creation, with a copy button. */
function NewLink({ created, onDone }: { created: WallLinkCreated; onDone: () => void }) {
  const url = `${location.origin}${created.path}`;
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const intl = useI18n();
  return (
    <div role="status" className="callout callout-warn flex flex-col gap-2 text-sm">
      <p className="font-semibold">{intl.formatMessage(M.copyNow, { name: created.link.name })}</p>
      <div className="flex flex-wrap items-center gap-2">
        <input
          readOnly
          className="input min-w-0 flex-1 font-mono text-xs"
          value={url}
          aria-label={intl.formatMessage(M.newLink)}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className="btn btn-primary"
          onClick={() =>
            void navigator.clipboard.writeText(url).then(
              () => setCopied('yes'),
              () => setCopied('no'),
            )
          }
        >
          {intl.formatMessage(M.copy)}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {intl.formatMessage(M.done)}
        </button>
      </div>
      {copied === 'yes' && <p className="text-ok">{intl.formatMessage(M.copied)}</p>}
      {copied === 'no' && <p>{intl.formatMessage(M.noCopy)}</p>}
    </div>
  );
}

function CreateLink() {
  const queues = useQueueList();
  const create = useCreateWallLink();
  const [draft, setDraft] = useState<WallLinkDraft>(EMPTY_LINK);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<WallLinkCreated | null>(null);
  const intl = useI18n();
  if (created) return <NewLink created={created} onDone={() => setCreated(null)} />;
  return (
    <form
      aria-label={intl.formatMessage(M.newLink)}
      className="flex flex-col gap-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = wallLinkCreate.safeParse(linkBodyOf(draft));
        if (!parsed.success) {
          setErrors(fieldErrorsOfParse(parsed.error));
          return;
        }
        setErrors({});
        create.mutate(parsed.data, {
          onSuccess: (c) => {
            setCreated(c);
            setDraft(EMPTY_LINK);
          },
          onError: (err) => setErrors(fieldErrorsOf(err)),
        });
      }}
    >
      <WallLinkFields
        idPrefix="new"
        draft={draft}
        setDraft={setDraft}
        queues={queues}
        errors={errors}
      />
      {create.isError && Object.keys(errors).length === 0 && (
        <p role="alert" className="callout callout-crit text-sm">
          {saveErrorText(create.error)}
        </p>
      )}
      <button type="submit" className="btn btn-primary self-start" disabled={create.isPending}>
        {intl.formatMessage(M.create)}
      </button>
    </form>
  );
}

function EditLink({ link, onDone }: { link: WallLink; onDone: () => void }) {
  const queues = useQueueList();
  const update = useUpdateWallLink();
  const intl = useI18n();
  const form = useVersionedEdit<WallLink, WallLinkDraft>({
    stored: link,
    toDraft: (l) => (l ? linkDraftOf(l) : EMPTY_LINK),
    schema: wallLinkSchema,
    check: (d) => {
      const p = wallLinkInput.safeParse({ version: 0, ...linkBodyOf(d) });
      return p.success ? {} : fieldErrorsOfParse(p.error);
    },
    save: (d, version) => {
      const p = wallLinkInput.safeParse({ version, ...linkBodyOf(d) });
      if (!p.success) throw p.error;
      return update.mutateAsync({ id: link.id, body: p.data });
    },
    onSaved: onDone,
  });
  return (
    <form
      aria-label={intl.formatMessage(M.edit, { name: link.name })}
      className="mt-2 flex flex-col gap-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit();
      }}
    >
      <WallLinkFields
        idPrefix={link.id}
        draft={form.draft}
        setDraft={form.setDraft}
        queues={queues}
        errors={form.errors}
      />
      <SaveProblem
        error={form.error}
        conflict={form.conflict}
        onReload={form.reload}
        onOverwrite={() => void form.overwrite()}
      />
      <div className="flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={form.saving}>
          {intl.formatMessage(M.saveChanges)}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {intl.formatMessage(COMMON.cancel)}
        </button>
      </div>
    </form>
  );
}

function LinkRow({ link }: { link: WallLink }) {
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const revoke = useRevokeWallLink();
  const [now] = useState(() => Date.now());
  const intl = useI18n();
  return (
    <li className="border-t border-line py-3 first:border-t-0">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-semibold">{link.name}</p>
          <p className="text-sm text-muted">
            {intl.formatMessage(M.shows, {
              queues: queuesText(link),
              seconds: link.rotateSec ?? 15,
              sound: link.sound ? 'on' : 'off',
            })}
            {link.lang && intl.formatMessage(M.lang, { language: endonym(link.lang) })}
          </p>
          <p className="text-xs text-muted">
            {intl.formatMessage(M.made, {
              who: link.createdBy,
              when: formatSignIn(link.createdAt, now),
            })}{' '}
            ·{' '}
            {link.lastUsedAt === null
              ? intl.formatMessage(M.never)
              : intl.formatMessage(M.lastUsed, { when: formatSignIn(link.lastUsedAt, now) })}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className="btn"
            aria-expanded={editing}
            onClick={() => setEditing((e) => !e)}
          >
            {intl.formatMessage(M.editButton)}
            <span className="sr-only"> {link.name}</span>
          </button>
          {confirm ? (
            <>
              <button
                type="button"
                className="btn border-crit text-crit"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate({ id: link.id, version: link.version })}
              >
                {intl.formatMessage(M.revokeNow, { name: link.name })}
              </button>
              <button type="button" className="btn" onClick={() => setConfirm(false)}>
                {intl.formatMessage(M.keep)}
              </button>
            </>
          ) : (
            <button type="button" className="btn" onClick={() => setConfirm(true)}>
              {intl.formatMessage(M.revoke)}
              <span className="sr-only"> {link.name}</span>
            </button>
          )}
        </div>
      </div>
      {confirm && !revoke.isError && (
        <p className="mt-1 text-sm text-muted">{intl.formatMessage(M.stops)}</p>
      )}
      {revoke.isError && (
        <p role="alert" className="callout callout-warn mt-2 text-sm">
          {conflictOf(revoke.error, wallLinkSchema)
            ? intl.formatMessage(M.revokeConflict)
            : saveErrorText(revoke.error)}
        </p>
      )}
      {editing && <EditLink link={link} onDone={() => setEditing(false)} />}
    </li>
  );
}

/** Wall display links: create (the link shown once), change what a wall shows, revoke. */
export function WallLinksAdmin() {
  const links = useWallLinks();
  const intl = useI18n();
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted">{intl.formatMessage(M.intro)}</p>
      <section aria-labelledby="links-h" className="card px-4 py-2">
        <h2 id="links-h" className="py-1 font-semibold">
          {intl.formatMessage(M.heading)}
        </h2>
        {links.isPending ? (
          <p className="py-3 text-muted">{intl.formatMessage(COMMON.loading)}</p>
        ) : links.isError ? (
          <p role="alert" className="py-3 text-crit">
            {saveErrorText(links.error)}
          </p>
        ) : links.data.length === 0 ? (
          <p className="py-3 text-muted">{intl.formatMessage(M.none)}</p>
        ) : (
          <ul aria-label={intl.formatMessage(M.heading)}>
            {links.data.map((l) => (
              <LinkRow key={l.id} link={l} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-link-h" className="card flex flex-col gap-3 p-4">
        <h2 id="new-link-h" className="font-semibold">
          {intl.formatMessage(M.newLink)}
        </h2>
        <CreateLink />
      </section>
    </div>
  );
}
