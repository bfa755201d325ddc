// Static description of a contact centre: what a scenario builds and the engine runs.

/** The gateway's "none" for 16-bit and 8-bit fields (docs/gateway.md §Queue statistics). */
export const NONE_16 = 65535;
export const NONE_8 = 255;

export interface SkillDef {
  id: number;
  name: string;
  /** `skillMediaType` (docs/gateway.md §Media and reason codes): 5 voice, 19 video, 53 chat, 6 email. */
  mediaType: number;
  pilotNbr: string;
  /** Calls per hour at load factor 1; 0 for a queue that never receives anything. */
  baseRatePerHour: number;
  /** Mean handling (talk / chat) time in seconds. */
  meanHandleS: number;
  /** Mean after-call work in seconds. */
  meanWrapS: number;
  /** Mean patience of a waiting customer in seconds before abandoning. */
  meanPatienceS: number;
  /** Calls the queue holds before it turns new ones away; 65535 = no limit (the "none" sentinel). */
  maxQueueSize: number;
  serviceType: number;
}

export interface AgentDef {
  workno: string;
  name: string;
  phonenumber: string;
  groupid: number;
  /** The team's name; null (or left out) as in the documented example (the `seed` scenario). */
  groupname?: string | null;
  /** Skill ids the agent is in; it is listed under each one while signed in. */
  skills: number[];
  /** T/F triple: CTI (voice/video), WebM (chat), MailM. */
  mediatype: string;
}

/** Fixed initial state, used by the static `seed` scenario. */
export interface FixedAgentState {
  status: number;
  ctiStatus: number;
  reason: number;
  /** Seconds already spent in the state when the scenario starts. */
  currentstatetime: number;
  logindate: number;
}

/** An agent the scenario pins in one state from before the start (e.g. stuck in wrap-up). */
export interface StuckAgent {
  workno: string;
  status: number;
  reason: number;
  /** Seconds already spent in the state when the engine starts. */
  sinceS: number;
}

export interface ScenarioDef {
  name: string;
  vdnid: number;
  skills: SkillDef[];
  agents: AgentDef[];
  /** When set, the engine never changes agents by itself (the documented example stays put). */
  fixed?: Record<string, FixedAgentState>;
  /** `daily` (default) follows the load curve of the UTC hour; `flat` keeps load factor 1. */
  loadCurve?: 'daily' | 'flat';
  /** Agents held in one state from the start until the control API releases them. */
  stuck?: StuckAgent[];
}
