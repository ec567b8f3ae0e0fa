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
 * A circle as one Meilisearch filter on lat/lng: slabs of latitude that together cover it (eight
 * slabs: 11% more area than the circle, against 27% for its box). Used where counts and facets
 * should follow the circle; the exact distance still decides what is shown.
 */
export function discFilter(lat: number, lng: number, km: number, slabs = 8): string {
  // Flat slabs on a sphere: along a parallel the distance is overstated at large radii (1.3% at
  // 300 km), so the reach grows with the radius.
  const reach = km * (1 + km / 10_000) + 0.05;
  // Degrees on the engine's sphere (distanceKm); the lat range errs wide like box() does.
  const kmPerDegree = 111.195;
  const dLat = reach / 110.574;
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  const parts: string[] = [];
  for (let i = 0; i < slabs; i++) {
    const [lo, hi] = [
      lat - dLat + (2 * dLat * i) / slabs,
      lat - dLat + (2 * dLat * (i + 1)) / slabs,
    ];
    // The slab is as wide as the circle at its edge nearest the centre, so it covers the circle.
    const innerKm =
      lo <= lat && hi >= lat ? 0 : Math.min(Math.abs(lo - lat), Math.abs(hi - lat)) * kmPerDegree;
    const halfKm = Math.sqrt(Math.max(0, reach * reach - innerKm * innerKm));
    const farLat = Math.min(Math.max(Math.abs(lo), Math.abs(hi)), 89);
    const dLng = halfKm / (kmPerDegree * Math.cos((farLat * Math.PI) / 180));
    parts.push(`(lat ${r(lo)} TO ${r(hi)} AND lng ${r(lng - dLng)} TO ${r(lng + dLng)})`);
  }
  return `(${parts.join(' OR ')})`;
}

/**
 * The hard constraints as a Meilisearch filter over the vacancies index, for one candidate, except
 * the place (a box for `vacancyFilterFor`, rings for nearest-first queries).
 * `lacking` are the certificates that some workplace requires and the candidate does not hold:
 * "every required certificate held" = "requires none of the certificates the candidate lacks".
 */
export function vacancyConditionsFor(c: CandidateProfile, lacking: readonly string[]): string[] {
  const filters = [
    'open = true',
    `arrangements IN ${list(c.arrangementsAccepted)}`,
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

/** Every hard constraint, the travel range as a box (exact distance checked afterwards). */
export function vacancyFilterFor(c: CandidateProfile, conditions: readonly string[]): string[] {
  return [...conditions, ...box(c.lat, c.lng, c.rangeKm)];
}

/** How far near misses are looked for: somewhat beyond the candidate's range. */
export const nearMissRadiusKm = (rangeKm: number) => rangeKm * 1.5 + 5;

/**
 * Near misses: open workplaces somewhat beyond the range; the rules then name what blocks them.
 * `boxKm` is null for a nearest-first query, which brings its own rings.
 */
export function nearMissVacancyFilter(
  c: CandidateProfile,
  strict: string[] | null,
  boxKm: number | null,
): string[] {
  const base = ['open = true', ...(boxKm === null ? [] : box(c.lat, c.lng, boxKm))];
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

/**
 * Per range band the hard constraints over the candidates index and the band's radius: the
 * nearest-first queries add the place as rings (nearest-first.ts).
 */
export function candidateConditionsFor(
  v: VacancyProfile,
  organisationId: string,
): { filter: string[]; radiusKm: number }[] {
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
  return RANGE_BANDS.map(([low, high]) => ({
    filter: [...base, `rangeKm > ${low} AND rangeKm <= ${high}`],
    radiusKm: high,
  }));
}

/** Near-miss candidates are looked for this far around a workplace (nearest first). */
export const NEAR_MISS_CANDIDATE_KM = 60;

export function nearMissCandidateFilter(organisationId: string): string[] {
  return ['active = true', `organisationId = ${q(organisationId)}`];
}
