import { Link } from 'react-router';
import { useSettings } from '@/api/get-settings';
import { formatDuration } from '@/lib/format';
import { QueueLimitsList } from './queue-limits-list';
import { SiteLimitsForm } from './site-limits-form';

/**
 * The shared limits, the same on every screen and wall: per state and queue figure for the site,
 * per reason, and per queue. Admins change them here (reasons on the admin page); everyone else
 * reads them.
 */
export function LimitsPage({ canEdit }: { canEdit: boolean }) {
  const settings = useSettings();
  const data = settings.data;
  const reasons = data?.reasons.filter((r) => r.limit !== null) ?? [];
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-4 p-4 lg:p-6">
      <title>Limits · Floorwatch</title>
      <h1 className="text-2xl font-semibold tracking-tight">Limits</h1>
      <p className="text-sm text-muted">
        {canEdit
          ? 'These limits are shared: every supervisor, team lead and wall display sees the same ones. Changes are recorded in the audit log.'
          : 'These limits are shared: every supervisor, team lead and wall display sees the same ones. Only an administrator can change them.'}
      </p>
      {settings.isError && (
        <p role="alert" className="callout callout-warn text-sm">
          The limits could not be loaded ({settings.error.message}). Screens keep the limits they
          last had.
        </p>
      )}
      {settings.isPending ? (
        <p role="status" className="text-muted">
          Loading the limits…
        </p>
      ) : data ? (
        <>
          <SiteLimitsForm stored={data.limits} edit={canEdit} />
          <section aria-labelledby="reason-limits-h" className="card flex flex-col gap-2 p-4">
            <h2 id="reason-limits-h" className="text-lg font-semibold">
              Reasons with their own limits
            </h2>
            <p className="text-sm text-muted">
              While an agent is away for one of these reasons, its limit replaces the limit of the
              state (lunch is not a short break).
              {canEdit && (
                <>
                  {' '}
                  <Link to="/admin/reasons" className="text-accent underline">
                    Edit reasons
                  </Link>
                </>
              )}
            </p>
            {reasons.length === 0 ? (
              <p className="text-sm text-muted">No reason has its own limit.</p>
            ) : (
              <table className="w-full text-sm">
                <caption className="sr-only">Reason limits</caption>
                <thead>
                  <tr className="text-left text-xs text-muted uppercase">
                    <th scope="col" className="py-1">
                      Reason
                    </th>
                    <th scope="col" className="py-1">
                      Warning
                    </th>
                    <th scope="col" className="py-1">
                      Critical
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {reasons.map((r) => (
                    <tr key={r.code} className="border-t border-line">
                      <th scope="row" className="py-1.5 text-left font-normal">
                        {r.name} <span className="text-muted tabular">(code {r.code})</span>
                      </th>
                      <td className="tabular">{formatDuration((r.limit?.warnSec ?? 0) * 1000)}</td>
                      <td className="tabular">{formatDuration((r.limit?.critSec ?? 0) * 1000)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <QueueLimitsList items={data.queueLimits} site={data.limits} edit={canEdit} />
        </>
      ) : null}
    </div>
  );
}
