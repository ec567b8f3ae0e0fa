import {
  CancelMeetingDto,
  MeetingOutcomeDto,
  PickMeetingDto,
  type MeetingOutcome,
} from '@werkbrug/proposals';
import type { FormErrors } from './form-errors';
import { validateAsDto } from './form-dto';
import type { ConfirmQuestion } from './page-responder';
import { field, type FormBody } from './web-request';

/**
 * The forms about a kennismaking or meeloopdag that all three portals show (pick a moment, cancel,
 * say how it went): each page reads them here, into the API's DTOs, in its own words.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The meeting a form acts on and the version it was shown at (hidden fields `meeting`, `version`). */
export interface MeetingTarget {
  /** '' when the form names no meeting (or not one that could exist). */
  meetingId: string;
  version: number | undefined;
}

export const meetingTarget = (body: FormBody): MeetingTarget => {
  const version = Number(field(body, 'version'));
  const meetingId = field(body, 'meeting');
  return {
    meetingId: UUID.test(meetingId) ? meetingId : '',
    version: Number.isInteger(version) && version > 0 ? version : undefined,
  };
};

/** A moment picked (radio `option`); null when `errors` got something. */
export async function pickInput(
  target: MeetingTarget,
  option: string,
  errors: FormErrors,
): Promise<PickMeetingDto | null> {
  const dto = await validateAsDto(
    PickMeetingDto,
    { optionId: option, version: target.version },
    { optionId: { field: 'option', message: 'Kies een moment' } },
    errors,
    'option',
  );
  if (!target.meetingId) errors.add('option', 'Er zijn nu geen momenten om te kiezen');
  return dto && target.meetingId ? dto : null;
}

/** Calling the meeting off (textarea `cancelReason`); `reasonMessage` is the page's own words. */
export async function cancelInput(
  target: MeetingTarget,
  reason: string,
  reasonMessage: string,
  errors: FormErrors,
): Promise<CancelMeetingDto | null> {
  const dto = await validateAsDto(
    CancelMeetingDto,
    { reason, version: target.version },
    { reason: { field: 'cancelReason', message: reasonMessage } },
    errors,
    'cancelReason',
  );
  if (!target.meetingId) errors.add('cancelReason', 'Er is geen afspraak om af te zeggen');
  return dto && target.meetingId ? dto : null;
}

/** How it went (radio `outcome` among the page's choices, textarea `outcomeNote`). */
export async function outcomeInput(
  target: MeetingTarget,
  answers: { outcome: string; outcomeNote: string },
  choices: readonly { value: string }[],
  noteMessage: string,
  errors: FormErrors,
): Promise<MeetingOutcomeDto | null> {
  if (!choices.some((o) => o.value === answers.outcome)) errors.add('outcome', 'Kies hoe het ging');
  if (!target.meetingId) errors.add('outcome', 'Er is geen afspraak om over te vertellen');
  if (errors.any) return null;
  return validateAsDto(
    MeetingOutcomeDto,
    {
      outcome: answers.outcome as MeetingOutcome,
      ...(answers.outcomeNote ? { note: answers.outcomeNote } : {}),
      version: target.version,
    },
    { note: { field: 'outcomeNote', message: noteMessage } },
    errors,
    'outcome',
  );
}

/**
 * The question before calling a meeting off (it cannot be undone): the answers travel along as
 * hidden fields. `page` is the meeting page the form is on (…/afspraak).
 */
export const cancelQuestion = (
  page: string,
  target: MeetingTarget,
  reason: string,
  words: Pick<ConfirmQuestion, 'title' | 'consequences'>,
): ConfirmQuestion => ({
  ...words,
  action: `${page}/afzeggen`,
  hidden: [
    { name: 'meeting', value: target.meetingId },
    { name: 'version', value: String(target.version ?? '') },
    { name: 'cancelReason', value: reason },
  ],
  confirmText: 'Ja, zeg de afspraak af',
  cancelHref: page,
  cancelText: 'Nee, de afspraak blijft staan',
  warning: true,
});
