// Bodies Floorwatch accepts: small JSON only. A client that declares more is answered 413 before
// anything reads a byte of it, and its connection is closed, so it cannot hold the socket open by
// trickling a huge body that nobody will ever read.
import type { RequestHandler } from 'express';
import { AppError } from './app-error';

/** The largest request body of any route (a sign-in is well under 1 kB). */
export const MAX_BODY_BYTES = 16 * 1024;

export const refuseLargeBodies: RequestHandler = (req, _res, next) => {
  const declared = Number(req.headers['content-length'] ?? 0);
  next(declared > MAX_BODY_BYTES ? AppError.payloadTooLarge(MAX_BODY_BYTES) : undefined);
};
