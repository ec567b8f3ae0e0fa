import express, { type NextFunction, type Request, type Response } from 'express';
import { problemType } from './problem';
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

/** Requests with a body must send JSON, so form posts to the API do not silently lose their fields. */
export function requireJsonBody(req: Request, res: Response, next: NextFunction) {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 ||
    req.headers['transfer-encoding'] !== undefined;
  if (
    hasBody &&
    ['POST', 'PUT', 'PATCH'].includes(req.method) &&
    req.path.startsWith('/api/') &&
    !req.is(['application/json', 'application/*+json'])
  ) {
    sendProblem(res, {
      type: problemType('UNSUPPORTED_MEDIA_TYPE'),
      title: 'Unsupported media type',
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      detail: 'Send the body as application/json.',
    });
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
    return sendProblem(res, {
      type: problemType('PAYLOAD_TOO_LARGE'),
      title: 'Request body too large',
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      detail: `The body may be at most ${BODY_LIMIT}.`,
    });
  }
  if (err.type === 'entity.parse.failed') {
    return sendProblem(res, {
      type: problemType('MALFORMED_JSON'),
      title: 'Malformed JSON',
      status: 400,
      code: 'MALFORMED_JSON',
      detail: 'The request body is not valid JSON.',
    });
  }
  if (err.status && err.status >= 400 && err.status < 500) {
    return sendProblem(res, {
      type: problemType('BAD_REQUEST'),
      title: 'Bad request',
      status: err.status,
      code: 'BAD_REQUEST',
      detail: 'The request body could not be read.',
    });
  }
  return next(err);
}
