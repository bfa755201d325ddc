// zod schemas of the CC-Gateway wire format (docs/gateway.md §Conventions, §allonlineagents,
// §Queue statistics).
// Strict about what matters (types of ids, codes and times), tolerant of the real quirks:
// numbers sent as strings, null where a string is documented, unknown extra fields (stripped).
import { z } from 'zod';
import { NO_TIME_SENTINEL_MS } from './codes';

/** Digits with an optional minus: what `intish` accepts as a string (after trimming). */
export const INTEGER_STRING = /^-?\d+$/;

/** The agent `mediatype` T/F triple (`docs/gateway.md §allonlineagents`). */
export const MEDIA_TRIPLE = /^[TFtf]{1,3}$/;

/**
 * An integer sent either as a JSON number or as a string of digits ("4" or 4). Only safe
 * integers (|n| ≤ 2^53 − 1): a longer digit string or a huge JSON number (1e400 parses as
 * Infinity) cannot be represented exactly, and the API promises integers a browser can read.
 */
export const intish = z.union([
  z.number().int(),
  z
    .string()
    .trim()
    .regex(INTEGER_STRING, 'expected an integer or a string of digits')
    .refine((s) => Number.isSafeInteger(Number(s)), 'integer beyond ±2^53')
    .transform(Number),
]);

/**
 * A string field the gateway sometimes sends as a number (workno, phone numbers, retcode). The
 * number must be a safe integer: beyond 2^53 its digits are already lost (a work number would
 * name someone else), and a fraction or ±Infinity is no identifier at all.
 */
export const stringish = z.union([z.string(), z.number().int().transform(String)]);

/** The common envelope; `result` is usually missing or null on failure. */
export function envelope<T extends z.ZodType>(result: T) {
  return z.object({
    message: z
      .string()
      .nullish()
      .transform((m) => m ?? ''),
    retcode: stringish,
    result: result.nullish(),
  });
}

/** Envelope without looking at the result: enough to read the retcode of any answer. */
export const anyEnvelope = envelope(z.unknown());
export type AnyEnvelope = z.infer<typeof anyEnvelope>;

/** The "no time" sentinel (and anything else that is not a usable epoch ms) becomes null. */
export function epochMsOrNull(ms: number | null | undefined): number | null {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms <= 0) return null;
  if (ms >= NO_TIME_SENTINEL_MS) return null;
  return ms;
}

// ---- sign-in: PUT onlineagent/{id} (and forcelogin, loginex, forceloginexwithoutphone) ----

export const signInRequest = z.object({
  password: z.string().max(32),
  phonenum: z.string().max(24).optional(),
  autoanswer: z.boolean().optional(),
  autoenteridle: z.boolean().optional(),
  releasephone: z.boolean().optional(),
  agenttype: z.number().int().optional(),
  status: z.number().int().optional(),
  ip: z.string().max(15).optional(),
  entryIp: z.string().optional(),
  phonelinkage: z.boolean().optional(),
  checkInWebm: z.boolean().optional(),
  checkInMailm: z.boolean().optional(),
  vcPhoneNumber: z.string().max(24).optional(),
  listenStatus: z.boolean().optional(),
  callBackUri: z.string().max(200).optional(),
  serviceToken: z.string().max(50).optional(),
});
export type SignInRequest = z.infer<typeof signInRequest>;

export const signInResult = z.object({
  vdnid: intish,
  workno: stringish,
  mediatype: z.string(),
  loginTime: intish,
  isForceChange: z.union([z.string(), z.boolean()]).optional(),
  serverName: z.string().optional(),
  timeRemaining: stringish.optional(),
});
export type SignInResult = z.infer<typeof signInResult>;
export const signInResponse = envelope(signInResult);

/** Take the Guid out of a `Set-GUID: JSESSIONID=<guid>` header value. */
export function guidFromSetGuid(header: string | string[] | undefined | null): string | null {
  const value = Array.isArray(header) ? header[header.length - 1] : header;
  if (!value) return null;
  const trimmed = value.trim();
  const guid = trimmed.startsWith('JSESSIONID=') ? trimmed.slice('JSESSIONID='.length) : trimmed;
  const clean = guid.split(';')[0]?.trim() ?? '';
  return clean.length > 0 ? clean : null;
}

// ---- event polling: GET agentevent/{id} ----

export const gatewayEvent = z.object({
  eventType: z.string(),
  workNo: stringish.nullish(),
  content: z.unknown().optional(),
});
export type GatewayEvent = z.infer<typeof gatewayEvent>;

