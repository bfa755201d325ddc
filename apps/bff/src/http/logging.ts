// Structured logs with secrets removed at the source: the Guid (the gateway credential), session
// cookies, passwords and wallboard tokens never reach a log line, whoever logs them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import pino, { type DestinationStream, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';

export const REDACT_PATHS = [
  'password',
  'passwordHash',
  'token',
  'linkToken',
  'guid',
  'Guid',
  'cookie',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.linkToken',
  '*.guid',
  '*.Guid',
  '*.cookie',
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers.guid',
  'req.headers["set-guid"]',
  'res.headers["set-cookie"]',
  'res.headers["set-guid"]',
  'res.headers.guid',
  'headers.cookie',
  'headers.authorization',
  'headers.guid',
  'headers["set-guid"]',
  'headers["set-cookie"]',
];

/**
 * A field named `msg` beside a message would print the key twice in one JSON line, and log
 * shippers keep only one of them. It is renamed `detail`, whoever logs it.
 */
export function withoutDuplicateMsg(args: unknown[]): unknown[] {
  const [first, second] = args;
  if (
    typeof first === 'object' &&
    first !== null &&
    !(first instanceof Error) &&
    'msg' in first &&
    typeof second === 'string'
  ) {
    const { msg, ...rest } = first as Record<string, unknown>;
    return [{ ...rest, detail: msg }, ...args.slice(1)];
  }
  return args;
}

export function createLogger(opts: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: opts.level,
      // pid and hostname in every line: with several replicas, which process said it.
      base: { pid: process.pid, hostname: hostname(), service: 'floorwatch-bff' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, withoutDuplicateMsg(args) as Parameters<typeof method>);
        },
      },
    },
    opts.destination,
  );
}

/** Query values that are secrets (the wallboard link) are masked in logged URLs. */
export function safeUrl(url: string | undefined): string {
  if (!url) return '';
  return url.replace(/([?&](?:token|guid|password)=)[^&#]*/gi, '$1[redacted]');
}

export function httpLogger(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    autoLogging: {
      ignore: (req) => ['/healthz', '/readyz', '/metrics'].includes(req.url ?? ''),
    },
    // Only what helps an operator; headers are left out entirely rather than filtered.
    serializers: {
      req: (req: IncomingMessage & { id?: unknown }) => ({
        id: req.id,
        method: req.method,
        url: safeUrl(req.url),
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug',
  });
}
