import {
  bearer,
  buildWorld,
  candidateBody,
  snapshot,
  vacancyBody,
  World,
} from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Every rejected request gets a clear 4xx problem document and leaves the database as it was. */
describe('platform: bad input gets a clear error and changes nothing', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  type Case = {
    name: string;
    method: 'post' | 'patch';
    path: () => string;
    token: () => string;
    body?: unknown;
    raw?: string;
    headers?: Record<string, string>;
    status: number;
    code: string;
    field?: string;
  };

  const cases: Case[] = [
    {
      name: 'malformed JSON',
      method: 'post',
      path: () => '/api/vacancies',
      token: () => w.wmA.token,
      raw: '{"title": "x",',
      status: 400,
      code: 'MALFORMED_JSON',
    },
    {
      name: 'unknown field',
      method: 'post',
      path: () => '/api/vacancies',
      token: () => w.wmA.token,
      body: vacancyBody({ employerId: '', salary: 3000 }),
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'salary',
    },
    {
      name: 'missing field',
      method: 'post',
      path: () => '/api/vacancies',
      token: () => w.wmA.token,
      body: { ...vacancyBody(), title: undefined },
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'title',
    },
    {
      name: 'wrong type',
      method: 'post',
      path: () => '/api/vacancies',
      token: () => w.wmA.token,
      body: vacancyBody({ hoursMin: 'zestien' }),
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'hoursMin',
    },
    {
      name: 'hours min > max',
      method: 'post',
      path: () => '/api/vacancies',
      token: () => w.wmA.token,
      body: vacancyBody({ employerId: undefined, hoursMin: 30, hoursMax: 10 }),
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'hoursMin',
    },
    {
      name: 'rung outside 1–6',
      method: 'post',
      path: () => '/api/candidates',
      token: () => w.wmA.token,
      body: candidateBody({ ladderRung: 7 }),
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'ladderRung',
    },
    {
      name: 'rung zero',
      method: 'post',
      path: () => '/api/candidates',
      token: () => w.wmA.token,
      body: candidateBody({ ladderRung: 0 }),
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'ladderRung',
    },
    {
      name: 'invalid postcode',
      method: 'post',
      path: () => '/api/candidates',
      token: () => w.wmA.token,
      body: candidateBody({ homeArea: { postcode: '0123 AB' } }),
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'homeArea.postcode',
    },
    {
      name: 'invalid postcode letters SS',
      method: 'post',
      path: () => '/api/candidates',
      token: () => w.wmA.token,
      body: candidateBody({ homeArea: { postcode: '3441 SS' } }),
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'homeArea.postcode',
    },
    {
      name: 'coordinates outside NL',
      method: 'post',
      path: () => '/api/vacancies',
      token: () => w.wmA.token,
      body: vacancyBody({
        location: { postcode: '3441AB', place: 'Parijs', lat: 48.85, lng: 2.35 },
      }),
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'location.lat',
    },
    {
      name: 'unknown werksoort',
      method: 'post',
      path: () => '/api/vacancies',
      token: () => w.wmA.token,
      body: vacancyBody({ employerId: undefined, werksoort: 'ruimtevaart' }),
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'werksoort',
    },
    {
      name: 'unknown werksoort wish',
      method: 'post',
      path: () => '/api/candidates',
      token: () => w.wmA.token,
      body: candidateBody({ werksoortWishes: ['groen', 'ruimtevaart'] }),
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'werksoortWishes',
    },
    {
      name: 'invalid KvK number',
      method: 'post',
      path: () => '/api/employers',
      token: () => w.wmA.token,
      body: { name: 'X', kvkNumber: '1234567A', locations: [{ postcode: '3441AB' }] },
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'kvkNumber',
    },
    {
      name: 'unknown arrangement',
      method: 'post',
      path: () => '/api/vacancies',
      token: () => w.wmA.token,
      body: vacancyBody({ arrangements: ['zzp'] }),
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'arrangements',
    },
    {
      name: 'negative places',
      method: 'post',
      path: () => '/api/vacancies',
      token: () => w.wmA.token,
      body: vacancyBody({ places: -1 }),
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'places',
    },
    {
      name: 'demand off the scale',
      method: 'post',
      path: () => '/api/vacancies',
      token: () => w.wmA.token,
      body: vacancyBody({ demands: { lifting: 9, standing: 0, pace: 0, stimuli: 0, outdoor: 0 } }),
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'demands.lifting',
    },
    {
      name: 'unknown nested field',
      method: 'post',
      path: () => '/api/candidates',
      token: () => w.wmA.token,
      body: candidateBody({ personal: { ...candidateBody().personal, bsn: '123456782' } }),
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'personal.bsn',
    },
    {
      name: 'array instead of object',
      method: 'post',
      path: () => '/api/candidates',
      token: () => w.wmA.token,
      body: [candidateBody()],
      status: 422,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'not JSON',
      method: 'post',
      path: () => '/api/vacancies',
      token: () => w.wmA.token,
      raw: 'title=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'no token',
      method: 'post',
      path: () => '/api/vacancies',
      token: () => '',
      body: vacancyBody(),
      status: 401,
      code: 'UNAUTHENTICATED',
    },
    {
      name: 'wrong role',
      method: 'post',
      path: () => '/api/candidates',
      token: () => w.employer.token,
      body: candidateBody(),
      status: 403,
      code: 'FORBIDDEN',
    },
    {
      name: 'another organisation',
      method: 'patch',
      path: () => `/api/candidates/${w.candidateA.id}`,
      token: () => w.wmB.token,
      body: { version: 1, interests: 'x' },
      status: 404,
      code: 'NOT_FOUND',
    },
    {
      name: 'invalid id',
      method: 'patch',
      path: () => '/api/vacancies/not-a-uuid',
      token: () => w.wmA.token,
      body: { version: 1 },
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'stale version',
      method: 'patch',
      path: () => `/api/vacancies/${w.vacancy.id}`,
      token: () => w.wmA.token,
      body: { version: 99, title: 'x' },
      status: 409,
      code: 'STALE_VERSION',
    },
    {
      name: 'duplicate e-mail',
      method: 'post',
      path: () => '/api/users',
      token: () => w.adminToken,
      body: {
        email: 'wm.a@test.nl',
        password: 'Een-heel-lang-wachtwoord',
        role: 'werkmakelaar',
        displayName: 'Dubbel',
        organisationId: '00000000-0000-4000-8000-000000000000',
      },
      status: 422,
      code: 'VALIDATION_FAILED',
    },
  ];

  it.each(cases)('$name → $status $code, database unchanged', async (c) => {
    const before = await snapshot(t.db);
    let req = t.http()[c.method](c.path());
    if (c.token()) req = req.set(bearer(c.token()));
    for (const [k, v] of Object.entries(c.headers ?? {})) req = req.set(k, v);
    if (c.raw !== undefined)
      req = req.set('Content-Type', c.headers?.['Content-Type'] ?? 'application/json').send(c.raw);
    else if (c.body !== undefined) req = req.send(c.body as object);
    const res = await req;
    expect(res.status).toBe(c.status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      status: c.status,
      code: c.code,
      type: expect.stringMatching(/^urn:werkbrug:problem:/),
    });
    expect(typeof res.body.title).toBe('string');
    if (c.field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(c.field);
    expect(res.text).not.toMatch(/at .*\.(ts|js):\d+|QueryFailedError|SELECT |INSERT /);
    expect(await snapshot(t.db)).toBe(before);
  });

  it('rejects a duplicate e-mail on an existing organisation with 409', async () => {
    const before = await snapshot(t.db);
    const res = await t
      .http()
      .post('/api/users')
      .set(bearer(w.adminToken))
      .send({
        email: 'WM.A@test.nl',
        password: 'Een-heel-lang-wachtwoord',
        role: 'werkmakelaar',
        displayName: 'Dubbel',
        organisationId: w.orgA,
      })
      .expect(409);
    expect(res.body.code).toBe('DUPLICATE');
    expect(await snapshot(t.db)).toBe(before);
  });

  it('answers 413 for bodies over 1 MB and stores nothing', async () => {
    const before = await snapshot(t.db);
    const res = await t
      .http()
      .post('/api/vacancies')
      .set(bearer(w.wmA.token))
      .send(vacancyBody({ description: 'x'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await snapshot(t.db)).toBe(before);
  });

  it('answers unknown routes with a 404 problem', async () => {
    const res = await t.http().get('/api/bestaat-niet').set(bearer(w.wmA.token)).expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('rejects an invalid cursor and sort field with 400', async () => {
    const cursor = await t
      .http()
      .get('/api/vacancies?cursor=bogus')
      .set(bearer(w.wmA.token))
      .expect(400);
    expect(cursor.body.code).toBe('INVALID_CURSOR');
    const sort = await t
      .http()
      .get('/api/vacancies?sort=salary')
      .set(bearer(w.wmA.token))
      .expect(400);
    expect(sort.body.code).toBe('INVALID_SORT');
    const limit = await t
      .http()
      .get('/api/vacancies?limit=1000')
      .set(bearer(w.wmA.token))
      .expect(422);
    expect(limit.body.errors[0].field).toBe('limit');
  });
});
