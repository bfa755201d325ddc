// The one error type of the BFF. Everything that answers an error goes through error-middleware,
// which turns an AppError into the contract ErrorBody; anything else becomes a 500.
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  static badRequest(message: string, details?: unknown) {
    return new AppError(400, 'BAD_REQUEST', message, details);
  }
  static unauthenticated(message = 'Sign in first') {
    return new AppError(401, 'UNAUTHENTICATED', message);
  }
  static forbidden(message = 'Not allowed for this user') {
    return new AppError(403, 'FORBIDDEN', message);
  }
  static notFound(message = 'Not found') {
    return new AppError(404, 'NOT_FOUND', message);
  }
  /** A versioned change based on an old version: `current` is the item now (null: deleted). */
  static conflict(current: unknown) {
    return new AppError(
      409,
      'CONFLICT',
      current === null
        ? 'Someone else deleted this meanwhile'
        : 'Someone else changed this meanwhile; review their change and try again',
      { current },
    );
  }
  static methodNotAllowed(allow: string) {
    return new AppError(405, 'METHOD_NOT_ALLOWED', `Only ${allow} is allowed here`, undefined, {
      Allow: allow,
    });
  }
  static rateLimited(retryAfterSec: number) {
    return new AppError(
      429,
      'RATE_LIMITED',
      `Too many failed sign-ins; try again in ${retryAfterSec} s`,
      { retryAfterSec },
      { 'Retry-After': String(retryAfterSec) },
    );
  }
  static crossOrigin() {
    return new AppError(
      403,
      'CROSS_ORIGIN',
      'Refused: this request did not come from the Floorwatch dashboard itself',
    );
  }
  /** The rest of the body is never read, so the connection is closed after the answer. */
  static payloadTooLarge(maxBytes: number) {
    return new AppError(
      413,
      'PAYLOAD_TOO_LARGE',
      `The request body is too large (at most ${maxBytes} bytes)`,
      { maxBytes },
      { Connection: 'close' },
    );
  }
  static unavailable(code: string, message: string, details?: unknown) {
    return new AppError(503, code, message, details);
  }
}
