// The contact-centre engine: agents moving through their states (transitions.ts), queues and the
// ACD (acd.ts), shifts, and the control API's changes. It advances lazily in fixed steps up to
// the clock of each request, so its state depends only on (scenario, seed, clock), never on
// timer jitter (docs/decisions/0002-simulator-engine.md).
import { Acd, queueStats, type QueueStats } from './acd';
import { loadFactor } from './load-curve';
import { deriveSeed, mulberry32, type Rng } from './prng';
import {
  CTI_FOR_STATUS,
  STEP_MS,
  newAgentRuntime,
  newQueueRuntime,
  type AgentRuntime,
  type QueueRuntime,
} from './runtime';
import { AgentTransitions } from './transitions';
import type { ScenarioDef } from './types';

export { CTI_FOR_STATUS, STEP_MS, type AgentRuntime, type QueueRuntime, type QueueStats };

/** Beyond this gap the engine starts afresh an hour before now instead of replaying every step. */
const MAX_CATCH_UP_MS = 24 * 3_600_000;

export class ContactCentreEngine {
  readonly scenario: ScenarioDef;
  readonly seed: number;
  readonly startMs: number;
  /** A frozen floor keeps every state (times in state still count up); control changes apply. */
  frozen = false;
  private simTime: number;
  private readonly rng: Rng;
  private readonly controlRng: Rng;
  private readonly agentList: AgentRuntime[];
  private readonly byWorkno = new Map<string, AgentRuntime>();
  private readonly queueList: QueueRuntime[];
  private readonly bySkill = new Map<number, QueueRuntime>();
  private readonly isStatic: boolean;
  private readonly moves: AgentTransitions;
  private readonly acd: Acd;

  constructor(scenario: ScenarioDef, seed: number, startMs: number) {
    this.scenario = scenario;
    this.seed = seed;
    this.startMs = startMs;
    this.simTime = startMs;
    this.rng = mulberry32(deriveSeed(seed, 1));
    this.controlRng = mulberry32(deriveSeed(seed, 2));
    this.isStatic = scenario.fixed !== undefined;
    this.queueList = scenario.skills.map(newQueueRuntime);
    for (const q of this.queueList) this.bySkill.set(q.def.id, q);
    this.agentList = scenario.agents.map((def, index) => {
      const agent = newAgentRuntime(def, index, startMs);
      this.byWorkno.set(def.workno, agent);
      for (const skillId of def.skills) this.bySkill.get(skillId)?.members.push(agent);
      return agent;
    });
    this.moves = new AgentTransitions(this.rng, this.bySkill, this.isStatic);
    this.acd = new Acd(this.rng, this.queueList, this.moves);
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
    if (this.frozen) {
      // Time passes without steps, so thawing does not replay the frozen span.
      if (now > this.simTime) this.simTime += Math.floor((now - this.simTime) / STEP_MS) * STEP_MS;
      return;
    }
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
    return q ? queueStats(q, now) : undefined;
  }

  // ---- control: changes made "now" by the control API ----

  /** Sets a Table-1 status now and pins the agent there until released or signed in again. */
  setState(workno: string, status: number, reason: number, now: number): AgentRuntime | undefined {
    const a = this.byWorkno.get(workno);
    if (!a) return undefined;
    this.advanceTo(now);
    if (status === 2) {
      this.moves.signOut(a, now, true);
      return a;
    }
    if (!a.signedIn) {
      a.signedIn = true;
      a.loginDate = now;
    }
    this.moves.hold(a, status, CTI_FOR_STATUS[status] ?? 1, reason, now);
    return a;
  }

  signOut(workno: string, now: number): AgentRuntime | undefined {
    const a = this.byWorkno.get(workno);
    if (!a) return undefined;
    this.advanceTo(now);
    this.moves.signOut(a, now, true);
    return a;
  }

  signIn(workno: string, now: number): AgentRuntime | undefined {
    const a = this.byWorkno.get(workno);
    if (!a) return undefined;
    this.advanceTo(now);
    if (a.signedIn) this.moves.leaveCall(a);
    this.moves.signIn(a, now);
    return a;
  }

