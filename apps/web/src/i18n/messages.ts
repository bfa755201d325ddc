// How screens declare their words. `formatjs extract` (pnpm i18n:extract) finds every
// defineMessages call by name and writes src/locales/en.json from the ids and default messages.
import type { MessageDescriptor } from 'react-intl';

/** An id and the English (ICU) text of one message. */
export interface Message extends MessageDescriptor {
  id: string;
  defaultMessage: string;
}

/**
 * A group of messages. Unlike react-intl's own typed defineMessages this takes values of any
 * shape, which the catalogue check (--structural-equality) then keeps equal across languages.
 */
export function defineMessages<K extends PropertyKey>(
  messages: Record<K, Message>,
): Record<K, Message> {
  return messages;
}
