import type { NextFunction, Request, Response } from 'express';

/**
 * Every API answer may carry personal data (a candidate file, a proposal, an error naming a record),
 * so nothing is kept by browsers or proxies: set before any handler runs, so errors and 304-less
 * paths get it too. Static documentation assets (Swagger UI) may override it; they hold no data.
 */
export function noStore(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
