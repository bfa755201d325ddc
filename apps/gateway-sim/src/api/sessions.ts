// Gateway sessions: one per signed-in work number; under dynamic auth a Guid is valid
// GUIDTIMEOUT from its issue and a new one comes with an event poll every GUIDINTERVAL; an event
// queue for the long poll; sign-out after MAXTIME without a keep-alive (an accepted event poll,
// or in push mode a handshake). See docs/gateway.md §Sign-in and sign-out, §Guid rotation,
// §Keep-alive and idle sign-out.
import { randomUUID } from 'node:crypto';

export interface GatewayEventWire {
  eventType: string;
  workNo: string;
  content: unknown;
}

export type PollAnswer =
  | { kind: 'event'; event: GatewayEventWire }
  | { kind: 'none' }
  | { kind: 'retcode'; retcode: string; message: string }
  /** The connection goes away without an answer (a restarting gateway). */
  | { kind: 'drop' };

export interface HeldPoll {
  answer(a: PollAnswer): void;
}

/** How a session ended, as the sign-in record tells it. */
export type EndReason = 'logout' | 'forcelogout' | 'forced-out' | 'idle' | 'expired' | 'restart';

/** Polling (the default) or push (sign-in with both callBackUri and serviceToken). */
export type SessionMode = 'polling' | 'push';

export interface Session {
  workno: string;
  signedIn: boolean;
  mode: SessionMode;
  serviceToken: string | null;
  loginTime: number;
  currentGuid: string;
  lastIssuedAt: number;
  /** Guid → when it was issued. */
  guids: Map<string, number>;
  /** Any accepted request (informational). */
  lastRequestAt: number;
  /** The last keep-alive: the idle sign-out counts from here. */
  lastKeepAliveAt: number;
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

export interface SessionListener {
  guidIssued(guid: string): void;
  ended(s: Session, at: number, reason: EndReason): void;
}

export function newGuid(): string {
  return `${randomUUID()}.AgentGateway0`;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly timing: SessionTiming,
    private readonly listener: SessionListener,
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

  create(workno: string, now: number, push: { serviceToken: string } | null = null): Session {
    const guid = newGuid();
    const s: Session = {
      workno,
      signedIn: true,
      mode: push ? 'push' : 'polling',
      serviceToken: push?.serviceToken ?? null,
      loginTime: now,
      currentGuid: guid,
      lastIssuedAt: now,
      guids: new Map([[guid, now]]),
      lastRequestAt: now,
      lastKeepAliveAt: now,
      events: [],
      heldPoll: null,
      endedAt: null,
      endReason: null,
    };
    this.sessions.set(workno, s);
    this.listener.guidIssued(guid);
    return s;
  }

  /** Whether `guid` authenticates this session now. */
  accepts(s: Session, guid: string | undefined, now: number): boolean {
    if (!guid || !s.signedIn) return false;
    const g = guid.trim();
    if (this.timing.authMode === 'static') return g === s.currentGuid;
    const issuedAt = s.guids.get(g);
    return issuedAt !== undefined && now - issuedAt < this.timing.guidTimeoutMs;
  }

  /** Issues a new Guid; every Guid, this one included, lives GUIDTIMEOUT from its issue. */
  rotate(s: Session, now: number): string {
    const guid = newGuid();
    s.guids.set(guid, now);
    s.currentGuid = guid;
    s.lastIssuedAt = now;
    for (const [g, issuedAt] of s.guids) {
      if (now - issuedAt >= this.timing.guidTimeoutMs) s.guids.delete(g);
    }
    this.listener.guidIssued(guid);
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

  /** Restarts the idle timer. */
  keepAlive(s: Session, now: number): void {
    s.lastKeepAliveAt = Math.max(s.lastKeepAliveAt, now);
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
    this.listener.ended(s, now, reason);
    if (!held) return;
    if (reason === 'restart') held.answer({ kind: 'drop' });
    else if (reason === 'expired')
      held.answer({ kind: 'retcode', retcode: '100-006', message: 'Agent not signed in' });
    else
      held.answer({
        kind: 'event',
        event: {
          eventType: 'AgentOther_ShutdownService',
          workNo: s.workno,
          content: { loginTime: s.loginTime },
        },
      });
  }

  endAll(now: number, reason: EndReason): string[] {
    const ended: string[] = [];
    for (const s of this.sessions.values()) {
      if (!s.signedIn) continue;
      this.end(s, now, reason);
      ended.push(s.workno);
    }
    return ended;
  }

  /** A gateway restart: every session and Guid is forgotten, open connections drop. */
  forgetAll(now: number): string[] {
    const open = this.endAll(now, 'restart');
    this.sessions.clear();
    return open;
  }

  /** Signs out every session whose last keep-alive is MAXTIME old, as of that instant. */
  expireIdle(now: number): void {
    for (const s of this.sessions.values()) {
      const deadline = s.lastKeepAliveAt + this.timing.idleSignOutMs;
      if (s.signedIn && now >= deadline) this.end(s, deadline, 'idle');
    }
  }
}
