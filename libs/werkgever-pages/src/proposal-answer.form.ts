import { DECLINE_REASONS, EmployerAnswerDto } from '@werkbrug/proposals';
import {
  field,
  FormErrors,
  validateAsDto,
  type Choice,
  type DtoFieldWords,
  type FormBody,
} from '@werkbrug/web';
import {
  checkMoments,
  emptyMoments,
  isUsed,
  momentField,
  readMoments,
  type MomentValues,
} from './meeting-moments.form';

/**
 * The employer's answer to a proposal, as posted or shown: strings only. The page has two forms, so
 * a "yes" and a "no" cannot be mixed up: "Ja" with the kind of meeting and one to three moments,
 * and "Nee of nu niet" with the reason (one of which is "nu niet").
 */
export interface AnswerValues {
  /** Which form: interested (yes) or declined (no, or not now). */
  answer: string;
  meetingKind: string;
  moments: MomentValues[];
  reason: string;
  /** The message with a yes. */
  note: string;
  /** The message with a no. */
  declineNote: string;
}

export const emptyAnswer = (defaults?: { place: string; withWhom: string }): AnswerValues => ({
  answer: '',
  meetingKind: '',
  moments: emptyMoments(defaults),
  reason: '',
  note: '',
  declineNote: '',
});

export const EMPTY_ANSWER: AnswerValues = emptyAnswer();

export const MEETING_KIND_OPTIONS: Choice[] = [
  { value: 'kennismaking', text: 'Kennismakingsgesprek', hint: 'Een gesprek van ongeveer een uur' },
  { value: 'meeloopdag', text: 'Meeloopdag', hint: 'De kandidaat loopt een dag(deel) mee' },
];

/** Why not: "not now" first, then the reasons of a no. */
export const REASONS: Choice[] = [
  {
    value: 'niet_nu',
    text: 'Nu niet, misschien later',
    hint: 'Bijvoorbeeld omdat het nu te druk is. De werkmakelaar hoort het.',
  },
  ...Object.entries(DECLINE_REASONS)
    .filter(([code]) => code !== 'niet_nu')
    .map(([value, text]) => ({ value, text })),
];

export function readAnswer(body: FormBody): AnswerValues {
  return {
    answer: field(body, 'answer'),
    meetingKind: field(body, 'meetingKind'),
    moments: readMoments(body),
    reason: field(body, 'reason'),
    note: field(body, 'note'),
    declineNote: field(body, 'declineNote'),
  };
}

/** The answer DTO's plain input: its own property names, values as the form produced them. */
export type AnswerPlainInput = { [K in keyof EmployerAnswerDto]?: unknown };

export const answerDtoWords = (yes: boolean): DtoFieldWords => ({
  answer: { field: yes ? 'meetingKind' : 'reason', message: 'Kies ja of nee' },
  meetingKind: { field: 'meetingKind', message: 'Kies een kennismakingsgesprek of een meeloopdag' },
  meetingOptions: { field: momentField(1, 'Date'), message: 'Controleer de momenten' },
  reason: { field: 'reason', message: 'Kies een reden' },
  note: {
    field: yes ? 'note' : 'declineNote',
    message: 'Maak de toelichting korter dan 2000 tekens',
  },
});

/**
 * The answer in Dutch and, when complete, the answer DTO's plain input. A "no" with moments or a
 * kind of meeting, or a "yes" with a reason, is refused: the two do not go together. `now` is the
 * current instant in milliseconds.
 */
export function checkAnswer(
  values: AnswerValues,
  now: number,
): { errors: FormErrors; input: AnswerPlainInput | null } {
  const errors = new FormErrors();
  const yes = values.answer === 'interested';
  if (yes) {
    if (!MEETING_KIND_OPTIONS.some((k) => k.value === values.meetingKind))
      errors.add('meetingKind', 'Kies een kennismakingsgesprek of een meeloopdag');
    const moments = checkMoments(values.moments, new Date(now), errors);
    if (values.reason)
      errors.add('reason', 'Een reden hoort bij nee. U zegt ja: laat de reden dan leeg.');
    if (values.note.length > 2000) errors.add('note', 'Maak de toelichting korter dan 2000 tekens');
    if (errors.any || !moments) return { errors, input: null };
    return {
      errors,
      input: {
        answer: 'interested',
        meetingKind: values.meetingKind,
        meetingOptions: moments,
        ...(values.note ? { note: values.note } : {}),
      },
    };
  }
  if (values.answer !== 'declined' && values.answer !== 'not_now') {
    errors.add('reason', 'Kies ja of nee');
    return { errors, input: null };
  }
  if (values.moments.some(isUsed) || values.meetingKind)
    errors.add(
      'reason',
      'U zegt nee of nu niet. Dan stelt u geen momenten voor. Wilt u wel kennismaken? Kies dan ja.',
    );
  const reason = values.answer === 'not_now' && !values.reason ? 'niet_nu' : values.reason;
  if (!REASONS.some((r) => r.value === reason)) errors.add('reason', 'Kies een reden');
  if (values.declineNote.length > 2000)
    errors.add('declineNote', 'Maak de toelichting korter dan 2000 tekens');
  if (errors.any) return { errors, input: null };
  const note = values.declineNote ? { note: values.declineNote } : {};
  return {
    errors,
    input:
      reason === 'niet_nu'
        ? { answer: 'not_now', ...note }
        : { answer: 'declined', reason, ...note },
  };
}

/** The form's Dutch checks, then the API's EmployerAnswerDto: a DTO instance or the errors. */
export async function parseAnswer(
  values: AnswerValues,
  now: number,
): Promise<{ errors: FormErrors; dto: EmployerAnswerDto | null }> {
  const { errors, input } = checkAnswer(values, now);
  if (!input) return { errors, dto: null };
  const yes = values.answer === 'interested';
  const dto = await validateAsDto(
    EmployerAnswerDto,
    input,
    answerDtoWords(yes),
    errors,
    yes ? 'meetingKind' : 'reason',
  );
  return { errors, dto };
}
