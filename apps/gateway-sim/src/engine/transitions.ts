// How one agent moves between states: each `enter*` draws the state's duration (and reason) when
// the state starts, so a step only touches agents whose state ends. All draws come from the
// engine's stream, in the order the engine calls these, which keeps a seed replayable.
import type { Rng } from './prng';
import { BUSY_REASONS, REST_REASONS, pickReason } from './reasons';
import { canServe, type AgentRuntime, type QueueRuntime } from './runtime';

export class AgentTransitions {
  constructor(
    private readonly rng: Rng,
    private readonly bySkill: ReadonlyMap<number, QueueRuntime>,
    private readonly isStatic: boolean,
  ) {}

  /** A skill of the agent it can take calls of (right media server), drawn at random. */
  someSkillOf(a: AgentRuntime): number | null {
    const usable = a.def.skills.filter((id) => {
      const q = this.bySkill.get(id);
      return q !== undefined && canServe(q, a);
    });
    if (usable.length === 0) return null;
    return usable[Math.floor(this.rng.next() * usable.length)] ?? null;
  }

  /** Writes the wire state; `currentstatetime` restarts only when something visible changes. */
  setWire(a: AgentRuntime, status: number, cti: number, reason: number, t: number, force = false) {
    if (force || a.status !== status || a.ctiStatus !== cti || a.reason !== reason) {
      a.stateSince = t;
    }
    a.status = status;
    a.ctiStatus = cti;
    a.reason = reason;
    a.rev += 1;
  }

  leaveCall(a: AgentRuntime): void {
    a.callSkill = null;
    a.preRestAt = Infinity;
  }

  enterIdle(a: AgentRuntime, t: number, force = false): void {
    a.phase = 'idle';
    a.callSkill = null;
    // Next spontaneous break (said busy or rest) if no call comes first.
    a.phaseEndsAt = t + Math.max(60, this.rng.exp(50 * 60)) * 1000;
    this.setWire(a, 4, 1, 0, t, force);
  }

  enterRinging(a: AgentRuntime, t: number, skillId: number): void {
    const q = this.bySkill.get(skillId);
    a.phase = 'ringing';
    a.callSkill = skillId;
    a.phaseEndsAt = t + (q?.webm ? this.rng.int(1, 3) : this.rng.int(2, 8)) * 1000;
    this.setWire(a, 7, 4, 0, t);
  }

  enterTalking(a: AgentRuntime, t: number, skillId: number | null, force = false): void {
    const def = skillId === null ? undefined : this.bySkill.get(skillId)?.def;
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

  enterWrap(a: AgentRuntime, t: number, skillId: number | null, force = false): void {
    const def = skillId === null ? undefined : this.bySkill.get(skillId)?.def;
    const mean = def?.meanWrapS ?? 30;
    a.phase = 'wrapup';
    a.callSkill = null;
    a.preRestAt = Infinity;
    a.phaseEndsAt = t + Math.round(Math.max(3, mean * 0.4 + this.rng.exp(mean * 0.6))) * 1000;
    this.setWire(a, 5, 6, 0, t, force);
  }

  enterBusy(a: AgentRuntime, t: number, force = false): void {
    a.phase = 'busy';
    a.callSkill = null;
    const reason = pickReason(BUSY_REASONS, this.rng.next());
    a.phaseEndsAt = t + Math.round(reason.meanS * 0.2 + this.rng.exp(reason.meanS * 0.8)) * 1000;
    this.setWire(a, 3, 7, reason.code, t, force);
  }

  enterRest(a: AgentRuntime, t: number, force = false): void {
    a.phase = 'rest';
    a.callSkill = null;
    a.preRestAt = Infinity;
    const reason = pickReason(REST_REASONS, this.rng.next());
    a.phaseEndsAt = t + Math.round(reason.meanS * 0.5 + this.rng.exp(reason.meanS * 0.5)) * 1000;
    this.setWire(a, 8, 8, reason.code, t, force);
  }

  /** Pre-rest: rest asked for during a call; status 9 while the call goes on. */
  enterPreRest(a: AgentRuntime, t: number): void {
    a.preRestAt = Infinity;
    this.setWire(a, 9, 5, 0, t);
  }

  signIn(a: AgentRuntime, t: number): void {
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

  /** Signed out by the control API, the agent stays out until signed in again through it. */
  signOut(a: AgentRuntime, t: number, byControl: boolean): void {
    this.leaveCall(a);
    a.signedIn = false;
    a.loginDate = null;
    a.phaseEndsAt = Infinity;
    a.shiftEndsAt = Infinity;
    a.phase = byControl ? 'held' : 'signedout';
    a.nextSignInAt =
      byControl || this.isStatic
        ? Infinity
        : t + Math.round(this.rng.range(20 * 60, 2 * 3600)) * 1000;
    this.setWire(a, 2, 0, 0, t, true);
  }

  /** Pins a Table-1 state now; the engine leaves the agent there until released. */
  hold(a: AgentRuntime, status: number, cti: number, reason: number, t: number): void {
    this.leaveCall(a);
    this.setWire(a, status, cti, reason, t, true);
    a.phase = 'held';
    a.phaseEndsAt = Infinity;
  }
}
