import { amsterdamToIso } from './amsterdam-time';

describe('amsterdamToIso', () => {
  it.each([
    ['2026-12-01T10:00', '2026-12-01T10:00:00+01:00'],
    ['2026-07-01T09:30', '2026-07-01T09:30:00+02:00'],
    ['2026-03-29T12:00', '2026-03-29T12:00:00+02:00'],
    ['2026-10-25T12:00', '2026-10-25T12:00:00+01:00'],
    ['2026-02-30T10:00', null],
    ['2026-12-01 10:00', null],
    ['', null],
    ['2026-12-01T24:00', null],
  ])('%s → %s', (input, expected) => {
    expect(amsterdamToIso(input)).toBe(expected);
  });
});
