import { QueryFailedError } from 'typeorm';

/** PostgreSQL SQLSTATE codes we translate into problem responses. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_CHECK_VIOLATION = '23514';
/** Input PostgreSQL could not read as the column's type (a malformed value that slipped past validation). */
export const PG_BAD_INPUT = ['22P02', '22007', '22008', '22003', '22021', '22001'];

export function pgErrorCode(error: unknown): string | undefined {
  if (error instanceof QueryFailedError) {
    return (error.driverError as { code?: string } | undefined)?.code;
  }
  return undefined;
}

export function pgConstraint(error: unknown): string | undefined {
  if (error instanceof QueryFailedError) {
    return (error.driverError as { constraint?: string } | undefined)?.constraint;
  }
  return undefined;
}

/**
 * A foreign-key refusal on DELETE (or a key update): the row is still referenced by another table.
 * PostgreSQL says so in the error detail ("… is still referenced from table …").
 */
export function pgStillReferenced(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const detail = (error.driverError as { detail?: string } | undefined)?.detail ?? '';
  return detail.includes('is still referenced');
}
