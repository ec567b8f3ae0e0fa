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
  PG_BAD_INPUT,
  PG_CHECK_VIOLATION,
  pgConstraint,
  pgErrorCode,
  PG_FOREIGN_KEY_VIOLATION,
  PG_UNIQUE_VIOLATION,
} from '@werkbrug/database';
import { PROBLEM_CONTENT_TYPE, ProblemDocument, ProblemException, problemType } from './problem';

const CODE_BY_STATUS: Record<number, [string, string]> = {
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
    const [code, title] = CODE_BY_STATUS[status] ?? [
      `HTTP_${status}`,
      HttpStatus[status] ?? 'Error',
    ];
    const body = error.getResponse();
    const message =
      typeof body === 'object' && body && 'message' in body
        ? (body as { message: unknown }).message
        : undefined;
    const detail = typeof message === 'string' ? message : status < 500 ? error.message : undefined;
    return { type: problemType(code), title, status, code, detail, instance };
  }
  const pgCode = pgErrorCode(error);
  if (pgCode === PG_UNIQUE_VIOLATION) {
    return {
      type: problemType('DUPLICATE'),
      title: 'Already exists',
      status: 409,
      code: 'DUPLICATE',
      detail: `A record with the same unique value already exists (${pgConstraint(error) ?? 'unique key'}).`,
      instance,
    };
  }
  if (pgCode === PG_FOREIGN_KEY_VIOLATION) {
    return {
      type: problemType('REFERENCE_NOT_FOUND'),
      title: 'Referenced record not found',
      status: 422,
      code: 'REFERENCE_NOT_FOUND',
      detail: 'A referenced record does not exist.',
      instance,
    };
  }
  if (pgCode && PG_BAD_INPUT.includes(pgCode)) {
    return {
      type: problemType('INVALID_PARAMETER'),
      title: 'Invalid parameter',
      status: 400,
      code: 'INVALID_PARAMETER',
      detail: 'A value in the request could not be read (for example a malformed cursor or date).',
      instance,
    };
  }
  if (pgCode === PG_CHECK_VIOLATION) {
    return {
      type: problemType('VALIDATION_FAILED'),
      title: 'Validation failed',
      status: 422,
      code: 'VALIDATION_FAILED',
      detail: `A value is outside what is allowed (${pgConstraint(error) ?? 'check'}).`,
      instance,
    };
  }
  return {
    type: problemType('INTERNAL_ERROR'),
    title: 'Internal error',
    status: 500,
    code: 'INTERNAL_ERROR',
    detail: 'Something went wrong on our side. The error has been logged.',
    instance,
  };
}

export function sendProblem(res: Response, problem: ProblemDocument) {
  if (problem.status === 429 && typeof problem.retryAfterSeconds === 'number') {
    res.setHeader('Retry-After', String(problem.retryAfterSeconds));
  }
  if (problem.status === 503 && typeof problem.retryAfterSeconds === 'number') {
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
    if (problem.status >= 500) {
      // Only the error name and message: driver errors may quote parameter values.
      const err =
        error instanceof Error ? { name: error.name, message: error.message.slice(0, 200) } : {};
      this.logger.error({ err, path: req.route?.path }, 'request failed');
    }
    if (res.headersSent) return;
    sendProblem(res, problem);
  }
}
