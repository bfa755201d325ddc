import { useMemo } from 'react';
import { findExceptions, type ExceptionRow } from '@/lib/exceptions';
import type { LimitsPolicy } from '@/lib/limits';
import { readLive, useLiveLoaded } from './use-live';
import { useFloor } from './use-floor';
import { useServerNow } from './use-server-now';

const NONE: ExceptionRow[] = [];

let cache: {
  second: number;
  agents: unknown;
  policy: LimitsPolicy;
  rows: ExceptionRow[];
} | null = null;

/** The exceptions at this second; every reader in the same second shares one derivation. */
export function exceptionsAt(serverNow: number, policy: LimitsPolicy): ExceptionRow[] {
  const { agents } = readLive();
  const second = Math.floor(serverNow / 1000);
  if (cache && cache.second === second && cache.agents === agents && cache.policy === policy)
    return cache.rows;
  const rows = findExceptions(agents.values(), serverNow, policy);
  cache = { second, agents, policy, rows };
  return rows;
}

/**
 * Every agent in view past a limit, worst first. Derived once per tick of the shared clock (not
 * per patch, not per render): a patch shows within a second, and 10,000 agents cost one pass a
 * second however many panels read the list.
 */
export function useExceptions(enabled = true): ExceptionRow[] {
  const serverNow = useServerNow(enabled);
  const loaded = useLiveLoaded();
  const { policy } = useFloor();
  return useMemo(
    () => (enabled && loaded && serverNow > 0 ? exceptionsAt(serverNow, policy) : NONE),
    [enabled, loaded, serverNow, policy],
  );
}
