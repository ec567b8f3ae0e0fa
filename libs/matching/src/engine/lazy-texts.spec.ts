import { BLOCKERS, fill, REASONS } from './codes';
import { hardConstraintBlockers, hardConstraintCodes, isNearMiss } from './hard-constraints';
import type { CandidateProfile, VacancyProfile } from './match-profiles';
import { scoreMatch } from './scoring';

/** The original RegExp fill: the precompiled one must give the same texts. */
const regexpFill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) =>
    String(values[key] ?? '').replace(/^(\d+)\.(\d+)$/, '$1,$2'),
  );

const candidate: CandidateProfile = {
  id: 'c1',
  pseudonym: 'K-1',
  organisationId: 'o1',
  werksoortWishes: ['groen', 'schoonmaak'],
  interests: 'tuin',
  hoursMin: 16,
  hoursMax: 24,
  days: ['ma', 'di'],
  dayparts: ['ochtend'],
  place: 'Utrecht',
  lat: 52.09,
  lng: 5.12,
  travelMode: 'fiets',
  rangeKm: 8,
  ladderRung: 4,
  arrangementsAccepted: ['vrijwilligerswerk', 'stage'],
  certificates: ['VCA'],
  languageRank: 2,
  abilityLifting: 1,
  abilityStanding: 2,
  abilityPace: 1,
  abilityStimuli: 1,
  abilityOutdoor: 2,
  needsJobcoach: true,
  needsBuddy: false,
  needsWheelchairAccess: true,
  active: true,
} as CandidateProfile;

const vacancy: VacancyProfile = {
  id: 'v1',
  title: 'Hovenier',
  description: '',
  employerId: 'e1',
  employerName: 'Groen BV',
  werksoortCode: 'groen',
  werksoortName: 'Groenvoorziening',
  place: 'Utrecht',
  lat: 52.1,
  lng: 5.13,
  arrangements: ['stage', 'regulier'],
  hoursMin: 16,
  hoursMax: 20.5,
  workingDays: ['di'],
  dayparts: ['ochtend'],
  hoursAdjustable: false,
  requiredCertificates: ['VCA'],
  desiredCertificates: ['VCA', 'BHV'],
  minLanguageRank: 1,
  demandLifting: 1,
  demandStanding: 1,
  demandPace: 1,
  demandStimuli: 0,
  demandOutdoor: 2,
  jobcoachWelcome: true,
  buddyAvailable: false,
  wheelchairAccessible: true,
  placesFree: 1,
  status: 'open',
  open: true,
} as VacancyProfile;

/** Variants that each break or bend some rule, so every branch of the rules is compared. */
const variants: [string, Partial<VacancyProfile>, Partial<CandidateProfile>][] = [
  ['a fit', {}, {}],
  ['closed, far, heavy', { open: false, lat: 52.3, demandLifting: 3, demandPace: 2 }, {}],
  [
    'arrangement, hours, days',
    { arrangements: ['regulier'], hoursMin: 30, hoursMax: 32, workingDays: ['vr'] },
    {},
  ],
  ['adjustable hours too few', { hoursAdjustable: true, hoursMax: 10 }, {}],
  ['certificates and language', { requiredCertificates: ['VCA', 'HACCP'], minLanguageRank: 4 }, {}],
  ['wheelchair', { wheelchairAccessible: false }, {}],
  ['no support wanted, other wish', { werksoortCode: 'schoonmaak' }, { needsJobcoach: false }],
  ['third-or-later wish', { werksoortCode: 'x' }, { werksoortWishes: ['a', 'b', 'c', 'x'] }],
];

describe('texts made only for what is shown (the pool is checked and scored by code)', () => {
  it.each([...Object.values(REASONS), ...Object.values(BLOCKERS), 'x {a} y {b}{a}', 'no slots'])(
    'fill(%j) equals the RegExp fill',
    (template) => {
      for (const values of [
        {},
        {
          werksoort: 'Groen',
          km: 2.5,
          mode: 'fiets',
          hours: '16.5',
          gap: 3,
          a: '1.25',
          b: 'v1.2x',
        },
        { km: 12, range: 8, gap: '0.5', offered: 'stage, regulier', certificates: 'VCA' },
      ] as Record<string, string | number>[]) {
        expect(fill(template, values)).toBe(regexpFill(template, values));
      }
    },
  );

  it.each(variants)('%s: the codes-only check names the same codes as the full one', (_, v, c) => {
    const cv = { ...candidate, ...c };
    const vv = { ...vacancy, ...v };
    const full = hardConstraintBlockers(cv, vv);
    expect(hardConstraintCodes(cv, vv)).toEqual(full.map((b) => b.code));
    expect(isNearMiss(hardConstraintCodes(cv, vv))).toBe(isNearMiss(full));
  });

  it.each(variants)('%s: scoring without texts gives the same score and distance', (_, v, c) => {
    const cv = { ...candidate, ...c };
    const vv = { ...vacancy, ...v };
    for (const text of [0, 0.39, 0.4, 0.9, 1.2]) {
      const explained = scoreMatch(cv, vv, text);
      const bare = scoreMatch(cv, vv, text, false);
      expect(bare).toEqual({ ...explained, reasons: [] });
      expect(explained.reasons.length).toBeGreaterThan(0);
    }
  });
});
