import {
  bearer,
  buildWorld,
  candidateBody,
  insertOrganisation,
  insertUser,
  tokenFor,
  vacancyBody,
  World,
} from './support/fixtures';
import { regionNames } from '@werkbrug/employers';
import { searchWorker } from './support/search-sync';
import { startTestApp, TestApp } from './support/test-app';
import { signIn } from './support/web-client';

/**
 * Employers have an owning organisation and a region. Werkmakelaars of the
 * owner and the employer's own users edit the employer and its workplaces; werkmakelaars of other
 * organisations in the region see, match and propose; outside the region nothing is visible.
 * (buildWorld: organisation A brings both employers in; A and B serve the region Woerden.)
 */
describe('employers: owning organisation and region', () => {
  let t: TestApp;
  let w: World;
  let wmC: string;
  let candidateC: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const orgC = await insertOrganisation(t.db, 'werkbedrijf', 'Werkbedrijf Utrecht');
    await t.db.query(`UPDATE organisations SET region = 'Utrecht, Stichtse Vecht' WHERE id = $1`, [
      orgC,
    ]);
    await insertUser(t.db, 'werkmakelaar', 'wm.c@test.nl', orgC);
    wmC = await tokenFor(t, 'wm.c@test.nl');
    candidateC = (
      await t.http().post('/api/candidates').set(bearer(wmC)).send(candidateBody()).expect(201)
    ).body.id;
    // Matching reads Meilisearch: index the world the way the worker would.
    await (await searchWorker(t)).drain();
  });
  afterAll(async () => {
    await t?.close();
  });

  const version = async (path: string) =>
    (await t.http().get(path).set(bearer(w.adminToken)).expect(200)).body.version as number;
  const patch = async (token: string, path: string, body: object) =>
    t
      .http()
      .patch(path)
      .set(bearer(token))
      .set('If-Match', `"${await version(path)}"`)
      .send(body);

  it('records the owning organisation and its region on create', async () => {
    const res = await t.http().get(`/api/employers/${w.employer.id}`).set(bearer(w.wmA.token));
    expect(res.body).toMatchObject({ ownerOrganisationId: w.orgA, region: 'Woerden' });
  });

  it('another organisation in the region sees but may not edit (no redirecting mail)', async () => {
    const employerPath = `/api/employers/${w.employer.id}`;
    await t.http().get(employerPath).set(bearer(w.wmB.token)).expect(200);
    const before = await version(employerPath);
    const res = await patch(w.wmB.token, employerPath, { contactEmail: 'kaper@orgb.example' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    const [row] = await t.db.query(`SELECT contact_email FROM employers WHERE id = $1`, [
      w.employer.id,
    ]);
    expect(row.contact_email).toBeNull();
    expect(await version(employerPath)).toBe(before);

    const vacancyPath = `/api/vacancies/${w.vacancy.id}`;
    await t.http().get(vacancyPath).set(bearer(w.wmB.token)).expect(200);
    expect((await patch(w.wmB.token, vacancyPath, { title: 'Gekaapt' })).status).toBe(403);
    expect((await t.http().delete(vacancyPath).set(bearer(w.wmB.token))).status).toBe(403);
    const create = await t
      .http()
      .post('/api/vacancies')
      .set(bearer(w.wmB.token))
      .send(vacancyBody({ employerId: w.employer.id }));
    expect(create.status).toBe(403);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM vacancies WHERE employer_id = $1`,
      [w.employer.id],
    );
    expect(n).toBe(1);
  });

  it('another organisation in the region matches and proposes', async () => {
    const matches = await t
      .http()
      .get(`/api/candidates/${w.candidateB.id}/matches`)
      .set(bearer(w.wmB.token))
      .expect(200);
    expect(
      [...matches.body.items, ...matches.body.nearMisses].map(
        (i: { vacancy: { id: string } }) => i.vacancy.id,
      ),
    ).toContain(w.vacancy.id);
    await t
      .http()
      .get(`/api/vacancies/${w.vacancy.id}/matches`)
      .set(bearer(w.wmB.token))
      .expect(200);
    await t
      .http()
      .post('/api/proposals')
      .set(bearer(w.wmB.token))
      .send({ candidateId: w.candidateB.id, vacancyId: w.vacancy.id, motivation: 'Past goed.' })
      .expect(201);
  });

  it('the owner’s werkmakelaars and the employer’s own users edit', async () => {
    const path = `/api/employers/${w.employer.id}`;
    expect((await patch(w.wmA.token, path, { contactName: 'Eigenaar' })).status).toBe(200);
    expect((await patch(w.employer.token, path, { contactName: 'Zelf' })).status).toBe(200);
    expect((await patch(w.otherEmployer.token, path, { contactName: 'Ander' })).status).toBe(404);
    const vacancyPath = `/api/vacancies/${w.vacancy.id}`;
    expect((await patch(w.employer.token, vacancyPath, { title: 'Hovenier' })).status).toBe(200);
    expect((await patch(w.wmA.token, vacancyPath, { title: 'Hovenier (m/v)' })).status).toBe(200);
  });

  it('outside the region nothing is visible: 404 everywhere, and no proposal', async () => {
    await t.http().get(`/api/employers/${w.employer.id}`).set(bearer(wmC)).expect(404);
    await t.http().get(`/api/vacancies/${w.vacancy.id}`).set(bearer(wmC)).expect(404);
    await t.http().get(`/api/vacancies/${w.vacancy.id}/matches`).set(bearer(wmC)).expect(404);
    const employers = await t.http().get('/api/employers').set(bearer(wmC)).expect(200);
    expect(employers.body.items).toEqual([]);
    const vacancies = await t.http().get('/api/vacancies').set(bearer(wmC)).expect(200);
    expect(vacancies.body.items).toEqual([]);
    const matches = await t
      .http()
      .get(`/api/candidates/${candidateC}/matches`)
      .set(bearer(wmC))
      .expect(200);
    const seen = [...matches.body.items, ...matches.body.nearMisses].map(
      (i: { vacancy: { id: string } }) => i.vacancy.id,
    );
    expect(seen).not.toContain(w.vacancy.id);
    expect(seen).not.toContain(w.otherVacancy.id);
    // The candidate file's match list (cached suggestions) applies the same rule.
    const broker = await signIn(t, 'wm.c@test.nl');
    const file = await broker.get(`/werkmakelaar/kandidaten/${candidateC}`).expect(200);
    expect(file.text).toContain('Passende werkplekken');
    const outOfReach: { id: string; title: string }[] = await t.db.query(
      `SELECT id, title FROM vacancies WHERE id = ANY($1)`,
      [[w.vacancy.id, w.otherVacancy.id]],
    );
    for (const v of outOfReach) {
      expect(file.text).not.toContain(v.id);
      expect(file.text).not.toContain(v.title);
    }
    // Item 10: every read path applies the same rule, the search index included.
    const search = async (token: string) =>
      (
        await t.http().get('/api/search/vacancies?q=groenonderhoud').set(bearer(token)).expect(200)
      ).body.items.map((v: { id: string }) => v.id);
    expect(await search(w.wmB.token)).toContain(w.vacancy.id);
    expect(await search(wmC)).not.toContain(w.vacancy.id);
    // Counts and facets follow the same rule: outside the region they reveal nothing.
    const counted = async (token: string) =>
      (await t.http().get('/api/search/vacancies').set(bearer(token)).expect(200)).body;
    const inRegion = await counted(w.wmB.token);
    expect(inRegion.estimatedTotalHits).toBeGreaterThan(0);
    expect(Object.keys(inRegion.facets.werksoort).length).toBeGreaterThan(0);
    expect(await counted(wmC)).toMatchObject({
      items: [],
      estimatedTotalHits: 0,
      facets: { werksoort: {}, arrangement: {} },
    });
    const res = await t
      .http()
      .post('/api/proposals')
      .set(bearer(wmC))
      .send({ candidateId: candidateC, vacancyId: w.vacancy.id, motivation: 'Buiten de regio.' });
    expect(res.status).toBe(422);
    const placement = await t.http().post('/api/placements').set(bearer(wmC)).send({
      candidateId: candidateC,
      vacancyId: w.vacancy.id,
      arrangement: 'proefplaatsing',
      startDate: '2026-12-01',
      hoursPerWeek: 16,
      candidateConsent: true,
    });
    expect(placement.status).toBe(422);
  });

  it('reads regions in search documents as PostgreSQL does (region_overlaps)', async () => {
    const pairs: [string, string][] = [
      ['Woerden', 'woerden'],
      ['Stichtse Vecht, Woerden', 'Utrecht,Stichtse Vecht'],
      ['Utrecht', 'Stichtse Vecht, Woerden'],
      ['', 'Woerden'],
      ['', ''],
      ['  De Ronde Venen ', 'de ronde venen,Woerden'],
    ];
    for (const [a, b] of pairs) {
      const [{ overlaps }] = await t.db.query(`SELECT region_overlaps($1, $2) AS overlaps`, [a, b]);
      const names = new Set(regionNames(a));
      expect([a, b, regionNames(b).some((n) => names.has(n))]).toEqual([a, b, overlaps]);
    }
  });

  it('regions overlap by gemeente; an administrator hands an employer to another organisation', async () => {
    await t.db.query(`UPDATE employers SET region = 'Stichtse Vecht, Woerden' WHERE id = $1`, [
      w.employer.id,
    ]);
    await t.http().get(`/api/employers/${w.employer.id}`).set(bearer(wmC)).expect(200);
    const path = `/api/employers/${w.employer.id}`;
    const handOver = await patch(w.wmA.token, path, { ownerOrganisationId: w.orgB });
    expect(handOver.status).toBe(403);
    const byAdmin = await patch(w.adminToken, path, { ownerOrganisationId: w.orgB });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.ownerOrganisationId).toBe(w.orgB);
    expect((await patch(w.wmB.token, path, { contactName: 'Nieuwe eigenaar' })).status).toBe(200);
    expect((await patch(w.wmA.token, path, { contactName: 'Oude eigenaar' })).status).toBe(403);
  });
});
