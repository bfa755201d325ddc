// The engine's mutable state of agents and queues, shared by its parts (transitions, ACD, engine).
import type { AgentDef, SkillDef } from './types';

export const STEP_MS = 1000;

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
export const WEBM_MEDIA: ReadonlySet<number> = new Set([1, 6, 51, 53]);

export type Phase =
  | 'signedout'
  | 'idle'
  | 'ringing'
  | 'talking'
  | 'wrapup'
  | 'busy'
  | 'rest'
  /** Pinned by the control API or a scenario: the engine leaves it alone. */
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

export interface WaitingCall {
  id: number;
  arrivedAt: number;
  abandonAt: number;
}

export interface MinuteBucket {
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

export function newAgentRuntime(def: AgentDef, index: number, startMs: number): AgentRuntime {
  const media = def.mediatype.toUpperCase();
  return {
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
}

export function newQueueRuntime(def: SkillDef): QueueRuntime {
  return { def, members: [], webm: WEBM_MEDIA.has(def.mediaType), waiting: [], buckets: [] };
}

/** Whether the agent is signed in to the media server this queue's calls come through. */
export function canServe(q: QueueRuntime, a: AgentRuntime): boolean {
  return q.webm ? a.webm : a.voice;
}
