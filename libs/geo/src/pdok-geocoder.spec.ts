import { startPdokServer, type PdokServer } from '../../../test/support/pdok-server';
import { chainGeocoder, parseWktPoint, pc4TableGeocoder, type Geocoder } from './geocoder';
import { pdokGeocoder } from './pdok-geocoder';

const noDb = { query: () => Promise.reject(new Error('no database in this test')) };

describe('PDOK Locatieserver adapter against recorded responses', () => {
  let pdok: PdokServer;
  beforeAll(async () => {
    pdok = await startPdokServer();
  });
  afterAll(() => pdok.close());
  beforeEach(() => {
    pdok.failWith = null;
    pdok.requests.length = 0;
  });

  it.each([
    [
      '7811 AP',
      {
        postcode: '7811AP',
        place: 'Emmen',
        municipality: 'Emmen',
        lat: 52.78568432,
        lng: 6.89643181,
      },
    ],
    [
      '3441bg',
      {
        postcode: '3441BG',
        place: 'Woerden',
        municipality: 'Woerden',
        lat: 52.08613475,
        lng: 4.88347021,
      },
    ],
    ['9999 ZZ', null],
  ])('%s', async (postcode, expected) => {
    const result = await pdokGeocoder(pdok.url).lookup(noDb, postcode);
    expect(result).toEqual(expected && { ...expected, source: 'pdok', precision: 'pc6' });
    // One request, with only parameters v3_1 accepts (it refuses others with 400).
    expect(pdok.requests).toHaveLength(1);
    const sent = new URL(pdok.requests[0], 'http://x');
    expect(sent.pathname).toBe('/bzk/locatieserver/search/v3_1/free');
    expect(Object.fromEntries(sent.searchParams)).toEqual({
      q: `postcode:${postcode.replace(' ', '').toUpperCase()}`,
      fq: 'type:postcode',
      fl: 'type,postcode,woonplaatsnaam,gemeentenaam,centroide_ll',
      rows: '1',
    });
  });

  it('does not ask about something that is not a postcode', async () => {
    expect(await pdokGeocoder(pdok.url).lookup(noDb, '0123 AB')).toBeNull();
    expect(pdok.requests).toEqual([]);
  });

  it.each([500, 503, 429])('throws on HTTP %i (the chain falls back)', async (status) => {
    pdok.failWith = status;
    await expect(pdokGeocoder(pdok.url).lookup(noDb, '7811 AP')).rejects.toThrow(
      `PDOK answered HTTP ${status}`,
    );
  });

  it('gives up after its timeout', async () => {
    const never = (() => new Promise(() => undefined)) as unknown as typeof fetch;
    const slow = pdokGeocoder(pdok.url, {
      timeoutMs: 50,
      fetch: (url, init) =>
        new Promise((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ).then(() => never(url)),
    });
    await expect(slow.lookup(noDb, '7811 AP')).rejects.toThrow(/timeout|aborted/i);
  });
});

describe('parseWktPoint', () => {
  it.each<[unknown, { lat: number; lng: number } | null]>([
    ['POINT(4.88347021 52.08613475)', { lat: 52.08613475, lng: 4.88347021 }],
    [' POINT( 6.9 52.8 ) ', { lat: 52.8, lng: 6.9 }],
    ['POINT(52.08 4.88)', null], // swapped: not in the Netherlands
    ['POINT(2.35 48.85)', null], // Paris
    ['POINT(122587.5 455470.2)', null], // RD coordinates, not WGS84
    ['POINT(4.88)', null],
    [null, null],
    [42, null],
  ])('%p', (wkt, expected) => {
    expect(parseWktPoint(wkt)).toEqual(expected);
  });
});

describe('chainGeocoder', () => {
  const answer = (name: string, place: string | null): Geocoder => ({
    name,
    lookup: async (_db, postcode) =>
      place
        ? { postcode, place, municipality: null, lat: 52, lng: 5, source: 'pdok', precision: 'pc6' }
        : null,
  });
  const broken: Geocoder = {
    name: 'broken',
    lookup: () => Promise.reject(new Error('ECONNREFUSED')),
  };

  it.each<[string, Geocoder[], string | null]>([
    ['first that knows wins', [answer('a', 'A'), answer('b', 'B')], 'A'],
    ['unknown goes on', [answer('a', null), answer('b', 'B')], 'B'],
    ['broken goes on', [broken, answer('b', 'B')], 'B'],
    ['nobody knows', [answer('a', null), broken], null],
  ])('%s', async (_name, sources, place) => {
    const warnings: string[] = [];
    const chain = chainGeocoder(sources, { warn: (m) => warnings.push(m) });
    expect((await chain.lookup(noDb, '7811AP'))?.place ?? null).toBe(place);
    expect(warnings.length).toBe(sources.includes(broken) && place !== 'A' ? 1 : 0);
  });

  it('names its sources for the error message', () => {
    expect(chainGeocoder([answer('PDOK', null), pc4TableGeocoder]).name).toBe(
      'PDOK, then the embedded postcode table',
    );
  });
});
