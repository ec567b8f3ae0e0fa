/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so time zones never shift a day.
 * The one place for it: placements, instruments, caseload and trajectories use these.
 */

const DAY_MS = 86_400_000;

const utcMidnight = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);

/** Months later (or earlier, when negative); the day is clamped to the target month's last day. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Days later (or earlier, when negative). */
export const addDays = (isoDate: string, days: number) =>
  new Date(utcMidnight(isoDate) + days * DAY_MS).toISOString().slice(0, 10);

/** Whole days from one date to another: negative when `to` is earlier. */
export const daysBetween = (from: string, to: string) =>
  Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);

/** The Monday of an ISO date's week. */
export function mondayOf(isoDate: string): string {
  const back = (new Date(utcMidnight(isoDate)).getUTCDay() + 6) % 7;
  return addDays(isoDate, -back);
}

const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/**
 * Today's date in the Netherlands, the calendar every rule and form works with: at 00:30 in
 * Amsterdam it is already the new day, while UTC still says yesterday.
 */
export const today = (now = new Date()) => AMSTERDAM_DATE.format(now);

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** "1 juli 2026": dates as people read them (in mails and texts). */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
