const DAY_MS = 24 * 60 * 60 * 1000;

/** Calendar date as PostgreSQL reads it: 2025-11-23 (UTC, so the server's time zone does not shift it). */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY_MS);

/** The date of someone's birthday `years` ago, moved back by `extraDays` within that year. */
export function birthDate(today: Date, years: number, extraDays: number): string {
  const d = new Date(
    Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate()),
  );
  return isoDate(addDays(d, -extraDays));
}

/**
 * A timestamp during working hours on the day `daysAgo` days before `today` (a UTC midnight),
 * so demo records look created over time and never in the future.
 */
export function pastMoment(today: Date, daysAgo: number, secondOfDay: number): string {
  return new Date(today.getTime() - (daysAgo + 1) * DAY_MS + secondOfDay * 1000).toISOString();
}
