// Value equality of the API's Agent and Queue. The BFF uses it to keep an unchanged object (so
// its diff is a reference comparison) and the SPA to keep an unchanged row (so it does not
// re-render); both must agree on what "changed" means.
import { AGENT_STATES } from '../gateway/codes';
import type { Agent, Queue, StateCounts } from './index';

export function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function sameStrings(a: readonly string[], b: readonly string[]): boolean {
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
