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
import {
  sameNumbers,
  sameQueue,
  type Agent,
  type Queue,
  type StateCounts,
} from '@floorwatch/contracts/api';

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

/** Start of the current state on our clock as this answer tells it. */
export function stateStart(currentstatetime: number, fetchedAt: number): number {
  return fetchedAt - Math.max(0, currentstatetime) * 1000;
}

/** Two derived starts of a state that held in between are the same start. */
export function sameStateStart(computed: number, stateSince: number): boolean {
  return Math.abs(computed - stateSince) <= STATE_SINCE_TOLERANCE_MS;
}

/** Start of the current state on our clock, kept stable while the state holds. */
export function stateSinceFor(
  raw: GatewayAgent,
  fetchedAt: number,
  prev: Agent | undefined,
): number {
  const computed = stateStart(raw.currentstatetime, fetchedAt);
  if (
    prev &&
    prev.status === raw.status &&
    prev.ctiStatus === raw.ctiStatus &&
    prev.reason === raw.currentStateReason &&
    sameStateStart(computed, prev.stateSince)
  ) {
    return prev.stateSince;
  }
  return computed;
}

const T_UPPER = 84; // 'T'
const T_LOWER = 116; // 't'

function flag(triple: string, i: number): boolean {
  const c = triple.charCodeAt(i);
  return c === T_UPPER || c === T_LOWER;
}

/** parseMediaTriple semantics without allocating (this runs for every agent every poll). */
function sameMedia(media: Agent['media'], triple: string): boolean {
  return (
    media.voice === flag(triple, 0) &&
    media.chat === flag(triple, 1) &&
    media.email === flag(triple, 2)
  );
}

/** Insertion sort: an agent's skill list is short and usually already in order (the gateway
 *  lists skills by id), where this is one pass; Array#sort has a fixed cost per call that adds
 *  up over 10,000 agents. */
function sortSmall(a: number[]): void {
  for (let i = 1; i < a.length; i++) {
    const v = a[i] as number;
    let j = i - 1;
    while (j >= 0 && (a[j] as number) > v) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = v;
  }
}

