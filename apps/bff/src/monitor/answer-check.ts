// How the monitor judges a gateway answer: a non-zero retcode or a body the contract rejects is
// counted, logged once per route and error (not once per poll) and turned into the error health
// shows; a quarantined agent record is counted and named. Text the gateway sent is shortened
// before it reaches a log or a screen (a 400-character retcode must not).
import type { Logger } from 'pino';
import type { ZodError } from 'zod';
import { retcodeCategory, type QuarantinedRecord } from '@floorwatch/contracts/gateway';
import type { GatewayError } from '@floorwatch/contracts/api';
import type { Metrics } from '../metrics';
import type { GatewayAnswer, GatewaySessionPort } from '../gateway/types';
import { isGatewayCallError } from '../gateway/gateway-call-error';
import {
  errorFromRetcode,
  gatewayError as buildGatewayError,
  type GatewayErrorCategory,
} from '../gateway/gateway-error';
import { clipForLog } from '../gateway/log-safe';

/** Longest piece of gateway text (retcode, work number) a log line or a screen repeats. */
const GATEWAY_TEXT_MAX = 32;
const shortText = (s: string) => clipForLog(s, GATEWAY_TEXT_MAX) ?? '';

/** A poll that got an answer it must not use; carries the error health shows. */
export class PollFailure extends Error {
  constructor(readonly gatewayError: GatewayError) {
    super(gatewayError.message);
  }
}

function zodSummary(err: ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

type Parse<T> = (body: unknown) => { success: true; data: T } | { success: false; error: ZodError };

export function createAnswerCheck(deps: {
  session: GatewaySessionPort;
  metrics: Metrics;
  log: Logger;
  now: () => number;
}) {
  const { session, metrics, log, now } = deps;

  const gatewayError = (code: string, message: string, category: GatewayErrorCategory) =>
    buildGatewayError(code, message, category, now());

  /** Turns a failed call into the error health shows; the session's own error is more telling
   *  when the call never left this process. */
  function errorFromCall(e: unknown, route: string): GatewayError {
    if (e instanceof PollFailure) return e.gatewayError;
    // A body that is not JSON at all is an invalid answer as much as a wrongly shaped one.
    if (isGatewayCallError(e) && e.code === 'NOT_JSON') metrics.invalidAnswers.inc({ route });
    if (isGatewayCallError(e)) {
      if (e.code === 'SIGNED_OUT' || e.code === 'FATAL') {
        const s = session.status().error;
        if (s) return s;
      }
      return gatewayError(e.code, e.message, 'transport');
    }
    return gatewayError('ERROR', e instanceof Error ? e.message : String(e), 'other');
  }

  // A gateway that is down fails every poll; one warning per route and error, not one per poll.
  const lastProblem = new Map<string, string>();
  function report(route: string, code: string, fields: Record<string, unknown>, msg: string): void {
    if (lastProblem.get(route) === code) {
      log.debug({ route, code, ...fields }, msg);
      return;
    }
    lastProblem.set(route, code);
    log.warn({ route, code, ...fields }, msg);
  }
  function recovered(route: string): void {
    if (lastProblem.delete(route)) log.info({ route }, 'gateway answers again');
  }

  /** Refuses an answer as a whole: counted, logged, never applied. */
  function refuse(route: string, code: string, detail: string): never {
    metrics.invalidAnswers.inc({ route });
    report(
      route,
      code,
      { detail },
      'gateway answer does not match the contract; keeping the last good data',
    );
    throw new PollFailure(
      gatewayError(code, `${route}: unexpected answer (${detail})`, 'invalid-answer'),
    );
  }

  /** A non-zero retcode or a body the contract rejects throws a PollFailure; null means a valid
   *  empty answer (`empty`-category retcodes: no agents, no skills). */
  function check<T>(route: string, ans: GatewayAnswer, parse: Parse<T>): T | null {
    const retcode = ans.retcode;
    if (retcode !== '0') {
      if (retcode && retcodeCategory(retcode) === 'empty') return null;
      metrics.invalidAnswers.inc({ route });
      const error = retcode
        ? errorFromRetcode(retcode, now())
        : gatewayError('NO_RETCODE', 'Gateway answered without a retcode', 'invalid-answer');
      report(route, shortText(error.code), {}, 'gateway refused the query');
      throw new PollFailure(error);
    }
    const parsed = parse(ans.body);
    if (!parsed.success) refuse(route, 'INVALID_ANSWER', zodSummary(parsed.error));
    return parsed.data;
  }

  // The same bad records every poll log once; a different set (or none) is news.
  let quarantineKey = '';
  /** Counts and names the agent records left out of an answer that was otherwise used. */
  function quarantine(route: string, records: readonly QuarantinedRecord[]): void {
    metrics.quarantinedRecords.set({ route }, records.length);
    if (records.length > 0) metrics.quarantinedRecordsTotal.inc({ route }, records.length);
    const worknos = records
      .slice(0, 10)
      .map((r) => (r.workno === null ? null : shortText(r.workno)));
    const key = records.length === 0 ? '' : `${records.length}|${worknos.join(',')}`;
    const fields = { route, count: records.length, worknos, issue: records[0]?.issue };
    if (key === quarantineKey) {
      if (key) log.debug(fields, 'agent records left out again');
      return;
    }
    quarantineKey = key;
    if (key) log.warn(fields, 'left out agent records the contract rejects; the rest stays live');
    else log.info({ route }, 'no agent records left out any more');
  }

  return { gatewayError, errorFromCall, report, recovered, refuse, check, quarantine };
}

export type AnswerCheck = ReturnType<typeof createAnswerCheck>;
