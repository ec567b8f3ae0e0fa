import { distanceKm } from './matching-rules';
import { discFilter } from './meili-filters';
import { ringFilter, ringQuery, ringRadii } from './nearest-first';

/** Evaluates the lat/lng filters these functions write, as Meilisearch would (inclusive ranges). */
const RANGE = /(lat|lng) (-?[\d.]+) TO (-?[\d.]+)/g;
function inBoxes(text: string, p: { lat: number; lng: number }): boolean {
  // A conjunction of ranges: every range holds.
  return [...text.matchAll(RANGE)].every(([, axis, lo, hi]) => {
    const x = axis === 'lat' ? p.lat : p.lng;
    return x >= Number(lo) && x <= Number(hi);
  });
}
function inRing(filters: string[], p: { lat: number; lng: number }): boolean {
  return filters.every((f) => (f.startsWith('NOT (') ? !inBoxes(f.slice(4), p) : inBoxes(f, p)));
}
const inDisc = (filter: string, p: { lat: number; lng: number }) =>
  filter
    .slice(1, -1)
    .split(' OR ')
    .some((slab) => inBoxes(slab, p));

/** A point `km` away from the centre (by the engine's own distance) in direction `degrees`. */
function away(c: { lat: number; lng: number }, km: number, degrees: number) {
  const a = (degrees * Math.PI) / 180;
  const step = (s: number) => ({
    lat: c.lat + (s * Math.cos(a)) / 111.195,
    lng: c.lng + (s * Math.sin(a)) / (111.195 * Math.cos((c.lat * Math.PI) / 180)),
  });
  let s = km;
  for (let i = 0; i < 20 && km > 0; i++) s *= km / distanceKm(c, step(s));
  return step(s);
}

const UTRECHT = { lat: 52.0907, lng: 5.1214 };
const DIRECTIONS = Array.from({ length: 24 }, (_, i) => i * 15);

describe('ringRadii', () => {
  it.each<[number, number, number[]]>([
    [15, 1, [1, 2, 4, 8, 15]],
    [2, 0.5, [0.5, 1, 2]],
    [8, 2, [2, 4, 8]],
    [200, 50, [50, 100, 200]],
    [0.5, 1, [0.5]], // a radius smaller than the first ring: one ring
    [1, 1, [1]],
    [0.3, 0, [0.1, 0.2, 0.3]], // a first ring of 0 would never grow: 0.1 km at least
  ])('radius %p km from %p km → %p', (radiusKm, firstKm, expected) => {
    expect(
      ringRadii({ ...UTRECHT, radiusKm, firstKm }).map((r) => Math.round(r * 10) / 10),
    ).toEqual(expected);
  });
});

describe('ringFilter', () => {
  const radii = ringRadii({ ...UTRECHT, radiusKm: 15, firstKm: 1 });
  it.each(
    [0, 0.4, 0.99, 1.01, 1.5, 2.9, 3.2, 5, 7.9, 8.3, 12, 14.9].flatMap((km) =>
      DIRECTIONS.map((deg) => [km, deg] as const),
    ),
  )(
    'a point %p km away at %p° lies in exactly one ring, and no further out than its distance needs',
    (km, deg) => {
      const p = away(UTRECHT, km, deg);
      const rings = radii.map((_, i) => inRing(ringFilter(UTRECHT.lat, UTRECHT.lng, radii, i), p));
      expect(rings.filter(Boolean)).toHaveLength(1);
      // Every point within ring i's radius is found in rings 0..i: reading those rings whole gives
      // every document within that radius (what exact nearest-first browsing relies on).
      const ring = rings.indexOf(true);
      const d = distanceKm(UTRECHT, p);
      expect(radii.findIndex((r) => d <= r)).toBeGreaterThanOrEqual(ring);
    },
  );

  it('lies outside every ring beyond the radius (corners of the box aside)', () => {
    const p = away(UTRECHT, 15 * 1.5, 0);
    expect(radii.some((_, i) => inRing(ringFilter(UTRECHT.lat, UTRECHT.lng, radii, i), p))).toBe(
      false,
    );
  });
});

describe('ringQuery', () => {
  it('adds the ring to the filter and asks only for what is missing', () => {
    const q = ringQuery(
      {
        indexUid: 'vacancies',
        q: '',
        filter: ['open = true'],
        limit: 100,
        nearestFirst: { ...UTRECHT, radiusKm: 8, firstKm: 2 },
      },
      1,
      40,
    );
    expect(q).toEqual({
      indexUid: 'vacancies',
      q: '',
      limit: 40,
      filter: ['open = true', ...ringFilter(UTRECHT.lat, UTRECHT.lng, [2, 4, 8], 1)],
    });
    expect(q).not.toHaveProperty('nearestFirst');
  });

  it('leaves a query without nearestFirst as it is', () => {
    const plain = { indexUid: 'vacancies', q: 'groen', filter: ['open = true'], limit: 100 };
    expect(ringQuery(plain, 0, 100)).toEqual(plain);
  });
});

describe('discFilter', () => {
  it.each([1, 10, 25, 100, 300])(
    'a circle of %p km: inside at the edge, outside beyond 1.2×',
    (km) => {
      const filter = discFilter(UTRECHT.lat, UTRECHT.lng, km);
      expect(inDisc(filter, UTRECHT)).toBe(true);
      for (const deg of DIRECTIONS) {
        expect([deg, inDisc(filter, away(UTRECHT, km * 0.999, deg))]).toEqual([deg, true]);
        expect([deg, inDisc(filter, away(UTRECHT, km * 1.25, deg))]).toEqual([deg, false]);
      }
    },
  );

  it('covers less than the box (corners left out)', () => {
    const filter = discFilter(UTRECHT.lat, UTRECHT.lng, 25);
    expect(inDisc(filter, away(UTRECHT, 25 * Math.SQRT2 * 0.98, 45))).toBe(false);
  });
});
