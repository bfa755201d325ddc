import type { AuditEntry } from '@floorwatch/contracts/api';
import { formatSignIn } from '@/lib/format';
import { saveErrorText } from '@/lib/save-problems';
import { useAudit } from '../api/admin-api';

const ACTIONS: Record<string, string> = {
  'limits.site.put': 'Changed the site limits',
  'limits.queue.put': "Changed a queue's limits",
  'limits.queue.delete': "Removed a queue's own limits",
  'reason.put': 'Named a reason or set its limit',
  'reason.delete': 'Removed a reason',
  'group.put': 'Named a group',
  'group.delete': "Removed a group's name",
  'wall-link.create': 'Created a wall link',
  'wall-link.put': 'Changed a wall link',
  'wall-link.delete': 'Revoked a wall link',
  'settings.seed': 'Filled in the first settings',
};

/** A stored value in one short line (JSON without quotes around keys). */
function valueText(v: unknown): string {
  if (v === null || v === undefined) return '—';
  const s = JSON.stringify(v, (k, x: unknown) => (k === 'version' ? undefined : x));
  return s.replace(/"([a-zA-Z]+)":/g, '$1: ');
}

function Row({ e, now }: { e: AuditEntry; now: number }) {
  return (
    <tr className="border-t border-line align-top">
      <td className="py-2 pr-3 whitespace-nowrap tabular">{formatSignIn(e.at, now)}</td>
      <td className="py-2 pr-3">{e.actor}</td>
      <td className="py-2 pr-3">
        {ACTIONS[e.action] ?? e.action}
        <span className="block text-xs text-muted">{e.target}</span>
      </td>
      <td className="py-2 pr-3 font-mono text-xs break-all text-muted">{valueText(e.before)}</td>
      <td className="py-2 font-mono text-xs break-all">{valueText(e.after)}</td>
    </tr>
  );
}

/** Every change to shared settings: who, when, the value before and after. Newest first. */
export function AuditLog() {
  const audit = useAudit();
  // Dates are read against when the log arrived (a render reads no clock).
  const now = audit.dataUpdatedAt;
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-muted">
        Every change to limits, names and wall links, newest first.
      </p>
      <div className="card overflow-x-auto p-3">
        {audit.isPending ? (
          <p className="text-muted">Loading…</p>
        ) : audit.isError ? (
          <p role="alert" className="text-crit">
            {saveErrorText(audit.error)}
          </p>
        ) : entries.length === 0 ? (
          <p className="text-muted">Nothing has been changed yet.</p>
        ) : (
          <table className="w-full min-w-[44rem] text-sm">
            <caption className="sr-only">Audit log</caption>
            <thead>
              <tr className="text-left text-xs text-muted uppercase">
                <th scope="col" className="py-1 pr-3">
                  When
                </th>
                <th scope="col" className="py-1 pr-3">
                  Who
                </th>
                <th scope="col" className="py-1 pr-3">
                  What
                </th>
                <th scope="col" className="py-1 pr-3">
                  Before
                </th>
                <th scope="col" className="py-1">
                  After
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
          Older changes
        </button>
      )}
    </div>
  );
}
