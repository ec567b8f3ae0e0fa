import { addDays, addMonths, daysBetween, dutchDate, mondayOf, today } from './dates';

describe('addMonths', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'], // clamped to the month's last day
    ['2028-01-31', 1, '2028-02-29'], // leap year
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-11-30', 3, '2027-02-28'], // across a year
    ['2026-08-31', 7, '2027-03-31'], // detachering 7 months across a year end
    ['2026-12-31', 6, '2027-06-30'],
    ['2026-03-31', -1, '2026-02-28'], // backwards
    ['2026-07-01', -6, '2026-01-01'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-05-20', 0, '2026-05-20'],
    ['2026-02-28', 12, '2027-02-28'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-01-01', 1, '2026-01-02'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-28', 2, '2026-03-30'], // over the start of summer time: still whole days
    ['2026-10-24', 2, '2026-10-26'], // over the end of summer time
    ['2026-06-15', 0, '2026-06-15'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2026-11-29', 14, '2026-12-13'], // the contact rhythm
    ['2026-01-01', -1, '2025-12-31'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-01-01', '2026-01-01', 0],
    ['2026-01-01', '2026-01-15', 14],
    ['2026-01-15', '2026-01-01', -14],
    ['2026-02-01', '2026-03-01', 28],
    ['2028-02-01', '2028-03-01', 29],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-12-31', '2027-01-01', 1],
  ])('%s to %s is %i days', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it('undoes addDays', () => {
    for (const days of [-400, -1, 0, 1, 30, 366])
      expect(daysBetween('2026-05-05', addDays('2026-05-05', days))).toBe(days);
  });
});

describe('mondayOf', () => {
  it.each([
    ['2026-11-23', '2026-11-23'], // a Monday
    ['2026-11-29', '2026-11-23'], // a Sunday
    ['2026-11-25', '2026-11-23'],
    ['2027-01-01', '2026-12-28'], // across a year
    ['2026-03-01', '2026-02-23'], // across a month
  ])('the Monday of %s is %s', (day, monday) => {
    expect(mondayOf(day)).toBe(monday);
  });
});

describe('dutchDate', () => {
  const intl = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' });
  it.each([
    ['2026-07-01', '1 juli 2026'],
    ['2026-01-31', '31 januari 2026'],
    ['2026-03-09', '9 maart 2026'],
    ['2027-12-25', '25 december 2027'],
    ['2028-02-29', '29 februari 2028'],
  ])('%s reads as %s, as Intl writes it', (iso, words) => {
    expect(dutchDate(iso)).toBe(words);
    // The mails that used Intl's long Dutch date before read the same.
    expect(intl.format(new Date(`${iso}T12:00:00Z`))).toBe(words);
  });
});

describe('today', () => {
  it.each<[string, string]>([
    // Winter (UTC+1) and summer (UTC+2): just after midnight in Amsterdam is still yesterday in UTC.
    ['2026-01-14T23:30:00Z', '2026-01-15'],
    ['2026-01-14T22:59:00Z', '2026-01-14'],
    ['2026-07-01T22:30:00Z', '2026-07-02'],
    ['2026-07-01T21:59:00Z', '2026-07-01'],
    ['2026-03-29T01:30:00Z', '2026-03-29'],
    ['2026-12-31T23:00:00Z', '2027-01-01'],
  ])('%s is %s in Amsterdam', (instant, date) => {
    expect(today(new Date(instant))).toBe(date);
  });

  it('is the current date as YYYY-MM-DD', () => {
    expect(today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
