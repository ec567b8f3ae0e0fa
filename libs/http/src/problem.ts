import { HttpException } from '@nestjs/common';
import type { ProblemCode } from './problem-codes';

/** A field that failed validation, as reported in a problem document. */
export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Stable problem type URI per code; clients switch on `code` or `type`, never on text. */
export const problemType = (code: ProblemCode) =>
  `urn:werkbrug:problem:${code.toLowerCase().replace(/_/g, '-')}`;

/** A problem document from its parts; the type URI follows from the code. */
export const problemOf = (
  status: number,
  code: ProblemCode,
  title: string,
  detail?: string,
  extensions: Record<string, unknown> = {},
): ProblemDocument => ({ type: problemType(code), title, status, code, detail, ...extensions });

/**
 * An RFC 9457 problem raised by application code. `code` is stable and documented;
 * `title` is a short human summary, `detail` explains this occurrence.
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    public readonly code: ProblemCode,
    title: string,
    detail?: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(problemOf(status, code, title, detail, extensions), status);
  }

  get problem(): ProblemDocument {
    return this.getResponse() as ProblemDocument;
  }
}

export const Problems = {
  notFound: (what: string) =>
    new ProblemException(
      404,
      'NOT_FOUND',
      'Not found',
      `${what} does not exist or is not visible to you.`,
    ),
  staleVersion: (current: number) =>
    new ProblemException(
      409,
      'STALE_VERSION',
      'The record was changed by someone else',
      `Your version is out of date; the current version is ${current}. Fetch the record again and retry.`,
      { currentVersion: current },
    ),
  versionRequired: () =>
    new ProblemException(
      428,
      'VERSION_REQUIRED',
      'A version is required for updates',
      'Send the version you read in an If-Match header (for example If-Match: "3") or a version field.',
    ),
  conflict: (
    code: ProblemCode,
    title: string,
    detail: string,
    extensions: Record<string, unknown> = {},
  ) => new ProblemException(409, code, title, detail, extensions),
  duplicate: (detail: string) => new ProblemException(409, 'DUPLICATE', 'Already exists', detail),
  validation: (
    errors: { field: string; message: string }[],
    detail = 'One or more fields are invalid.',
  ) => new ProblemException(422, 'VALIDATION_FAILED', 'Validation failed', detail, { errors }),
  forbidden: (detail = 'Your role may not do this.') =>
    new ProblemException(403, 'FORBIDDEN', 'Forbidden', detail),
  unauthenticated: (detail = 'Send a valid bearer token in the Authorization header.') =>
    new ProblemException(401, 'UNAUTHENTICATED', 'Authentication required', detail),
};
