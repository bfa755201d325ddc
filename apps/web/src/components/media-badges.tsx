import type { Agent } from '@floorwatch/contracts/api';
import { defineMessages } from '@/i18n/messages';
import { activeIntl, useI18n } from '@/stores/locale-store';
import { ChatIcon, HeadsetIcon, MailIcon } from './icons-more';

const M = defineMessages({
  voice: { id: 'media-sign-in.voice', defaultMessage: 'Voice/video' },
  voiceShort: { id: 'media-sign-in.voice.short', defaultMessage: 'Voice' },
  chat: { id: 'media-sign-in.chat', defaultMessage: 'Chat' },
  chatShort: { id: 'media-sign-in.chat.short', defaultMessage: 'Chat' },
  email: { id: 'media-sign-in.email', defaultMessage: 'Email' },
  emailShort: { id: 'media-sign-in.email.short', defaultMessage: 'Email' },
  list: { id: 'media-sign-in.list', defaultMessage: 'Media sign-in' },
  on: { id: 'media-sign-in.on', defaultMessage: '{medium}: signed in' },
  off: { id: 'media-sign-in.off', defaultMessage: '{medium}: not signed in' },
  join: { id: 'media-sign-in.join', defaultMessage: '{list} + {medium}' },
});

const MEDIA = [
  { key: 'voice', label: M.voice, short: M.voiceShort, Icon: HeadsetIcon },
  { key: 'chat', label: M.chat, short: M.chatShort, Icon: ChatIcon },
  { key: 'email', label: M.email, short: M.emailShort, Icon: MailIcon },
] as const;

/**
 * Media sign-in, readable without colour: signed in = solid chip with the name; not signed in =
 * hollow chip with the name struck through. Each chip is named "Chat: signed in" etc.
 */
export function MediaBadges({ media }: { media: Agent['media'] }) {
  const intl = useI18n();
  return (
    <span className="inline-flex gap-1" role="list" aria-label={intl.formatMessage(M.list)}>
      {MEDIA.map(({ key, label, short, Icon }) => {
        const on = media[key];
        const name = intl.formatMessage(on ? M.on : M.off, {
          medium: intl.formatMessage(label),
        });
        return (
          <span
            key={key}
            role="listitem"
            aria-label={name}
            title={name}
            data-signed-in={on}
            className={
              'inline-flex items-center gap-0.5 rounded-md border px-1 py-0.5 text-xs font-medium ' +
              (on
                ? 'border-accent/40 bg-accent/10 text-fg'
                : 'border-dashed border-line text-muted line-through decoration-[1.5px]')
            }
          >
            <Icon className="h-3 w-3 shrink-0" aria-hidden="true" />
            <span aria-hidden="true">{intl.formatMessage(short)}</span>
          </span>
        );
      })}
    </span>
  );
}

/** The media signed in, for the CSV file: "Voice/video + Chat". */
export function mediaText(media: Agent['media']): string {
  const intl = activeIntl();
  return MEDIA.filter((m) => media[m.key])
    .map((m) => intl.formatMessage(m.label))
    .reduce(
      (list, medium) => (list === '' ? medium : intl.formatMessage(M.join, { list, medium })),
      '',
    );
}