  /** Hands a pinned agent back to the engine (idle now). */
  release(workno: string, now: number): AgentRuntime | undefined {
    const a = this.byWorkno.get(workno);
    if (!a) return undefined;
    this.advanceTo(now);
    if (this.isStatic || !a.signedIn) return a;
    if (a.phase === 'held') {
      // A pinned agent may never have been given a shift (stuck from the start).
      if (a.shiftEndsAt === Infinity)
        a.shiftEndsAt = now + Math.round(this.rng.range(3600, 4 * 3600)) * 1000;
      this.moves.enterIdle(a, now);
    }
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
      this.moves.leaveCall(a);
      if (this.isStatic || this.frozen) {
        const reason = status === 3 ? 1 : status === 8 ? 11 : 0;
        this.moves.hold(a, status, CTI_FOR_STATUS[status] ?? 1, reason, now);
        continue;
      }
      if (status === 4) this.moves.enterIdle(a, now, true);
      else if (status === 7) this.moves.enterTalking(a, now, this.moves.someSkillOf(a), true);
      else if (status === 5) this.moves.enterWrap(a, now, this.moves.someSkillOf(a), true);
      else if (status === 3) this.moves.enterBusy(a, now, true);
      else this.moves.enterRest(a, now, true);
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
    const moves = this.moves;
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
      const skill = moves.someSkillOf(a);
      if (u < 0.3 || skill === null) moves.enterIdle(a, t);
      else if (u < 0.7) moves.enterTalking(a, t, skill);
      else if (u < 0.8) moves.enterWrap(a, t, skill);
      else if (u < 0.88) moves.enterBusy(a, t);
      else moves.enterRest(a, t);
      // Start part-way through the state, but never before the sign-in.
      const elapsed = Math.min(Math.max(0, a.phaseEndsAt - t) * r.next(), t - (a.loginDate ?? t));
      const back = Math.floor(elapsed / 1000) * 1000;
      a.stateSince -= back;
      a.phaseEndsAt -= back;
      a.rev += 1;
    }
    // After the draws above, so a stuck agent does not shift anybody else's.
    for (const s of this.scenario.stuck ?? []) {
      const a = this.byWorkno.get(s.workno);
      if (!a) continue;
      const since = t - s.sinceS * 1000;
      a.signedIn = true;
      a.loginDate = Math.min(a.loginDate ?? since, since - 3_600_000);
      a.shiftEndsAt = Infinity;
      a.nextSignInAt = Infinity;
      moves.hold(a, s.status, CTI_FOR_STATUS[s.status] ?? 1, s.reason, since);
    }
  }

  private step(t: number): void {
    const r = this.rng;
    const moves = this.moves;
    // 1. Agents, in roster order so the random stream is consumed identically on every replay.
    for (const a of this.agentList) {
      if (a.phase === 'held') continue;
      if (!a.signedIn) {
        if (a.nextSignInAt <= t) moves.signIn(a, t);
        continue;
      }
      if (a.preRestAt <= t && a.phase === 'talking') moves.enterPreRest(a, t);
      if (a.phaseEndsAt > t) continue;
      switch (a.phase) {
        case 'ringing':
          moves.enterTalking(a, t, a.callSkill);
          break;
        case 'talking':
          if (a.status === 9) moves.enterRest(a, t);
          else moves.enterWrap(a, t, a.callSkill);
          break;
        case 'wrapup':
        case 'busy':
        case 'rest':
          if (a.shiftEndsAt <= t) moves.signOut(a, t, false);
          else moves.enterIdle(a, t);
          break;
        case 'idle':
          if (a.shiftEndsAt <= t) moves.signOut(a, t, false);
          else if (r.chance(0.6)) moves.enterBusy(a, t);
          else moves.enterRest(a, t);
          break;
        default:
          break;
      }
    }
    // 2. Arrivals and abandons, then 3. the ACD.
    this.acd.arrivals(t, this.scenario.loadCurve === 'flat' ? 1 : loadFactor(t));
    this.acd.dispatch(t);
  }
}
