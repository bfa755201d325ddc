// Floorwatch's own security headers on every answer, the proxied gateway answers included.
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Helmet's defaults plus a CSP that allows only this origin (the SPA ships no inline script). */
const helmetHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // React applies style props through the CSSOM, which CSP does not restrict, so the SPA
      // (charts included) needs no 'unsafe-inline' anywhere.
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      manifestSrc: ["'self'"],
    },
  },
  // Same-origin only: nothing of Floorwatch is meant to be embedded or read cross-origin.
  crossOriginResourcePolicy: { policy: 'same-origin' },
  referrerPolicy: { policy: 'no-referrer' },
  // Sent below, and only over HTTPS: on plain HTTP it would pin browsers to an HTTPS that this
  // host may not serve.
  strictTransportSecurity: false,
});

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * req.secure is true on a TLS socket, or when a proxy trusted by FLOORWATCH_TRUST_PROXY says
 * X-Forwarded-Proto: https; an untrusted client claiming it changes nothing.
 */
const hstsOverHttps: RequestHandler = (req, res, next) => {
  if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
  next();
};

export const securityHeaders: RequestHandler[] = [helmetHeaders, hstsOverHttps];
