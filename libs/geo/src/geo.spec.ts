import { haversineKm, isInNetherlands, normalisePostcode, pc4Of } from './geo';
import { POSTCODE_AREAS } from './postcode-areas.data';

const WOERDEN = { lat: 52.0857, lng: 4.8836 };
const UTRECHT = { lat: 52.0907, lng: 5.1214 };

describe('haversineKm', () => {
  it('measures Woerden to Utrecht as about 16 km', () => {
    const km = haversineKm(WOERDEN, UTRECHT);
    expect(km).toBeGreaterThan(15);
    expect(km).toBeLessThan(20);
  });

  it('is symmetric and zero for the same point', () => {
    expect(haversineKm(UTRECHT, WOERDEN)).toBeCloseTo(haversineKm(WOERDEN, UTRECHT), 10);
    expect(haversineKm(WOERDEN, WOERDEN)).toBe(0);
  });

  it('measures Groningen to Maastricht at roughly 260 km', () => {
    const km = haversineKm({ lat: 53.219, lng: 6.568 }, { lat: 50.8505, lng: 5.689 });
    expect(km).toBeGreaterThan(250);
    expect(km).toBeLessThan(275);
  });
});

describe('normalisePostcode', () => {
  it.each([
    ['3441 AB', '3441AB'],
    ['3441ab', '3441AB'],
    ['  3441 ab ', '3441AB'],
    ['1011AA', '1011AA'],
  ])('normalises %p to %p', (raw, expected) => {
    expect(normalisePostcode(raw)).toBe(expected);
  });

  it.each(['0441AB', '344AB', '34411AB', '3441A', '3441 A1', 'AB3441', '', '3441-AB'])(
    'rejects %p',
    (raw) => {
      expect(normalisePostcode(raw)).toBeNull();
    },
  );

  it.each(['3441 SA', '3441sd', '3441SS'])(
    'rejects the letter pair the post never issues: %p',
    (raw) => {
      expect(normalisePostcode(raw)).toBeNull();
    },
  );
});

describe('pc4Of', () => {
  it('takes the area of a full or bare postcode', () => {
    expect(pc4Of('3441 ab')).toBe('3441');
    expect(pc4Of('3441')).toBe('3441');
    expect(pc4Of('0441')).toBeNull();
    expect(pc4Of('3441 SS')).toBeNull();
  });
});

describe('isInNetherlands', () => {
  it('accepts Dutch places at the edges of the country', () => {
    expect(isInNetherlands(WOERDEN.lat, WOERDEN.lng)).toBe(true);
    expect(isInNetherlands(50.76, 5.9)).toBe(true); // south Limburg
    expect(isInNetherlands(53.45, 5.65)).toBe(true); // Schiermonnikoog
    expect(isInNetherlands(51.37, 3.4)).toBe(true); // Cadzand
  });

  it('rejects places outside and invalid numbers', () => {
    expect(isInNetherlands(48.8566, 2.3522)).toBe(false); // Paris
    expect(isInNetherlands(52.52, 13.405)).toBe(false); // Berlin
    expect(isInNetherlands(4.88, 52.08)).toBe(false); // lat and lng swapped
    expect(isInNetherlands(Number.NaN, 5)).toBe(false);
  });
});

describe('POSTCODE_AREAS', () => {
  it('has unique, valid PC4 codes', () => {
    const codes = POSTCODE_AREAS.map((a) => a.pc4);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[1-9][0-9]{3}$/);
  });

  it('places every area inside the Netherlands', () => {
    for (const a of POSTCODE_AREAS) {
      expect(a.lat).toBeGreaterThanOrEqual(50.75);
      expect(a.lat).toBeLessThanOrEqual(53.55);
      expect(a.lng).toBeGreaterThanOrEqual(3.35);
      expect(a.lng).toBeLessThanOrEqual(7.2);
      expect(isInNetherlands(a.lat, a.lng)).toBe(true);
    }
  });

  it('covers the four Ferm Werk municipalities', () => {
    const municipalities = new Set(POSTCODE_AREAS.map((a) => a.municipality));
    for (const m of ['Woerden', 'Bodegraven-Reeuwijk', 'Oudewater', 'Montfoort']) {
      expect(municipalities.has(m)).toBe(true);
    }
  });

  it('keeps every area of a town within a few km of each other', () => {
    const byPlace = new Map<string, typeof POSTCODE_AREAS>();
    for (const a of POSTCODE_AREAS) byPlace.set(a.place, [...(byPlace.get(a.place) ?? []), a]);
    for (const areas of byPlace.values()) {
      for (const a of areas) for (const b of areas) expect(haversineKm(a, b)).toBeLessThan(10);
    }
  });
});
