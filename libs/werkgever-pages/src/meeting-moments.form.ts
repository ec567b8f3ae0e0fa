import {
  MAX_MEETING_OPTIONS,
  type MeetingOptionDto,
  type MomentProblemCode,
  momentProblems,
} from '@werkbrug/proposals';
import { field, type FormBody, type FormErrors } from '@werkbrug/web';
import { amsterdamToIso } from './amsterdam-time';

/**
 * One to three moments for a kennismaking or meeloopdag, as the employer (or the werkmakelaar for
 * them) fills them in: a date, from and to (Dutch time), where and with whom. The werkmakelaar's
 * pages use the same model and the partial `meeting-moments`.
 */
export interface MomentValues {
  date: string;
  from: string;
  to: string;
  place: string;
  withWhom: string;
}

export const EMPTY_MOMENT: MomentValues = { date: '', from: '', to: '', place: '', withWhom: '' };

const SLOTS = Array.from({ length: MAX_MEETING_OPTIONS }, (_, i) => i + 1);

type Part = 'Date' | 'From' | 'To' | 'Place' | 'With';

/** The input name of one part of a moment: moment1Date, moment2From, … */
export const momentField = (slot: number, part: Part) => `moment${slot}${part}`;

/** Three slots; the first starts with where and with whom filled in (the workplace, its contact). */
export const emptyMoments = (defaults?: { place: string; withWhom: string }): MomentValues[] =>
  SLOTS.map((n) => (n === 1 && defaults ? { ...EMPTY_MOMENT, ...defaults } : { ...EMPTY_MOMENT }));

export function readMoments(body: FormBody): MomentValues[] {
  return SLOTS.map((n) => ({
    date: field(body, momentField(n, 'Date')),
    from: field(body, momentField(n, 'From')),
    to: field(body, momentField(n, 'To')),
    place: field(body, momentField(n, 'Place')),
    withWhom: field(body, momentField(n, 'With')),
  }));
}

/** A slot holds a moment when its date or a time is filled in (where and with whom may be prefilled). */
export const isUsed = (m: MomentValues) => !!(m.date || m.from || m.to);

/** 2026-12-15 (the date input) or 15-12-2026 typed the Dutch way, as YYYY-MM-DD. */
export function isoDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return text;
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (!dutch) return null;
  const [, d, m, y] = dutch as unknown as [string, string, string, string];
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** 10:00 (the time input), or 9.30 or 9:30 typed, as HH:MM. */
export function isoTime(text: string): string | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

const PROBLEM_WORDS: Record<MomentProblemCode, { part: Part; message: string }> = {
  none: {
    part: 'Date',
    message: 'Vul minstens één moment in: een datum, een begintijd en een eindtijd',
  },
  too_many: { part: 'Date', message: 'Stel hoogstens drie momenten voor' },
  invalid_time: { part: 'Date', message: 'Vul een echte datum en tijd in' },
  in_past: { part: 'Date', message: 'Kies een moment in de toekomst' },
  end_before_start: { part: 'To', message: 'De eindtijd moet later zijn dan de begintijd' },
  too_long: { part: 'To', message: 'Een afspraak duurt hoogstens 12 uur' },
  other_day: { part: 'To', message: 'De afspraak moet op dezelfde dag eindigen' },
  duplicate: { part: 'Date', message: 'Dit moment heeft u al ingevuld' },
  no_place: { part: 'Place', message: 'Vul in waar de afspraak is' },
  no_with_whom: { part: 'With', message: 'Vul in met wie de kandidaat praat' },
};

const MAX_TEXT = 200;

/** One moment as the API's MeetingOptionDto takes it. */
export type MomentPlain = Pick<MeetingOptionDto, 'startsAt' | 'endsAt' | 'place' | 'withWhom'>;

/**
 * The moments in Dutch: each used slot needs a date, a start and an end; where and with whom of
 * moment 2 and 3 are those of moment 1 when left empty. Then the rules every offer keeps
 * (momentProblems). Returns the API's MeetingOptionDto input, or null when `errors` got something.
 * Without `required`, no moment at all is fine (an empty list).
 */
