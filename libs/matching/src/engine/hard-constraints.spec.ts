import { hardConstraintBlockers, isNearMiss } from './hard-constraints';
import type { CandidateProfile, VacancyProfile } from './match-profiles';
import { fittingCandidate, fittingVacancy, northOfWoerden } from './test-profiles';

type Case = [string, Partial<CandidateProfile>, Partial<VacancyProfile>, [string, unknown][]];

describe('hardConstraintBlockers', () => {
  it('finds nothing wrong with the fitting pair', () => {
    expect(hardConstraintBlockers(fittingCandidate(), fittingVacancy())).toEqual([]);
  });

  it.each<Case>([
    ['closed', {}, { open: false, status: 'closed' }, [['NOT_OPEN', null]]],
    ['no free place', {}, { open: false, placesFree: 0 }, [['NOT_OPEN', null]]],
    [
      'arrangement not accepted',
      {},
      { arrangements: ['regulier'] },
      [['ARRANGEMENT_NOT_ACCEPTED', null]],
    ],
    ['exactly at the range', {}, { ...northOfWoerden(8) }, []],
    ['0.1 km too far', {}, { ...northOfWoerden(8.1) }, [['TOO_FAR', 0.1]]],
    ['2.5 km too far', {}, { ...northOfWoerden(10.5) }, [['TOO_FAR', 2.5]]],
    ['workplace needs more hours', { hoursMax: 14 }, {}, [['HOURS_SHORT', 2]]],
    ['workplace offers too few hours', { hoursMin: 22 }, {}, [['HOURS_TOO_FEW', 2]]],
    ['hours touch at the edge', { hoursMax: 16 }, {}, []],
    ['no common day', { days: ['ma'] }, {}, [['DAYS_MISMATCH', null]]],
    ['no common daypart', { dayparts: ['avond'] }, {}, [['TIME_WINDOW_MISMATCH', null]]],
    [
      'adjustable hours ignore days, dayparts and its minimum',
      { days: ['ma'], dayparts: ['avond'], hoursMax: 4 },
      { hoursAdjustable: true },
      [],
    ],
    [
      'adjustable hours still need room for the minimum',
      { hoursMin: 22 },
      { hoursAdjustable: true },
      [['HOURS_TOO_FEW', 2]],
    ],
    ['one certificate missing', { certificates: [] }, {}, [['CERTIFICATE_MISSING', 'vca']]],
    [
      'two certificates missing',
      { certificates: [] },
      { requiredCertificates: ['vca', 'heftruck'] },
      [['CERTIFICATE_MISSING', 'vca, heftruck']],
    ],
    ['language one step low', { languageRank: 1 }, {}, [['LANGUAGE_LEVEL_LOW', 1]]],
    ['lifting one step heavy', { abilityLifting: 1 }, {}, [['DEMAND_LIFTING', 1]]],
    ['standing', { abilityStanding: 0 }, {}, [['DEMAND_STANDING', 1]]],
    ['pace two steps', { abilityPace: 0 }, {}, [['DEMAND_PACE', 2]]],
    ['stimuli', { abilityStimuli: 0 }, {}, [['DEMAND_STIMULI', 1]]],
    ['outdoor three steps', { abilityOutdoor: 0 }, {}, [['DEMAND_OUTDOOR', 3]]],
    [
      'wheelchair needed, not accessible',
      { needsWheelchairAccess: true },
      {},
      [['NOT_WHEELCHAIR_ACCESSIBLE', null]],
    ],
    [
      'wheelchair needed and accessible',
      { needsWheelchairAccess: true },
      { wheelchairAccessible: true },
      [],
    ],
    [
      'two at once, in rule order',
      { certificates: [], abilityPace: 1 },
      {},
      [
        ['CERTIFICATE_MISSING', 'vca'],
        ['DEMAND_PACE', 1],
      ],
    ],
  ])('%s', (_name, candidate, vacancy, expected) => {
    const blockers = hardConstraintBlockers(fittingCandidate(candidate), fittingVacancy(vacancy));
    expect(blockers.map((b) => [b.code, b.gap])).toEqual(expected);
  });

  it('explains in Dutch with a decimal comma', () => {
    const [tooFar] = hardConstraintBlockers(
      fittingCandidate(),
      fittingVacancy(northOfWoerden(10.5)),
    );
    expect(tooFar.text).toBe('2,5 km te ver (10,5 km, je reisafstand is 8 km)');
  });
});

describe('isNearMiss', () => {
  const b = (code: string) =>
    ({ code, text: '', gap: null }) as Parameters<typeof isNearMiss>[0][0];
  it.each<[string[], boolean]>([
    [[], false],
    [['TOO_FAR'], true],
    [['TOO_FAR', 'DAYS_MISMATCH'], true],
    [['TOO_FAR', 'DAYS_MISMATCH', 'DEMAND_PACE'], false],
    [['NOT_OPEN'], false],
  ])('%j → %s', (codes, expected) => {
    expect(isNearMiss(codes.map(b))).toBe(expected);
  });
});
