import { bearer, buildWorld, candidateBody, type World } from './support/fixtures';
import { startPdokServer, type PdokServer } from './support/pdok-server';
import { startTestApp, type TestApp } from './support/test-app';

const homeArea = (postcode: string) => ({ postcode });

/** Postcodes outside the 92 embedded PC4 areas, through PDOK Locatieserver (a local recorded stand-in). */
describe('geocoding beyond the demo region', () => {
  describe('with GEOCODER_URL', () => {
    let t: TestApp;
    let pdok: PdokServer;
    let world: World;
    beforeAll(async () => {
      pdok = await startPdokServer();
      t = await startTestApp({ GEOCODER_URL: pdok.url });
      world = await buildWorld(t);
    });
    afterAll(async () => {
      await t.close();
      await pdok.close();
    });
    beforeEach(() => {
      pdok.failWith = null;
    });

    const create = (postcode: string) =>
      t
        .http()
        .post('/api/candidates')
        .set(bearer(world.wmA.token))
        .send(candidateBody({ homeArea: homeArea(postcode) }));

    it('places a postcode outside the embedded table (Emmen) from PDOK, and caches it', async () => {
      const asked = pdok.requests.length;
      const first = await create('7811 AP').expect(201);
      expect(first.body.homeArea).toEqual({
        postcode: '7811AP',
        place: 'Emmen',
        lat: 52.78568432,
        lng: 6.89643181,
      });
      expect(pdok.requests.length).toBe(asked + 1);
      const [cached] = await t.db.query(
        `SELECT found, place, municipality, lat, lng, source FROM geocode_cache WHERE postcode = '7811AP'`,
      );
      expect(cached).toEqual({
        found: true,
        place: 'Emmen',
        municipality: 'Emmen',
        lat: 52.78568432,
        lng: 6.89643181,
        source: 'pdok',
      });
      // The second time PostgreSQL answers, even with PDOK down.
      pdok.failWith = 503;
      const second = await create('7811AP').expect(201);
      expect(second.body.homeArea).toEqual(first.body.homeArea);
      expect(pdok.requests.length).toBe(asked + 1);
    });

    it('prefers the PC6 centroid over the PC4 table inside the demo region', async () => {
      const res = await create('3441 BG').expect(201);
      expect(res.body.homeArea).toMatchObject({ place: 'Woerden', lat: 52.08613475 });
    });

    it('falls back to the embedded table when PDOK is down', async () => {
      pdok.failWith = 503;
      const [area] = await t.db.query(
        `SELECT place, lat, lng FROM postcode_areas WHERE pc4 = '3445'`,
      );
      const res = await create('3445 ZZ').expect(201);
      expect(res.body.homeArea).toEqual({ postcode: '3445ZZ', ...area });
      const rows = await t.db.query(`SELECT 1 FROM geocode_cache WHERE postcode = '3445ZZ'`);
      expect(rows).toEqual([]); // an outage is not remembered as "unknown"
    });

    it('says exactly what to send when no source knows the postcode, and changes nothing', async () => {
      const [{ n: before }] = await t.db.query(`SELECT count(*)::int AS n FROM candidates`);
      const res = await create('9999 ZZ').expect(422);
      expect(res.body.errors).toEqual([
        {
          field: 'homeArea.postcode',
          message:
            'postcode 9999ZZ is not known to PDOK Locatieserver (' +
            new URL(pdok.url).host +
            '), then the embedded postcode table: send homeArea.lat and homeArea.lng (WGS84 decimal degrees in the Netherlands, e.g. 52.0860 and 4.8836) and homeArea.place with it',
        },
      ]);
      expect(res.body.detail).toBe(
        'No coordinates for postcode 9999ZZ. Send "homeArea": { "postcode": "9999 ZZ", "place": "<plaats>", "lat": <graden noord>, "lng": <graden oost> }.',
      );
      const [{ n: after }] = await t.db.query(`SELECT count(*)::int AS n FROM candidates`);
      expect(after).toBe(before);
      // What the message asks for is accepted.
      await t
        .http()
        .post('/api/candidates')
        .set(bearer(world.wmA.token))
        .send(
          candidateBody({
            homeArea: { postcode: '9999 ZZ', place: 'Ergens', lat: 52.1, lng: 5.1 },
          }),
        )
        .expect(201);
    });
  });

  describe('without GEOCODER_URL (offline)', () => {
    let t: TestApp;
    let world: World;
    beforeAll(async () => {
      // The test environment lives in process.env: clear what the suite above set.
      t = await startTestApp({ GEOCODER_URL: '' });
      world = await buildWorld(t);
    });
    afterAll(() => t.close());

    it('knows the embedded PC4 areas and names the table when it does not', async () => {
      await t
        .http()
        .post('/api/candidates')
        .set(bearer(world.wmA.token))
        .send(candidateBody({ homeArea: homeArea('3441 AB') }))
        .expect(201);
      const res = await t
        .http()
        .post('/api/candidates')
        .set(bearer(world.wmA.token))
        .send(candidateBody({ homeArea: homeArea('7811 AP') }))
        .expect(422);
      expect(res.body.errors[0].message).toBe(
        'postcode 7811AP is not known to the embedded postcode table: send homeArea.lat and homeArea.lng (WGS84 decimal degrees in the Netherlands, e.g. 52.0860 and 4.8836) and homeArea.place with it',
      );
      expect(await t.db.query(`SELECT 1 FROM geocode_cache`)).toEqual([]);
    });
  });
});
