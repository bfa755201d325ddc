// The agentgroup and queuedevice queries (docs/gateway.md §allonlineagents, §Queue statistics).
import { agentBySkillRequest, queryAcdStatRequest } from '@floorwatch/contracts';
import { acdStatWire, agentWire, compareWorkno, vdnSkillsWire } from '../../engine/payloads';
import { sendRaw } from '../http-io';
import { fail, ok, type SessionHandler } from './reply';

export const allOnlineAgents: SessionHandler = (g) => {
  const { engine, now } = g.ctx.engineNow();
  sendRaw(g.res, 200, g.ctx.serializer.serialize(engine, now, g.ctx.wire));
};

/** Optional filters come as a JSON body on the GET; both or neither (else 100-019). */
export const agentBySkill: SessionHandler = (g) => {
  const skillId = Number(g.params.skillId);
  let limit = Infinity;
  let statuses: number[] | null = null;
  if (g.body.kind === 'malformed' || g.body.kind === 'too-large')
    return fail(g, '000-002', 'other');
  if (g.body.kind === 'json' && !isEmptyObject(g.body.value)) {
    const parsed = agentBySkillRequest.safeParse(g.body.value);
    if (!parsed.success) return fail(g, '100-019', 'other');
    limit = parsed.data.agentLimit;
    statuses = parsed.data.agentStatus;
  }
  const { engine, now } = g.ctx.engineNow();
  const q = engine.queue(skillId);
  const agents = (q?.members ?? [])
    .filter((a) => a.signedIn && (statuses === null || statuses.includes(a.status)))
    .sort((x, y) => compareWorkno(x.def.workno, y.def.workno))
    .slice(0, limit)
    .map((a) => agentWire(engine, a, now, g.ctx.wire));
  ok(g, agents);
};

export const agentByWorkno: SessionHandler = (g) => {
  const { engine, now } = g.ctx.engineNow();
  const a = engine.agent(g.params.workNo ?? '');
  if (!a) return fail(g, '300-002', 'other');
  ok(g, agentWire(engine, a, now, g.ctx.wire));
};

export const queryAcdStat: SessionHandler = (g) => {
  if (g.body.kind !== 'json') return fail(g, '000-002', 'other');
  const parsed = queryAcdStatRequest.safeParse(g.body.value);
  if (!parsed.success) return fail(g, '000-002', 'other');
  const { engine, now } = g.ctx.engineNow();
  const opts = { loggedOnSkew: g.ctx.quirks.loggedOnSkew };
  // Unknown skill ids are left out, as the gateway does.
  const result = parsed.data.skills
    .map((id) => acdStatWire(engine, id, now, opts))
    .filter((x) => x !== undefined);
  ok(g, result);
};

export const agentVdnSkill: SessionHandler = (g) => {
  const { engine } = g.ctx.engineNow();
  const skills = vdnSkillsWire(engine);
  if (skills.length === 0) return fail(g, '600-005', 'other');
  ok(g, skills);
};

export const skillWaitNum: SessionHandler = (g) => {
  const { engine, now } = g.ctx.engineNow();
  const stats = engine.queueStats(Number(g.params.skillId), now);
  if (!stats) return fail(g, '100-019', 'other');
  ok(g, stats.queueSize);
};

function isEmptyObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;
}
