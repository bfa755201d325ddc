// Applies an injected fault to one gateway request. Answers true when the fault answered (or
// swallowed) the request; a `delay` waits and lets the request carry on.
import type { GatewayRouteName } from '@floorwatch/contracts';
import type { Fault } from '../faults';
import { sendJson, sendRaw } from '../http-io';
import { fail, refuseOverload, sendErrorPage, type GatewayRequest } from './reply';

type FaultTarget = Pick<GatewayRequest, 'ctx' | 'req' | 'res'> & { route: GatewayRouteName };

/** A body cut off in the middle of allonlineagents: valid UTF-8, invalid JSON. */
const TRUNCATED_BODY =
  '{"message":"success","retcode":"0","result":[{"skillId":1,"agent":[{"workno":';

export async function applyFault(g: FaultTarget, fault: Fault): Promise<boolean> {
  const { ctx, req, res } = g;
  switch (fault.kind) {
    case 'delay':
      await new Promise((r) => setTimeout(r, fault.ms ?? 1000).unref());
      return res.destroyed;
    case 'hang':
      ctx.counters.reject('other');
      ctx.faults.hold(res);
      return true;
    case 'reset':
    case 'drop':
      ctx.counters.reject('other');
      req.socket.destroy();
      return true;
    case 'http-error':
      ctx.counters.reject('other');
      sendErrorPage(res, fault.status ?? 500);
      return true;
    case 'malformed-json':
      ctx.counters.reject('other');
      sendRaw(res, 200, TRUNCATED_BODY);
      return true;
    case 'wrong-shape':
      ctx.counters.reject('other');
      sendJson(
        res,
        200,
        g.route === 'getAgentEvent'
          ? { message: '', retcode: '0', event: 'unexpected-shape' }
          : { message: 'success', retcode: '0', result: 'unexpected-shape' },
      );
      return true;
    case 'retcode':
      fail(g, fault.retcode ?? '100-007', 'other');
      return true;
    case 'rate-limit':
      refuseOverload(g);
      return true;
  }
}
