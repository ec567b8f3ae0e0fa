import { bearer, buildWorld, vacancyBody, World } from './support/fixtures';
import { searchWorker } from './support/search-sync';
import { startTestApp, TestApp } from './support/test-app';

type Item = {
  vacancy: { id: string; title: string };
  score: number;
  distanceKm: number;
  reasons: { code: string; text: string }[];
};
type NearMiss = {
  vacancy: { id: string };
  blockers: { code: string; text: string; gap: number | string | null }[];
};

describe('matching on Meilisearch', () => {
  let t: TestApp;
  let w: World;
  let drain: () => Promise<number>;
  const ids: Record<string, string> = {};

  // The candidate (world fixture): Woerden 52.086,4.88, fiets 10 km, 12–24 h ma/di/wo ochtend, rung 4 with
  // defaults (vrijwilligerswerk, werkervaringsplaats, stage), vca, B1, abilities 2/2/2/1/3, needs a jobcoach.
  const base = {
    arrangements: ['werkervaringsplaats'],
    hoursAdjustable: false,
    hoursMin: 12,
    hoursMax: 20,
    minLanguageLevel: 'A2',
  };
  const at = (lat: number, lng: number) => ({
    location: { postcode: '3441AB', place: 'Woerden', lat, lng },
  });

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    ({ drain } = await searchWorker(t));
    const create = async (key: string, overrides: Record<string, unknown>) => {
      const res = await t
        .http()
        .post('/api/vacancies')
        .set(bearer(w.wmA.token))
        .send(vacancyBody({ employerId: w.employer.id, ...base, ...overrides }));
      if (res.status !== 201) throw new Error(`${key}: ${JSON.stringify(res.body)}`);
      ids[key] = res.body.id;
    };
    await create('fit', { title: 'Groenonderhoud in het park', ...at(52.09, 4.89) });
    await create('fitFar', { title: 'Tuinonderhoud begraafplaats', ...at(52.12, 4.95) });
    await create('secondWish', {
      werksoort: 'productie',
      title: 'Inpakken van kaas',
      description: 'Rustig inpakwerk',
      ...at(52.087, 4.881),
    });
    await create('needsHeftruck', {
      title: 'Groen en magazijn',
      requiredCertificates: ['heftruck'],
      ...at(52.09, 4.88),
    });
    await create('tooFar', { title: 'Hovenier Utrecht', ...at(52.09, 5.05) });
    await create('tooManyHours', {
      title: 'Fulltime groen',
      hoursMin: 32,
      hoursMax: 38,
      ...at(52.086, 4.882),
    });
    await create('adjustable', {
      title: 'Groen met aangepaste uren',
      hoursMin: 28,
      hoursMax: 36,
      hoursAdjustable: true,
      workingDays: ['vr'],
      ...at(52.086, 4.882),
    });
    await create('closed', { title: 'Gesloten groenplek', status: 'closed', ...at(52.086, 4.882) });
    await create('paid', {
      title: 'Betaalde baan groen',
      arrangements: ['regulier'],
      ...at(52.086, 4.882),
    });
    await create('heavy', {
      title: 'Zware bestrating',
      demands: { lifting: 3, standing: 3, pace: 2, stimuli: 1, outdoor: 3 },
      ...at(52.086, 4.882),
    });
    await drain();
  });
  afterAll(() => t.close());

  const matches = async (token = w.candidateA.token, query = '') => {
    const res = await t
      .http()
      .get(`/api/candidates/${w.candidateA.id}/matches${query}`)
      .set(bearer(token));
    expect(res.status).toBe(200);
    return res.body as { items: Item[]; nearMisses: NearMiss[] };
  };

  it('returns only workplaces that meet every hard constraint, each with reasons', async () => {
    const body = await matches();
    const got = body.items.map((i) => i.vacancy.id);
    expect(got).toEqual(
      expect.arrayContaining([ids.fit, ids.fitFar, ids.secondWish, ids.adjustable]),
    );
    for (const bad of ['needsHeftruck', 'tooFar', 'tooManyHours', 'closed', 'paid', 'heavy'])
      expect(got).not.toContain(ids[bad]);
    for (const item of body.items) {
      expect(item.reasons.length).toBeGreaterThan(0);
      expect(item.reasons.map((r) => r.code)).toEqual(
        expect.arrayContaining(['WITHIN_TRAVEL_RANGE', 'HOURS_FIT']),
      );
      expect(item.score).toBeGreaterThanOrEqual(0);
      expect(item.score).toBeLessThanOrEqual(100);
    }
  });

  it('orders by the soft preferences: first wish and nearby before second wish and farther', async () => {
    const body = await matches();
    const order = body.items.map((i) => i.vacancy.id);
    expect(order.indexOf(ids.fit)).toBeLessThan(order.indexOf(ids.secondWish));
    expect(order.indexOf(ids.fit)).toBeLessThan(order.indexOf(ids.fitFar));
    const fit = body.items.find((i) => i.vacancy.id === ids.fit) as Item;
    expect(fit.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['WERKSOORT_WISH_1', 'SUPPORT_ON_SITE']),
    );
    const adjustable = body.items.find((i) => i.vacancy.id === ids.adjustable) as Item;
    expect(adjustable.reasons.map((r) => r.code)).toContain('HOURS_ADJUSTABLE');
    expect(await matches()).toEqual(body);
  });

  it('names the blockers of near misses with the gap', async () => {
    const { nearMisses } = await matches();
    const blockers = (key: string) =>
      nearMisses.find((n) => n.vacancy.id === ids[key])?.blockers ?? [];
    expect(blockers('needsHeftruck')).toEqual([
      expect.objectContaining({ code: 'CERTIFICATE_MISSING', gap: 'heftruck' }),
    ]);
    const tooFar = blockers('tooFar');
    expect(tooFar).toHaveLength(1);
    expect(tooFar[0].code).toBe('TOO_FAR');
    expect(tooFar[0].gap).toBeGreaterThan(1);
    expect(blockers('tooManyHours')).toEqual([
      expect.objectContaining({ code: 'HOURS_SHORT', gap: 8 }),
    ]);
    expect(blockers('heavy').map((b) => b.code)).toEqual(['DEMAND_LIFTING', 'DEMAND_STANDING']);
    expect(nearMisses.map((n) => n.vacancy.id)).not.toContain(ids.closed);
  });

  it('narrows with q, werksoort and arrangement filters', async () => {
    const byWerksoort = await matches(w.candidateA.token, '?werksoort=productie');
    expect(byWerksoort.items.map((i) => i.vacancy.id)).toEqual([ids.secondWish]);
    const byText = await matches(w.candidateA.token, '?q=begraafplaats');
    expect(byText.items.map((i) => i.vacancy.id)).toEqual([ids.fitFar]);
  });

  it('lets the werkmakelaar of the organisation see the matches, not other organisations or employers', async () => {
    await t
      .http()
      .get(`/api/candidates/${w.candidateA.id}/matches`)
      .set(bearer(w.wmA.token))
      .expect(200);
    await t
      .http()
      .get(`/api/candidates/${w.candidateA.id}/matches`)
      .set(bearer(w.wmB.token))
      .expect(404);
    await t
      .http()
      .get(`/api/candidates/${w.candidateA.id}/matches`)
      .set(bearer(w.employer.token))
      .expect(403);
    await t
      .http()
      .get(`/api/candidates/${w.candidateB.id}/matches`)
      .set(bearer(w.candidateA.token))
      .expect(404);
  });

  it('finds candidates for a workplace within the caller organisation, pseudonymously', async () => {
    const res = await t
      .http()
      .get(`/api/vacancies/${ids.fit}/matches`)
      .set(bearer(w.wmA.token))
      .expect(200);
    expect(res.body.items.map((i: { candidate: { id: string } }) => i.candidate.id)).toEqual([
      w.candidateA.id,
    ]);
    expect(res.body.items[0].candidate.pseudonym).toMatch(/^Kandidaat K-\d{6}$/);
    expect(JSON.stringify(res.body)).not.toMatch(
      /Sanne|de Vries|sanne\.devries|participatiewet|Rugklachten|loonwaarde/i,
    );
    const other = await t
      .http()
      .get(`/api/vacancies/${ids.fit}/matches`)
      .set(bearer(w.wmB.token))
      .expect(200);
    expect(other.body.items.map((i: { candidate: { id: string } }) => i.candidate.id)).toEqual([
      w.candidateB.id,
    ]);
    await t
      .http()
      .get(`/api/vacancies/${ids.fit}/matches`)
      .set(bearer(w.employer.token))
      .expect(403);
  });

  it('browses open workplaces with typos, synonyms and facets', async () => {
    for (const q of ['groenvoorzening', 'hovenier', 'tuinman']) {
      const res = await t
        .http()
        .get(`/api/search/vacancies?q=${q}`)
        .set(bearer(w.candidateA.token))
        .expect(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      // Groen work ranks first (another werksoort may follow: the employer is called "Hoveniersbedrijf …").
      expect([q, res.body.items[0].werksoort.code]).toEqual([q, 'groen']);
    }
    const all = await t
      .http()
      .get('/api/search/vacancies?near=52.086,4.88&radiusKm=10')
      .set(bearer(w.wmA.token))
      .expect(200);
    expect(all.body.facets.werksoort.groen).toBeGreaterThan(0);
    expect(all.body.facets.arrangement.werkervaringsplaats).toBeGreaterThan(0);
    expect(all.body.items.map((v: { id: string }) => v.id)).not.toContain(ids.closed);
    expect(all.body.items[0].distanceKm).toBeLessThan(1);
    // Nearest first without Meilisearch's geo sort: in order, within the radius, and pages that
    // continue each other.
    const km = all.body.items.map((v: { distanceKm: number }) => v.distanceKm);
    expect(km).toEqual([...km].sort((a, b) => a - b));
    expect(Math.max(...km)).toBeLessThanOrEqual(10);
    const page = async (offset: number, limit: number) =>
      (
        await t
          .http()
          .get(`/api/search/vacancies?near=52.086,4.88&radiusKm=10&offset=${offset}&limit=${limit}`)
          .set(bearer(w.wmA.token))
          .expect(200)
      ).body.items.map((v: { id: string }) => v.id);
    const firstFour = await page(0, 4);
    expect(firstFour.length).toBeGreaterThan(2);
    expect([...(await page(0, 2)), ...(await page(2, 2))]).toEqual(firstFour);
    // A smaller radius leaves out what lies beyond it.
    const near = await t
      .http()
      .get('/api/search/vacancies?near=52.086,4.88&radiusKm=1')
      .set(bearer(w.wmA.token))
      .expect(200);
    expect(near.body.items.length).toBeGreaterThan(0);
    expect(near.body.items.every((v: { distanceKm: number }) => v.distanceKm <= 1)).toBe(true);
    expect(near.body.estimatedTotalHits).toBeLessThanOrEqual(all.body.estimatedTotalHits);
  });

  // The two tests below change only records they create themselves: the shared workplaces above
  // stay as the earlier tests left them, whatever the order the tests run in.
  it('propagates status changes and deletes: a filled workplace leaves the results', async () => {
    const own = async (title: string) =>
      (
        await t
          .http()
          .post('/api/vacancies')
          .set(bearer(w.wmA.token))
          .send(vacancyBody({ employerId: w.employer.id, ...base, title, ...at(52.0875, 4.8805) }))
          .expect(201)
      ).body as { id: string; version: number };
    const toFill = await own('Groenstrook vullen');
    const toDelete = await own('Groenstrook weghalen');
    await drain();
    const before = (await matches()).items.map((i) => i.vacancy.id);
    expect(before).toEqual(expect.arrayContaining([toFill.id, toDelete.id]));
    await t
      .http()
      .patch(`/api/vacancies/${toFill.id}`)
      .set(bearer(w.wmA.token))
      .send({ version: toFill.version, status: 'filled' })
      .expect(200);
    await t.http().delete(`/api/vacancies/${toDelete.id}`).set(bearer(w.wmA.token)).expect(204);
    await drain();
    const after = (await matches()).items.map((i) => i.vacancy.id);
    expect(after).not.toContain(toFill.id);
    expect(after).not.toContain(toDelete.id);
    // The shared workplaces are untouched.
    expect(after).toEqual(expect.arrayContaining([ids.fit, ids.fitFar]));
    const search = await t
      .http()
      .get('/api/search/vacancies?q=groenstrook')
      .set(bearer(w.wmA.token))
      .expect(200);
    expect(search.body.items).toHaveLength(0);
  });

  it('propagates werksoort renames into the documents', async () => {
    const created = await t
      .http()
      .post('/api/werksoorten')
      .set(bearer(w.adminToken))
      .send({ code: 'zuivel', name: 'Zuivel' })
      .expect(201);
    const vacancy = await t
      .http()
      .post('/api/vacancies')
      .set(bearer(w.wmA.token))
      .send(
        vacancyBody({
          employerId: w.employer.id,
          werksoort: 'zuivel',
          title: 'Boterhuis',
          ...base,
        }),
      )
      .expect(201);
    await drain();
    const search = (q: string) =>
      t.http().get(`/api/search/vacancies?q=${q}`).set(bearer(w.wmA.token)).expect(200);
    expect((await search('kaasmakerij')).body.items).toEqual([]);
    await t
      .http()
      .patch(`/api/werksoorten/${created.body.id}`)
      .set(bearer(w.adminToken))
      .send({ version: created.body.version, name: 'Zuivel en kaas', synonyms: ['kaasmakerij'] })
      .expect(200);
    await drain();
    const res = await search('kaasmakerij');
    expect(
      res.body.items.map((v: { id: string; werksoort: { name: string } }) => [
        v.id,
        v.werksoort.name,
      ]),
    ).toEqual([[vacancy.body.id, 'Zuivel en kaas']]);
  });

  it('keeps protected data out of the candidate index', async () => {
    const { MeiliClient } = await import('@werkbrug/search');
    const meili = t.app.get(MeiliClient);
    const docs = await meili.client
      .index(meili.indexUid('candidates'))
      .getDocuments({ limit: 100 });
    expect(docs.results.length).toBeGreaterThan(0);
    const text = JSON.stringify(docs.results);
    for (const leak of [
      'Sanne',
      'de Vries',
      'sanne.devries',
      '06-12345678',
      'participatiewet',
      'Rugklachten',
      'loonwaarde',
      'banenafspraak',
      'dateOfBirth',
    ]) {
      expect(text).not.toContain(leak);
    }
    // The values scanned for are really in PostgreSQL, so their absence from the index means something.
    const [stored] = await t.db.query(
      `SELECT first_name, benefit_type FROM candidate_protected WHERE candidate_id = $1`,
      [w.candidateA.id],
    );
    expect(stored).toEqual({ first_name: 'Sanne', benefit_type: 'participatiewet' });
  });
});
