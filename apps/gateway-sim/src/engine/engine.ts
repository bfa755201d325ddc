// The contact-centre engine: Poisson arrivals per queue following the daily load curve, an ACD
// that gives the oldest waiting call to the longest-idle agent of the skill, talk and wrap-up
// times, rests and said-busy, and shifts. It advances lazily in fixed steps up to the clock of
// each request, so its state depends only on (scenario, seed, clock), never on timer jitter.
import { deriveSeed, mulberry32, type Rng } from './prng';
import { loadFactor } from './load-curve';
import type { AgentDef, ScenarioDef, SkillDef } from './types';

export const STEP_MS = 1000;

/** Beyond this gap the engine starts afresh an hour before now instead of replaying every step. */
const MAX_CATCH_UP_MS = 24 * 3_600_000;
const SERVICE_LEVEL_S = 20;
const SERVICE_WINDOW_MIN = 30;

/** Table 1 status → Table 2 ctiStatus the engine uses when it sets a status by itself. */
export const CTI_FOR_STATUS: Readonly<Record<number, number>> = {
  0: 9,
  1: 1,
  2: 0,
  3: 7,
  4: 1,
  5: 6,
  6: 1,
  7: 5,
  8: 8,
  // Pre-rest: the agent is still on the call that delays the rest.
  9: 5,
};

/** Media types served through WebM (the agent's second T/F flag); the rest go through the CTI. */
const WEBM_MEDIA = new Set([1, 6, 51, 53]);

const REST_REASONS: readonly { code: number; meanS: number; weight: number }[] = [
  { code: 4, meanS: 600, weight: 6 },
  { code: 11, meanS: 1800, weight: 2 },
  { code: 12, meanS: 1200, weight: 1 },
];

export type Phase =
  | 'signedout'
  | 'idle'
  | 'ringing'
  | 'talking'
  | 'wrapup'
  | 'busy'
  | 'rest'
  /** Pinned by the control API or a static scenario: the engine leaves it alone. */
  | 'held';

export interface AgentRuntime {
  readonly def: AgentDef;
  readonly index: number;
  readonly voice: boolean;
  readonly webm: boolean;
  signedIn: boolean;
  status: number;
  ctiStatus: number;
  reason: number;
  /** Epoch ms of the last real state change; `currentstatetime` counts from here. */
  stateSince: number;
  loginDate: number | null;
  phase: Phase;
  phaseEndsAt: number;
  preRestAt: number;
  shiftEndsAt: number;
  nextSignInAt: number;
  callSkill: number | null;
  /** Bumped on every change, so serialised forms can be cached per agent. */
  rev: number;
}

interface WaitingCall {
  id: number;
  arrivedAt: number;
  abandonAt: number;
}

interface MinuteBucket {
  minute: number;
  offered: number;
  withinSl: number;
}

export interface QueueRuntime {
  readonly def: SkillDef;
  readonly members: AgentRuntime[];
  readonly webm: boolean;
  waiting: WaitingCall[];
  buckets: MinuteBucket[];
}

export interface QueueStats {
  skillId: number;
  queueSize: number;
  /** Seconds the longest-waiting call has waited, 0 when none. */
  longestWaitS: number;
  oldestArrivedAt: number | null;
  oldestCallId: number | null;
  loggedOnAgents: number;
  availAgents: number;
  serviceLevel: number;
}

export class ContactCentreEngine {
  readonly scenario: ScenarioDef;
  readonly seed: number;
  readonly startMs: number;
  private simTime: number;
  private readonly rng: Rng;
  private readonly controlRng: Rng;
  private readonly agentList: AgentRuntime[];
  private readonly byWorkno = new Map<string, AgentRuntime>();
  private readonly queueList: QueueRuntime[];
  private readonly bySkill = new Map<number, QueueRuntime>();
  private nextCallId = 1;
  private readonly isStatic: boolean;

