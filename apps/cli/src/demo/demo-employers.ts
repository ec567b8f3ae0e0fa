import type { PostcodeArea } from '@werkbrug/geo';
import {
  asciiSlug,
  BUSINESS_STREETS,
  LOCAL_WORDS,
  randomPerson,
  RESIDENTIAL_STREETS,
} from './demo-names';
import { jitter, landline, pickArea, postcodeIn } from './demo-region';
import { SECTORS, type Sector } from './demo-sectors';
import type { Random } from './random';

export interface DemoLocation {
  address: string;
  postcode: string;
  place: string;
  lat: number;
  lng: number;
}

export interface DemoEmployer {
  id: string;
  organisationId: string;
  name: string;
  /** For e-mail domains: werkgever1@hoveniersbedrijf-van-dijk.demo. */
  slug: string;
  kvkNumber: string;
  sbiCode: string;
  sector: Sector;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  area: PostcodeArea;
  location: DemoLocation;
  /** Relative number of vacancies: a distribution centre posts more than a lunchroom. */
  size: number;
}

/** A quarter of the employers sit just outside the region: people commute to Utrecht and Gouda. */
const NEIGHBOUR_SHARE = 0.25;

/** Dutch capitalises a tussenvoegsel at the start of a name: 'Van Dijk Groen'. */
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function employerName(rng: Random, sector: Sector, area: PostcodeArea): string {
  const name = rng
    .pick(sector.names)
    .replace('{surname}', () => randomPerson(rng).lastName)
    .replace('{place}', area.place)
    .replace('{word}', () => rng.pick(LOCAL_WORDS));
  return capitalise(name);
}

export function streetAddress(rng: Random, businessPark: boolean): string {
  const street = rng.pick(businessPark ? BUSINESS_STREETS : RESIDENTIAL_STREETS);
  const suffix = rng.chance(0.1) ? rng.pick(['a', 'b', '-1', '-3']) : '';
  return `${street} ${rng.int(1, businessPark ? 60 : 180)}${suffix}`;
}

export function demoLocation(rng: Random, area: PostcodeArea, businessPark: boolean): DemoLocation {
  const { lat, lng } = jitter(rng, area);
  return {
    address: streetAddress(rng, businessPark),
    postcode: postcodeIn(rng, area),
    place: area.place,
    lat,
    lng,
  };
}

/**
 * Regional employers, each its own werkgever organisation. Every sector appears at least once;
 * names and KvK numbers are unique. `taken` holds organisation names already in use, `takenKvkNumbers`
 * KvK numbers.
 */
export function generateEmployers(
  rng: Random,
  count: number,
  taken: ReadonlySet<string>,
  takenKvkNumbers: ReadonlySet<string> = new Set(),
): DemoEmployer[] {
  const slugs = new Set([...taken].map((name) => asciiSlug(name, '-')));
  const kvkNumbers = new Set<string>(takenKvkNumbers);
  const sectorWeights = SECTORS.map((s) => [s, s.weight] as const);
  const employers: DemoEmployer[] = [];

  for (let i = 0; i < count; i++) {
    const sector = i < SECTORS.length ? SECTORS[i] : rng.weighted(sectorWeights);
    const area = pickArea(rng, NEIGHBOUR_SHARE);

    let name = employerName(rng, sector, area);
    for (let attempt = 1; slugs.has(asciiSlug(name, '-')); attempt++) {
      // The name space of the templates runs out at a few thousand employers: then add the place,
      // as branches do, and as a last resort a branch number.
      name = employerName(rng, sector, area);
      if (attempt > 10 && !name.includes(area.place)) name = `${name} ${area.place}`;
      if (attempt > 20) name = `${name} ${attempt - 19}`;
    }
    const slug = asciiSlug(name, '-');
    slugs.add(slug);

    let kvkNumber: string;
    do kvkNumber = String(rng.int(10_000_000, 99_999_999));
    while (kvkNumbers.has(kvkNumber));
    kvkNumbers.add(kvkNumber);

    const contact = randomPerson(rng);
    employers.push({
      id: rng.uuid(),
      organisationId: rng.uuid(),
      name,
      slug,
      kvkNumber,
      sbiCode: rng.pick(sector.sbi),
      sector,
      contactName: `${contact.firstName} ${contact.lastName}`,
      contactEmail: `${asciiSlug(contact.firstName)}@${slug}.demo`,
      contactPhone: landline(rng, area),
      area,
      location: demoLocation(rng, area, sector.businessPark),
      size: rng.weighted([
        [1, 5],
        [2, 3],
        [4, 2],
        [8, 1],
      ]),
    });
  }
  return employers;
}
