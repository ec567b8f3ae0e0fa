import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  DatabaseUnavailableError,
  duringConnectionLoss,
  isConnectionLoss,
  noteConnectionLoss,
  PG_BAD_INPUT,
  PG_CHECK_VIOLATION,
  pgErrorCode,
  pgStillReferenced,
  PG_FOREIGN_KEY_VIOLATION,
  PG_UNIQUE_VIOLATION,
} from '@werkbrug/database';
import { PROBLEM_CONTENT_TYPE, ProblemDocument, ProblemException, problemOf } from './problem';
import type { ProblemCode } from './problem-codes';

const CODE_BY_STATUS: Record<number, [ProblemCode, string]> = {
  400: ['BAD_REQUEST', 'Bad request'],
  401: ['UNAUTHENTICATED', 'Authentication required'],
  403: ['FORBIDDEN', 'Forbidden'],
  404: ['NOT_FOUND', 'Not found'],
  405: ['METHOD_NOT_ALLOWED', 'Method not allowed'],
  409: ['CONFLICT', 'Conflict'],
  413: ['PAYLOAD_TOO_LARGE', 'Request body too large'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type'],
  422: ['VALIDATION_FAILED', 'Validation failed'],
  429: ['RATE_LIMITED', 'Too many requests'],
  503: ['SERVICE_UNAVAILABLE', 'Service unavailable'],
};

/** Turns any thrown error into a problem document, without stack traces or SQL. */
export function toProblem(error: unknown, instance?: string): ProblemDocument {
  if (error instanceof ProblemException) return { ...error.problem, instance };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const [code, title]: [ProblemCode, string] = CODE_BY_STATUS[status] ?? [
      `HTTP_${status}`,
      HttpStatus[status] ?? 'Error',
    ];
    const body = error.getResponse();
    const message =
      typeof body === 'object' && body && 'message' in body
        ? (body as { message: unknown }).message
        : undefined;
    const detail = typeof message === 'string' ? message : status < 500 ? error.message : undefined;
    return { ...problemOf(status, code, title, detail), instance };
  }
  return { ...databaseProblem(error), instance };
}

/** When to try again after PostgreSQL was out of reach and the breaker does not know better. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** PostgreSQL out of reach: an outage, not a bug (503, try again; the request did not happen). */
export function databaseUnavailable(error: unknown): ProblemDocument {
  const retryAfterSeconds =
    error instanceof DatabaseUnavailableError
      ? Math.max(1, Math.ceil(error.retryAfterMs / 1000))
      : DATABASE_RETRY_AFTER_SECONDS;
  return problemOf(
    503,
    'DATABASE_UNAVAILABLE',
    'Database temporarily unavailable',
    'The database cannot be reached for a moment, so this request could not be completed. Try again shortly.',
    { retryAfterSeconds },
  );
}

/**
 * Database refusals a client caused become 4xx; PostgreSQL out of reach is 503; anything else is our
 * fault (500).
 */
function databaseProblem(error: unknown): ProblemDocument {
  if (isConnectionLoss(error)) {
    noteConnectionLoss();
    return databaseUnavailable(error);
  }
  const pgCode = pgErrorCode(error);
  // Constraint and table names are schema details: never in an answer (services that know the
  // rule behind a constraint translate it themselves, e.g. PROPOSAL_EXISTS).
  if (pgCode === PG_UNIQUE_VIOLATION) {
    return problemOf(
      409,
      'DUPLICATE',
      'Already exists',
      'A record with the same unique value already exists.',
    );
  }
  if (pgCode === PG_FOREIGN_KEY_VIOLATION && pgStillReferenced(error)) {
    return problemOf(
      409,
      'IN_USE',
      'Still in use',
      'Other records still refer to this one, so it cannot be removed.',
    );
  }
  if (pgCode === PG_FOREIGN_KEY_VIOLATION) {
    return problemOf(
      422,
      'REFERENCE_NOT_FOUND',
      'Referenced record not found',
      'A referenced record does not exist.',
    );
  }
  if (pgCode && PG_BAD_INPUT.includes(pgCode)) {
    const detail =
      'A value in the request could not be read (for example a malformed cursor or date).';
    return problemOf(400, 'INVALID_PARAMETER', 'Invalid parameter', detail);
  }
  if (pgCode === PG_CHECK_VIOLATION) {
    const detail = 'A value is outside what is allowed.';
    return problemOf(422, 'VALIDATION_FAILED', 'Validation failed', detail);
  }
  // Just after PostgreSQL was lost, an error in no known form is taken as part of the outage.
  if (duringConnectionLoss()) return databaseUnavailable(error);
  return problemOf(
    500,
    'INTERNAL_ERROR',
    'Internal error',
    'Something went wrong on our side. The error has been logged.',
  );
}

export function sendProblem(res: Response, problem: ProblemDocument) {
  // For the metrics (werkbrug_problems_total by code).
  res.locals.problemCode = problem.code;
  // Rate limits (429) and an unavailable search or database (503) say when to try again.
  if (typeof problem.retryAfterSeconds === 'number') {
    res.setHeader('Retry-After', String(problem.retryAfterSeconds));
  }
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const problem = toProblem(error, req.originalUrl?.split('?')[0]);
    if (problem.code === 'DATABASE_UNAVAILABLE') {
      // An outage, logged once per request as a warning: the cause is PostgreSQL, not this route.
      const message = error instanceof Error ? error.message.slice(0, 200) : String(error);
      this.logger.warn({ err: { message } }, 'database unavailable');
    } else if (problem.status >= 500) {
      // Only the error name and message: driver errors may quote parameter values.
      // (With the driver's code when it has one: it names the failure without quoting values.)
      const code = (error as { code?: unknown } | null)?.code;
      const err =
        error instanceof Error
          ? {
              name: error.name,
              message: error.message.slice(0, 200),
              ...(typeof code === 'string' ? { code } : {}),
            }
          : {};
      const route = req.route as { path?: string } | undefined;
      this.logger.error({ err, path: route?.path }, 'request failed');
    }
    if (res.headersSent) return;
    sendProblem(res, problem);
  }
}
