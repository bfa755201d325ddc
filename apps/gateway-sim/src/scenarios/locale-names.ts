// The shape of a scenario's words in one language (what names-en.ts and names-zh.ts fill in).
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
