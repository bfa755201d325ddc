// One error type for every way an upstream call can fail before we hold a gateway answer, so
// callers (monitor, health) can turn it into a contracts GatewayError without guessing.

export type GatewayCallErrorCode =
  | 'TIMEOUT'
  | 'NETWORK'
  | 'NOT_JSON'
  | 'TOO_LARGE'
  | 'SIGNED_OUT'
  | 'FATAL'
  | 'STOPPED'
  | 'ABORTED'
  | `HTTP_${number}`;

export class GatewayCallError extends Error {
  readonly code: GatewayCallErrorCode;

  constructor(code: GatewayCallErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GatewayCallError';
    this.code = code;
  }
}

export function isGatewayCallError(e: unknown): e is GatewayCallError {
  return e instanceof GatewayCallError;
}