/** The API agent of a raw record: `prev` itself when nothing the API shows changed. */
export function toAgent(
  raw: GatewayAgent,
  skills: number[],
  fetchedAt: number,
  prev: Agent | undefined,
): Agent {
  const stateSince = stateSinceFor(raw, fetchedAt, prev);
  const loginAt = epochMsOrNull(raw.logindate);
  // Most agents are unchanged from one poll to the next: check against the previous object
  // field by field and hand it back, so no allocation and the diff is a reference comparison.
  // Every field of the API agent is compared (test/monitor/agent-fields.test.ts walks them),
  // the work number too, although the caller looks `prev` up by it.
  if (
    prev &&
    prev.workno === raw.workno &&
    prev.stateSince === stateSince &&
    prev.status === raw.status &&
    prev.ctiStatus === raw.ctiStatus &&
    prev.reason === raw.currentStateReason &&
    prev.name === raw.name &&
    prev.loginAt === loginAt &&
    prev.vdnId === raw.vdnid &&
    prev.groupId === raw.groupid &&
    prev.phone === raw.phonenumber &&
    sameMedia(prev.media, raw.mediatype) &&
    sameNumbers(prev.skills, skills)
  ) {
    return prev;
  }
  return {
    workno: raw.workno,
    name: raw.name,
    state: stateFromStatus(raw.status),
    status: raw.status,
    ctiStatus: raw.ctiStatus,
    stateSince,
    loginAt,
    media: parseMediaTriple(raw.mediatype),
    vdnId: raw.vdnid,
    groupId: raw.groupid,
    phone: raw.phonenumber,
    reason: raw.currentStateReason,
    skills,
  };
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
  // One slot per distinct workno. Skill memberships are a linked list in flat arrays instead of
  // one array per agent: at 10,000 agents per poll the garbage, not the arithmetic, is the cost.
  const index = new Map<string, number>();
  const raws: GatewayAgent[] = [];
  const firstLink: number[] = []; // per agent: its first membership link
  const lastLink: number[] = [];
  const linkCount: number[] = [];
  const linkSkill: number[] = []; // per link: the skill id
  const linkNext: number[] = []; // per link: the next link of the same agent, or -1
  const members = new Map<number, { skillId: number; mediaType: number; agents: number[] }>();

  for (const skill of skills) {
    const skillId = skill.skillId;
    let m = members.get(skillId);
    if (!m) {
      m = { skillId, mediaType: skill.skillMediaType, agents: [] };
      members.set(skillId, m);
    }
    for (const raw of skill.agent) {
      let a = index.get(raw.workno);
      if (a === undefined) {
        a = raws.length;
        index.set(raw.workno, a);
        raws.push(raw);
        firstLink.push(linkSkill.length);
        lastLink.push(linkSkill.length);
        linkCount.push(1);
        linkSkill.push(skillId);
        linkNext.push(-1);
      } else {
        // A workno twice under the same skill is counted once.
        let seen = false;
        for (let l = firstLink[a] as number; l !== -1; l = linkNext[l] as number) {
          if (linkSkill[l] === skillId) {
            seen = true;
            break;
          }
        }
        if (seen) continue;
        const l = linkSkill.length;
        linkSkill.push(skillId);
        linkNext.push(-1);
        linkNext[lastLink[a] as number] = l;
        lastLink[a] = l;
        linkCount[a] = (linkCount[a] as number) + 1;
      }
      m.agents.push(a);
    }
  }

  const agents = new Map<string, Agent>();
  const byIndex = new Array<Agent>(raws.length);
  for (let a = 0; a < raws.length; a++) {
    const raw = raws[a] as GatewayAgent;
    const prev = prevAgents.get(raw.workno);
    const count = linkCount[a] as number;
    // The previous skill array is kept when the set is the same (it is sorted and has no
    // duplicates, so same length + every skill found = same set).
    let skillIds: number[] | null = null;
    if (prev && prev.skills.length === count) {
      let same = true;
      for (let l = firstLink[a] as number; l !== -1; l = linkNext[l] as number) {
        if (!prev.skills.includes(linkSkill[l] as number)) {
          same = false;
          break;
        }
      }
      if (same) skillIds = prev.skills;
    }
    if (!skillIds) {
      skillIds = new Array<number>(count);
      let k = 0;
      for (let l = firstLink[a] as number; l !== -1; l = linkNext[l] as number) {
        skillIds[k++] = linkSkill[l] as number;
      }
      sortSmall(skillIds);
    }
    const agent = toAgent(raw, skillIds, fetchedAt, prev);
    byIndex[a] = agent;
    agents.set(raw.workno, agent);
  }

  const queues = new Map<number, QueueCore>();
  for (const m of members.values()) {
    const counts = emptyCounts();
    const worknos = new Array<string>(m.agents.length);
    for (let i = 0; i < m.agents.length; i++) {
      const agent = byIndex[m.agents[i] as number] as Agent;
      worknos[i] = agent.workno;
      counts[agent.state] += 1;
    }
    queues.set(m.skillId, {
      skillId: m.skillId,
      mediaType: m.mediaType,
      agents: worknos.sort(),
      counts,
    });
  }
  return { agents, queues };
}

export interface QueueExtras {
  name: string | undefined;
  /** From agentvdnskill when the queue has no signed-in agent (so no skillMediaType). */
  vdnMediaType: number | undefined;
  waiting: number | null;
  longestWaitSec: number | null;
  kpis: QueueKpis | null;
  agentCountMismatchSince: number | null;
}

/** queryacdstat's KPIs of one queue, sentinels already turned into null. */
export type QueueKpis = Pick<
  Queue,
  'serviceLevel' | 'loggedOnAgents' | 'availAgents' | 'maxQueueSize' | 'resourceIdleRate'
>;

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
    serviceLevel: extras.kpis?.serviceLevel ?? null,
    loggedOnAgents: extras.kpis?.loggedOnAgents ?? null,
    availAgents: extras.kpis?.availAgents ?? null,
    maxQueueSize: extras.kpis?.maxQueueSize ?? null,
    resourceIdleRate: extras.kpis?.resourceIdleRate ?? null,
    agentCountMismatchSince: extras.agentCountMismatchSince,
  };
  return prev && sameQueue(prev, next) ? prev : next;
}
