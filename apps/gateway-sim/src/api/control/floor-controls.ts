// Control of the floor: scenario, agents, churn, freeze, quirks, the wire format and the reason
// codes the engine uses.
import { z } from 'zod';
import { agentWire, currentStateTime } from '../../engine/payloads';
import { BUSY_REASONS, REST_REASONS } from '../../engine/reasons';
import { SCENARIO_NAMES } from '../../scenarios/index';
import { LOCALES } from '../../scenarios/locale';
import type { SimContext } from '../context';
import { notFound, okJson, withBody, type ControlRoute, type Json } from './router';

const scenarioRequest = z.object({
  name: z.enum(SCENARIO_NAMES),
  seed: z.number().int().optional(),
  locale: z.enum(LOCALES).optional(),
});
const stateRequest = z.object({
  status: z.number().int().min(0).max(9),
  reason: z.number().int().min(0).max(65535).optional(),
});
const churnRequest = z.object({ fraction: z.number().min(0).max(1) });
const freezeRequest = z.object({ frozen: z.boolean() });
const wireRequest = z.object({ numericStatus: z.boolean().optional() });
const quirksRequest = z.object({
  /** skill id → added to queryacdstat's loggedOnAgents; {} clears. */
  loggedOnSkew: z.record(z.string().regex(/^\d+$/), z.number().int().min(-1000).max(1000)),
});

function agentState(ctx: SimContext, workno: string): Json {
  const { engine, now } = ctx.engineNow();
  const a = engine.agent(workno);
  return a
    ? okJson({ agent: { ...agentWire(engine, a, now, ctx.wire), signedIn: a.signedIn } })
    : notFound(`agent ${workno}`);
}

function status(ctx: SimContext): Json {
  const { engine, now } = ctx.engineNow();
  return okJson({
    scenario: ctx.scenarioName,
    seed: ctx.seed,
    locale: ctx.locale,
    agents: engine.agents().length,
    queues: engine.queues().length,
    now,
    frozen: engine.frozen,
    signedInAgents: engine.agents().filter((a) => a.signedIn).length,
    authMode: ctx.opts.authMode,
    rateLimit: ctx.limiter.current(),
    wire: { ...ctx.wire },
    quirks: { loggedOnSkew: { ...ctx.quirks.loggedOnSkew } },
    downUntil: ctx.downUntil > now ? ctx.downUntil : null,
  });
}

/** POST agents/:workno/<action>: the engine's control changes, made now. */
function agentAction(action: 'signout' | 'signin' | 'release'): ControlRoute {
  return {
    method: 'POST',
    path: `agents/:workno/${action}`,
    handle: ({ ctx, params }) => {
      const workno = params.workno ?? '';
      if (!ctx.engine.agent(workno)) return notFound(`agent ${workno}`);
      const now = ctx.now();
      if (action === 'signout') ctx.engine.signOut(workno, now);
      else if (action === 'signin') ctx.engine.signIn(workno, now);
      else ctx.engine.release(workno, now);
      return agentState(ctx, workno);
    },
  };
}

export const FLOOR_CONTROLS: readonly ControlRoute[] = [
  { method: 'GET', path: 'status', handle: ({ ctx }) => status(ctx) },
  {
    method: 'POST',
    path: 'scenario',
    handle: ({ ctx, json }) =>
      withBody(scenarioRequest, json, (p) => {
        ctx.loadScenario(p.name, p.seed ?? ctx.seed, p.locale ?? ctx.locale);
        return okJson({
          scenario: ctx.scenarioName,
          seed: ctx.seed,
          locale: ctx.locale,
          agents: ctx.engine.agents().length,
          queues: ctx.engine.queues().length,
        });
      }),
  },
  {
    method: 'GET',
    path: 'agents',
    handle: ({ ctx }) => {
      const { engine, now } = ctx.engineNow();
      return okJson({
        agents: engine.agents().map((x) => ({
          workno: x.def.workno,
          name: x.def.name,
          groupid: x.def.groupid,
          groupname: x.def.groupname ?? null,
          skills: x.def.skills,
          mediatype: x.def.mediatype,
          signedIn: x.signedIn,
          status: x.status,
          ctiStatus: x.ctiStatus,
          reason: x.reason,
          currentstatetime: currentStateTime(x, now),
          pinned: x.phase === 'held',
        })),
      });
    },
  },
  {
    method: 'GET',
    path: 'agents/:workno',
    handle: ({ ctx, params }) => agentState(ctx, params.workno ?? ''),
  },
  {
    method: 'POST',
    path: 'agents/:workno/state',
    handle: ({ ctx, params, json }) => {
      const workno = params.workno ?? '';
      if (!ctx.engine.agent(workno)) return notFound(`agent ${workno}`);
      return withBody(stateRequest, json, (p) => {
        ctx.engine.setState(workno, p.status, p.reason ?? 0, ctx.now());
        return agentState(ctx, workno);
      });
    },
  },
  agentAction('signout'),
  agentAction('signin'),
  agentAction('release'),
  {
    method: 'POST',
    path: 'churn',
    handle: ({ ctx, json }) =>
      withBody(churnRequest, json, (p) =>
        okJson({ changed: ctx.engine.churn(p.fraction, ctx.now()) }),
      ),
  },
  {
    method: 'PUT',
    path: 'freeze',
    handle: ({ ctx, json }) =>
      withBody(freezeRequest, json, (p) => {
        ctx.engine.advanceTo(ctx.now());
        ctx.engine.frozen = p.frozen;
        return okJson({ frozen: ctx.engine.frozen });
      }),
  },
  {
    method: 'PUT',
    path: 'quirks',
    handle: ({ ctx, json }) =>
      withBody(quirksRequest, json, (p) => {
        ctx.quirks.loggedOnSkew = Object.fromEntries(
          Object.entries(p.loggedOnSkew).map(([k, v]) => [Number(k), v]),
        );
        return okJson({ loggedOnSkew: { ...ctx.quirks.loggedOnSkew } });
      }),
  },
  {
    method: 'PUT',
    path: 'wire',
    handle: ({ ctx, json }) =>
      withBody(wireRequest, json, (p) => {
        if (p.numericStatus !== undefined) ctx.wire.numericStatus = p.numericStatus;
        return okJson({ ...ctx.wire });
      }),
  },
  {
    method: 'GET',
    path: 'reasons',
    handle: ({ ctx }) => {
      const label = (r: (typeof REST_REASONS)[number]) => ({
        code: r.code,
        label: r.label[ctx.locale],
      });
      return okJson({ rest: REST_REASONS.map(label), busy: BUSY_REASONS.map(label) });
    },
  },
];
