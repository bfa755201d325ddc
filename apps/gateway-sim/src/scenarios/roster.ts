// One agent of a generated floor: a name drawn from the locale, a team from its position in the
// roster, and numbers from fixed bases, so `large` and `dense` build agents the same way.
import type { Rng } from '../engine/prng';
import type { AgentDef } from '../engine/types';
import type { LocaleNames } from './locale-names';

export interface RosterPlace {
  /** Position in the roster (0-based): sets the work number, phone and team. */
  index: number;
  worknoBase: number;
  phoneBase: number;
  teamSize: number;
  skills: number[];
  /** CTI, WebM and mail sign-in flags (docs/gateway.md §allonlineagents `mediatype`). */
  mediatype: string;
}

export function rosterAgent(r: Rng, names: LocaleNames, place: RosterPlace): AgentDef {
  const given = r.pick(names.given);
  const family = r.pick(names.family);
  const groupid = Math.floor(place.index / place.teamSize) + 1;
  return {
    workno: String(place.worknoBase + place.index),
    name: names.person(given, family),
    phonenumber: String(place.phoneBase + place.index),
    groupid,
    groupname: names.team(groupid),
    skills: place.skills,
    mediatype: place.mediatype,
  };
}
