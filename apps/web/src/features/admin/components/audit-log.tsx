import type { AuditEntry } from '@floorwatch/contracts/api';
import { COMMON } from '@/i18n/common';
import { defineMessages, type Message } from '@/i18n/messages';
import { formatSignIn } from '@/lib/format';
import { saveErrorText } from '@/lib/save-problems';
import { useI18n } from '@/stores/locale-store';
import { useAudit } from '../api/admin-api';

const ACTIONS: Record<string, Message> = defineMessages({
  'limits.site.put': { id: 'audit.limits.site.put', defaultMessage: 'Changed the site limits' },
  'limits.queue.put': { id: 'audit.limits.queue.put', defaultMessage: "Changed a queue's limits" },
  'limits.queue.delete': {
    id: 'audit.limits.queue.delete',
    defaultMessage: "Removed a queue's own limits",
  },
  'reason.put': { id: 'audit.reason.put', defaultMessage: 'Named a reason or set its limit' },
  'reason.delete': { id: 'audit.reason.delete', defaultMessage: 'Removed a reason' },
  'group.put': { id: 'audit.group.put', defaultMessage: 'Named a group' },
  'group.delete': { id: 'audit.group.delete', defaultMessage: "Removed a group's name" },
  'wall-link.create': { id: 'audit.wall-link.create', defaultMessage: 'Created a wall link' },
  'wall-link.put': { id: 'audit.wall-link.put', defaultMessage: 'Changed a wall link' },
  'wall-link.delete': { id: 'audit.wall-link.delete', defaultMessage: 'Revoked a wall link' },
  'settings.seed': { id: 'audit.settings.seed', defaultMessage: 'Filled in the first settings' },
});

// The store names what changed in a fixed form ("reason 12", docs/api.md AuditEntry.target).
const TARGET = defineMessages({
  site: { id: 'audit.target.site', defaultMessage: 'site limits' },
  seed: { id: 'audit.target.seed', defaultMessage: 'site limits and reasons' },
  queue: { id: 'audit.target.queue', defaultMessage: 'queue {id}' },
  reason: { id: 'audit.target.reason', defaultMessage: 'reason {id}' },
  group: { id: 'audit.target.group', defaultMessage: 'group {id}' },
  wallLink: { id: 'audit.target.wall-link', defaultMessage: 'wall link {id}' },
});

const M = defineMessages({
  system: { id: 'audit.actor.system', defaultMessage: 'Floorwatch (first start)' },
  intro: {
    id: 'audit.intro',
    defaultMessage: 'Every change to limits, names and wall links, newest first.',
  },
  none: { id: 'audit.none', defaultMessage: 'Nothing has been changed yet.' },
  caption: { id: 'audit.caption', defaultMessage: 'Audit log' },
  when: { id: 'audit.when', defaultMessage: 'When' },
  who: { id: 'audit.who', defaultMessage: 'Who' },
  what: { id: 'audit.what', defaultMessage: 'What' },
  before: { id: 'audit.before', defaultMessage: 'Before' },
  after: { id: 'audit.after', defaultMessage: 'After' },
  older: { id: 'audit.older', defaultMessage: 'Older changes' },
});

/** A stored value in one short line (JSON without quotes around keys). */
function valueText(v: unknown): string {
  if (v === null || v === undefined) return '—';
  const s = JSON.stringify(v, (k, x: unknown) => (k === 'version' ? undefined : x));
  return s.replace(/"([a-zA-Z]+)":/g, '$1: ');
}

/** The target in the user's language; a form the store does not use stays as it is. */
function targetText(target: string, t: (m: Message, v?: Record<string, string>) => string) {
  if (target === 'site limits') return t(TARGET.site);
  if (target === 'site limits and reasons') return t(TARGET.seed);
  const m = /^(queue|reason|group|wall link) (.+)$/.exec(target);
  if (!m) return target;
  const kind = { queue: TARGET.queue, reason: TARGET.reason, group: TARGET.group }[m[1] as string];
  return t(kind ?? TARGET.wallLink, { id: m[2] ?? '' });
}

function Row({ e, now }: { e: AuditEntry; now: number }) {
  const intl = useI18n();
  const t = (m: Message, v?: Record<string, string>) => intl.formatMessage(m, v);
  const action = ACTIONS[e.action];
  return (
    <tr className="border-t border-line align-top">
      <td className="py-2 pr-3 whitespace-nowrap tabular">{formatSignIn(e.at, now)}</td>
      <td className="py-2 pr-3">{e.actor === 'system' ? t(M.system) : e.actor}</td>
      <td className="py-2 pr-3">
        {action ? intl.formatMessage(action) : e.action}
        <span className="block text-xs text-muted">{targetText(e.target, t)}</span>
      </td>
      {/* The stored values as they are, field names included: what an audit must show. */}
      <td translate="no" className="py-2 pr-3 font-mono text-xs break-all text-muted">
        {valueText(e.before)}
      </td>
      <td translate="no" className="py-2 font-mono text-xs break-all">
        {valueText(e.after)}
      </td>
    </tr>
  );
}

/** Every change to shared settings: who, when, the value before and after. Newest first. */
export function AuditLog() {
  const audit = useAudit();
  // Dates are read against when the log arrived (a render reads no clock).
  const now = audit.dataUpdatedAt;
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];
  const intl = useI18n();
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-muted">{intl.formatMessage(M.intro)}</p>
      <div className="card overflow-x-auto p-3">
        {audit.isPending ? (
          <p className="text-muted">{intl.formatMessage(COMMON.loading)}</p>
        ) : audit.isError ? (
          <p role="alert" className="text-crit">
            {saveErrorText(audit.error)}
          </p>
        ) : entries.length === 0 ? (
          <p className="text-muted">{intl.formatMessage(M.none)}</p>
        ) : (
          <table className="w-full min-w-[44rem] text-sm">
            <caption className="sr-only">{intl.formatMessage(M.caption)}</caption>
            <thead>
              <tr className="text-left text-xs text-muted uppercase">
                <th scope="col" className="py-1 pr-3">
                  {intl.formatMessage(M.when)}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {intl.formatMessage(M.who)}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {intl.formatMessage(M.what)}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {intl.formatMessage(M.before)}
                </th>
                <th scope="col" className="py-1">
                  {intl.formatMessage(M.after)}
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <Row key={e.id} e={e} now={now} />
              ))}
            </tbody>
          </table>
        )}
      </div>
      {audit.hasNextPage && (
        <button
          type="button"
          className="btn self-start"
          disabled={audit.isFetchingNextPage}
          onClick={() => void audit.fetchNextPage()}
        >
          {intl.formatMessage(M.older)}
        </button>
      )}
    </div>
  );
}
