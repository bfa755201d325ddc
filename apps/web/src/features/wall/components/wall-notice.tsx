import { useEffect, type ReactNode } from 'react';
import { CritIcon } from '@/components/icons';
import { WALL_UNIT, wu } from '@/lib/wall-units';

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
  return (
    <div role="alert" className="h-full">
      <WallNotice title="This wall link is not valid" tone="crit">
        <p>It may have expired or been replaced.</p>
        <p>Ask an administrator for a new wall link, and open it on this display.</p>
      </WallNotice>
    </div>
  );
}

/** A screen that failed to draw: nobody is at a wall to press Reload, so it reloads itself. */
export function WallCrashed({ reload = () => location.reload() }: { reload?: () => void }) {
  useEffect(() => {
    const t = setTimeout(reload, 30_000);
    return () => clearTimeout(t);
  }, [reload]);
  return (
    <div role="alert" className="h-full">
      <WallNotice title="This display could not show the floor" tone="crit">
        <p>It starts again by itself in 30 seconds.</p>
      </WallNotice>
    </div>
  );
}
