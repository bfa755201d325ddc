// The one builder of the GatewayError that status(), health and the API carry. Its category is
// typed: the gateway's own retcode categories plus the three this BFF adds, so a screen can word
// every category (e.g. `no-right`: "No permission to read agent data") without guessing.
import {
  isFatalCategory,
  RETCODE_CATEGORIES,
  RETCODES,
  retcodeCategory,
  type RetcodeCategory,
} from '@floorwatch/contracts/gateway';
import type { GatewayError } from '@floorwatch/contracts/api';
import { isGatewayCallError } from './gateway-call-error';
import { clipForLog } from './log-safe';

/** Categories of failures the gateway did not name itself: no usable answer (`transport`), an
 *  answer the contract rejects (`invalid-answer`), data too old to show (`stale`). */
export const LOCAL_ERROR_CATEGORIES = ['transport', 'invalid-answer', 'stale'] as const;
export type LocalErrorCategory = (typeof LOCAL_ERROR_CATEGORIES)[number];
export type GatewayErrorCategory = RetcodeCategory | LocalErrorCategory;

const RETCODE_CATEGORY_SET: ReadonlySet<string> = new Set(RETCODE_CATEGORIES);

function isRetcodeCategory(category: GatewayErrorCategory): category is RetcodeCategory {
  return RETCODE_CATEGORY_SET.has(category);
}

/** `fatal` follows from the category: true where an operator must act (credentials, config,
 *  rights), never for failures of our own making or of the network. */
export function gatewayError(
  code: string,
  message: string,
  category: GatewayErrorCategory,
  at: number,
): GatewayError {
  const fatal = isRetcodeCategory(category) && isFatalCategory(category);
  return { code, message, category, fatal, at };
}

/** A gateway retcode as an error: our wording for a known code; for an unknown one the
 *  gateway's message (clipped, it is the gateway's text) or a generic line. */
export function errorFromRetcode(
  retcode: string,
  at: number,
  gatewayMessage?: string | null,
): GatewayError {
  const known = RETCODES[retcode];
  const code = clipForLog(retcode) ?? '';
  const message =
    known?.message ?? clipForLog(gatewayMessage || null) ?? `Gateway answered ${code}`;
  return gatewayError(code, message, retcodeCategory(retcode), at);
}

/** A call that got no gateway answer (GatewayCallError) or threw something unexpected. */
export function errorFromCall(e: unknown, at: number): GatewayError {
  if (isGatewayCallError(e)) return gatewayError(e.code, e.message, 'transport', at);
  return gatewayError('ERROR', e instanceof Error ? e.message : String(e), 'other', at);
}
