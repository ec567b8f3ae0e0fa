import { addDays, addMonths } from './dates';

describe('addMonths', () => {
  it.each<[string, number, string]>([
    ['2026-01-15', 2, '2026-03-15'],
    ['2026-01-31', 1, '2026-02-28'], // clamps to the last day of a short month
    ['2028-01-31', 1, '2028-02-29'], // leap year
    ['2026-08-31', 7, '2027-03-31'], // detachering 7 months across a year end
    ['2026-12-31', 6, '2027-06-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-05-10', 0, '2026-05-10'],
    ['2026-11-29', 12, '2027-11-29'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each<[string, number, string]>([
    ['2026-03-28', 1, '2026-03-29'], // the night the clocks go forward
    ['2026-10-24', 2, '2026-10-26'], // and back
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-11-29', 14, '2026-12-13'], // the contact rhythm
    ['2026-01-01', -1, '2025-12-31'],
  ])('%s + %i days = %s', (from, days, expected) => {
    expect(addDays(from, days)).toBe(expected);
  });
});
