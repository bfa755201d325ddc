// allonlineagents, read the way the BFF uses it: the frame (envelope and skill list) must be right
// or the whole answer is refused; an agent record that fails `gatewayAgent` is quarantined (left
// out and reported) so that one bad value does not take the rest of the floor with it. This is
// the reference: the BFF's fast path must give exactly the same result for every input.
import type { ZodError } from 'zod';
import {
  allOnlineAgentsFrame,
  gatewayAgent,
  type AllOnlineAgentsResponse,
  type GatewayAgent,
  type GatewaySkill,
} from './wire';

/** An agent record left out of an answer. */
export interface QuarantinedRecord {
  /** Where it was: `result[skillIndex].agent[agentIndex]`. */
  skillIndex: number;
  agentIndex: number;
  skillId: number;
  /** Its `workno` as sent when that is a string or a number, else null. Gateway text: shorten
   *  it before it goes to a log. */
  workno: string | null;
  /** The first problem found, as `path: message` (never the value itself). */
  issue: string;
}

export type AllOnlineAgentsParse =
  | { success: true; data: AllOnlineAgentsResponse; quarantined: QuarantinedRecord[] }
  | { success: false; error: ZodError };

/** Describes a record `gatewayAgent` rejected. */
export function quarantineRecord(
  raw: unknown,
  at: { skillIndex: number; agentIndex: number; skillId: number },
  error: ZodError,
): QuarantinedRecord {
  const w =
    typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).workno : undefined;
  const first = error.issues[0];
  return {
    ...at,
    workno: typeof w === 'string' || typeof w === 'number' ? String(w) : null,
    issue: first ? `${first.path.join('.') || '(record)'}: ${telling(first)}` : 'invalid record',
  };
}

/** For a union (number or digit string), the branch that matched the type says what was wrong. */
function telling(issue: ZodError['issues'][number]): string {
  if (issue.code !== 'invalid_union') return issue.message;
  const inner = issue.errors.flat().find((i) => i.code !== 'invalid_type');
  return inner?.message ?? issue.message;
}

/** The reference reading of an allonlineagents body (zod throughout). */
export function parseAllOnlineAgentsAnswer(body: unknown): AllOnlineAgentsParse {
  const frame = allOnlineAgentsFrame.safeParse(body);
  if (!frame.success) return { success: false, error: frame.error };
  const { message, retcode, result } = frame.data;
  const quarantined: QuarantinedRecord[] = [];
  const skills: GatewaySkill[] | null | undefined = result
    ? result.map((skill, skillIndex) => {
        const agent: GatewayAgent[] = [];
        (skill.agent ?? []).forEach((raw, agentIndex) => {
          const parsed = gatewayAgent.safeParse(raw);
          if (parsed.success) agent.push(parsed.data);
          else {
            const at = { skillIndex, agentIndex, skillId: skill.skillId };
            quarantined.push(quarantineRecord(raw, at, parsed.error));
          }
        });
        return { skillId: skill.skillId, skillMediaType: skill.skillMediaType, agent };
      })
    : result;
  return { success: true, data: { message, retcode, result: skills }, quarantined };
}

/** Agent records an answer holds after quarantine (an agent in two skills counts twice). */
export function acceptedRecords(data: AllOnlineAgentsResponse): number {
  let n = 0;
  for (const s of data.result ?? []) n += s.agent.length;
  return n;
}
