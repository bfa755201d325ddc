import type { Agent } from '@floorwatch/contracts/api';
import { ChatIcon, HeadsetIcon, MailIcon } from './icons-more';

const MEDIA = [
  { key: 'voice', label: 'Voice/video', short: 'Voice', Icon: HeadsetIcon },
  { key: 'chat', label: 'Chat', short: 'Chat', Icon: ChatIcon },
  { key: 'email', label: 'Email', short: 'Email', Icon: MailIcon },
] as const;

/**
 * Media sign-in, readable without colour: signed in = solid chip with the name; not signed in =
 * hollow chip with the name struck through. Each chip is named "Chat: signed in" etc.
 */
export function MediaBadges({ media }: { media: Agent['media'] }) {
  return (
    <span className="inline-flex gap-1" role="list" aria-label="Media sign-in">
      {MEDIA.map(({ key, label, short, Icon }) => {
        const on = media[key];
        return (
          <span
            key={key}
            role="listitem"
            aria-label={`${label}: ${on ? 'signed in' : 'not signed in'}`}
            title={`${label}: ${on ? 'signed in' : 'not signed in'}`}
            data-signed-in={on}
            className={
              'inline-flex items-center gap-0.5 rounded-md border px-1 py-0.5 text-xs font-medium ' +
              (on
                ? 'border-accent/40 bg-accent/10 text-fg'
                : 'border-dashed border-line text-muted line-through decoration-[1.5px]')
            }
          >
            <Icon className="h-3 w-3 shrink-0" aria-hidden="true" />
            <span aria-hidden="true">{short}</span>
          </span>
        );
      })}
    </span>
  );
}

export function mediaText(media: Agent['media']): string {
  return MEDIA.filter((m) => media[m.key])
    .map((m) => m.label)
    .join(' + ');
}
