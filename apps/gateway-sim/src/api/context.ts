// Everything a request handler needs, behind one object the server owns.
import { ContactCentreEngine } from '../engine/engine';
import { AllOnlineAgentsSerializer, type WireOptions } from '../engine/payloads';
import { buildScenario, type ScenarioName } from '../scenarios/index';
import type { Locale } from '../scenarios/locale';
import { AccountStore } from './accounts';
import { Counters } from './counters';
import { FaultStore } from './faults';
import { RateLimiter, type RateLimitSettings } from './rate-limiter';
import { SessionStore, type Session } from './sessions';
import { SignInLog } from './signin-log';

export interface ResolvedOptions {
  host: string;
  port: number;
  scenario: ScenarioName;
  seed: number;
  locale: Locale;
  password: string;
  https: boolean;
  pollHoldMs: number;
  guidIntervalMs: number;
  guidTimeoutMs: number;
  idleSignOutMs: number;
  rateLimit: RateLimitSettings;
  authMode: 'dynamic' | 'static';
  now: () => number;
}

/** Switches that make the simulator's answers disagree with each other on purpose. */
export interface Quirks {
  /** skill id → added to queryacdstat's loggedOnAgents (allonlineagents is left as it is). */
  loggedOnSkew: Record<number, number>;
}

export class SimContext {
  readonly counters = new Counters();
  readonly faults = new FaultStore();
  readonly signins = new SignInLog();
  readonly limiter: RateLimiter;
  readonly sessions: SessionStore;
  readonly accounts: AccountStore;
  readonly serializer = new AllOnlineAgentsSerializer();
  readonly wire: WireOptions = { numericStatus: false };
  readonly quirks: Quirks = { loggedOnSkew: {} };
  engine: ContactCentreEngine;
  scenarioName: ScenarioName;
  seed: number;
  locale: Locale;
  /** Until this instant (ms) a restarted gateway resets every connection. */
  downUntil = 0;

  constructor(readonly opts: ResolvedOptions) {
    this.scenarioName = opts.scenario;
    this.seed = opts.seed;
    this.locale = opts.locale;
    this.engine = new ContactCentreEngine(
      buildScenario(opts.scenario, opts.locale),
      opts.seed,
      opts.now(),
    );
    this.limiter = new RateLimiter(opts.rateLimit);
    this.sessions = new SessionStore(
      {
        authMode: opts.authMode,
        guidIntervalMs: opts.guidIntervalMs,
        guidTimeoutMs: opts.guidTimeoutMs,
        idleSignOutMs: opts.idleSignOutMs,
      },
      {
        guidIssued: (guid) => this.counters.guidsIssued.push(guid),
        ended: (s, at, how) => this.signins.signedOut(s.workno, at, how),
      },
    );
    this.accounts = new AccountStore(
      opts.password,
      (workno) => this.engine.agent(workno) !== undefined,
    );
  }

  now(): number {
    return this.opts.now();
  }

  /** The engine brought up to the current clock. */
  engineNow(): { engine: ContactCentreEngine; now: number } {
    const now = this.now();
    this.engine.advanceTo(now);
    return { engine: this.engine, now };
  }

  /** A new floor (sessions stay); a frozen floor stays frozen. */
  loadScenario(name: ScenarioName, seed: number, locale: Locale = this.locale): void {
    const frozen = this.engine.frozen;
    this.scenarioName = name;
    this.seed = seed;
    this.locale = locale;
    this.engine = new ContactCentreEngine(buildScenario(name, locale), seed, this.now());
    this.engine.frozen = frozen;
  }

  /**
   * Opens a session and records the sign-in. A session of the same work number that is still
   * open is forced out first (forcelogin semantics; the caller checks whether that is allowed).
   */
  openSession(
    workno: string,
    how: string,
    opts: { phone: string | null; serviceToken: string | null },
  ): Session {
    const now = this.now();
    const existing = this.sessions.active(workno, now);
    if (existing) this.sessions.end(existing, now, 'forced-out');
    const s = this.sessions.create(
      workno,
      now,
      opts.serviceToken === null ? null : { serviceToken: opts.serviceToken },
    );
    this.signins.signedIn({ workno, at: now, how, mode: s.mode, phone: opts.phone });
    return s;
  }

  /**
   * The gateway process restarts on the same port: sessions, Guids and rate windows are
   * forgotten, open connections (held polls, hung requests) are reset, and for `downMs` every
   * new connection is reset too. The floor itself (the CTI platform) carries on.
   */
  restart(downMs: number): { forgotten: string[]; downUntil: number } {
    const now = this.now();
    const forgotten = this.sessions.forgetAll(now);
    this.faults.releaseHung();
    this.limiter.clearWindows();
    this.downUntil = now + downMs;
    return { forgotten, downUntil: this.downUntil };
  }

  isDown(): boolean {
    return this.now() < this.downUntil;
  }
}
