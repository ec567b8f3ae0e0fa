import type { CandidateProfile, VacancyProfile } from './match-profiles';

const q = (value: string) => JSON.stringify(value);
const list = (values: readonly string[]) => `[${values.map(q).join(', ')}]`;
/**
 * A bounding box on the numeric lat/lng attributes around a point, with a margin that keeps
 * "exactly at the limit" inside. Number facets are an order of magnitude cheaper for Meilisearch than
 * _geoRadius; the exact distance is checked afterwards in TypeScript (hard-constraints.ts).
 */
export function box(lat: number, lng: number, km: number): string[] {
  const dLat = (km + 0.05) / 110.574;
  const dLng =
    (km + 0.05) / (111.32 * Math.cos((Math.min(Math.abs(lat) + dLat, 89) * Math.PI) / 180));
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  return [`lat ${r(lat - dLat)} TO ${r(lat + dLat)}`, `lng ${r(lng - dLng)} TO ${r(lng + dLng)}`];
}

/**
 * The hard constraints as a Meilisearch filter over the vacancies index, for one candidate.
 * `lacking` are the certificates that some workplace requires and the candidate does not hold:
 * "every required certificate held" = "requires none of the certificates the candidate lacks".
 */
export function vacancyFilterFor(c: CandidateProfile, lacking: readonly string[]): string[] {
  const filters = [
    'open = true',
    `arrangements IN ${list(c.arrangementsAccepted)}`,
    ...box(c.lat, c.lng, c.rangeKm),
    `minLanguageRank <= ${c.languageRank}`,
    `demandLifting <= ${c.abilityLifting}`,
    `demandStanding <= ${c.abilityStanding}`,
    `demandPace <= ${c.abilityPace}`,
    `demandStimuli <= ${c.abilityStimuli}`,
    `demandOutdoor <= ${c.abilityOutdoor}`,
    `((hoursAdjustable = true AND hoursMax >= ${c.hoursMin}) OR ` +
      `(hoursAdjustable = false AND hoursMin <= ${c.hoursMax} AND hoursMax >= ${c.hoursMin} ` +
      `AND workingDays IN ${list(c.days)} AND dayparts IN ${list(c.dayparts)}))`,
  ];
  if (lacking.length) filters.push(`requiredCertificates NOT IN ${list(lacking)}`);
  if (c.needsWheelchairAccess) filters.push('wheelchairAccessible = true');
  return filters;
}

/** Near misses: open workplaces somewhat beyond the range; the rules then name what blocks them. */
export function nearMissVacancyFilter(c: CandidateProfile, strict: string[] | null): string[] {
  const base = ['open = true', ...box(c.lat, c.lng, c.rangeKm * 1.5 + 5)];
  // Leave out the matches themselves, so the bounded pool is spent on workplaces with blockers.
  return strict ? [...base, `NOT (${strict.map((f) => `(${f})`).join(' AND ')})`] : base;
}

/**
 * Candidates travel different distances, and a filter radius is one number: so candidates are
 * searched per band of travel range, each band with its own upper radius (exact check afterwards).
 */
export const RANGE_BANDS: readonly [number, number][] = [
  [0, 2],
  [2, 5],
  [5, 8],
  [8, 12],
  [12, 15],
  [15, 20],
  [20, 30],
  [30, 50],
  [50, 200],
];

export function candidateFiltersFor(v: VacancyProfile, organisationId: string): string[][] {
  const base = [
    'active = true',
    `organisationId = ${q(organisationId)}`,
    `arrangementsAccepted IN ${list(v.arrangements)}`,
    `languageRank >= ${v.minLanguageRank}`,
    `abilityLifting >= ${v.demandLifting}`,
    `abilityStanding >= ${v.demandStanding}`,
    `abilityPace >= ${v.demandPace}`,
    `abilityStimuli >= ${v.demandStimuli}`,
    `abilityOutdoor >= ${v.demandOutdoor}`,
    ...v.requiredCertificates.map((cert) => `certificates = ${q(cert)}`),
    v.hoursAdjustable
      ? `hoursMin <= ${v.hoursMax}`
      : `hoursMin <= ${v.hoursMax} AND hoursMax >= ${v.hoursMin} AND days IN ${list(v.workingDays)} AND dayparts IN ${list(v.dayparts)}`,
  ];
  if (!v.wheelchairAccessible) base.push('needsWheelchairAccess = false');
  return RANGE_BANDS.map(([low, high]) => [
    ...base,
    `rangeKm > ${low} AND rangeKm <= ${high}`,
    ...box(v.lat, v.lng, high),
  ]);
}

export function nearMissCandidateFilter(v: VacancyProfile, organisationId: string): string[] {
  return ['active = true', `organisationId = ${q(organisationId)}`, ...box(v.lat, v.lng, 60)];
}
