import type { Arrangement, TravelMode } from '@werkbrug/domain';

/**
 * Arrangements a candidate may take by default on each participatieladder rung (docs/matching.md).
 * The candidate's own list overrides this. Rungs 1–2 take none; unpaid forms come first, paid forms from rung 5.
 */
const UNPAID: readonly Arrangement[] = ['vrijwilligerswerk', 'werkervaringsplaats', 'stage'];
const PAID_WITH_SUPPORT: readonly Arrangement[] = [
  'proefplaatsing',
  'detachering',
  'groepsdetachering',
  'beschut_werk',
  'leerwerkbaan',
];

export const ARRANGEMENTS_BY_RUNG: Record<number, readonly Arrangement[]> = {
  1: [],
  2: [],
  3: ['vrijwilligerswerk'],
  4: UNPAID,
  5: [...UNPAID, ...PAID_WITH_SUPPORT],
  6: [...UNPAID, ...PAID_WITH_SUPPORT, 'regulier'],
};

export const acceptedArrangements = (
  rung: number,
  own: readonly Arrangement[] | null,
): Arrangement[] => (own ? [...own] : [...(ARRANGEMENTS_BY_RUNG[rung] ?? [])]);

/** Default travel range per way of travelling, as the crow flies (docs/matching.md). */
export const DEFAULT_RANGE_KM: Record<TravelMode, number> = {
  lopen: 2,
  fiets: 8,
  ebike: 15,
  ov: 20,
  auto: 30,
};

/** Average door-to-door speed used to turn travel minutes into a distance. */
export const SPEED_KMH: Record<TravelMode, number> = {
  lopen: 5,
  fiets: 15,
  ebike: 20,
  ov: 25,
  auto: 45,
};

/** The candidate's range: the stricter of km and minutes when both are given, else the mode's default. */
export function travelRangeKm(
  mode: TravelMode,
  maxKm: number | null,
  maxMinutes: number | null,
): number {
  const limits: number[] = [];
  if (maxKm !== null) limits.push(maxKm);
  // minutes × km/h ÷ 60, in tenths of a km: integer arithmetic, so exact halves round up.
  if (maxMinutes !== null) limits.push(Math.round((maxMinutes * SPEED_KMH[mode]) / 6) / 10);
  return limits.length ? Math.min(...limits) : DEFAULT_RANGE_KM[mode];
}

export const LANGUAGE_LABELS = ['geen', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

/** Distance in km on the WGS84 sphere, rounded to 0.1 km (the precision we show and compare). */
export function distanceKm(
  a: { lat: number; lng: number },
  b: { lat: number; lng: number },
): number {
  const R = 6371.0088;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const roundKm = (km: number) => Math.round(km * 10) / 10;
