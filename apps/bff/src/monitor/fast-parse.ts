// allonlineagents of a large centre is ~5 MB and ~17,000 agent entries every poll; running the
// zod schema over all of it costs several times the 50 ms a poll cycle may take. The contract
// stays the authority: `parseAllOnlineAgentsAnswer` (contracts) is the reference, and this fast
// path must give exactly its result for every input (the property test in
// test/monitor/parser-agreement.test.ts and `pnpm --filter @floorwatch/bench parser-fuzz` check
// it). It accepts only the plain shape the gateway sends (safe integers or digit strings,
// strings, nulls) and yields the values zod would. An agent record it is not sure about goes
// through `gatewayAgent` alone, which accepts the quirk or quarantines the record; a frame it is
// not sure about sends the whole answer to the reference before any record was touched.
import { ZodError } from 'zod';
import {
  gatewayAgent,
  INTEGER_STRING,
  MEDIA_TRIPLE,
  parseAllOnlineAgentsAnswer,
  quarantineRecord,
  type AllOnlineAgentsParse,
  type GatewayAgent,
  type GatewaySkill,
  type QuarantinedRecord,
} from '@floorwatch/contracts/gateway';

/** Marker for "not sure": zod decides. */
const NO = Symbol('not sure');
type No = typeof NO;
type Reader = (v: unknown) => unknown;

function int(v: unknown): number | No {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : NO;
  if (typeof v === 'string' && INTEGER_STRING.test(v)) {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : NO;
  }
  return NO;
}

/** `stringish`: a string, or a safe integer sent as a number. */
function str(v: unknown): string | No {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return NO;
}

const text = (v: unknown): string | No => (typeof v === 'string' ? v : NO);
const array = (v: unknown): unknown[] | No => (Array.isArray(v) ? (v as unknown[]) : NO);
const media = (v: unknown): string | No => (typeof v === 'string' && MEDIA_TRIPLE.test(v) ? v : NO);
/** `.nullish()`: null and undefined pass as they are. */
const nullish =
  (read: Reader): Reader =>
  (v) =>
    v === null || v === undefined ? v : read(v);
/** `.nullish().transform((x) => x ?? fallback)`. */
const orElse =
  (read: Reader, fallback: unknown): Reader =>
  (v) =>
    v === null || v === undefined ? fallback : read(v);

/** One reader per field of the contract's `gatewayAgent`, mirroring it: the type makes a field
 *  added to the schema a compile error here until it has a reader, and
 *  test/monitor/agent-fields.test.ts fails until agentFast uses it. */
