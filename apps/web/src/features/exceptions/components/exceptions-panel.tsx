import { Link } from 'react-router';
import { useExceptions } from '@/hooks/use-exceptions';
import { useFloor } from '@/hooks/use-floor';
import { useLiveLoaded, useQueueMap } from '@/hooks/use-live';
import { defineMessages } from '@/i18n/messages';
import { pastLimitText } from '@/lib/thresholds';
import { useI18n } from '@/stores/locale-store';
import { EXCEPTION_WORDS } from '../lib/exception-words';
import { ExceptionItem } from './exception-item';

const SHOWN = 5;

const M = defineMessages({
  list: { id: 'exceptions.panel.list', defaultMessage: 'Agents needing attention, worst first' },
});

/** The overview's panel: the few agents who need attention most, and the way to all of them. */
export function ExceptionsPanel() {
  const rows = useExceptions();
  const loaded = useLiveLoaded();
  const queues = useQueueMap();
  const { names } = useFloor();
  const intl = useI18n();
  const crit = rows.filter((r) => r.level === 'crit').length;
  if (!loaded) return null;
  return (
    <section
      aria-labelledby="exceptions-panel-h"
      className="card live-data flex flex-col gap-2 p-3"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="exceptions-panel-h" className="text-lg font-semibold">
          {EXCEPTION_WORDS.panelTitle()}
        </h2>
        <p className="text-sm tabular" aria-live="off">
          {rows.length === 0 ? (
            <span className="text-muted">{EXCEPTION_WORDS.none()}</span>
          ) : (
            <>
              {crit > 0 && (
                <span className="font-semibold text-crit">{pastLimitText('crit', crit)}</span>
              )}
              {crit > 0 && rows.length > crit && ' · '}
              {rows.length > crit && (
                <span className="font-semibold text-warn">
                  {pastLimitText('warn', rows.length - crit)}
                </span>
              )}
            </>
          )}
        </p>
      </div>
      {rows.length > 0 && (
        <ul aria-label={intl.formatMessage(M.list)} className="flex flex-col gap-1.5">
          {rows.slice(0, SHOWN).map((r) => (
            <ExceptionItem key={r.agent.workno} row={r} queues={queues} names={names} />
          ))}
        </ul>
      )}
      {rows.length > 0 && (
        <Link to="/exceptions" className="self-start text-sm text-accent underline">
          {EXCEPTION_WORDS.seeAll(rows.length)}
        </Link>
      )}
    </section>
  );
}
