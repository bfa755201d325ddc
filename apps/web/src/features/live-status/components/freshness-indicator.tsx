import { CritIcon, LiveDotIcon, WaitIcon, WifiOffIcon } from '@/components/icons';
import { useFreshness } from '@/hooks/use-freshness';
import { useLiveStore } from '@/stores/live-store';

/**
 * The header's honesty line: "Live · updated 2 s ago", "Reconnecting…", "Can't reach the phone
 * system since 14:02". A polite status region; when data is stale a banner (role="alert") says so
 * loudly as well.
 */
export function FreshnessIndicator({ variant = 'header' }: { variant?: 'header' | 'wall' }) {
  const f = useFreshness();
  const bad = useLiveStore((s) => s.badMessages);
  const tone =
    f.kind === 'live'
      ? 'text-ok'
      : f.kind === 'error' || f.kind === 'stale' || f.kind === 'reconnecting'
        ? 'text-crit'
        : f.kind === 'waiting'
          ? 'text-warn'
          : 'text-muted';
  const big = variant === 'wall';
  const icon = big ? 'h-6 w-6' : 'h-4 w-4';
  return (
    <div
      role="status"
      aria-label="Data freshness"
      aria-live="polite"
      data-kind={f.kind}
      className={`flex min-w-0 items-center gap-2 ${big ? 'text-[clamp(1rem,1.6vw,1.6rem)]' : 'text-sm'}`}
    >
      <span className={`shrink-0 ${tone}`}>
        {f.kind === 'live' ? (
          <LiveDotIcon className={big ? 'h-5 w-5' : 'h-3.5 w-3.5'} />
        ) : f.kind === 'error' ? (
          <CritIcon className={icon} />
        ) : f.kind === 'waiting' ? (
          <WaitIcon className={icon} />
        ) : f.kind === 'connecting' ? (
          <span className="spinner inline-block" />
        ) : (
          <WifiOffIcon className={icon} />
        )}
      </span>
      <span className="min-w-0 truncate font-medium tabular">{f.text}</span>
      {bad > 0 && (
        <span className="sr-only">{`${bad} malformed update${bad === 1 ? '' : 's'} ignored`}</span>
      )}
    </div>
  );
}

/**
 * A full-width banner under the header while the data on screen is not live. On the desk the
 * error code and the gateway's own message sit in a closed details disclosure for whoever has to
 * report it; a wall shows the plain sentence only.
 */
export function StaleBanner({ variant = 'header' }: { variant?: 'header' | 'wall' }) {
  const f = useFreshness();
  if (!f.isStale || f.kind === 'connecting') return null;
  const wall = variant === 'wall';
  return (
    <div
      role="alert"
      className={`callout callout-crit flex flex-wrap items-center gap-x-3 gap-y-1 rounded-none border-x-0 ${
        wall ? 'px-6 py-3 text-[clamp(1rem,1.8vw,2rem)]' : 'px-4 py-2 text-sm'
      }`}
    >
      <CritIcon className="h-5 w-5 shrink-0 text-crit" />
      <strong className="font-semibold">{f.text}</strong>
      <span>
        {f.detail ?? 'The figures below are not live and are dimmed until fresh data arrives.'}
      </span>
      {!wall && f.technical && (
        <details className="basis-full text-xs">
          <summary className="cursor-pointer text-muted">Technical details</summary>
          <p className="mt-1 font-mono break-all">
            Code {f.technical.code}: {f.technical.message}
          </p>
        </details>
      )}
    </div>
  );
}
