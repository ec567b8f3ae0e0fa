import { fitOf } from './fit';
import type { CandidateProfile, VacancyProfile } from './match-profiles';
import { scoreMatch } from './scoring';
import { fittingCandidate, fittingVacancy, northOfWoerden } from './test-profiles';

type Case = [string, Partial<CandidateProfile>, Partial<VacancyProfile>, string, string[]];

describe('fitOf: one workplace for one candidate, without a search', () => {
  it.each<Case>([
    ['the fitting pair', {}, {}, 'match', []],
    ['an inactive candidate', { active: false }, {}, 'none', []],
    ['2.5 km too far', {}, northOfWoerden(10.5), 'nearMiss', ['TOO_FAR']],
    // The near-miss radius of a range of 8 km is 8 × 1.5 + 5 = 17 km (meili-filters.ts).
    ['too far, at the near-miss radius', {}, northOfWoerden(17), 'nearMiss', ['TOO_FAR']],
    ['too far, beyond the near-miss radius', {}, northOfWoerden(17.2), 'none', []],
    [
      'two blockers',
      { days: ['ma'], dayparts: ['avond'] },
      {},
      'nearMiss',
      ['DAYS_MISMATCH', 'TIME_WINDOW_MISMATCH'],
    ],
    ['three blockers', { days: ['ma'], dayparts: ['avond'], hoursMax: 4 }, {}, 'none', []],
    ['a closed workplace', {}, { open: false, status: 'closed' }, 'none', []],
    [
      'no arrangement accepted',
      { arrangementsAccepted: [] },
      {},
      'nearMiss',
      ['ARRANGEMENT_NOT_ACCEPTED'],
    ],
  ])('%s', (_name, c, v, kind, blockers) => {
    const fit = fitOf(fittingCandidate(c), fittingVacancy(v), 'kandidaat');
    expect([
      fit.kind,
      fit.kind === 'nearMiss' ? fit.nearMiss.blockers.map((b) => b.code) : [],
    ]).toEqual([kind, blockers]);
  });

  it('scores and explains a match as the lists do, without interest relevance', () => {
    const c = fittingCandidate();
    const v = fittingVacancy({ ...northOfWoerden(3) });
    const fit = fitOf(c, v, 'werkmakelaar');
    const listed = scoreMatch(c, v, 0, true, 'werkmakelaar');
    expect(fit).toEqual({
      kind: 'match',
      distanceKm: 3,
      match: {
        vacancy: expect.objectContaining({ id: v.id, title: v.title }),
        score: listed.score,
        distanceKm: 3,
        reasons: listed.reasons,
      },
    });
  });

  it('says what blocks a near miss in words for its reader', () => {
    const fit = fitOf(fittingCandidate(), fittingVacancy(northOfWoerden(10.5)), 'kandidaat');
    expect(fit.kind === 'nearMiss' && fit.nearMiss.blockers[0].text).toMatch(/km/);
    expect(fit.kind === 'nearMiss' && fit.nearMiss.distanceKm).toBe(10.5);
  });
});
