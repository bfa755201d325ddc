import { group as groupSchema, groupInput, type Group } from '@floorwatch/contracts/api';
import { useMemo } from 'react';
import { useSettings } from '@/api/get-settings';
import { useSettingsChange } from '@/api/settings-change';
import { SaveProblem } from '@/components/save-problem';
import { useAgentMap } from '@/hooks/use-live';
import { useVersionedEdit } from '@/hooks/use-versioned-edit';
import { COMMON } from '@/i18n/common';
import { defineMessages } from '@/i18n/messages';
import { groupName, NO_NAMES } from '@/lib/floor-names';
import { conflictOf, errorAt, fieldErrorsOfParse, saveErrorText } from '@/lib/save-problems';
import { activeIntl, useI18n } from '@/stores/locale-store';
import { deleteGroup, putGroup } from '../api/admin-api';

const M = defineMessages({
  needName: { id: 'groups.need-name', defaultMessage: 'Give the group a name.' },
  signedIn: {
    id: 'groups.signed-in',
    defaultMessage: '{count, plural, =0 {nobody signed in} other {# signed in}}',
  },
  nameOf: { id: 'groups.name-of', defaultMessage: 'Name of group {groupId}' },
  nameIt: { id: 'groups.name-it', defaultMessage: 'Name it' },
  removeOf: { id: 'groups.remove-of', defaultMessage: 'Remove the name of group {groupId}' },
  remove: { id: 'groups.remove', defaultMessage: 'Remove name' },
  deleteConflict: {
    id: 'groups.delete-conflict',
    defaultMessage:
      'Someone else changed this name meanwhile — reload to see their change before removing it.',
  },
  intro: {
    id: 'groups.intro',
    defaultMessage:
      'The gateway numbers agent groups; name them as your floor knows them. Queue and exception views group and filter by these names; a group without a name shows as “{example}”.',
  },
  list: { id: 'groups.list', defaultMessage: 'Agent groups' },
  none: { id: 'groups.none', defaultMessage: 'No group is known yet.' },
});

const toDraft = (g: Group | null) => ({ name: g?.name ?? '' });

function GroupForm({
  groupId,
  stored,
  agents,
}: {
  groupId: number;
  stored: Group | null;
  agents: number;
}) {
  const put = useSettingsChange((a: { name: string; version: number }) => {
    const parsed = groupInput.safeParse({ version: a.version, name: a.name });
    if (!parsed.success) throw parsed.error;
    return putGroup(groupId, parsed.data);
  });
  const del = useSettingsChange((version: number) => deleteGroup(groupId, version));
  const form = useVersionedEdit<Group, { name: string }>({
    stored,
    toDraft,
    schema: groupSchema,
    check: (d) => {
      if (d.name.trim() === '') return { name: activeIntl().formatMessage(M.needName) };
      const parsed = groupInput.safeParse({ version: 0, name: d.name });
      return parsed.success ? {} : fieldErrorsOfParse(parsed.error);
    },
    save: (d, version) => put.mutateAsync({ name: d.name, version }),
  });
  const err = errorAt(form.errors, 'name');
  const intl = useI18n();
  const unnamed = groupName(groupId, NO_NAMES);
  return (
    <form
      aria-label={unnamed}
      className="flex flex-col gap-2 border-t border-line py-3 first:border-t-0"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit();
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <span className="w-24 pb-2 text-sm">
          <span className="font-mono tabular">{unnamed}</span>
          <span className="block text-xs text-muted">
            {intl.formatMessage(M.signedIn, { count: agents })}
          </span>
        </span>
        <label className="flex flex-col gap-1 text-xs font-semibold text-muted">
          {intl.formatMessage(COMMON.name)}
          <input
            className="input w-56"
            value={form.draft.name}
            maxLength={60}
            placeholder={unnamed}
            aria-label={intl.formatMessage(M.nameOf, { groupId })}
            aria-invalid={err ? true : undefined}
            onChange={(e) => form.setDraft({ name: e.target.value })}
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={form.saving}>
          {intl.formatMessage(stored ? COMMON.save : M.nameIt)}
        </button>
        {stored && (
          <button
            type="button"
            className="btn"
            aria-label={intl.formatMessage(M.removeOf, { groupId })}
            disabled={del.isPending}
            onClick={() => del.mutate(stored.version)}
          >
            {intl.formatMessage(M.remove)}
          </button>
        )}
        {form.saved && (
          <span role="status" className="pb-2 text-sm text-ok">
            {intl.formatMessage(COMMON.saved)}
          </span>
        )}
      </div>
      {err && (
        <p role="alert" className="text-xs text-crit">
          {err}
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
          {conflictOf(del.error, groupSchema)
            ? intl.formatMessage(M.deleteConflict)
            : saveErrorText(del.error)}
        </p>
      )}
    </form>
  );
}

/** Names for the gateway's agent groups ("Team North"); groups on the floor now are listed. */
export function GroupsAdmin() {
  const settings = useSettings();
  const agents = useAgentMap();
  const rows = useMemo(() => {
    const count = new Map<number, number>();
    for (const a of agents.values()) count.set(a.groupId, (count.get(a.groupId) ?? 0) + 1);
    const stored = new Map((settings.data?.groups ?? []).map((g) => [g.groupId, g]));
    const ids = new Set([...stored.keys(), ...count.keys()]);
    return [...ids]
      .sort((a, b) => a - b)
      .map((id) => ({ id, stored: stored.get(id) ?? null, agents: count.get(id) ?? 0 }));
  }, [agents, settings.data]);
  const intl = useI18n();
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted">
        {intl.formatMessage(M.intro, { example: groupName(12, NO_NAMES) })}
      </p>
      <section aria-label={intl.formatMessage(M.list)} className="card px-4 py-1">
        {settings.isPending ? (
          <p className="py-3 text-muted">{intl.formatMessage(COMMON.loading)}</p>
        ) : rows.length === 0 ? (
          <p className="py-3 text-muted">{intl.formatMessage(M.none)}</p>
        ) : (
          rows.map((r) => (
            <GroupForm key={r.id} groupId={r.id} stored={r.stored} agents={r.agents} />
          ))
        )}
      </section>
    </div>
  );
}
