import type { Role } from '@werkbrug/auth';
import type { Meeting, MeetingOption, MeetingOutcomeRecord } from './meeting.entity';
import {
  MEETING_ROLES,
  RUNNING_MEETING_STATUSES,
  type MeetingOutcome,
  type MeetingSide,
  type MeetingStatus,
} from './meeting-status';
import type { MeetingKind } from './proposal-status';
import { momentWords, optionWords } from './meeting-options';

/** What a caller may do with a meeting now. */
export const MEETING_ACTIONS = ['pick', 'move', 'cancel', 'outcome'] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

export interface MeetingOptionView {
  id: string;
  startsAt: string;
  endsAt: string;
  place: string;
  withWhom: string;
  /** It can still be picked: in the future, and nobody said they cannot come. */
  available: boolean;
}

export interface MeetingOutcomeView {
  side: MeetingSide;
  outcome: MeetingOutcome;
  note: string | null;
  recordedAt: string;
}

/** A meeting as one side sees it. */
export interface MeetingView {
  id: string;
  proposalId: string;
  kind: MeetingKind;
  /** The moments of the current offer (moving makes a new one). */
  options: MeetingOptionView[];
  /** Held (gehouden) as soon as the agreed moment has begun: see meetingStatusAt. */
  status: MeetingStatus;
  /** The agreed moment (also after it was held, or the moment a cancelled meeting had). */
  chosen: MeetingOptionView | null;
  offeredByRole: MeetingSide;
  pickedByRole: MeetingSide | null;
  pickedAt: string | null;
  moved: { byRole: MeetingSide; reason: string | null } | null;
  cancelled: { byRole: MeetingSide; reason: string | null; at: string } | null;
  /** The werkmakelaar sees every side's; the employer and the candidate their own. */
  outcomes: MeetingOutcomeView[];
  allowedActions: MeetingAction[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

const optionView = (o: MeetingOption, now: Date): MeetingOptionView => ({
  id: o.id,
  startsAt: o.startsAt.toISOString(),
  endsAt: o.endsAt.toISOString(),
  place: o.place,
  withWhom: o.withWhom,
  available: !o.unavailableAt && o.startsAt.getTime() > now.getTime(),
});

/**
 * Where the meeting stands now: an agreed meeting whose moment has begun was held, also before a
 * side told how it went (the service saves it so at the first outcome, a new offer or the end of
 * the proposal). One rule for the API and all three portals.
 */
export function meetingStatusAt(
  meeting: Pick<Meeting, 'status'>,
  chosenStartsAt: Date | null,
  now: Date,
): MeetingStatus {
  return meeting.status === 'gekozen' && chosenStartsAt && chosenStartsAt <= now
    ? 'gehouden'
    : meeting.status;
}

/** What the role may do now, by the meeting's state (the rules the service enforces). */
export function allowedMeetingActions(
  role: Role,
  meeting: Pick<Meeting, 'status'>,
  options: readonly MeetingOptionView[],
  chosen: MeetingOptionView | null,
  now: Date,
): MeetingAction[] {
  const may = (list: readonly string[]) => list.includes(role);
  const status = meetingStatusAt(meeting, chosen ? new Date(chosen.startsAt) : null, now);
  // Held once its moment began: then it can no longer be moved or cancelled.
  const running = RUNNING_MEETING_STATUSES.includes(status);
  const actions: MeetingAction[] = [];
  if (may(MEETING_ROLES.pick) && status === 'aangeboden' && options.some((o) => o.available))
    actions.push('pick');
  if (may(MEETING_ROLES.move) && running) actions.push('move');
  if (may(MEETING_ROLES.cancel) && running) actions.push('cancel');
  if (may(MEETING_ROLES.outcome) && status === 'gehouden' && chosen) actions.push('outcome');
  return actions;
}

/**
 * One meeting for one role. The employer never sees a reason or an outcome another side wrote (it
 * may be about the candidate's health); the candidate sees only its own outcome.
 */
export function toMeetingView(
  role: Role,
  meeting: Meeting,
  options: readonly MeetingOption[],
  outcomes: readonly MeetingOutcomeRecord[],
  now = new Date(),
): MeetingView {
  const current = options
    .filter((o) => o.meetingId === meeting.id && o.round === meeting.round)
    .sort((a, b) => a.position - b.position)
    .map((o) => optionView(o, now));
  const chosenOption = options.find((o) => o.id === meeting.chosenOptionId);
  const chosen = chosenOption ? optionView(chosenOption, now) : null;
  const ownReason = (byRole: MeetingSide, reason: string | null) =>
    role === 'werkgever' && byRole !== 'werkgever' ? null : reason;
  return {
    id: meeting.id,
    proposalId: meeting.proposalId,
    kind: meeting.kind,
    status: meetingStatusAt(meeting, chosenOption?.startsAt ?? null, now),
    options: current,
    chosen,
    offeredByRole: meeting.offeredByRole,
    pickedByRole: meeting.pickedByRole,
    pickedAt: meeting.pickedAt?.toISOString() ?? null,
    moved: meeting.movedByRole
      ? { byRole: meeting.movedByRole, reason: ownReason(meeting.movedByRole, meeting.moveReason) }
      : null,
    cancelled:
      meeting.cancelledByRole && meeting.cancelledAt
        ? {
            byRole: meeting.cancelledByRole,
            reason: ownReason(meeting.cancelledByRole, meeting.cancelReason),
            at: meeting.cancelledAt.toISOString(),
          }
        : null,
    outcomes: outcomes
      .filter((o) => o.meetingId === meeting.id && (role === 'werkmakelaar' || o.side === role))
      .map((o) => ({
        side: o.side,
        outcome: o.outcome,
        note: o.note,
        recordedAt: o.updatedAt.toISOString(),
      })),
    allowedActions: allowedMeetingActions(role, meeting, current, chosen, now),
    createdAt: meeting.createdAt.toISOString(),
    updatedAt: meeting.updatedAt.toISOString(),
    version: meeting.version,
  };
}

/** An option of a view in words: "dinsdag 15 december 2026, 10:00–11:00, Dorpsstraat 1, met Anja". */
export const optionViewWords = (
  o: Pick<MeetingOptionView, 'startsAt' | 'endsAt' | 'place' | 'withWhom'>,
) =>
  optionWords({
    startsAt: new Date(o.startsAt),
    endsAt: new Date(o.endsAt),
    place: o.place,
    withWhom: o.withWhom,
  });

/** When an option of a view is, in words: "dinsdag 15 december 2026, 10:00–11:00". */
export const momentViewWords = (o: Pick<MeetingOptionView, 'startsAt' | 'endsAt'>) =>
  momentWords({ startsAt: new Date(o.startsAt), endsAt: new Date(o.endsAt) });

/** The meeting still to come (offered or agreed), if any: a proposal has at most one. */
export const runningMeeting = (meetings: readonly MeetingView[]) =>
  meetings.find((m) => RUNNING_MEETING_STATUSES.includes(m.status)) ?? null;
