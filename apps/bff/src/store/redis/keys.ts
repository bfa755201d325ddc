// Where the Redis adapter keeps each part, under the replicas' prefix (FLOORWATCH_REDIS_PREFIX)
// beside their leader lock, commit feed and sessions. One hash per kind of versioned item, field =
// its key; the audit log is a sorted set scored by entry id; history is one small sorted set per
// queue and quarter hour, scored by time, with an index of those sets scored by their start.
export function storeKeys(prefix: string) {
  const s = `${prefix}:settings`;
  const h = `${prefix}:history`;
  return {
    /** Hash with the one field `site`, so site limits change like every other item. */
    siteLimits: `${s}:site-limits`,
    queueLimits: `${s}:queue-limits`,
    reasons: `${s}:reasons`,
    groups: `${s}:groups`,
    /** id → the link as stored (with its token hash, without lastUsedAt). */
    wallLinks: `${s}:wall-links`,
    /** token hash → link id: the sign-in looks a link up by it. */
    wallLinkTokens: `${s}:wall-link-tokens`,
    /** id → last use (ms): a sign-in is not a change, so it bumps no version. */
    wallLinkUsed: `${s}:wall-link-used`,
    views: (username: string) => `${s}:views:${username}`,
    preferences: `${s}:preferences`,
    audit: `${s}:audit`,
    auditSeq: `${s}:audit-seq`,
    /** `reason:<code>` and `site-limits:site`: what seeding added once and never adds again. */
    seeded: `${s}:seeded`,
    /** Pub/sub channel: a notice after every change, for the other replicas. */
    changes: `${s}:changes`,
    historyIndex: `${h}:buckets`,
    /** `member` is `<skillId>:<bucket start ms>`, as kept in the index. */
    historyBucket: (member: string) => `${h}:${member}`,
  };
}

export type StoreKeys = ReturnType<typeof storeKeys>;
