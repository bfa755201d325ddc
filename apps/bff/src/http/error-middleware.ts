// The one place errors become HTTP answers: always the contract ErrorBody, never a stack trace.
import { fieldIssueOf, type ErrorBody } from '@floorwatch/contracts/api';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { SignInError } from '../auth/auth-errors';
import { StoreUnavailableError } from '../store/types';
import { AppError } from './app-error';
import { MAX_BODY_BYTES } from './request-limits';

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof SignInError) {
    return err.reason === 'too-many-attempts'
      ? AppError.rateLimited(err.retryAfterSec ?? 1)
      : AppError.unauthenticated(err.message);
  }
  if (err instanceof StoreUnavailableError)
    return AppError.unavailable(
      'STORE_UNAVAILABLE',
      'The settings store cannot be reached just now; try again shortly',
    );
  if (err instanceof ZodError) {
    // Each field with zod's code and bounds, so a screen can say it in its user's language.
    return AppError.badRequest('The request is not valid', err.issues.map(fieldIssueOf));
  }
  const e = (typeof err === 'object' && err !== null ? err : {}) as HttpishError;
  // body-parser errors carry a type and a status; map the ones a client can cause.
  switch (e.type) {
    case 'entity.too.large':
      return AppError.payloadTooLarge(MAX_BODY_BYTES);
    case 'entity.parse.failed':
      return AppError.badRequest('The request body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send JSON in UTF-8');
  }
  const status = e.status ?? e.statusCode;
  if (status !== undefined && status >= 400 && status < 500)
    return new AppError(status, 'BAD_REQUEST', 'The request could not be processed');
  return new AppError(500, 'INTERNAL', 'Something went wrong on the server');
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(AppError.notFound(`No such API route: ${req.method} ${req.path}`));
};

export const errorMiddleware: ErrorRequestHandler = (err, req, res, _next) => {
  const appErr = toAppError(err);
  if (appErr.status >= 500) req.log?.error({ err }, 'request failed');
  else req.log?.debug({ code: appErr.code }, 'request refused');
  if (res.headersSent) {
    // A stream or proxy already started answering; all we can do is end it.
    res.end();
    return;
  }
  const body: ErrorBody = {
    error: {
      code: appErr.code,
      message: appErr.message,
      ...(appErr.details !== undefined ? { details: appErr.details } : {}),
    },
  };
  res.status(appErr.status).set(appErr.headers).set('Cache-Control', 'no-store').json(body);
};
