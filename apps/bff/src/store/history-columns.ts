// The state counts a history point keeps, in the order every adapter stores them: SQLite's
// columns (fixed by migration 2) and Redis's comma list. Append only: a new state needs a SQLite
// migration, and stored Redis points, which lack it, read it as 0.
import type { AgentState } from '@floorwatch/contracts/gateway';

export const HISTORY_STATES = [
  'idle',
  'talking',
  'wrapup',
  'busy',
  'rest',
  'prerest',
  'signedout',
  'unknown',
] as const satisfies readonly AgentState[];
