import express, { type NextFunction, type Request, type Response } from 'express';
import { problemOf } from './problem';
import { sendProblem } from './problem.filter';

export const BODY_LIMIT = '1mb';

/** JSON body parsing with a 1 MB limit; parser failures become problem documents, not HTML. */
export function jsonBodyParser() {
  return express.json({
    limit: BODY_LIMIT,
    strict: true,
    type: ['application/json', 'application/*+json'],
  });
}

/** The API's file uploads (multipart/form-data): the import of a spreadsheet (libs/import). */
export const MULTIPART_API_PATHS = [/^\/api\/import\/(candidates|employers|workplaces)\/?$/];

/** Requests with a body must send JSON, so form posts to the API do not silently lose their fields. */
export function requireJsonBody(req: Request, res: Response, next: NextFunction) {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 ||
    req.headers['transfer-encoding'] !== undefined;
  if (
    hasBody &&
    ['POST', 'PUT', 'PATCH'].includes(req.method) &&
    req.path.startsWith('/api/') &&
    !req.is(['application/json', 'application/*+json']) &&
    !(req.is('multipart/form-data') && MULTIPART_API_PATHS.some((p) => p.test(req.path)))
  ) {
    sendProblem(
      res,
      problemOf(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Unsupported media type',
        'Send the body as application/json.',
      ),
    );
    return;
  }
  next();
}

interface ParserError extends Error {
  type?: string;
  status?: number;
}

export function bodyParserErrors(
  err: ParserError,
  _req: Request,
  res: Response,
  next: NextFunction,
) {
  if (!err || res.headersSent) return next(err);
  if (err.type === 'entity.too.large') {
    return sendProblem(
      res,
      problemOf(
        413,
        'PAYLOAD_TOO_LARGE',
        'Request body too large',
        `The body may be at most ${BODY_LIMIT}.`,
      ),
    );
  }
  if (err.type === 'entity.parse.failed') {
    return sendProblem(
      res,
      problemOf(400, 'MALFORMED_JSON', 'Malformed JSON', 'The request body is not valid JSON.'),
    );
  }
  if (err.status && err.status >= 400 && err.status < 500) {
    return sendProblem(
      res,
      problemOf(err.status, 'BAD_REQUEST', 'Bad request', 'The request body could not be read.'),
    );
  }
  return next(err);
}
