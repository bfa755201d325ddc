// Everything a request handler needs, behind one object the server owns.
import { ContactCentreEngine } from '../engine/engine';
import { AllOnlineAgentsSerializer, type WireOptions } from '../engine/payloads';
import { buildScenario, type ScenarioName } from '../scenarios/index';
import { AccountStore } from './accounts';
import { Counters } from './counters';
import { FaultStore } from './faults';
import { RateLimiter } from './rate-limiter';
import { SessionStore } from './sessions';

export interface ResolvedOptions {
  host: string;
  port: number;
  scenario: ScenarioName;
  seed: number;
  password: string;
  https: boolean;
  pollHoldMs: number;
  guidIntervalMs: number;
  guidTimeoutMs: number;
  idleSignOutMs: number;
  rateLimit: { max: number; windowMs: number };
  authMode: 'dynamic' | 'static';
  now: () => number;
}

export class SimContext {
  readonly counters = new Counters();
  readonly faults = new FaultStore();
  readonly limiter: RateLimiter;
  readonly sessions: SessionStore;
  readonly accounts: AccountStore;
  readonly serializer = new AllOnlineAgentsSerializer();
  readonly wire: WireOptions = { numericStatus: false };
  engine: ContactCentreEngine;
  scenarioName: ScenarioName;
  seed: number;

  constructor(readonly opts: ResolvedOptions) {
    this.scenarioName = opts.scenario;
    this.seed = opts.seed;
    this.engine = new ContactCentreEngine(buildScenario(opts.scenario), opts.seed, opts.now());
    this.limiter = new RateLimiter(opts.rateLimit.max, opts.rateLimit.windowMs);
    this.sessions = new SessionStore(
      {
        authMode: opts.authMode,
        guidIntervalMs: opts.guidIntervalMs,
        guidTimeoutMs: opts.guidTimeoutMs,
        idleSignOutMs: opts.idleSignOutMs,
      },
      (guid) => this.counters.guidsIssued.push(guid),
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

  loadScenario(name: ScenarioName, seed: number): void {
    this.scenarioName = name;
    this.seed = seed;
    this.engine = new ContactCentreEngine(buildScenario(name), seed, this.now());
  }
}
