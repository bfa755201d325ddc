// Gateway sessions (REFERENCE §1): one per signed-in work number, Guids that rotate on event
// polls under dynamic auth and stay valid GUIDTIMEOUT after being superseded, an event queue
// for the long poll, and sign-out after MAXTIME without any request.
import { randomUUID } from 'node:crypto';

export interface GatewayEventWire {
  eventType: string;
  workNo: string;
  content: unknown;
}

export type PollAnswer =
  | { kind: 'event'; event: GatewayEventWire }
  | { kind: 'none' }
  | { kind: 'retcode'; retcode: string; message: string };

export interface HeldPoll {
  answer(a: PollAnswer): void;
}

interface GuidRecord {
  issuedAt: number;
  supersededAt: number | null;
}

export type EndReason = 'logout' | 'forced' | 'idle' | 'expired';

export interface Session {
  workno: string;
  signedIn: boolean;
  loginTime: number;
  currentGuid: string;
  lastIssuedAt: number;
  guids: Map<string, GuidRecord>;
  lastRequestAt: number;
  events: GatewayEventWire[];
  heldPoll: HeldPoll | null;
  endedAt: number | null;
  endReason: EndReason | null;
}

export interface SessionTiming {
  authMode: 'dynamic' | 'static';
  guidIntervalMs: number;
  guidTimeoutMs: number;
  idleSignOutMs: number;
}

export function newGuid(): string {
  return `${randomUUID()}.AgentGateway0`;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly timing: SessionTiming,
    private readonly onGuidIssued: (guid: string) => void,
  ) {}

  /** The signed-in session of a work number (after applying the idle sign-out). */
  active(workno: string, now: number): Session | undefined {
    this.expireIdle(now);
    const s = this.sessions.get(workno);
    return s?.signedIn ? s : undefined;
  }

  all(): Session[] {
    return [...this.sessions.values()];
  }

  create(workno: string, now: number): Session {
    const guid = newGuid();
    const s: Session = {
      workno,
      signedIn: true,
      loginTime: now,
      currentGuid: guid,
      lastIssuedAt: now,
      guids: new Map([[guid, { issuedAt: now, supersededAt: null }]]),
      lastRequestAt: now,
      events: [],
      heldPoll: null,
      endedAt: null,
      endReason: null,
    };
    this.sessions.set(workno, s);
    this.onGuidIssued(guid);
    return s;
  }

  /** Whether `guid` authenticates this session now. */
  accepts(s: Session, guid: string | undefined, now: number): boolean {
    if (!guid || !s.signedIn) return false;
    const g = guid.trim();
    if (this.timing.authMode === 'static') return g === s.currentGuid;
    const rec = s.guids.get(g);
    if (!rec) return false;
    return rec.supersededAt === null || now - rec.supersededAt < this.timing.guidTimeoutMs;
  }

  /** Issues a new Guid and supersedes the current one (which stays valid GUIDTIMEOUT). */
  rotate(s: Session, now: number): string {
    const old = s.guids.get(s.currentGuid);
    if (old) old.supersededAt = now;
    const guid = newGuid();
    s.guids.set(guid, { issuedAt: now, supersededAt: null });
    s.currentGuid = guid;
    s.lastIssuedAt = now;
    for (const [g, rec] of s.guids) {
      if (rec.supersededAt !== null && now - rec.supersededAt >= this.timing.guidTimeoutMs) {
        s.guids.delete(g);
      }
    }
    this.onGuidIssued(guid);
    return guid;
  }

  /** Dynamic auth: a new Guid when GUIDINTERVAL has passed since the last one was issued. */
  rotateIfDue(s: Session, now: number): string | null {
    if (this.timing.authMode !== 'dynamic' || !s.signedIn) return null;
    if (now - s.lastIssuedAt < this.timing.guidIntervalMs) return null;
    return this.rotate(s, now);
  }

  validGuids(s: Session, now: number): string[] {
    if (!s.signedIn) return [];
    return [...s.guids.keys()].filter((g) => this.accepts(s, g, now));
  }

  /** Queues an event; a held poll gets it at once. */
  push(s: Session, event: GatewayEventWire): void {
    if (s.heldPoll) {
      const held = s.heldPoll;
      s.heldPoll = null;
      held.answer({ kind: 'event', event });
      return;
    }
    s.events.push(event);
  }

  /** Ends a session: all its Guids die; a held poll learns it the way the gateway says it. */
  end(s: Session, now: number, reason: EndReason): void {
    if (!s.signedIn) return;
    s.signedIn = false;
    s.endedAt = now;
    s.endReason = reason;
    s.guids.clear();
    s.events = [];
    const held = s.heldPoll;
    s.heldPoll = null;
    if (!held) return;
    if (reason === 'expired') {
      held.answer({ kind: 'retcode', retcode: '100-006', message: 'Agent not signed in' });
    } else {
      held.answer({
        kind: 'event',
        event: {
          eventType: 'AgentOther_ShutdownService',
          workNo: s.workno,
          content: { loginTime: s.loginTime },
        },
      });
    }
  }

  endAll(now: number, reason: EndReason): void {
    for (const s of this.sessions.values()) this.end(s, now, reason);
  }

  expireIdle(now: number): void {
    for (const s of this.sessions.values()) {
      if (s.signedIn && now - s.lastRequestAt >= this.timing.idleSignOutMs)
        this.end(s, now, 'idle');
    }
  }
}