export const eventPollResponse = z.object({
  message: z
    .string()
    .nullish()
    .transform((m) => m ?? ''),
  retcode: stringish,
  event: gatewayEvent.nullish(),
});
export type EventPollResponse = z.infer<typeof eventPollResponse>;

// ---- agentgroup: allonlineagents, agentbyskill, agentbyworkno ----

export const gatewayAgent = z.object({
  workno: stringish,
  name: z
    .string()
    .nullish()
    .transform((n) => n ?? ''),
  status: intish,
  ctiStatus: intish,
  groupid: intish.nullish().transform((g) => g ?? 0),
  groupname: z.string().nullish(),
  skilllist: z.array(z.unknown()).nullish(),
  callids: z.array(z.unknown()).nullish(),
  mediatype: z.string().regex(MEDIA_TRIPLE, 'expected a T/F triple such as "TTF"'),
  vdnid: intish,
  phonenumber: stringish.nullish().transform((p) => p ?? ''),
  currentstatetime: intish,
  logindate: intish.nullish().transform((d) => d ?? null),
  inMultimediaConf: intish.nullish(),
  currentStateReason: intish.nullish().transform((r) => r ?? 0),
});
export type GatewayAgent = z.infer<typeof gatewayAgent>;
/** What a simulator puts on the wire for an agent (before parsing). */
export type GatewayAgentWire = z.input<typeof gatewayAgent>;

/** A skill of allonlineagents with its agent records not yet looked at: the frame that must be
 *  right for the answer to be used at all (see all-online-agents.ts). */
export const gatewaySkillFrame = z.object({
  skillId: intish,
  skillMediaType: intish,
  agent: z.array(z.unknown()).nullish(),
});

export const gatewaySkill = gatewaySkillFrame.extend({
  agent: z
    .array(gatewayAgent)
    .nullish()
    .transform((a) => a ?? []),
});
export type GatewaySkill = z.infer<typeof gatewaySkill>;

/** Every record valid, or the whole answer is rejected (the simulator's own checks use this). */
export const allOnlineAgentsResult = z.array(gatewaySkill);
export const allOnlineAgentsResponse = envelope(allOnlineAgentsResult);
export type AllOnlineAgentsResponse = z.infer<typeof allOnlineAgentsResponse>;
/** The envelope and skill list only; agent records are checked one by one. */
export const allOnlineAgentsFrame = envelope(z.array(gatewaySkillFrame));

export const agentBySkillRequest = z.object({
  agentLimit: z.number().int().min(1).max(500),
  agentStatus: z.array(z.number().int()),
});
export const agentBySkillResponse = envelope(z.array(gatewayAgent));
export const agentByWorknoResponse = envelope(gatewayAgent);

// ---- queuedevice: queryacdstat, agentvdnskill, skillwaitnum ----

export const queryAcdStatRequest = z.object({
  skills: z.array(z.number().int()).min(1).max(100),
});

export const acdStat = z.object({
  pilotNbr: stringish.nullish(),
  deviceNo: intish,
  queueSize: intish,
  queueTime: intish,
  loadFactor: intish.nullish(),
  estWaitTime: intish.nullish(),
  loggedOnAgents: intish.nullish(),
  availAgents: intish.nullish(),
  transferFlg: intish.nullish(),
  transferDeviceType: intish.nullish(),
  transferDeviceNo: intish.nullish(),
  skillDescrip: z.string().nullish(),
  resourceIdleRate: z.number().nullish(),
  serviceLevel: z.number().nullish(),
  oldCallIdEx: z.unknown().optional(),
  maxQueueSize: intish.nullish(),
});
export type AcdStat = z.infer<typeof acdStat>;
export const queryAcdStatResponse = envelope(z.array(acdStat));

export const vdnSkill = z.object({
  id: intish,
  name: z
    .string()
    .nullish()
    .transform((n) => n ?? ''),
  mediatype: intish,
  serviceType: intish.nullish(),
  realFlag: intish.nullish(),
});
export type VdnSkill = z.infer<typeof vdnSkill>;
export const agentVdnSkillResponse = envelope(z.array(vdnSkill));

/** skillwaitnum: `result` is an int; one documented example shows `{}` (read as unknown). */
export const skillWaitNumResponse = envelope(z.union([intish, z.object({}).transform(() => null)]));

// ---- updateGuid: the Guid comes in the body, without the JSESSIONID= prefix ----

export const updateGuidResponse = envelope(z.object({ guid: z.string().min(1) }));