  constructor(scenario: ScenarioDef, seed: number, startMs: number) {
    this.scenario = scenario;
    this.seed = seed;
    this.startMs = startMs;
    this.simTime = startMs;
    this.rng = mulberry32(deriveSeed(seed, 1));
    this.controlRng = mulberry32(deriveSeed(seed, 2));
    this.isStatic = scenario.fixed !== undefined;
    this.queueList = scenario.skills.map((def) => ({
      def,
      members: [],
      webm: WEBM_MEDIA.has(def.mediaType),
      waiting: [],
      buckets: [],
    }));
    for (const q of this.queueList) this.bySkill.set(q.def.id, q);
    this.agentList = scenario.agents.map((def, index) => {
      const media = def.mediatype.toUpperCase();
      const agent: AgentRuntime = {
        def,
        index,
        voice: media.charAt(0) === 'T',
        webm: media.charAt(1) === 'T',
        signedIn: false,
        status: 2,
        ctiStatus: 0,
        reason: 0,
        stateSince: startMs,
        loginDate: null,
        phase: 'signedout',
        phaseEndsAt: Infinity,
        preRestAt: Infinity,
        shiftEndsAt: Infinity,
        nextSignInAt: Infinity,
        callSkill: null,
        rev: 0,
      };
      this.byWorkno.set(def.workno, agent);
      for (const skillId of def.skills) this.bySkill.get(skillId)?.members.push(agent);
      return agent;
    });
    this.initialise();
  }

  get now(): number {
    return this.simTime;
  }

  agents(): readonly AgentRuntime[] {
    return this.agentList;
  }

  agent(workno: string): AgentRuntime | undefined {
    return this.byWorkno.get(workno);
  }

  queues(): readonly QueueRuntime[] {
    return this.queueList;
  }

  queue(skillId: number): QueueRuntime | undefined {
    return this.bySkill.get(skillId);
  }

  /** Runs every whole step between the last one and `now`. Never goes back in time. */
  advanceTo(now: number): void {
    if (now - this.simTime > MAX_CATCH_UP_MS) {
      const skip = Math.floor((now - 3_600_000 - this.simTime) / STEP_MS) * STEP_MS;
      this.simTime += skip;
    }
    while (this.simTime + STEP_MS <= now) {
      this.simTime += STEP_MS;
      this.step(this.simTime);
    }
  }

  queueStats(skillId: number, now: number): QueueStats | undefined {
    const q = this.bySkill.get(skillId);
    if (!q) return undefined;
    const oldest = q.waiting[0];
    let loggedOn = 0;
    let avail = 0;
    for (const a of q.members) {
      if (!a.signedIn) continue;
      loggedOn += 1;
      if (a.status === 4) avail += 1;
    }
    const fromMinute = Math.floor(now / 60_000) - SERVICE_WINDOW_MIN;
    let offered = 0;
    let within = 0;
    for (const b of q.buckets) {
      if (b.minute <= fromMinute) continue;
      offered += b.offered;
      within += b.withinSl;
    }
    return {
      skillId,
      queueSize: q.waiting.length,
      longestWaitS: oldest ? Math.max(0, Math.floor((now - oldest.arrivedAt) / 1000)) : 0,
      oldestArrivedAt: oldest?.arrivedAt ?? null,
      oldestCallId: oldest?.id ?? null,
      loggedOnAgents: loggedOn,
      availAgents: avail,
      serviceLevel: offered === 0 ? 100 : Math.round((within / offered) * 100),
    };
  }

  // ---- control: changes made "now" by the control API ----

  /** Sets a Table-1 status now and pins the agent there until released or signed in again. */
  setState(workno: string, status: number, reason: number, now: number): AgentRuntime | undefined {
    const a = this.byWorkno.get(workno);
    if (!a) return undefined;
    this.advanceTo(now);
    if (status === 2) {
      this.signOutAgent(a, now, true);
      return a;
    }
    if (!a.signedIn) {
      a.signedIn = true;
      a.loginDate = now;
    }
    this.leaveCall(a);
    this.setWire(a, status, CTI_FOR_STATUS[status] ?? 1, reason, now, true);
    a.phase = 'held';
    a.phaseEndsAt = Infinity;
    a.preRestAt = Infinity;
    return a;
  }

  signOut(workno: string, now: number): AgentRuntime | undefined {
    const a = this.byWorkno.get(workno);
    if (!a) return undefined;
    this.advanceTo(now);
    this.signOutAgent(a, now, true);
    return a;
  }

  signIn(workno: string, now: number): AgentRuntime | undefined {
    const a = this.byWorkno.get(workno);
    if (!a) return undefined;
    this.advanceTo(now);
    if (a.signedIn) this.leaveCall(a);
    this.signInAgent(a, now);
    return a;
  }

