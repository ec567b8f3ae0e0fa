import { DECLINE_REASONS, EmployerAnswerDto } from '@werkbrug/proposals';
import {
  field,
  fieldList,
  FormErrors,
  validateAsDto,
  type Choice,
  type DtoFieldWords,
  type FormBody,
} from '@werkbrug/web';
import { amsterdamToIso } from './amsterdam-time';

/** The employer's answer to a proposal, as posted or shown: strings only. */
export interface AnswerValues {
  answer: string;
  meetingKind: string;
  dates: string[];
  reason: string;
  note: string;
}

export const EMPTY_ANSWER: AnswerValues = {
  answer: '',
  meetingKind: '',
  dates: ['', '', ''],
  reason: '',
  note: '',
};

export const ANSWERS: Choice[] = [
  { value: 'interested', text: 'Ja, ik wil kennismaken' },
  {
    value: 'not_now',
    text: 'Nu niet',
    hint: 'Bijvoorbeeld omdat het nu te druk is. De werkmakelaar hoort het.',
  },
  { value: 'declined', text: 'Nee, deze kandidaat past niet' },
];

export const MEETING_KIND_OPTIONS: Choice[] = [
  { value: 'kennismaking', text: 'Kennismakingsgesprek', hint: 'Een gesprek van ongeveer een uur' },
  { value: 'meeloopdag', text: 'Meeloopdag', hint: 'De kandidaat loopt een dag(deel) mee' },
];

/** Reasons an employer can give for "no" ("not now" is its own answer). */
export const REASONS: Choice[] = Object.entries(DECLINE_REASONS)
  .filter(([code]) => code !== 'niet_nu')
  .map(([value, text]) => ({ value, text }));

export function readAnswer(body: FormBody): AnswerValues {
  const dates = fieldList(body, 'dates');
  return {
    answer: field(body, 'answer'),
    meetingKind: field(body, 'meetingKind'),
    dates: [0, 1, 2].map((i) => dates[i] ?? ''),
    reason: field(body, 'reason'),
    note: field(body, 'note'),
  };
}

/** The answer DTO's plain input: its own property names, values as the form produced them. */
export type AnswerPlainInput = { [K in keyof EmployerAnswerDto]?: unknown };

export const ANSWER_DTO_WORDS: DtoFieldWords = {
  answer: { field: 'answer', message: 'Kies uw antwoord' },
  meetingKind: { field: 'meetingKind', message: 'Kies een kennismakingsgesprek of een meeloopdag' },
  meetingDates: {
    field: 'dates',
    message: 'Vul een echte datum en tijd in, zoals 1 december 2026 om 10:00',
  },
  reason: { field: 'reason', message: 'Kies een reden' },
  note: { field: 'note', message: 'Maak de toelichting korter dan 2000 tekens' },
};

/**
 * The answer in Dutch (Amsterdam wall-clock dates, a date in the future) and, when complete, the
 * answer DTO's plain input. `now` is the current instant in milliseconds.
 */
export function checkAnswer(
  values: AnswerValues,
  now: number,
): { errors: FormErrors; input: AnswerPlainInput | null } {
  const errors = new FormErrors();
  const typed = values.dates.filter(Boolean);
  const iso = typed.map(amsterdamToIso);
  const dates = iso.filter((d): d is string => d !== null);
  if (!['interested', 'not_now', 'declined'].includes(values.answer))
    errors.add('answer', 'Kies uw antwoord');
  if (values.answer === 'interested') {
    if (!['kennismaking', 'meeloopdag'].includes(values.meetingKind))
      errors.add('meetingKind', 'Kies een kennismakingsgesprek of een meeloopdag');
    if (!typed.length) errors.add('dates', 'Stel minstens één datum en tijd voor');
    else if (dates.length < iso.length)
      errors.add('dates', 'Vul een echte datum en tijd in, zoals 1 december 2026 om 10:00');
    else if (dates.some((d) => Date.parse(d) < now))
      errors.add('dates', 'Kies een datum en tijd in de toekomst');
  }
  if (values.answer === 'declined' && !REASONS.some((r) => r.value === values.reason))
    errors.add('reason', 'Kies een reden');
  if (values.note.length > 2000) errors.add('note', 'Maak de toelichting korter dan 2000 tekens');
  if (errors.any) return { errors, input: null };
  return {
    errors,
    input: {
      answer: values.answer,
      ...(values.answer === 'interested'
        ? { meetingKind: values.meetingKind, meetingDates: dates }
        : {}),
      ...(values.answer === 'declined' ? { reason: values.reason } : {}),
      ...(values.note ? { note: values.note } : {}),
    },
  };
}

/** The form's Dutch checks, then the API's EmployerAnswerDto: a DTO instance or the errors. */
export async function parseAnswer(
  values: AnswerValues,
  now: number,
): Promise<{ errors: FormErrors; dto: EmployerAnswerDto | null }> {
  const { errors, input } = checkAnswer(values, now);
  if (!input) return { errors, dto: null };
  const dto = await validateAsDto(EmployerAnswerDto, input, ANSWER_DTO_WORDS, errors, 'answer');
  return { errors, dto };
}
