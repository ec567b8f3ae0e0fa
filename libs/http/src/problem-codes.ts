/**
 * Every `code` a problem document can carry: clients switch on these, so they are one closed list.
 * A new code: add it here, then use it, and name it in docs/ where its rule is described.
 */
export const PROBLEM_CODES = [
  // HTTP and input
  'BAD_REQUEST',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INVALID_PARAMETER',
  'INVALID_CURSOR',
  'INVALID_SORT',
  'INVALID_IF_MATCH',
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'DUPLICATE',
  'STALE_VERSION',
  'VERSION_REQUIRED',
  'INTERNAL_ERROR',
  // Access
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'PURPOSE_REQUIRED',
  'CANNOT_DEACTIVATE_SELF',
  // The second factor of werkmakelaars and administrators (docs/api.md, "Second factor")
  'MFA_REQUIRED',
  'MFA_SETUP_REQUIRED',
  'MFA_CODE_INVALID',
  'MFA_ALREADY_ENROLLED',
  'MFA_NOT_NEEDED',
  // Records in use
  'EMPLOYER_IN_USE',
  'WERKSOORT_IN_USE',
  'WERKSOORT_MERGED',
  'REFERENCE_NOT_FOUND',
  'CONFLICT',
  // Proposals and placements
  'ILLEGAL_TRANSITION',
  'VACANCY_NOT_OPEN',
  'PROPOSAL_EXISTS',
  'NO_ACTIVE_CONSENT',
  'USE_DEDICATED_ROUTE',
  'NO_FREE_PLACE',
  'PLACEMENT_ENDED',
  'PLACEMENT_ALREADY_CONFIRMED',
  'PLACEMENT_NOT_CONFIRMED',
  'ARRANGEMENT_RULE',
  'RULE_PERIOD_TAKEN',
  'IDENTIFYING_TEXT',
  // Meetings of a proposal (kennismaking, meeloopdag): docs/api.md, "Meetings"
  'MEETING_RUNNING',
  'MEETING_CLOSED',
  'MEETING_AGREED',
  'MOMENT_UNAVAILABLE',
  'MEETING_NOT_HELD_YET',
  // Import and export (docs/api.md, "Import and export")
  'IMPORT_FILE_TOO_LARGE',
  'IMPORT_FILE_UNREADABLE',
  'IMPORT_NOT_RUNNABLE',
  // Outages: a part is away for a moment (503 with Retry-After; docs/operations.md, "Recovery")
  'SEARCH_UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
  // Used by branches in flight when this list was made (accounts, instruments, trajectories, ownership)
  'EMAIL_TAKEN',
  'INVALID_LINK',
  'LINK_INVALID',
  'NO_EMAIL',
  'IN_USE',
  'VACANCY_IN_USE',
  'HOURS_ALREADY_LOGGED',
  'HOUR_LIMIT',
  'TRAJECTORY_ENDED',
  'TRAJECTORY_OVERLAP',
  'INSTRUMENT_DOES_NOT_APPLY',
  'UNKNOWN_INSTRUMENT',
  'UNKNOWN_GEMEENTE',
  'RULE_NOT_IN_FORCE',
  'RULE_VERSION_IN_PAST',
  'RULE_VERSION_OVERLAP',
] as const;

/** A listed code, or `HTTP_<status>` for a framework error with a status no code is listed for. */
export type ProblemCode = (typeof PROBLEM_CODES)[number] | `HTTP_${number}`;
