import type { Role } from '@werkbrug/auth';

/**
 * A meeting (kennismaking or meeloopdag) of a proposal: moments are offered (aangeboden), one is
 * picked (gekozen), and afterwards it was held (gehouden) or it was called off (geannuleerd).
 * Moving a meeting takes it back to aangeboden with a new round of moments.
 */
export const MEETING_STATUSES = ['aangeboden', 'gekozen', 'gehouden', 'geannuleerd'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** A meeting that is still going on: it can be picked, moved or cancelled. */
export const RUNNING_MEETING_STATUSES: readonly MeetingStatus[] = ['aangeboden', 'gekozen'];

/** The three sides of a meeting; each records its own outcome. */
export const MEETING_SIDES = ['werkgever', 'kandidaat', 'werkmakelaar'] as const;
export type MeetingSide = (typeof MEETING_SIDES)[number];

export const isMeetingSide = (role: Role | string): role is MeetingSide =>
  (MEETING_SIDES as readonly string[]).includes(role);

/** How it went, in fixed choices (so the werkmakelaar can compare the sides). */
export const MEETING_OUTCOMES = ['goed', 'twijfel', 'niet_goed', 'niet_doorgegaan'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

/** At most this many moments in one offer. */
export const MAX_MEETING_OPTIONS = 3;

/** Who may do what with a meeting (besides seeing the proposal). */
export const MEETING_ROLES = {
  /** The employer offers moments; the werkmakelaar may do it for them. */
  offer: ['werkgever', 'werkmakelaar'],
  /** The candidate picks a moment; the werkmakelaar may pick on their behalf. */
  pick: ['kandidaat', 'werkmakelaar'],
  /** Any of the three may move or cancel; the others are told. */
  move: ['werkgever', 'kandidaat', 'werkmakelaar'],
  cancel: ['werkgever', 'kandidaat', 'werkmakelaar'],
  /** Each side records its own outcome. */
  outcome: ['werkgever', 'kandidaat', 'werkmakelaar'],
} as const satisfies Record<string, readonly Role[]>;
