// Critical breaches as alerts: a breach (a queue or an agent past a critical limit, by key) is
// announced once when it begins, stays on while it lasts, and clears when it ends; the same
// breach is never announced twice. Pure, with the clock passed in.

/** Keys of the breaches on now, each with the time it began. */
export type ActiveBreaches = ReadonlyMap<string, number>;

export interface AlertStep {
  active: ActiveBreaches;
  /** Breaches that began at this step: announce these. */
  started: string[];
  /** Breaches that ended at this step. */
  ended: string[];
}

export const NO_BREACHES: ActiveBreaches = new Map();

export function stepAlerts(
  prev: ActiveBreaches,
  critical: ReadonlySet<string>,
  now: number,
): AlertStep {
  const started: string[] = [];
  const ended: string[] = [];
  const active = new Map<string, number>();
  for (const key of critical) {
    const since = prev.get(key);
    if (since === undefined) started.push(key);
    active.set(key, since ?? now);
  }
  for (const key of prev.keys()) if (!critical.has(key)) ended.push(key);
  // Nothing changed: keep the old map, so readers that compare by identity do nothing.
  return started.length === 0 && ended.length === 0
    ? { active: prev, started, ended }
    : { active, started, ended };
}

export const queueKey = (skillId: number) => `q:${skillId}`;
export const agentKey = (workno: string) => `a:${workno}`;

/** One identity per breach (a key that ends and begins again is a new breach). */
export function breachId(key: string, active: ActiveBreaches): string | null {
  const since = active.get(key);
  return since === undefined ? null : `${key}@${since}`;
}
