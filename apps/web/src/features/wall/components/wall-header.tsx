import { CritIcon, LiveDotIcon, WifiOffIcon } from '@/components/icons';
import { useFreshness } from '@/hooks/use-freshness';
import { useServerNow } from '@/hooks/use-server-now';
import { defineMessages } from '@/i18n/messages';
import { formatClock } from '@/lib/format';
import { useNow } from '@/stores/clock-store';
import { useLiveStore } from '@/stores/live-store';
import { useI18n } from '@/stores/locale-store';
import { wu } from '@/lib/wall-units';
import { wallStatus, type WallStatus } from '../lib/wall-status';

export function useWallStatus(): WallStatus {
  const freshness = useFreshness();
  const gateway = useLiveStore((s) => s.gateway);
  const clockOffsetMs = useLiveStore((s) => s.clockOffsetMs);
  const now = useNow();
  return wallStatus({ freshness, gateway, clockOffsetMs, now });
}

/** The time on the server clock, so a display whose PC clock drifted still shows the right time. */
function WallClock() {
  const serverNow = useServerNow();
  return <span className="font-semibold tabular">{formatClock(serverNow)}</span>;
}

const M = defineMessages({
  fresh: { id: 'wall.freshness', defaultMessage: 'Data freshness' },
});

const TONE = { ok: 'text-ok', muted: 'text-muted', crit: 'text-crit' } as const;

/**
 * Title, how fresh the figures are, which page is on screen, and the clock. Nothing in it grows
 * with the number of queues, so it stays whole on any floor; in portrait it takes two rows.
 */
export function WallHeader({
  status,
  position,
  note = null,
}: {
  status: WallStatus;
  position: string | null;
  /** A quiet line for whoever stands at the display (e.g. sound waiting for a click). */
  note?: string | null;
}) {
  const intl = useI18n();
  return (
    <header
      className="grid shrink-0 grid-cols-[auto_minmax(0,1fr)_auto_auto] items-center border-b border-line bg-surface portrait:grid-cols-[auto_minmax(0,1fr)_auto]"
      style={{ columnGap: wu(2.5), rowGap: wu(0.6), padding: `${wu(1)} ${wu(2)}` }}
    >
      <span
        className="flex items-center gap-[0.4em] font-semibold whitespace-nowrap"
        style={{ fontSize: wu(2.4) }}
      >
        <img src="/favicon.svg" alt="" className="h-[1.3em] w-[1.3em]" />
        <span className="max-sm:sr-only">Floorwatch</span>
      </span>
      {/* In portrait: title, page and clock on one row, the freshness line under them. */}
      <div
        role="status"
        aria-label={intl.formatMessage(M.fresh)}
        aria-live="polite"
        className={`flex min-w-0 items-center gap-[0.4em] font-medium portrait:order-last portrait:col-span-full ${TONE[status.tone]}`}
        style={{ fontSize: wu(2.2) }}
      >
        <span className="shrink-0">
          {status.tone === 'ok' ? (
            <LiveDotIcon className="h-[1em] w-[1em]" />
          ) : status.tone === 'crit' ? (
            <CritIcon className="h-[1em] w-[1em]" />
          ) : (
            <WifiOffIcon className="h-[1em] w-[1em]" />
          )}
        </span>
        <span className="min-w-0 truncate text-fg tabular">{status.text}</span>
      </div>
      <p className="text-right whitespace-nowrap text-muted tabular" style={{ fontSize: wu(2.2) }}>
        {note && (
          <span className="mr-[1em] text-warn" role="note">
            {note}
          </span>
        )}
        {position}
      </p>
      <span className="whitespace-nowrap" style={{ fontSize: `min(${wu(3.4)}, 7vw)` }}>
        <WallClock />
      </span>
    </header>
  );
}

/** While the figures are not live: a loud line under the header, in plain words. */
export function WallBanner({ status }: { status: WallStatus }) {
  if (status.advice === null) return null;
  return (
    <div
      role="alert"
      className="callout callout-crit flex shrink-0 flex-wrap items-center rounded-none border-x-0"
      style={{
        fontSize: wu(2.4),
        columnGap: wu(1.2),
        rowGap: wu(0.3),
        padding: `${wu(1)} ${wu(2)}`,
      }}
    >
      <CritIcon className="h-[1.1em] w-[1.1em] shrink-0 text-crit" />
      <strong className="font-semibold">{status.text}</strong>
      <span>{status.advice}</span>
    </div>
  );
}
