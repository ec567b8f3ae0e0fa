import type { Arrangement, TravelMode } from '@werkbrug/domain';
import { acceptedArrangements, distanceKm, roundKm, travelRangeKm } from './matching-rules';

describe('travelRangeKm', () => {
  it.each<[TravelMode, number | null, number | null, number]>([
    ['lopen', null, null, 2],
    ['fiets', null, null, 8],
    ['ebike', null, null, 15],
    ['ov', null, null, 20],
    ['auto', null, null, 30],
    ['fiets', 12, null, 12],
    ['fiets', null, 30, 7.5], // 30 min × 15 km/h
    ['fiets', 5, 30, 5], // the stricter one
    ['ov', null, 45, 18.8], // 45 × 25 / 60 = 18.75 → 18.8 (halves round up)
    ['lopen', null, 1, 0.1], // 1 × 5 / 60 = 0.083 → 0.1
    ['auto', 0, null, 0],
  ])('%s, %p km, %p min → %p km', (mode, km, minutes, expected) => {
    expect(travelRangeKm(mode, km, minutes)).toBe(expected);
  });
});

describe('acceptedArrangements', () => {
  it.each<[number, Arrangement[] | null, Arrangement[]]>([
    [1, null, []],
    [2, null, []],
    [3, null, ['vrijwilligerswerk']],
    [4, null, ['vrijwilligerswerk', 'werkervaringsplaats', 'stage']],
    [
      6,
      null,
      [
        'vrijwilligerswerk',
        'werkervaringsplaats',
        'stage',
        'proefplaatsing',
        'detachering',
        'groepsdetachering',
        'beschut_werk',
        'leerwerkbaan',
        'regulier',
      ],
    ],
    [1, ['regulier'], ['regulier']], // an own list replaces the rung's default
    [6, [], []],
    [9, null, []], // no such rung
  ])('rung %i, own %j', (rung, own, expected) => {
    expect(acceptedArrangements(rung, own)).toEqual(expected);
  });
});

describe('distanceKm', () => {
  it.each<[string, [number, number], [number, number], number]>([
    ['same point', [52.086, 4.883], [52.086, 4.883], 0],
    ['Woerden – Utrecht centre', [52.0857, 4.8833], [52.0907, 5.1214], 16.3],
    ['Groningen – Maastricht', [53.2194, 6.5665], [50.8514, 5.691], 270],
    ['one degree of latitude', [52, 5], [53, 5], 111.2],
  ])('%s', (_name, [lat1, lng1], [lat2, lng2], km) => {
    expect(roundKm(distanceKm({ lat: lat1, lng: lng1 }, { lat: lat2, lng: lng2 }))).toBe(km);
  });
});
