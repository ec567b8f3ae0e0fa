import { bearer, buildWorld, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Arrangement and trajectory rules follow each other in time (planSuccession in @werkbrug/domain):
 * a new version closes the one in force the day before it starts, and a start on or before a later
 * version's start is refused.
 */
describe('dated rule versions follow each other in time', () => {
  let t: TestApp;
  let w: World;
  const admin = () => bearer(w.adminToken);

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('arrangement rules', async () => {
    const body = {
      arrangement: 'leerwerkbaan',
      initialMonths: 6,
      maxTotalMonths: 12,
      source: 'Successietest',
    };
    const first = await t
      .http()
      .post('/api/arrangement-rules')
      .set(admin())
      .send({ ...body, validFrom: '2033-01-01' })
      .expect(201);
    await t
      .http()
      .post('/api/arrangement-rules')
      .set(admin())
      .send({ ...body, validFrom: '2034-03-01' })
      .expect(201);
    const refused = await t
      .http()
      .post('/api/arrangement-rules')
      .set(admin())
      .send({ ...body, validFrom: '2034-03-01' })
      .expect(409);
    expect(refused.body.code).toBe('RULE_PERIOD_TAKEN');
    const list = await t.http().get('/api/arrangement-rules').set(admin()).expect(200);
    const rules = (list.body.items ?? list.body) as { id: string; validTo: string | null }[];
    expect(rules.find((r) => r.id === first.body.id)?.validTo).toBe('2034-02-28');
  });

  it('trajectory rules', async () => {
    const body = {
      organisationId: w.orgA,
      diagnosisHours: 100,
      blockHours: 350,
      maxHours: 800,
      warnWithinHours: 40,
      source: 'Successietest',
    };
    const first = await t
      .http()
      .post('/api/trajectory-rules')
      .set(admin())
      .send({ ...body, validFrom: '2020-01-01' })
      .expect(201);
    await t
      .http()
      .post('/api/trajectory-rules')
      .set(admin())
      .send({ ...body, validFrom: '2027-01-01' })
      .expect(201);
    const refused = await t
      .http()
      .post('/api/trajectory-rules')
      .set(admin())
      .send({ ...body, validFrom: '2026-06-01' })
      .expect(409);
    expect(refused.body.code).toBe('RULE_PERIOD_TAKEN');
    const list = await t
      .http()
      .get(`/api/trajectory-rules?organisationId=${w.orgA}`)
      .set(admin())
      .expect(200);
    const rules = list.body.items as { id: string; validTo: string | null }[];
    expect(rules.map((r) => r.validTo)).toEqual([null, '2026-12-31']);
    expect(rules[1].id).toBe(first.body.id);
  });
});
