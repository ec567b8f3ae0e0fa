import type { NextFunction, Request, Response } from 'express';
import { etag } from './if-match';

/**
 * Every JSON response that is one versioned record carries its version as ETag, the value a client
 * sends back in If-Match. One place, so no controller can forget it. An Express middleware around
 * `res.json` rather than a Nest interceptor: a global interceptor puts an RxJS pipeline and an
 * async-hooks binding on every request (measured: GET one vacancy ~10% slower).
 */
export function etagFromVersion(_req: Request, res: Response, next: NextFunction) {
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    const version = (body as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && !res.headersSent && res.statusCode < 300)
      res.setHeader('ETag', etag(version));
    return json(body);
  };
  next();
}