  /** Hands a pinned agent back to the engine (idle now). */
  release(workno: string, now: number): AgentRuntime | undefined {
    const a = this.byWorkno.get(workno);
    if (!a) return undefined;
    this.advanceTo(now);
    if (this.isStatic || !a.signedIn) return a;
    if (a.phase === 'held') this.enterIdle(a, now);
    return a;
  }

  /** Moves a share of the signed-in agents to another state right now. */
  churn(fraction: number, now: number): string[] {
    this.advanceTo(now);
    const online = this.agentList.filter((a) => a.signedIn);
    let count = Math.round(online.length * fraction);
    if (fraction > 0 && count === 0 && online.length > 0) count = 1;
    // Which agents change comes from the control stream, so a churn does not reshuffle the
    // engine's own draws for everyone else.
    const pool = [...online];
    const chosen: AgentRuntime[] = [];
    for (let i = 0; i < count && pool.length > 0; i += 1) {
      const j = Math.floor(this.controlRng.next() * pool.length);
      const [a] = pool.splice(j, 1);
      if (a) chosen.push(a);
    }
    chosen.sort((x, y) => x.index - y.index);
    for (const a of chosen) {
      const options = [4, 7, 5, 3, 8].filter((s) => s !== a.status);
      const status = options[Math.floor(this.controlRng.next() * options.length)] ?? 4;
      this.leaveCall(a);
      if (this.isStatic) {
        const reason = status === 3 ? 1 : status === 8 ? 4 : 0;
        this.setWire(a, status, CTI_FOR_STATUS[status] ?? 1, reason, now, true);
        a.phase = 'held';
        continue;
      }
      if (status === 4) this.enterIdle(a, now, true);
      else if (status === 7) this.enterTalking(a, now, this.someSkillOf(a), true);
      else if (status === 5) this.enterWrap(a, now, this.someSkillOf(a), true);
      else if (status === 3) this.enterBusy(a, now, true);
      else this.enterRest(a, now, true);
    }
    return chosen.map((a) => a.def.workno);
  }

  // ---- the simulation ----

  private initialise(): void {
    const fixed = this.scenario.fixed;
    const t = this.startMs;
    if (fixed) {
      for (const a of this.agentList) {
        const f = fixed[a.def.workno];
        if (!f) continue;
        a.signedIn = f.status !== 2;
        a.status = f.status;
        a.ctiStatus = f.ctiStatus;
        a.reason = f.reason;
        a.stateSince = t - f.currentstatetime * 1000;
        a.loginDate = a.signedIn ? f.logindate : null;
        a.phase = a.signedIn ? 'held' : 'signedout';
      }
      return;
    }
    const r = this.rng;
    for (const a of this.agentList) {
      if (r.chance(0.12)) {
        a.stateSince = t - Math.round(r.range(60, 3 * 3600)) * 1000;
        a.nextSignInAt = t + Math.round(r.range(60, 45 * 60)) * 1000;
        continue;
      }
      a.signedIn = true;
      a.loginDate = t - Math.round(r.range(5 * 60, 6 * 3600)) * 1000;
      a.shiftEndsAt = t + Math.round(r.range(20 * 60, 8 * 3600)) * 1000;
      const u = r.next();
      const skill = this.someSkillOf(a);
      if (u < 0.3 || skill === null) this.enterIdle(a, t);
      else if (u < 0.7) this.enterTalking(a, t, skill);
      else if (u < 0.8) this.enterWrap(a, t, skill);
      else if (u < 0.88) this.enterBusy(a, t);
      else this.enterRest(a, t);
      // Start part-way through the state, but never before the sign-in.
      const elapsed = Math.min(Math.max(0, a.phaseEndsAt - t) * r.next(), t - (a.loginDate ?? t));
      const back = Math.floor(elapsed / 1000) * 1000;
      a.stateSince -= back;
      a.phaseEndsAt -= back;
      a.rev += 1;
    }
  }