const R: { readonly [K in keyof typeof gatewayAgent.shape]: Reader } = {
  workno: str,
  name: orElse(text, ''),
  status: int,
  ctiStatus: int,
  groupid: orElse(int, 0),
  groupname: nullish(text),
  skilllist: nullish(array),
  callids: nullish(array),
  mediatype: media,
  vdnid: int,
  phonenumber: orElse(str, ''),
  currentstatetime: int,
  logindate: orElse(int, null),
  inMultimediaConf: nullish(int),
  currentStateReason: orElse(int, 0),
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// Field by field by name rather than a loop over the keys: named loads and stores on records of
// one shape stay monomorphic, which makes this several times faster at 17,000 records.
function agentFast(v: unknown): GatewayAgent | No {
  if (!isRecord(v)) return NO;
  const workno = R.workno(v.workno);
  const name = R.name(v.name);
  const status = R.status(v.status);
  const ctiStatus = R.ctiStatus(v.ctiStatus);
  const groupid = R.groupid(v.groupid);
  const groupname = R.groupname(v.groupname);
  const skilllist = R.skilllist(v.skilllist);
  const callids = R.callids(v.callids);
  const mediatype = R.mediatype(v.mediatype);
  const vdnid = R.vdnid(v.vdnid);
  const phonenumber = R.phonenumber(v.phonenumber);
  const currentstatetime = R.currentstatetime(v.currentstatetime);
  const logindate = R.logindate(v.logindate);
  const inMultimediaConf = R.inMultimediaConf(v.inMultimediaConf);
  const currentStateReason = R.currentStateReason(v.currentStateReason);
  if (
    workno === NO ||
    name === NO ||
    status === NO ||
    ctiStatus === NO ||
    groupid === NO ||
    groupname === NO ||
    skilllist === NO ||
    callids === NO ||
    mediatype === NO ||
    vdnid === NO ||
    phonenumber === NO ||
    currentstatetime === NO ||
    logindate === NO ||
    inMultimediaConf === NO ||
    currentStateReason === NO
  ) {
    return NO;
  }
  // Converted in place, and only once every field passed: the body was parsed from our own HTTP
  // answer and nobody else holds it, and not allocating 17,000 objects per poll is most of this
  // path's gain. Every value written is one zod accepts and maps to itself; a field that is
  // absent and stays so is not written. Unknown extra fields stay; nothing downstream reads them.
  if (v.workno !== workno) v.workno = workno;
  if (v.name !== name) v.name = name;
  if (v.status !== status) v.status = status;
  if (v.ctiStatus !== ctiStatus) v.ctiStatus = ctiStatus;
  if (v.groupid !== groupid) v.groupid = groupid;
  if (v.vdnid !== vdnid) v.vdnid = vdnid;
  if (v.phonenumber !== phonenumber) v.phonenumber = phonenumber;
  if (v.currentstatetime !== currentstatetime) v.currentstatetime = currentstatetime;
  if (v.logindate !== logindate) v.logindate = logindate;
  if (v.inMultimediaConf !== inMultimediaConf) v.inMultimediaConf = inMultimediaConf;
  if (v.currentStateReason !== currentStateReason) v.currentStateReason = currentStateReason;
  // groupname, skilllist, callids and mediatype are returned as they came.
  return v as unknown as GatewayAgent;
}

/** One agent record as `parseAllOnlineAgents` reads it: the fast path, else `gatewayAgent` alone.
 *  The raw-diff ingest reads the records that changed since the last poll through this. */
export function readAgentRecord(raw: unknown): GatewayAgent | ZodError {
  const fast = agentFast(raw);
  if (fast !== NO) return fast;
  const slow = gatewayAgent.safeParse(raw);
  return slow.success ? slow.data : slow.error;
}

interface Frame {
  message: string;
  retcode: string;
  result: Array<{ skillId: number; skillMediaType: number; agent: unknown[] | null | undefined }>;
  /** `result` itself was null or undefined. */
  none: null | undefined | false;
}

/** The envelope and skill list, checked in full before any record is touched. */
function frameFast(body: unknown): Frame | No {
  if (!isRecord(body)) return NO;
  const retcode = str(body.retcode);
  const message = body.message;
  if (retcode === NO) return NO;
  if (message !== null && message !== undefined && typeof message !== 'string') return NO;
  const raw = body.result;
  if (raw === null || raw === undefined) {
    return { message: message ?? '', retcode, result: [], none: raw };
  }
  if (!Array.isArray(raw)) return NO;
  const result = new Array<Frame['result'][number]>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const s: unknown = raw[i];
    if (!isRecord(s)) return NO;
    const skillId = int(s.skillId);
    const skillMediaType = int(s.skillMediaType);
    const agent = s.agent;
    if (skillId === NO || skillMediaType === NO) return NO;
    if (agent !== null && agent !== undefined && !Array.isArray(agent)) return NO;
    result[i] = { skillId, skillMediaType, agent: agent as unknown[] | null | undefined };
  }
  return { message: message ?? '', retcode, result, none: false };
}

export function parseAllOnlineAgents(body: unknown): AllOnlineAgentsParse {
  const frame = frameFast(body);
  if (frame === NO) return parseAllOnlineAgentsAnswer(body);
  const quarantined: QuarantinedRecord[] = [];
  const skills = new Array<GatewaySkill>(frame.result.length);
  for (let i = 0; i < frame.result.length; i++) {
    const { skillId, skillMediaType, agent: list } = frame.result[i]!;
    const agents: GatewayAgent[] = [];
    if (list) {
      for (let j = 0; j < list.length; j++) {
        const raw = list[j];
        const read = readAgentRecord(raw);
        if (!(read instanceof ZodError)) agents.push(read);
        else
          quarantined.push(quarantineRecord(raw, { skillIndex: i, agentIndex: j, skillId }, read));
      }
    }
    skills[i] = { skillId, skillMediaType, agent: agents };
  }
  return {
    success: true,
    data: {
      message: frame.message,
      retcode: frame.retcode,
      result: frame.none === false ? skills : frame.none,
    },
    quarantined,
  };
}
