// The words of a scenario in one language: agent, queue and team names. A locale changes labels
// only: the same seed gives the same floor (same draws, same states) in every locale.
import { NAMES_EN } from './names-en';
import { NAMES_ZH } from './names-zh';
import type { LocaleNames } from './locale-names';

export type { LocaleNames, QueueKind } from './locale-names';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

const BY_LOCALE: Readonly<Record<Locale, LocaleNames>> = { en: NAMES_EN, 'zh-CN': NAMES_ZH };

export function localeNames(locale: Locale): LocaleNames {
  return BY_LOCALE[locale];
}
