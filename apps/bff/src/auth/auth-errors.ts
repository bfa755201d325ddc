// Why a sign-in was refused, in the auth domain's own terms; the HTTP layer maps each reason to a
// status (http/error-middleware.ts), so this module never needs to know about HTTP.
export type SignInFailure = 'wrong-credentials' | 'invalid-link' | 'too-many-attempts';

export class SignInError extends Error {
  constructor(
    readonly reason: SignInFailure,
    message: string,
    /** Only for too-many-attempts: seconds until this client may try again. */
    readonly retryAfterSec?: number,
  ) {
    super(message);
    this.name = 'SignInError';
  }

  static wrongCredentials() {
    return new SignInError('wrong-credentials', 'Wrong username or password');
  }
  static invalidLink() {
    return new SignInError('invalid-link', 'This wallboard link is not valid');
  }
  static tooManyAttempts(retryAfterSec: number) {
    return new SignInError(
      'too-many-attempts',
      `Too many failed sign-ins; try again in ${retryAfterSec} s`,
      retryAfterSec,
    );
  }
}
