import { today } from '@werkbrug/domain';
import { MAX_MEETING_OPTIONS } from './meeting-status';

/** One moment as it is offered: when (instants), where and with whom. */
export interface MomentInput {
  startsAt: Date;
  endsAt: Date;
  place: string;
  withWhom: string;
}

/** A meeting lasts at most this long (a meeloopdag is a working day, not a night shift too). */
export const MAX_MEETING_HOURS = 12;

/** Why an offer of moments is refused; the API and each page say it in their own words. */
export type MomentProblemCode =
  | 'none'
  | 'too_many'
  | 'invalid_time'
  | 'in_past'
  | 'end_before_start'
  | 'too_long'
  | 'other_day'
  | 'duplicate'
  | 'no_place'
  | 'no_with_whom';

export interface MomentProblem {
  /** Which moment (0-based), or null for the offer as a whole. */
  index: number | null;
  field: 'options' | 'startsAt' | 'endsAt' | 'place' | 'withWhom';
  code: MomentProblemCode;
}

const valid = (d: Date) => d instanceof Date && !Number.isNaN(d.getTime());

/**
 * The rules of an offer: one to three moments, each in the future, ending after it starts on the
 * same (Dutch) day and within MAX_MEETING_HOURS, at a place and with someone, no moment twice.
 * `now` is the current instant. An empty list means the offer is fine.
 */
export function momentProblems(moments: readonly MomentInput[], now: Date): MomentProblem[] {
  if (!moments.length) return [{ index: null, field: 'options', code: 'none' }];
  if (moments.length > MAX_MEETING_OPTIONS)
    return [{ index: null, field: 'options', code: 'too_many' }];
  const problems: MomentProblem[] = [];
  const seen = new Set<number>();
  moments.forEach((m, index) => {
    const add = (field: MomentProblem['field'], code: MomentProblemCode) =>
      problems.push({ index, field, code });
    if (!m.place.trim()) add('place', 'no_place');
    if (!m.withWhom.trim()) add('withWhom', 'no_with_whom');
    if (!valid(m.startsAt)) return add('startsAt', 'invalid_time');
    if (!valid(m.endsAt)) return add('endsAt', 'invalid_time');
    if (m.startsAt.getTime() <= now.getTime()) return add('startsAt', 'in_past');
    if (m.endsAt.getTime() <= m.startsAt.getTime()) return add('endsAt', 'end_before_start');
    if (m.endsAt.getTime() - m.startsAt.getTime() > MAX_MEETING_HOURS * 3_600_000)
      return add('endsAt', 'too_long');
    // 24:00 is the next day's 00:00: a moment may end at midnight, not later.
    if (today(m.startsAt) !== today(new Date(m.endsAt.getTime() - 1)))
      return add('endsAt', 'other_day');
    if (seen.has(m.startsAt.getTime())) return add('startsAt', 'duplicate');
    seen.add(m.startsAt.getTime());
  });
  return problems;
}

const DAY = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});
const TIME = new Intl.DateTimeFormat('nl-NL', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/Amsterdam',
});

/** "dinsdag 15 december 2026", in Dutch time. */
export const dayWords = (at: Date) => DAY.format(at);

/** "10:00", in Dutch time. */
export const timeWords = (at: Date) => TIME.format(at);

/** "dinsdag 15 december 2026, 10:00–11:00": a moment as people read it, in Dutch time. */
export const momentWords = (m: { startsAt: Date; endsAt: Date }) =>
  `${dayWords(m.startsAt)}, ${timeWords(m.startsAt)}–${timeWords(m.endsAt)}`;

/** "dinsdag 15 december 2026, 10:00–11:00, Kaasmakerij De Wit, Dorpsstraat 1, met Anja". */
export const optionWords = (m: MomentInput) =>
  `${momentWords(m)}, ${m.place.trim()}, met ${m.withWhom.trim()}`;

/** The moment's wall-clock time in Amsterdam: what a calendar with TZID=Europe/Amsterdam says. */
export function amsterdamWallClock(at: Date): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}
