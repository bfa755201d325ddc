// The store port: everything Floorwatch keeps beyond a process (shared settings, personal views
// and preferences, the audit log, the per-queue history). Two adapters: SQLite in the data
// directory for one process, Redis for several replicas (REDIS_URL). Every operation is async and
// every change is one atomic step of the adapter (check the version, write, audit).
import type {
  AuditPage,
  FloorSettings,
  Group,
  GroupInput,
  HistoryPoint,
  Preferences,
  QueueLimits,
  QueueLimitsInput,
  Reason,
  ReasonInput,
  SavedView,
  SiteLimits,
  WallLink,
  WallLinkCreate,
  WallLinkInput,
} from '@floorwatch/contracts/api';

/** Who changes something, and when (epoch ms); recorded in the audit log. */
export interface Actor {
  username: string;
  at: number;
}

/**
 * The result of a versioned change. `conflict`: the stored version is not the one the change was
 * based on (someone changed or deleted it meanwhile; `current` is null when it is gone, or the
 * item as it is now). `missing`: a delete of something that does not exist.
 */
export type Change<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'conflict'; current: T | null }
  | { ok: false; reason: 'missing' };

export interface SettingsStore {
  /** Limits, queue overrides, reasons and groups: what every screen judges and names with. */
  floorSettings(): Promise<FloorSettings>;

  putSiteLimits(next: SiteLimits, by: Actor): Promise<Change<SiteLimits>>;
  putQueueLimits(skillId: number, next: QueueLimitsInput, by: Actor): Promise<Change<QueueLimits>>;
  deleteQueueLimits(skillId: number, version: number, by: Actor): Promise<Change<QueueLimits>>;
  putReason(code: number, next: ReasonInput, by: Actor): Promise<Change<Reason>>;
  deleteReason(code: number, version: number, by: Actor): Promise<Change<Reason>>;
  putGroup(groupId: number, next: GroupInput, by: Actor): Promise<Change<Group>>;
  deleteGroup(groupId: number, version: number, by: Actor): Promise<Change<Group>>;

  wallLinks(): Promise<WallLink[]>;
  wallLink(id: string): Promise<WallLink | null>;
  /** `tokenHash` is kept instead of the token, which is shown once and never stored. */
  createWallLink(input: WallLinkCreate, tokenHash: string, by: Actor): Promise<WallLink>;
  putWallLink(id: string, next: WallLinkInput, by: Actor): Promise<Change<WallLink>>;
  deleteWallLink(id: string, version: number, by: Actor): Promise<Change<WallLink>>;
  /** The link a token (by its hash) opens, noting when it was last used. */
  useWallLink(tokenHash: string, at: number): Promise<WallLink | null>;

  views(username: string): Promise<SavedView[]>;
  addView(username: string, view: SavedView): Promise<void>;
  /** False when the user has no view with this id. */
  deleteView(username: string, id: string): Promise<boolean>;
  preferences(username: string): Promise<Preferences>;
  putPreferences(username: string, prefs: Preferences): Promise<Preferences>;

  /** Newest first; `before` is an entry id from a previous page. */
  audit(q: { before?: number; limit: number }): Promise<AuditPage>;

  /**
   * First-start and later seeding: site limits only when none are stored; reasons only for codes
   * never seeded before (a reason an admin deleted stays deleted). Returns what it added.
   */
  seed(s: SeedInput, by: Actor): Promise<{ siteLimits: boolean; reasons: number[] }>;
}

export interface SeedInput {
  siteLimits: Omit<SiteLimits, 'version'>;
  reasons: Omit<Reason, 'version'>[];
}

/** One queue's value at one history step. */
export interface HistoryRow {
  skillId: number;
  point: HistoryPoint;
}

export interface HistoryStore {
  /** Writes (or overwrites) points, all in one batch. */
  write(rows: readonly HistoryRow[]): Promise<void>;
  /** Points with from ≤ t ≤ to, ascending, grouped by queue (every queue stored when no ids). */
  read(q: {
    from: number;
    to: number;
    skillIds?: readonly number[];
  }): Promise<{ skillId: number; points: HistoryPoint[] }[]>;
  /** Drops points older than `before`; answers how many. */
  prune(before: number): Promise<number>;
}

/**
 * A change made through another process sharing the store. `resync`: the notices were out of
 * reach for a while (Redis went away and came back), so anything may have changed meanwhile.
 */
export type SettingsChange =
  { kind: 'floor' } | { kind: 'wall-link'; id: string } | { kind: 'resync' };

export interface Stores {
  settings: SettingsStore;
  history: HistoryStore;
  /** Where the data lives, for logs and messages. */
  location: string;
  /** Changes other processes make (Redis); absent where this process is the only writer. */
  changes?: { subscribe(listener: (change: SettingsChange) => void): () => void };
  close(): Promise<void>;
}

/** Start-up cannot use the store (corrupt, unwritable, too new): names the path. */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

/** The store cannot be reached now (Redis went away): the request may be tried again later. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}