  private step(t: number): void {
    const r = this.rng;
    // 1. Agents, in roster order so the random stream is consumed identically on every replay.
    for (const a of this.agentList) {
      if (a.phase === 'held') continue;
      if (!a.signedIn) {
        if (a.nextSignInAt <= t) this.signInAgent(a, t);
        continue;
      }
      if (a.preRestAt <= t && a.phase === 'talking') {
        a.preRestAt = Infinity;
        this.setWire(a, 9, 5, 0, t);
      }
      if (a.phaseEndsAt > t) continue;
      switch (a.phase) {
        case 'ringing':
          this.enterTalking(a, t, a.callSkill);
          break;
        case 'talking':
          if (a.status === 9) this.enterRest(a, t);
          else this.enterWrap(a, t, a.callSkill);
          break;
        case 'wrapup':
        case 'busy':
        case 'rest':
          if (a.shiftEndsAt <= t) this.signOutAgent(a, t, false);
          else this.enterIdle(a, t);
          break;
        case 'idle':
          if (a.shiftEndsAt <= t) this.signOutAgent(a, t, false);
          else if (r.chance(0.6)) this.enterBusy(a, t);
          else this.enterRest(a, t);
          break;
        default:
          break;
      }
    }
    // 2. Arrivals and abandons.
    const load = loadFactor(t);
    const minute = Math.floor(t / 60_000);
    for (const q of this.queueList) {
      const mean = ((q.def.baseRatePerHour * load) / 3600) * (STEP_MS / 1000);
      const n = r.poisson(mean);
      for (let i = 0; i < n; i += 1) {
        if (q.waiting.length >= q.def.maxQueueSize) {
          this.record(q, minute, false);
          continue;
        }
        const patience = Math.max(5, r.exp(q.def.meanPatienceS));
        q.waiting.push({ id: this.nextCallId++, arrivedAt: t, abandonAt: t + patience * 1000 });
      }
      if (q.waiting.some((c) => c.abandonAt <= t)) {
        q.waiting = q.waiting.filter((c) => {
          if (c.abandonAt > t) return true;
          this.record(q, minute, false);
          return false;
        });
      }
    }
    // 3. ACD: oldest waiting call first, to the agent of its skill idle the longest.
    const busyQueues = this.queueList.filter((q) => q.waiting.length > 0);
    busyQueues.sort(
      (x, y) =>
        (x.waiting[0]?.arrivedAt ?? 0) - (y.waiting[0]?.arrivedAt ?? 0) || x.def.id - y.def.id,
    );
    for (const q of busyQueues) {
      const idle = q.members.filter(
        (a) => a.signedIn && a.phase === 'idle' && (q.webm ? a.webm : a.voice),
      );
      if (idle.length === 0) continue;
      idle.sort((x, y) => x.stateSince - y.stateSince || x.index - y.index);
      for (const a of idle) {
        const call = q.waiting.shift();
        if (!call) break;
        this.record(q, minute, (t - call.arrivedAt) / 1000 <= SERVICE_LEVEL_S);
        this.enterRinging(a, t, q.def.id);
      }
    }
  }

  private record(q: QueueRuntime, minute: number, withinSl: boolean): void {
    let b = q.buckets[q.buckets.length - 1];
    if (!b || b.minute !== minute) {
      b = { minute, offered: 0, withinSl: 0 };
      q.buckets.push(b);
      if (q.buckets.length > SERVICE_WINDOW_MIN + 1) q.buckets.shift();
    }
    b.offered += 1;
    if (withinSl) b.withinSl += 1;
  }

  private someSkillOf(a: AgentRuntime): number | null {
    const usable = a.def.skills.filter((id) => {
      const q = this.bySkill.get(id);
      return q !== undefined && (q.webm ? a.webm : a.voice);
    });
    if (usable.length === 0) return null;
    return usable[Math.floor(this.rng.next() * usable.length)] ?? null;
  }

  /** Writes the wire state; `currentstatetime` restarts only when something visible changes. */
  private setWire(
    a: AgentRuntime,
    status: number,
    cti: number,
    reason: number,
    t: number,
    force = false,
  ): void {
    if (force || a.status !== status || a.ctiStatus !== cti || a.reason !== reason) {
      a.stateSince = t;
    }
    a.status = status;
    a.ctiStatus = cti;
    a.reason = reason;
    a.rev += 1;
  }

  private leaveCall(a: AgentRuntime): void {
    a.callSkill = null;
    a.preRestAt = Infinity;
  }

  private skillDef(id: number | null): SkillDef | undefined {
    return id === null ? undefined : this.bySkill.get(id)?.def;
  }

