// Sizes each queue's arrival rate from the agents who can serve it, so queues are busy but not
// hopeless at the daily peak and empty out at night, whatever the roster.
import { WEBM_MEDIA } from '../engine/runtime';
import type { AgentDef, SkillDef } from '../engine/types';

/** Share of a nominal agent's time left for calls once breaks, rests and sign-outs are taken. */
const AVAILABLE_SHARE = 0.62;
/** Offered load at load factor 1 as a share of that capacity; the peak curve goes to 1.2. */
const TARGET_OCCUPANCY = 0.85;

export function withArrivalRates(
  skills: Omit<SkillDef, 'baseRatePerHour'>[],
  agents: AgentDef[],
): SkillDef[] {
  const share = new Map<number, number>();
  for (const a of agents) {
    const usable = a.skills.filter((id) => {
      const s = skills.find((k) => k.id === id);
      if (!s) return false;
      return WEBM_MEDIA.has(s.mediaType)
        ? a.mediatype.charAt(1) === 'T'
        : a.mediatype.charAt(0) === 'T';
    });
    for (const id of usable) share.set(id, (share.get(id) ?? 0) + 1 / usable.length);
  }
  return skills.map((s) => {
    const agentsWorth = (share.get(s.id) ?? 0) * AVAILABLE_SHARE;
    const perAgentPerHour = 3600 / (s.meanHandleS + s.meanWrapS + 5);
    return { ...s, baseRatePerHour: agentsWorth * perAgentPerHour * TARGET_OCCUPANCY };
  });
}
