import { useEffect, type ReactNode } from 'react';
import { CritIcon } from '@/components/icons';
import { defineMessages } from '@/i18n/messages';
import { WALL_UNIT, wu } from '@/lib/wall-units';
import { useI18n } from '@/stores/locale-store';

const M = defineMessages({
  invalid: { id: 'wall.link.invalid', defaultMessage: 'This wall link is not valid' },
  expired: { id: 'wall.link.expired', defaultMessage: 'It may have expired or been replaced.' },
  askAdmin: {
    id: 'wall.link.ask-admin',
    defaultMessage: 'Ask an administrator for a new wall link, and open it on this display.',
  },
  crashed: { id: 'wall.crashed', defaultMessage: 'This display could not show the floor' },
  restarts: {
    id: 'wall.crashed.restarts',
    defaultMessage: 'It starts again by itself in 30 seconds.',
  },
});

/**
 * A whole-screen message on the wall, in plain words, big enough to read across the room: a
 * heading that says what is wrong and a line that says what to do. Never an error code.
 */
export function WallNotice({
  title,
  children,
  tone = 'muted',
}: {
  title: string;
  children?: ReactNode;
  tone?: 'muted' | 'crit';
}) {
  return (
    <div
      className="flex h-full flex-col items-center justify-center bg-bg text-center text-fg"
      style={{ ['--wall-u' as string]: WALL_UNIT, gap: wu(2), padding: wu(4) }}
    >
      {tone === 'crit' && (
        <CritIcon className="text-crit" style={{ width: wu(8), height: wu(8) }} />
      )}
      <h1 className="max-w-[30ch] leading-tight font-bold" style={{ fontSize: wu(5) }}>
        {title}
      </h1>
      {children && (
        <div className="max-w-[48ch] text-muted" style={{ fontSize: wu(2.8) }}>
          {children}
        </div>
      )}
    </div>
  );
}

/** The link on this display cannot sign it in (wrong, expired or replaced). */
export function InvalidWallLink() {
  const intl = useI18n();
  return (
    <div role="alert" className="h-full">
      <WallNotice title={intl.formatMessage(M.invalid)} tone="crit">
        <p>{intl.formatMessage(M.expired)}</p>
        <p>{intl.formatMessage(M.askAdmin)}</p>
      </WallNotice>
    </div>
  );
}

/** A screen that failed to draw: nobody is at a wall to press Reload, so it reloads itself. */
export function WallCrashed({ reload = () => location.reload() }: { reload?: () => void }) {
  const intl = useI18n();
  useEffect(() => {
    const t = setTimeout(reload, 30_000);
    return () => clearTimeout(t);
  }, [reload]);
  return (
    <div role="alert" className="h-full">
      <WallNotice title={intl.formatMessage(M.crashed)} tone="crit">
        <p>{intl.formatMessage(M.restarts)}</p>
      </WallNotice>
    </div>
  );
}
