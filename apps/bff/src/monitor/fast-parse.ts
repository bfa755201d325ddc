// allonlineagents of a large centre is ~5 MB and ~17,000 agent entries every poll; running the
// zod schema over all of it costs several times the 50 ms a poll cycle may take. The contract
// schema stays the authority: this fast path accepts only the plain, exact shape the gateway
// sends (numbers or digit strings, strings, nulls) and yields the values zod would. Any
// entry it is not sure about sends the whole answer through allOnlineAgentsResponse.safeParse,
// which either accepts the quirk or produces the error we report.
import type { ZodError } from 'zod';
import {
  allOnlineAgentsResponse,
  type AllOnlineAgentsResponse,
  type GatewayAgent,
  type GatewaySkill,
} from '@floorwatch/contracts/gateway';

const DIGITS = /^-?\d+$/;
const MEDIA = /^[TFtf]{1,3}$/;

/** Marker for "not sure": the caller falls back to zod. */
const NO = Symbol('fallback');
type No = typeof NO;

function int(v: unknown): number | No {
  if (typeof v === 'number') return Number.isInteger(v) ? v : NO;
  if (typeof v === 'string' && DIGITS.test(v)) return Number(v);
  return NO;
}

function intNullish(v: unknown): number | null | undefined | No {
  if (v === null || v === undefined) return v;
  return int(v);
}

function str(v: unknown): string | No {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return NO;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arrayNullish(v: unknown): unknown[] | null | undefined | No {
  if (v === null || v === undefined) return v;
  return Array.isArray(v) ? (v as unknown[]) : NO;
}

function agentFast(v: unknown): GatewayAgent | No {
  if (!isRecord(v)) return NO;
  const workno = str(v.workno);
  const name = v.name;
  const status = int(v.status);
  const ctiStatus = int(v.ctiStatus);
  const groupid = intNullish(v.groupid);
  const groupname = v.groupname;
  const skilllist = arrayNullish(v.skilllist);
  const callids = arrayNullish(v.callids);
  const mediatype = v.mediatype;
  const vdnid = int(v.vdnid);
  const phonenumber = v.phonenumber;
  const currentstatetime = int(v.currentstatetime);
  const logindate = intNullish(v.logindate);
  const inMultimediaConf = intNullish(v.inMultimediaConf);
  const reason = intNullish(v.currentStateReason);
  if (
    workno === NO ||
    status === NO ||
    ctiStatus === NO ||
    groupid === NO ||
    skilllist === NO ||
    callids === NO ||
    vdnid === NO ||
    currentstatetime === NO ||
    logindate === NO ||
    inMultimediaConf === NO ||
    reason === NO ||
    (name !== null && name !== undefined && typeof name !== 'string') ||
    (groupname !== null && groupname !== undefined && typeof groupname !== 'string') ||
    typeof mediatype !== 'string' ||
    !MEDIA.test(mediatype)
  ) {
    return NO;
  }
  let phone: string;
  if (phonenumber === null || phonenumber === undefined) phone = '';
  else {
    const p = str(phonenumber);
    if (p === NO) return NO;
    phone = p;
  }
  // Converted in place: the body was parsed from our own HTTP answer and nobody else holds it,
  // and not allocating 17,000 objects per poll is most of this path's gain. Every value written
  // is one the zod schema accepts and maps to itself, so a later fallback still sees the same
  // answer. Unknown extra fields stay on the object; nothing downstream reads them.
  v.workno = workno;
  v.name = name ?? '';
  v.status = status;
  v.ctiStatus = ctiStatus;
  v.groupid = groupid ?? 0;
  v.vdnid = vdnid;
  v.phonenumber = phone;
  v.currentstatetime = currentstatetime;
  v.logindate = logindate ?? null;
  v.currentStateReason = reason ?? 0;
  return v as unknown as GatewayAgent;
}

function answerFast(body: unknown): AllOnlineAgentsResponse | No {
  if (!isRecord(body)) return NO;
  const retcode = str(body.retcode);
  const message = body.message;
  if (retcode === NO) return NO;
  if (message !== null && message !== undefined && typeof message !== 'string') return NO;
  const result = body.result;
  let skills: GatewaySkill[] | null | undefined;
  if (result === null || result === undefined) skills = result;
  else if (!Array.isArray(result)) return NO;
  else {
    skills = new Array<GatewaySkill>(result.length);
    for (let i = 0; i < result.length; i++) {
      const s: unknown = result[i];
      if (!isRecord(s)) return NO;
      const skillId = int(s.skillId);
      const skillMediaType = int(s.skillMediaType);
      const list = arrayNullish(s.agent);
      if (skillId === NO || skillMediaType === NO || list === NO) return NO;
      const agents = new Array<GatewayAgent>(list?.length ?? 0);
      if (list) {
        for (let j = 0; j < list.length; j++) {
          const a = agentFast(list[j]);
          if (a === NO) return NO;
          agents[j] = a;
        }
      }
      skills[i] = { skillId, skillMediaType, agent: agents };
    }
  }
  return { message: message ?? '', retcode, result: skills };
}

export type ParseResult<T> = { success: true; data: T } | { success: false; error: ZodError };

export function parseAllOnlineAgents(body: unknown): ParseResult<AllOnlineAgentsResponse> {
  const fast = answerFast(body);
  if (fast !== NO) return { success: true, data: fast };
  return allOnlineAgentsResponse.safeParse(body);
}
