// The words of a scenario in one language: agent, queue and team names. A locale changes labels
// only: the same seed gives the same floor (same draws, same states) in every locale.
import { NAMES_EN } from './names-en';
import { NAMES_ZH } from './names-zh';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export type QueueKind = 'voice' | 'chat' | 'video' | 'email';

export interface LocaleNames {
  /** The 40 agents of `small`, in roster order (2001..2040). */
  smallAgents: readonly string[];
  /** The 6 queues of `small`, by skill id 1..6. */
  smallQueues: readonly string[];
  /** The 4 teams of `small`, by groupid 1..4. */
  smallTeams: readonly string[];
  /** Generated rosters draw one of each list per agent (same draws in every locale). */
  given: readonly string[];
  family: readonly string[];
  person(given: string, family: string): string;
  /** Lines of business (10) and markets or cities (25) that generated queue names combine. */
  lines: readonly string[];
  markets: readonly string[];
  queue(line: string, market: string, kind: QueueKind, tier: number): string;
  /** A team of a generated roster: sites take turns, numbered within their site. */
  team(groupid: number): string;
}

const BY_LOCALE: Readonly<Record<Locale, LocaleNames>> = { en: NAMES_EN, 'zh-CN': NAMES_ZH };

export function localeNames(locale: Locale): LocaleNames {
  return BY_LOCALE[locale];
}
