// Static description of a contact centre: what a scenario builds and the engine runs.

export interface SkillDef {
  id: number;
  name: string;
  /** `skillMediaType` (REFERENCE §3.4): 5 voice, 19 video, 53 social chat, 6 email, ... */
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
  maxQueueSize: number;
  serviceType: number;
}

export interface AgentDef {
  workno: string;
  name: string;
  phonenumber: string;
  groupid: number;
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

export interface ScenarioDef {
  name: string;
  vdnid: number;
  skills: SkillDef[];
  agents: AgentDef[];
  /** When set, the engine never changes agents by itself (the documented example stays put). */
  fixed?: Record<string, FixedAgentState>;
}
