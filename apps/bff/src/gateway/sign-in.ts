// One sign-in of the supervisor: the variant (login with a phone, loginex without), and on
// 100-002 "already signed in" the forced variant when allowed, because the session in the way is
// nearly always our own from before a restart (docs/gateway.md §Sign-in and sign-out). It never
// retries beyond that: when to try again is the lifecycle's decision.
import type { GatewayRouteName, SignInRequest } from '@floorwatch/contracts/gateway';
import type { GatewayError } from '@floorwatch/contracts/api';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics';
import type { Exchange } from './exchange';
import { GatewayCallError, isGatewayCallError } from './gateway-call-error';
import { errorFromCall, errorFromRetcode, gatewayError } from './gateway-error';
import type { RateBudget } from './rate-budget';

/** The `kind` label of the sign-in metric. */
export type SignInKind = 'login' | 'forcelogin' | 'loginex' | 'forceloginexwithoutphone';

export const SIGN_IN_ROUTES: Record<SignInKind, GatewayRouteName> = {
  login: 'login',
  forcelogin: 'forceLogin',
  loginex: 'loginEx',
  forceloginexwithoutphone: 'forceLoginExWithoutPhone',
};

export interface SignInOptions {
  exchange: Exchange;
  budget: RateBudget;
  metrics: Metrics;
  logger: Logger;
  password: string;
  /** Without a phone the session signs in through loginex (no media, nothing rings). */
  phone?: string | undefined;
  /** Take over a session left open (100-002) with the forced variant. */
  forceLogin: boolean;
  requestTimeoutMs: number;
  now: () => number;
  /** True once the session is stopping: a sign-in not yet sent is not sent. */
  stopped: () => boolean;
}

export type SignInOutcome =
  | { ok: true; kind: SignInKind; guid: string }
  | { ok: false; kind: SignInKind; error: GatewayError };

export interface SignIn {
  /** One sign-in (and at most one forced follow-up); never rejects. */
  attempt(): Promise<SignInOutcome>;
}

/** Sign-in body: status 4 (idle) and auto-enter-idle, so the supervisor never shows as busy. */
export function signInBody(password: string, phone?: string): SignInRequest {
  const body: SignInRequest = {
    password,
    status: 4,
    releasephone: true,
    agenttype: 4,
    autoanswer: false,
    autoenteridle: true,
  };
  if (phone) body.phonenum = phone;
  return body;
}

export function createSignIn(opts: SignInOptions): SignIn {
  const { exchange, budget, metrics } = opts;
  const log = opts.logger;

  async function once(kind: SignInKind) {
    const release = await budget.acquire('session');
    try {
      if (opts.stopped()) throw new GatewayCallError('STOPPED', 'gateway session stopped');
      const res = await exchange({
        route: SIGN_IN_ROUTES[kind],
        body: signInBody(opts.password, opts.phone),
        guid: null,
        timeoutMs: opts.requestTimeoutMs,
      });
      metrics.signIns.inc({ kind, retcode: res.retcode ?? 'NO_RETCODE' });
      return res;
    } catch (e) {
      if (isGatewayCallError(e) && e.code !== 'STOPPED')
        metrics.signIns.inc({ kind, retcode: e.code });
      throw e;
    } finally {
      release();
    }
  }

  return {
    async attempt() {
      const phoneless = !opts.phone;
      let kind: SignInKind = phoneless ? 'loginex' : 'login';
      try {
        let res = await once(kind);
        if (res.retcode === '100-002' && opts.forceLogin && !opts.stopped()) {
          log.warn('agent already signed in; forcing the sign-in');
          kind = phoneless ? 'forceloginexwithoutphone' : 'forcelogin';
          res = await once(kind);
        }
        const guid = res.ans.setGuid;
        if (res.retcode === '0' && guid) return { ok: true, kind, guid };
        const error =
          res.retcode === '0'
            ? gatewayError('NO_GUID', 'sign-in answer carried no Set-GUID', 'other', opts.now())
            : errorFromRetcode(res.retcode ?? 'NO_RETCODE', opts.now(), res.message);
        return { ok: false, kind, error };
      } catch (e) {
        return { ok: false, kind, error: errorFromCall(e, opts.now()) };
      }
    },
  };
}
