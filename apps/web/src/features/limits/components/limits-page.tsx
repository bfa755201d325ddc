import { Link } from 'react-router';
import { useSettings } from '@/api/get-settings';
import { defineMessages } from '@/i18n/messages';
import { apiErrorText } from '@/lib/api-problem';
import { formatDuration } from '@/lib/format';
import { limitName } from '@/lib/thresholds';
import { useI18n } from '@/stores/locale-store';
import { QueueLimitsList } from './queue-limits-list';
import { SiteLimitsForm } from './site-limits-form';

const M = defineMessages({
  title: { id: 'limits.page-title', defaultMessage: 'Limits · Floorwatch' },
  heading: { id: 'limits.heading', defaultMessage: 'Limits' },
  sharedAdmin: {
    id: 'limits.shared.admin',
    defaultMessage:
      'These limits are shared: every supervisor, team lead and wall display sees the same ones. Changes are recorded in the audit log.',
  },
  sharedRead: {
    id: 'limits.shared.read',
    defaultMessage:
      'These limits are shared: every supervisor, team lead and wall display sees the same ones. Only an administrator can change them.',
  },
  loadFailed: {
    id: 'limits.load-failed',
    defaultMessage:
      'The limits could not be loaded ({reason}). Screens keep the limits they last had.',
  },
  loading: { id: 'limits.loading', defaultMessage: 'Loading the limits…' },
  reasonsHeading: { id: 'limits.reasons.heading', defaultMessage: 'Reasons with their own limits' },
  reasonsIntro: {
    id: 'limits.reasons.intro',
    defaultMessage:
      'While an agent is away for one of these reasons, its limit replaces the limit of the state (lunch is not a short break).',
  },
  editReasons: { id: 'limits.reasons.edit', defaultMessage: 'Edit reasons' },
  noReasons: { id: 'limits.reasons.none', defaultMessage: 'No reason has its own limit.' },
  reasonTable: { id: 'limits.reasons.table', defaultMessage: 'Reason limits' },
  reason: { id: 'limits.reasons.reason', defaultMessage: 'Reason' },
  code: { id: 'limits.reasons.code', defaultMessage: '(code {code})' },
});

/**
 * The shared limits, the same on every screen and wall: per state and queue figure for the site,
 * per reason, and per queue. Admins change them here (reasons on the admin page); everyone else
 * reads them.
 */
export function LimitsPage({ canEdit }: { canEdit: boolean }) {
  const settings = useSettings();
  const intl = useI18n();
  const data = settings.data;
  const reasons = data?.reasons.filter((r) => r.limit !== null) ?? [];
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-4 p-4 lg:p-6">
      <title>{intl.formatMessage(M.title)}</title>
      <h1 className="text-2xl font-semibold tracking-tight">{intl.formatMessage(M.heading)}</h1>
      <p className="text-sm text-muted">
        {intl.formatMessage(canEdit ? M.sharedAdmin : M.sharedRead)}
      </p>
      {settings.isError && (
        <p role="alert" className="callout callout-warn text-sm">
          {intl.formatMessage(M.loadFailed, { reason: apiErrorText(settings.error) })}
        </p>
      )}
      {settings.isPending ? (
        <p role="status" className="text-muted">
          {intl.formatMessage(M.loading)}
        </p>
      ) : data ? (
        <>
          <SiteLimitsForm stored={data.limits} edit={canEdit} />
          <section aria-labelledby="reason-limits-h" className="card flex flex-col gap-2 p-4">
            <h2 id="reason-limits-h" className="text-lg font-semibold">
              {intl.formatMessage(M.reasonsHeading)}
            </h2>
            <p className="text-sm text-muted">
              {intl.formatMessage(M.reasonsIntro)}
              {canEdit && (
                <>
                  {' '}
                  <Link to="/admin/reasons" className="text-accent underline">
                    {intl.formatMessage(M.editReasons)}
                  </Link>
                </>
              )}
            </p>
            {reasons.length === 0 ? (
              <p className="text-sm text-muted">{intl.formatMessage(M.noReasons)}</p>
            ) : (
              <table className="w-full text-sm">
                <caption className="sr-only">{intl.formatMessage(M.reasonTable)}</caption>
                <thead>
                  <tr className="text-left text-xs text-muted uppercase">
                    <th scope="col" className="py-1">
                      {intl.formatMessage(M.reason)}
                    </th>
                    <th scope="col" className="py-1">
                      {limitName('warn')}
                    </th>
                    <th scope="col" className="py-1">
                      {limitName('crit')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {reasons.map((r) => (
                    <tr key={r.code} className="border-t border-line">
                      <th scope="row" className="py-1.5 text-left font-normal">
                        {r.name}{' '}
                        <span className="text-muted tabular">
                          {intl.formatMessage(M.code, { code: r.code })}
                        </span>
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