export function checkMoments(
  values: readonly MomentValues[],
  now: Date,
  errors: FormErrors,
  required = true,
): MomentPlain[] | null {
  const used = SLOTS.filter((n) => isUsed(values[n - 1] ?? EMPTY_MOMENT));
  if (!used.length) {
    if (required) errors.add(momentField(1, 'Date'), PROBLEM_WORDS.none.message);
    return required ? null : [];
  }
  const first = values[0] ?? EMPTY_MOMENT;
  let wrong = false;
  const add = (n: number, part: Part, message: string) => {
    wrong = true;
    errors.add(momentField(n, part), message);
  };
  const options: { slot: number; option: MomentPlain }[] = [];
  for (const n of used) {
    const m = values[n - 1] as MomentValues;
    const date = isoDate(m.date);
    const from = isoTime(m.from);
    const to = isoTime(m.to);
    const place = m.place || (n > 1 ? first.place : '');
    const withWhom = m.withWhom || (n > 1 ? first.withWhom : '');
    const startsAt = date && from ? amsterdamToIso(`${date}T${from}`) : null;
    const endsAt = date && to ? amsterdamToIso(`${date}T${to}`) : null;
    if (!date || (from && !startsAt)) add(n, 'Date', 'Vul een datum in, zoals 15-12-2026');
    if (!from) add(n, 'From', 'Vul een begintijd in, zoals 10:00');
    if (!to) add(n, 'To', 'Vul een eindtijd in, zoals 11:00');
    if (!place) add(n, 'Place', PROBLEM_WORDS.no_place.message);
    else if (place.length > MAX_TEXT) add(n, 'Place', 'Maak dit korter dan 200 tekens');
    if (!withWhom) add(n, 'With', PROBLEM_WORDS.no_with_whom.message);
    else if (withWhom.length > MAX_TEXT) add(n, 'With', 'Maak dit korter dan 200 tekens');
    if (startsAt && endsAt)
      options.push({ slot: n, option: { startsAt, endsAt, place, withWhom } });
  }
  if (wrong) return null;
  const problems = momentProblems(
    options.map(({ option }) => ({
      startsAt: new Date(option.startsAt),
      endsAt: new Date(option.endsAt),
      place: option.place,
      withWhom: option.withWhom,
    })),
    now,
  );
  for (const p of problems) {
    const slot = p.index === null ? 1 : (options[p.index]?.slot ?? 1);
    const words = PROBLEM_WORDS[p.code];
    add(slot, words.part, words.message);
  }
  return problems.length ? null : options.map(({ option }) => option);
}

/** One slot of the partial `meeting-moments`: its legend and its five inputs. */
export interface MomentSlotView {
  legend: string;
  hint: string | null;
  date: InputView;
  from: InputView;
  to: InputView;
  place: InputView;
  withWhom: InputView;
}

interface InputView {
  name: string;
  value: string;
  error: string | undefined;
}

/** The slots as the partial shows them, with the values as posted and the errors at their fields. */
export function momentSlots(
  values: readonly MomentValues[],
  errors: FormErrors | null | undefined,
): MomentSlotView[] {
  const fields = errors?.toView()?.fields ?? {};
  const input = (n: number, part: Part, value: string): InputView => ({
    name: momentField(n, part),
    value,
    error: fields[momentField(n, part)],
  });
  return SLOTS.map((n) => {
    const m = values[n - 1] ?? EMPTY_MOMENT;
    return {
      legend: n === 1 ? 'Moment 1' : `Moment ${n} (niet verplicht)`,
      hint: n === 1 ? null : 'Waar en met wie: leeg laten is hetzelfde als bij moment 1.',
      date: input(n, 'Date', m.date),
      from: input(n, 'From', m.from),
      to: input(n, 'To', m.to),
      place: input(n, 'Place', m.place),
      withWhom: input(n, 'With', m.withWhom),
    };
  });
}
