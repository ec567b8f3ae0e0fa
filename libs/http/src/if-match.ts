import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ProblemException, Problems } from './problem';

/**
 * Reads the expected version of an update from If-Match ("3", W/"3" or 3).
 * Returns undefined when absent so the body's `version` field may be used instead.
 */
export const IfMatchVersion = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const header = ctx.switchToHttp().getRequest<Request>().headers['if-match'];
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(String(header).trim());
  if (!match) {
    throw new ProblemException(
      400,
      'INVALID_IF_MATCH',
      'Invalid If-Match header',
      'Send the version as If-Match: "3".',
    );
  }
  return Number(match[1]);
});

export const etag = (version: number) => `"${version}"`;

/** The version an update was based on: If-Match wins over a body `version`; one of them is required. */
export function expectedVersion(
  ifMatch: number | undefined,
  bodyVersion: number | undefined,
): number {
  const expected = ifMatch ?? bodyVersion;
  if (expected === undefined) throw Problems.versionRequired();
  return expected;
}

/** Optimistic locking: a record changed since it was read is a 409, never a silent overwrite. */
export function assertVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && current !== expected) throw Problems.staleVersion(current);
}
