// Wire payloads shaped like the real gateway's: status/ctiStatus as strings, workno string,
// vdnid/groupid numbers, unused fields []/0, the "none" sentinels where the gateway has no value
// (docs/gateway.md §allonlineagents, §Queue statistics, §Quirks).
import { NO_TIME_SENTINEL_MS, type GatewayAgentWire } from '@floorwatch/contracts';
import type { ContactCentreEngine } from './engine';
import type { AgentRuntime } from './runtime';
import { NONE_16, NONE_8 } from './types';

export function currentStateTime(a: AgentRuntime, now: number): number {
  return Math.max(0, Math.floor((now - a.stateSince) / 1000));
}

export interface WireOptions {
  /** The gateway sends status/ctiStatus as strings; CMS-style numbers test a client's tolerance. */
  numericStatus: boolean;
}

export const DEFAULT_WIRE: WireOptions = { numericStatus: false };

/** One agent object, keys in the order of the documented example. */
export function agentWire(
  engine: ContactCentreEngine,
  a: AgentRuntime,
  now: number,
  wire: WireOptions = DEFAULT_WIRE,
) {
  return {
    workno: a.def.workno,
    name: a.def.name,
    status: wire.numericStatus ? a.status : String(a.status),
    ctiStatus: wire.numericStatus ? a.ctiStatus : String(a.ctiStatus),
    groupid: a.def.groupid,
    groupname: a.def.groupname ?? null,
    skilllist: [],
    mediatype: a.def.mediatype,
    vdnid: engine.scenario.vdnid,
    phonenumber: a.def.phonenumber,
    currentstatetime: currentStateTime(a, now),
    logindate: a.loginDate ?? NO_TIME_SENTINEL_MS,
    callids: [],
    inMultimediaConf: 0,
    currentStateReason: a.reason,
  } satisfies GatewayAgentWire;
}

interface CachedAgent {
  rev: number;
  numeric: boolean;
  prefix: string;
  suffix: string;
}

/**
 * Serialises allonlineagents as a string. With 10,000 agents listed under several skills each,
 * JSON.stringify of the whole tree is the cost; here every agent is stringified once per change,
 * and only its `currentstatetime` is spliced in per request, so answers stay exact to the ms.
 */
export class AllOnlineAgentsSerializer {
  private cache = new Map<number, CachedAgent>();
  private engineRef: ContactCentreEngine | null = null;

  serialize(engine: ContactCentreEngine, now: number, wire: WireOptions = DEFAULT_WIRE): string {
    if (this.engineRef !== engine) {
      this.cache = new Map();
      this.engineRef = engine;
    }
    const perAgent = new Map<number, string>();
    const text = (a: AgentRuntime): string => {
      const done = perAgent.get(a.index);
      if (done !== undefined) return done;
      let c = this.cache.get(a.index);
      if (!c || c.rev !== a.rev || c.numeric !== wire.numericStatus) {
        const full = JSON.stringify(agentWire(engine, a, now, wire));
        const marker = '"currentstatetime":';
        const at = full.indexOf(marker) + marker.length;
        const end = full.indexOf(',', at);
        c = {
          rev: a.rev,
          numeric: wire.numericStatus,
          prefix: full.slice(0, at),
          suffix: full.slice(end),
        };
        this.cache.set(a.index, c);
      }
      const s = c.prefix + String(currentStateTime(a, now)) + c.suffix;
      perAgent.set(a.index, s);
      return s;
    };
    const skills: string[] = [];
    for (const q of engine.queues()) {
      const online = q.members.filter((a) => a.signedIn);
      // A skill with nobody signed in is not listed: the answer lists agents, grouped by skill.
      if (online.length === 0) continue;
      online.sort((x, y) => compareWorkno(x.def.workno, y.def.workno));
      skills.push(
        `{"skillId":${q.def.id},"agent":[${online.map(text).join(',')}],"skillMediaType":${q.def.mediaType}}`,
      );
    }
    return `{"result":[${skills.join(',')}],"message":"success","retcode":"0"}`;
  }
}

export function compareWorkno(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export interface AcdStatOptions {
  /** Added to the real loggedOnAgents of a skill: makes queryacdstat disagree with the roster. */
  loggedOnSkew?: Readonly<Record<number, number>>;
}

/**
 * queryacdstat entry (docs/gateway.md §Queue statistics). `loggedOnAgents` counts the agents
 * allonlineagents lists under the skill, unless a skew is set. Sentinels: serviceLevel 65535 when
 * no call was offered in the window, resourceIdleRate 65535 with nobody signed in, maxQueueSize
 * 65535 for a queue without a limit, oldCallIdEx all "none" when no call waits.
 */
export function acdStatWire(
  engine: ContactCentreEngine,
  skillId: number,
  now: number,
  opts: AcdStatOptions = {},
) {
  const q = engine.queue(skillId);
  const s = engine.queueStats(skillId, now);
  if (!q || !s) return undefined;
  const loggedOn = Math.max(0, s.loggedOnAgents + (opts.loggedOnSkew?.[skillId] ?? 0));
  const avail = Math.min(s.availAgents, loggedOn);
  return {
    pilotNbr: q.def.pilotNbr,
    deviceNo: q.def.id,
    queueSize: s.queueSize,
    queueTime: s.longestWaitS,
    loadFactor: NONE_16,
    estWaitTime: 0,
    loggedOnAgents: loggedOn,
    availAgents: avail,
    transferFlg: 0,
    transferDeviceType: NONE_8,
    transferDeviceNo: NONE_16,
    skillDescrip: q.def.name,
    resourceIdleRate: loggedOn === 0 ? NONE_16 : Math.round((avail / loggedOn) * 100),
    serviceLevel: s.serviceLevel ?? NONE_16,
    oldCallIdEx:
      s.oldestArrivedAt === null
        ? { dateTime: NO_TIME_SENTINEL_MS, dsn: NONE_16, server: NONE_8, handle: NONE_8 }
        : {
            dateTime: s.oldestArrivedAt,
            dsn: (s.oldestCallId ?? 0) % NONE_16,
            server: 1,
            handle: 0,
          },
    maxQueueSize: q.def.maxQueueSize,
  };
}

export function vdnSkillsWire(engine: ContactCentreEngine) {
  return engine.queues().map((q) => ({
    name: q.def.name,
    id: q.def.id,
    mediatype: q.def.mediaType,
    serviceType: q.def.serviceType,
    realFlag: 1,
  }));
}
