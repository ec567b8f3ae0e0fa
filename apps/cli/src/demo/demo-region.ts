import { haversineKm, POSTCODE_AREAS, type PostcodeArea } from '@werkbrug/geo';
import type { Random } from './random';

/** The four gemeenten of the Ferm Werk labour market region. */
export const FERM_WERK_MUNICIPALITIES = [
  'Woerden',
  'Bodegraven-Reeuwijk',
  'Oudewater',
  'Montfoort',
] as const;
export type FermWerkMunicipality = (typeof FERM_WERK_MUNICIPALITIES)[number];

/** Rough residents per PC4 area (thousands), so demo people live where people live. 3440 is postbussen only. */
const RESIDENTS: Readonly<Record<string, number>> = {
  '3441': 4.5,
  '3442': 4.5,
  '3443': 4.5,
  '3444': 4.5,
  '3445': 4.5,
  '3446': 4.5,
  '3447': 3,
  '3448': 4.5,
  '3449': 4.5,
  '3481': 8,
  '3471': 3.5,
  '3474': 2.5,
  '2411': 10,
  '2412': 10,
  '2415': 1.7,
  '2811': 8,
  '3465': 1.5,
  '3466': 1.2,
  '3421': 9.5,
  '3467': 0.5,
  '3417': 11,
  '3461': 3,
};

/** Towns within this distance of Woerden that are not Ferm Werk: where people commute to and from. */
const NEIGHBOUR_RADIUS_KM = 30;
const WOERDEN_CENTRE = { lat: 52.0857, lng: 4.8836 };

type Weighted<T> = readonly (readonly [T, number])[];

const regionAreas: PostcodeArea[] = POSTCODE_AREAS.filter((a) => RESIDENTS[a.pc4] !== undefined);
if (regionAreas.length !== Object.keys(RESIDENTS).length) {
  throw new Error('demo region: a PC4 area of RESIDENTS is missing from POSTCODE_AREAS');
}
const byMunicipality = new Map<string, Weighted<PostcodeArea>>(
  FERM_WERK_MUNICIPALITIES.map((m) => [
    m,
    regionAreas.filter((a) => a.municipality === m).map((a) => [a, RESIDENTS[a.pc4]] as const),
  ]),
);
const allRegion: Weighted<PostcodeArea> = regionAreas.map((a) => [a, RESIDENTS[a.pc4]] as const);
const neighbours: Weighted<PostcodeArea> = POSTCODE_AREAS.filter(
  (a) =>
    !(FERM_WERK_MUNICIPALITIES as readonly string[]).includes(a.municipality) &&
    haversineKm(a, WOERDEN_CENTRE) <= NEIGHBOUR_RADIUS_KM,
).map((a) => [a, 1] as const);

/** A PC4 area in the region (or one municipality of it), weighted by residents. */
export function pickRegionArea(rng: Random, municipality?: FermWerkMunicipality): PostcodeArea {
  return rng.weighted(municipality ? (byMunicipality.get(municipality) ?? allRegion) : allRegion);
}

/** A PC4 area in a neighbouring town (Utrecht, Gouda, Alphen, Nieuwegein, ...). */
export function pickNeighbourArea(rng: Random): PostcodeArea {
  return rng.weighted(neighbours);
}

/** Mostly in the region, sometimes just outside it. */
export function pickArea(rng: Random, neighbourShare: number): PostcodeArea {
  return rng.chance(neighbourShare) ? pickNeighbourArea(rng) : pickRegionArea(rng);
}

const KM_PER_DEGREE_LAT = 111.32;

/** A point at most `maxKm` from the area centroid, uniform over the disc. */
export function jitter(rng: Random, area: PostcodeArea, maxKm = 1.5): { lat: number; lng: number } {
  const distance = maxKm * Math.sqrt(rng.next());
  const angle = rng.next() * 2 * Math.PI;
  const lat = area.lat + (distance * Math.cos(angle)) / KM_PER_DEGREE_LAT;
  const lng =
    area.lng +
    (distance * Math.sin(angle)) / (KM_PER_DEGREE_LAT * Math.cos((area.lat * Math.PI) / 180));
  return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
}

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const UNUSED_PAIRS = new Set(['SA', 'SD', 'SS']);

/** A full postcode in the area: PC4 and two letters the post could issue. */
export function postcodeIn(rng: Random, area: PostcodeArea): string {
  for (;;) {
    const letters = rng.pick(LETTERS) + rng.pick(LETTERS);
    if (!UNUSED_PAIRS.has(letters)) return area.pc4 + letters;
  }
}

/** Area code of the local phone network, for plausible landline numbers. */
const AREA_CODES: Readonly<Record<string, string>> = {
  'Bodegraven-Reeuwijk': '0172',
  Utrecht: '030',
  IJsselstein: '030',
  Nieuwegein: '030',
  Gouda: '0182',
  Waddinxveen: '0182',
  Krimpenerwaard: '0182',
  'Alphen aan den Rijn': '0172',
  'Stichtse Vecht': '0346',
  'De Ronde Venen': '0297',
};

/** A landline number such as 0348-412345 (area code and subscriber number make ten digits). */
export function landline(rng: Random, area: PostcodeArea): string {
  const code = area.place === 'Reeuwijk' ? '0182' : (AREA_CODES[area.municipality] ?? '0348'); // Woerden & co.
  let subscriber = String(rng.int(2, 9));
  while (code.length + subscriber.length < 10) subscriber += String(rng.int(0, 9));
  return `${code}-${subscriber}`;
}

/** A mobile number such as 06-12345678. */
export function mobile(rng: Random): string {
  return `06-${rng.int(10000000, 99999999)}`;
}
