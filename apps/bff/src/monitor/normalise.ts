// Gateway skill objects → one contracts Agent per workno and one queue core per skill.
// Built for 10,000 agents every poll: no deep-equal, field comparisons against the previous
// object, and the previous object itself is reused when nothing changed so the diff is a
// reference comparison.
import {
  AGENT_STATES,
  epochMsOrNull,
  parseMediaTriple,
  stateFromStatus,
  type AgentState,
  type GatewayAgent,
  type GatewaySkill,
} from '@floorwatch/contracts/gateway';
import type { Agent, Queue, StateCounts } from '@floorwatch/contracts/api';

/** currentstatetime is whole seconds and our fetch time includes the transfer, so the derived
 *  start of a state wobbles by a second or two; only a larger move means the state was left and
 *  re-entered between two polls. */
export const STATE_SINCE_TOLERANCE_MS = 4000;

/** What allonlineagents tells about a queue; name and queue depth come from other calls. */
export interface QueueCore {
  skillId: number;
  mediaType: number;
  agents: string[];
  counts: StateCounts;
}

export interface NormaliseResult {
  agents: Map<string, Agent>;
  queues: Map<number, QueueCore>;
}

export function emptyCounts(): StateCounts {
  const counts = {} as Record<AgentState, number>;
  for (const s of AGENT_STATES) counts[s] = 0;
  return counts;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function sameAgent(a: Agent, b: Agent): boolean {
  return (
    a.workno === b.workno &&
    a.name === b.name &&
    a.state === b.state &&
    a.status === b.status &&
    a.ctiStatus === b.ctiStatus &&
    a.stateSince === b.stateSince &&
    a.loginAt === b.loginAt &&
    a.media.voice === b.media.voice &&
    a.media.chat === b.media.chat &&
    a.media.email === b.media.email &&
    a.vdnId === b.vdnId &&
    a.groupId === b.groupId &&
    a.phone === b.phone &&
    a.reason === b.reason &&
    sameNumbers(a.skills, b.skills)
  );
}

export function sameCounts(a: StateCounts, b: StateCounts): boolean {
  for (const s of AGENT_STATES) if (a[s] !== b[s]) return false;
  return true;
}

export function sameQueue(a: Queue, b: Queue): boolean {
  return (
    a.skillId === b.skillId &&
    a.name === b.name &&
    a.mediaType === b.mediaType &&
    a.waiting === b.waiting &&
    a.longestWaitSec === b.longestWaitSec &&
    sameStrings(a.agents, b.agents) &&
    sameCounts(a.counts, b.counts)
  );
}

/** Start of the current state on our clock, kept stable while the state holds. */
export function stateSinceFor(
  raw: GatewayAgent,
  fetchedAt: number,
  prev: Agent | undefined,
): number {
  const computed = fetchedAt - Math.max(0, raw.currentstatetime) * 1000;
  if (
    prev &&
    prev.status === raw.status &&
    prev.ctiStatus === raw.ctiStatus &&
    prev.reason === raw.currentStateReason &&
    Math.abs(computed - prev.stateSince) <= STATE_SINCE_TOLERANCE_MS
  ) {
    return prev.stateSince;
  }
  return computed;
}

function toAgent(
  raw: GatewayAgent,
  skills: number[],
  fetchedAt: number,
  prev: Agent | undefined,
): Agent {
  const next: Agent = {
    workno: raw.workno,
    name: raw.name,
    state: stateFromStatus(raw.status),
    status: raw.status,
    ctiStatus: raw.ctiStatus,
    stateSince: stateSinceFor(raw, fetchedAt, prev),
    loginAt: epochMsOrNull(raw.logindate),
    media: parseMediaTriple(raw.mediatype),
    vdnId: raw.vdnid,
    groupId: raw.groupid,
    phone: raw.phonenumber,
    reason: raw.currentStateReason,
    skills,
  };
  return prev && sameAgent(prev, next) ? prev : next;
}

/**
 * De-duplicates agents by workno (one agent appears under every skill it is signed in to) and
 * counts each queue's members by state. An agent's own fields are taken from its first
 * appearance; the gateway sends the same values under every skill.
 */
export function normalise(
  skills: readonly GatewaySkill[],
  fetchedAt: number,
  prevAgents: ReadonlyMap<string, Agent>,
): NormaliseResult {
  const firstSeen = new Map<string, { raw: GatewayAgent; skills: number[] }>();
  const members = new Map<number, { mediaType: number; worknos: Set<string> }>();
  for (const skill of skills) {
    let m = members.get(skill.skillId);
    if (!m) {
      m = { mediaType: skill.skillMediaType, worknos: new Set() };
      members.set(skill.skillId, m);
    }
    for (const raw of skill.agent) {
      m.worknos.add(raw.workno);
      const seen = firstSeen.get(raw.workno);
      if (seen) {
        if (!seen.skills.includes(skill.skillId)) seen.skills.push(skill.skillId);
      } else {
        firstSeen.set(raw.workno, { raw, skills: [skill.skillId] });
      }
    }
  }

  const agents = new Map<string, Agent>();
  for (const [workno, seen] of firstSeen) {
    seen.skills.sort((a, b) => a - b);
    agents.set(workno, toAgent(seen.raw, seen.skills, fetchedAt, prevAgents.get(workno)));
  }

  const queues = new Map<number, QueueCore>();
  for (const [skillId, m] of members) {
    const worknos = [...m.worknos].sort();
    const counts = emptyCounts();
    for (const w of worknos) {
      const a = agents.get(w);
      if (a) counts[a.state] += 1;
    }
    queues.set(skillId, { skillId, mediaType: m.mediaType, agents: worknos, counts });
  }
  return { agents, queues };
}

export interface QueueExtras {
  name: string | undefined;
  /** From agentvdnskill when the queue has no signed-in agent (so no skillMediaType). */
  vdnMediaType: number | undefined;
  waiting: number | null;
  longestWaitSec: number | null;
}

/** The full contracts Queue, reusing `prev` when nothing changed. */
export function toQueue(
  skillId: number,
  core: QueueCore | undefined,
  extras: QueueExtras,
  prev: Queue | undefined,
): Queue {
  const next: Queue = {
    skillId,
    name: extras.name && extras.name.length > 0 ? extras.name : `Skill ${skillId}`,
    mediaType: core?.mediaType ?? extras.vdnMediaType ?? 0,
    agents: core?.agents ?? [],
    counts: core?.counts ?? emptyCounts(),
    waiting: extras.waiting,
    longestWaitSec: extras.longestWaitSec,
  };
  return prev && sameQueue(prev, next) ? prev : next;
}