  private enterIdle(a: AgentRuntime, t: number, force = false): void {
    a.phase = 'idle';
    a.callSkill = null;
    // Next spontaneous break (said busy or rest) if no call comes first.
    a.phaseEndsAt = t + Math.max(60, this.rng.exp(50 * 60)) * 1000;
    this.setWire(a, 4, 1, 0, t, force);
  }

  private enterRinging(a: AgentRuntime, t: number, skillId: number): void {
    const q = this.bySkill.get(skillId);
    a.phase = 'ringing';
    a.callSkill = skillId;
    a.phaseEndsAt = t + (q?.webm ? this.rng.int(1, 3) : this.rng.int(2, 8)) * 1000;
    this.setWire(a, 7, 4, 0, t);
  }

  private enterTalking(a: AgentRuntime, t: number, skillId: number | null, force = false): void {
    const def = this.skillDef(skillId);
    const mean = def?.meanHandleS ?? 240;
    a.phase = 'talking';
    a.callSkill = skillId;
    // Handling times are skewed: many short calls, a long tail.
    const handle = mean * 0.3 + this.rng.exp(mean * 0.7);
    a.phaseEndsAt = t + Math.round(handle) * 1000;
    a.preRestAt = this.rng.chance(0.04)
      ? t + Math.round(this.rng.range(0, handle)) * 1000
      : Infinity;
    this.setWire(a, 7, 5, 0, t, force);
  }

  private enterWrap(a: AgentRuntime, t: number, skillId: number | null, force = false): void {
    const def = this.skillDef(skillId);
    const mean = def?.meanWrapS ?? 30;
    a.phase = 'wrapup';
    a.callSkill = null;
    a.preRestAt = Infinity;
    a.phaseEndsAt = t + Math.round(Math.max(3, mean * 0.4 + this.rng.exp(mean * 0.6))) * 1000;
    this.setWire(a, 5, 6, 0, t, force);
  }

  private enterBusy(a: AgentRuntime, t: number, force = false): void {
    a.phase = 'busy';
    a.callSkill = null;
    a.phaseEndsAt = t + Math.round(30 + this.rng.exp(240)) * 1000;
    // Reason 1 is the plain "said busy"; 200-250 are the VDN's custom busy reasons.
    const reason = this.rng.chance(0.5) ? 1 : this.rng.int(200, 250);
    this.setWire(a, 3, 7, reason, t, force);
  }

  private enterRest(a: AgentRuntime, t: number, force = false): void {
    a.phase = 'rest';
    a.callSkill = null;
    a.preRestAt = Infinity;
    const total = REST_REASONS.reduce((s, x) => s + x.weight, 0);
    let u = this.rng.next() * total;
    let pick = REST_REASONS[0] ?? { code: 4, meanS: 600, weight: 1 };
    for (const reason of REST_REASONS) {
      u -= reason.weight;
      if (u < 0) {
        pick = reason;
        break;
      }
    }
    a.phaseEndsAt = t + Math.round(pick.meanS * 0.5 + this.rng.exp(pick.meanS * 0.5)) * 1000;
    this.setWire(a, 8, 8, pick.code, t, force);
  }

  private signInAgent(a: AgentRuntime, t: number): void {
    a.signedIn = true;
    a.loginDate = t;
    a.nextSignInAt = Infinity;
    if (this.isStatic) {
      this.setWire(a, 4, 1, 0, t, true);
      a.phase = 'held';
      return;
    }
    a.shiftEndsAt = t + Math.round(this.rng.range(4 * 3600, 9 * 3600)) * 1000;
    this.enterIdle(a, t, true);
  }

  private signOutAgent(a: AgentRuntime, t: number, byControl: boolean): void {
    this.leaveCall(a);
    a.signedIn = false;
    a.loginDate = null;
    a.phaseEndsAt = Infinity;
    a.shiftEndsAt = Infinity;
    // Signed out by the control API: stays out until signed in again through it.
    a.phase = byControl ? 'held' : 'signedout';
    a.nextSignInAt =
      byControl || this.isStatic
        ? Infinity
        : t + Math.round(this.rng.range(20 * 60, 2 * 3600)) * 1000;
    this.setWire(a, 2, 0, 0, t, true);
  }
}
