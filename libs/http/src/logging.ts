import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { loadConfig } from '@werkbrug/config';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { prettyDestination, wantsPrettyLogs } from './pretty-log';
import { requestIdFor } from './request-id';

/**
 * Paths pino blanks out wherever they appear. Bodies are never logged at all; these cover
 * headers and any object a developer passes to a log call by mistake.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-purpose"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.accessToken',
  '*.token',
  '*.email',
  '*.phone',
  '*.firstName',
  '*.lastName',
  '*.dateOfBirth',
  '*.benefitType',
  '*.loonwaardePct',
  '*.notes',
  '*.address',
];

/**
 * Structured JSON logs with a request id; URLs lose their query string (it may hold search text).
 * `pretty`: the same entries as one readable line each, for a terminal (see pretty-log.ts); by default
 * when LOG_FORMAT says so, or when it is unset and stdout is a terminal.
 */
export function loggerParams(
  level: string,
  pretty = wantsPrettyLogs(loadConfig().logFormat, !!process.stdout.isTTY),
): Params {
  const options: Options = {
    level,
    genReqId: (req: IncomingMessage, res: ServerResponse) => requestIdFor(req, res),
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
  };
  return {
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: pretty ? [options, prettyDestination()] : options,
  };
}
