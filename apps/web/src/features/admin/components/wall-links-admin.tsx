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

function queuesText(l: WallLink): string {
  return l.queues === '*'
    ? 'every queue'
    : `${l.queues.length} queue${l.queues.length === 1 ? '' : 's'}`;
}

/** The link with its token, shown once after creation, with a copy button. */
function NewLink({ created, onDone }: { created: WallLinkCreated; onDone: () => void }) {
  const url = `${location.origin}${created.path}`;
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  return (
    <div role="status" className="callout callout-warn flex flex-col gap-2 text-sm">
      <p className="font-semibold">
        Link for “{created.link.name}” — copy it now: it is shown only once.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <input
          readOnly
          className="input min-w-0 flex-1 font-mono text-xs"
          value={url}
          aria-label="New wall link"
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
          Copy link
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Done
        </button>
      </div>
      {copied === 'yes' && <p className="text-ok">Copied.</p>}
      {copied === 'no' && (
        <p>The browser did not allow copying; select the link and copy it by hand.</p>
      )}
    </div>
  );
}

function CreateLink() {
  const queues = useQueueList();
  const create = useCreateWallLink();
  const [draft, setDraft] = useState<WallLinkDraft>(EMPTY_LINK);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<WallLinkCreated | null>(null);
  if (created) return <NewLink created={created} onDone={() => setCreated(null)} />;
  return (
    <form
      aria-label="New wall link"
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
        Create wall link
      </button>
    </form>
  );
}

function EditLink({ link, onDone }: { link: WallLink; onDone: () => void }) {
  const queues = useQueueList();
  const update = useUpdateWallLink();
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
      aria-label={`Edit ${link.name}`}
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
          Save changes
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
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
  return (
    <li className="border-t border-line py-3 first:border-t-0">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-semibold">{link.name}</p>
          <p className="text-sm text-muted">
            Shows {queuesText(link)} · {link.rotateSec ?? 15} s per page · sound{' '}
            {link.sound ? 'on' : 'off'}
          </p>
          <p className="text-xs text-muted">
            Made by {link.createdBy} on {formatSignIn(link.createdAt, now)} ·{' '}
            {link.lastUsedAt === null
              ? 'never used'
              : `last used ${formatSignIn(link.lastUsedAt, now)}`}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className="btn"
            aria-expanded={editing}
            onClick={() => setEditing((e) => !e)}
          >
            Edit<span className="sr-only"> {link.name}</span>
          </button>
          {confirm ? (
            <>
              <button
                type="button"
                className="btn border-crit text-crit"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate({ id: link.id, version: link.version })}
              >
                Revoke {link.name} now
              </button>
              <button type="button" className="btn" onClick={() => setConfirm(false)}>
                Keep it
              </button>
            </>
          ) : (
            <button type="button" className="btn" onClick={() => setConfirm(true)}>
              Revoke<span className="sr-only"> {link.name}</span>
            </button>
          )}
        </div>
      </div>
      {confirm && !revoke.isError && (
        <p className="mt-1 text-sm text-muted">
          Displays using this link stop showing data at once.
        </p>
      )}
      {revoke.isError && (
        <p role="alert" className="callout callout-warn mt-2 text-sm">
          {conflictOf(revoke.error, wallLinkSchema)
            ? 'Someone else changed this link meanwhile — the list now shows their change; revoke again if you still mean to.'
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
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted">
        A wall link signs a display in without a password and shows only what the link allows.
        Change a link here and its displays follow within a minute; revoke it and they stop.
      </p>
      <section aria-labelledby="links-h" className="card px-4 py-2">
        <h2 id="links-h" className="py-1 font-semibold">
          Wall links
        </h2>
        {links.isPending ? (
          <p className="py-3 text-muted">Loading…</p>
        ) : links.isError ? (
          <p role="alert" className="py-3 text-crit">
            {saveErrorText(links.error)}
          </p>
        ) : links.data.length === 0 ? (
          <p className="py-3 text-muted">No wall link yet.</p>
        ) : (
          <ul aria-label="Wall links">
            {links.data.map((l) => (
              <LinkRow key={l.id} link={l} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-link-h" className="card flex flex-col gap-3 p-4">
        <h2 id="new-link-h" className="font-semibold">
          New wall link
        </h2>
        <CreateLink />
      </section>
    </div>
  );
}
