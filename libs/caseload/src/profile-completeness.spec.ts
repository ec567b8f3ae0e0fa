import {
  COMPLETENESS_CHECKS,
  CompletenessFacts,
  monthsBefore,
  profileCompleteness,
} from './profile-completeness';

const TODAY = '2026-11-29';
const complete: CompletenessFacts = {
  werksoortWishes: ['groen'],
  interests: 'buiten werken',
  certificates: ['vca'],
  languageLevel: 'B1',
  maxTravelKm: 10,
  maxTravelMinutes: null,
  hasEmail: true,
  hasPhone: true,
  hasAccount: true,
  ladderMeasuredOn: '2026-10-01',
  updatedAt: '2026-11-01T10:00:00.000Z',
};

describe('profileCompleteness', () => {
  it('weights add up to 100', () => {
    expect(COMPLETENESS_CHECKS.reduce((s, c) => s + c.weight, 0)).toBe(100);
  });

  it.each<[string, Partial<CompletenessFacts>, number, string[]]>([
    ['a complete profile', {}, 100, []],
    ['no wishes', { werksoortWishes: [] }, 80, ['WERKSOORT_WISHES']],
    ['blank interests', { interests: '   ' }, 85, ['INTERESTS']],
    ['travel in minutes counts', { maxTravelKm: null, maxTravelMinutes: 30 }, 100, []],
    ['no travel range', { maxTravelKm: null }, 90, ['TRAVEL_RANGE']],
    ['no e-mail, no phone', { hasEmail: false, hasPhone: false }, 80, ['EMAIL', 'PHONE']],
    ['no account', { hasAccount: false }, 95, ['ACCOUNT']],
    ['ladder exactly 6 months old is still recent', { ladderMeasuredOn: '2026-05-29' }, 100, []],
    [
      'ladder one day older than 6 months',
      { ladderMeasuredOn: '2026-05-28' },
      90,
      ['LADDER_RECENT'],
    ],
    [
      'profile not touched for 7 months',
      { updatedAt: '2026-04-01T00:00:00Z' },
      90,
      ['PROFILE_RECENT'],
    ],
    [
      'heaviest gaps first',
      { certificates: [], werksoortWishes: [], hasEmail: false },
      60,
      ['WERKSOORT_WISHES', 'EMAIL', 'CERTIFICATES'],
    ],
    ['language "geen" is unknown', { languageLevel: 'geen' }, 95, ['LANGUAGE_LEVEL']],
  ])('%s', (_name, change, score, missing) => {
    const result = profileCompleteness({ ...complete, ...change }, TODAY);
    expect(result.score).toBe(score);
    expect(result.missing.map((m) => m.code)).toEqual(missing);
    for (const m of result.missing) expect(m.text.length).toBeGreaterThan(5);
  });
});

describe('monthsBefore', () => {
  it.each([
    ['2026-11-29', 6, '2026-05-29'],
    ['2026-08-31', 6, '2026-02-28'],
    ['2028-08-31', 6, '2028-02-29'],
    ['2026-03-15', 6, '2025-09-15'],
    ['2026-01-01', 1, '2025-12-01'],
  ])('%s minus %i months is %s', (today, months, expected) => {
    expect(monthsBefore(today, months)).toBe(expected);
  });
});
