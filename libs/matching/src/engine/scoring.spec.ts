import type { CandidateProfile, VacancyProfile } from './match-profiles';
import { compareMatches, scoreMatch, WEIGHTS } from './scoring';
import { fittingCandidate, fittingVacancy, northOfWoerden } from './test-profiles';

describe('scoreMatch', () => {
  it('weights add up to 100', () => {
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  // Base pair: first wish (30), same place (20), no support needed (6), nothing desired, no text.
  it.each<[string, Partial<CandidateProfile>, Partial<VacancyProfile>, number, number]>([
    ['first wish, next door', {}, {}, 0, 56],
    ['second wish', {}, { werksoortCode: 'productie' }, 0, 49],
    ['no wish', { werksoortWishes: ['zorg'] }, {}, 0, 26],
    ['interests below the threshold count for nothing', {}, {}, 0.39, 56],
    ['interests at 0.8', {}, {}, 0.8, 76],
    ['interests capped at 1', {}, {}, 1.7, 81],
    ['halfway the range', {}, { ...northOfWoerden(4) }, 0, 46],
    ['at the edge of the range', {}, { ...northOfWoerden(8) }, 0, 36],
    ['adjustable hours', {}, { hoursAdjustable: true }, 0, 61],
    ['jobcoach needed and welcome', { needsJobcoach: true }, { jobcoachWelcome: true }, 0, 62],
    ['jobcoach needed, not welcome', { needsJobcoach: true }, {}, 0, 50],
    [
      'both needed, one given',
      { needsJobcoach: true, needsBuddy: true },
      { buddyAvailable: true },
      0,
      56,
    ],
    ['one of two desired certificates', {}, { desiredCertificates: ['vca', 'bhv'] }, 0, 60],
  ])('%s', (_name, candidate, vacancy, textScore, score) => {
    expect(scoreMatch(fittingCandidate(candidate), fittingVacancy(vacancy), textScore).score).toBe(
      score,
    );
  });

  it('explains every point it gives', () => {
    const { reasons } = scoreMatch(
      fittingCandidate({ needsJobcoach: true }),
      fittingVacancy({ jobcoachWelcome: true, desiredCertificates: ['vca'], ...northOfWoerden(3) }),
      0.9,
    );
    expect(reasons.map((r) => r.code)).toEqual([
      'WERKSOORT_WISH_1',
      'INTERESTS_MATCH',
      'WITHIN_TRAVEL_RANGE',
      'HOURS_FIT',
      'DAYS_FIT',
      'SUPPORT_ON_SITE',
      'DESIRED_CERTIFICATE',
      'REQUIRED_CERTIFICATES_HELD',
      'ARRANGEMENT_FITS',
    ]);
    expect(reasons[2].text).toBe('3 km, binnen je reisafstand (fiets)');
    expect(reasons[3].text).toBe('16–20 uur per week past bij wat je wilt');
  });
});

describe('compareMatches', () => {
  it.each<[string, { score: number; distanceKm: number; id: string }[], string[]]>([
    [
      'score first',
      [
        { score: 50, distanceKm: 1, id: 'a' },
        { score: 60, distanceKm: 9, id: 'b' },
      ],
      ['b', 'a'],
    ],
    [
      'then distance',
      [
        { score: 50, distanceKm: 3, id: 'a' },
        { score: 50, distanceKm: 2, id: 'b' },
      ],
      ['b', 'a'],
    ],
    [
      'then id',
      [
        { score: 50, distanceKm: 2, id: 'b' },
        { score: 50, distanceKm: 2, id: 'a' },
      ],
      ['a', 'b'],
    ],
  ])('%s', (_name, matches, order) => {
    expect([...matches].sort(compareMatches).map((m) => m.id)).toEqual(order);
  });
});
