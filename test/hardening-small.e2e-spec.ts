import { bearer, buildWorld, vacancyBody, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Smaller hardening rules: each one closes a way to leak data or to break the API with odd input. */
describe('hardening: the smaller findings', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const newVacancy = async (title: string) =>
    (
      await t
        .http()
        .post('/api/vacancies')
        .set(bearer(w.wmA.token))
        .send(vacancyBody({ employerId: w.employer.id, title }))
        .expect(201)
    ).body.id as string;

  it('concurrent duplicate proposals: one is made, the others get PROPOSAL_EXISTS (no constraint names)', async () => {
    const vacancyId = await newVacancy('Gelijktijdig');
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        t
          .http()
          .post('/api/proposals')
          .set(bearer(w.wmA.token))
          .send({ candidateId: w.candidateA.id, vacancyId, motivation: 'Tegelijk.' }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const res of results.filter((r) => r.status !== 201)) {
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('PROPOSAL_EXISTS');
      expect(res.text).not.toMatch(/one_open_per_pair|proposals_|constraint/);
    }
    const [n] = await t.db.query(`SELECT count(*)::int AS n FROM proposals WHERE vacancy_id = $1`, [
      vacancyId,
    ]);
    expect(n.n).toBe(1);
  });

  it('deleting a workplace with proposals is a clear 409 and deletes nothing', async () => {
    const vacancyId = await newVacancy('Met voorstel');
    await t
      .http()
      .post('/api/proposals')
      .set(bearer(w.wmA.token))
      .send({ candidateId: w.candidateA.id, vacancyId, motivation: 'Past.' })
      .expect(201);
    const res = await t.http().delete(`/api/vacancies/${vacancyId}`).set(bearer(w.wmA.token));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('VACANCY_IN_USE');
    expect(res.body.detail).toMatch(/status to closed/);
    const rows = await t.db.query(`SELECT 1 FROM vacancies WHERE id = $1`, [vacancyId]);
    expect(rows).toHaveLength(1);
  });

  it('types SelfErasureRequest.confirm as the boolean true in the OpenAPI document', async () => {
    const doc = await t.http().get('/api/openapi.json').expect(200);
    const confirm = doc.body.components.schemas.SelfErasureRequest.properties.confirm;
    // Swagger turns a literal enum into "number"; the schema says boolean and that it must be true.
    expect(confirm).toMatchObject({ type: 'boolean', example: true });
    expect(confirm.enum).toBeUndefined();
    expect(confirm.description).toMatch(/Must be true/);
    const consent = doc.body.components.schemas.CreatePlacementDto.properties.candidateConsent;
    expect(consent).toMatchObject({ type: 'boolean' });
  });

  it('answers a body with 40,000 unknown keys with a bounded error', async () => {
    const body: Record<string, number> = { code: 1 };
    for (let i = 0; i < 40_000; i++) body[`k${i}`] = i;
    const res = await t.http().post('/api/werksoorten').set(bearer(w.adminToken)).send(body);
    expect(res.status).toBe(422);
    expect(res.text.length).toBeLessThan(16_000);
    expect(res.body.errors).toHaveLength(50);
    expect(res.body.detail).toMatch(/^\d+ fields are invalid; the first 50 are listed\.$/);
  });

  describe('X-Purpose on full-file reads', () => {
    const reads = async () =>
      (
        await t.db.query(
          `SELECT purpose FROM audit_log WHERE action = 'candidate.read' AND candidate_id = $1`,
          [w.candidateA.id],
        )
      ).map((r: { purpose: string | null }) => r.purpose);

    it('is required of a werkmakelaar; the refusal reads and records nothing', async () => {
      const before = await reads();
      for (const purpose of [undefined, '', '   ']) {
        let req = t.http().get(`/api/candidates/${w.candidateA.id}`).set(bearer(w.wmA.token));
        if (purpose !== undefined) req = req.set('X-Purpose', purpose);
        const res = await req;
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('PURPOSE_REQUIRED');
        expect(res.text).not.toContain('de Vries');
      }
      expect(await reads()).toEqual(before);
      // Another organisation's file stays a 404, purpose or not.
      await t.http().get(`/api/candidates/${w.candidateB.id}`).set(bearer(w.wmA.token)).expect(404);
      await t
        .http()
        .get(`/api/candidates/${w.candidateA.id}`)
        .set(bearer(w.wmA.token))
        .set('X-Purpose', 'voorbereiding gesprek')
        .expect(200);
      expect(await reads()).toEqual([...before, 'voorbereiding gesprek']);
    });

    it('is not asked of the candidate reading their own file', async () => {
      await t
        .http()
        .get(`/api/candidates/${w.candidateA.id}`)
        .set(bearer(w.candidateA.token))
        .expect(200);
      expect(await reads()).not.toContain(null);
    });
  });
});
