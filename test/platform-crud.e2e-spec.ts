import {
  bearer,
  buildWorld,
  candidateBody,
  snapshot,
  vacancyBody,
  World,
  tokenResponseFor,
} from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

describe('platform: auth, scoping and CRUD', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('serves liveness and readiness without a token', async () => {
    await t.http().get('/health').expect(200, { status: 'ok' });
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.checks.database.status).toBe('up');
    expect(ready.body.checks.search.status).toBe('up');
  });

  it('issues opaque tokens, stores only their hash, and revokes them', async () => {
    // The address in other letters; a werkmakelaar sends the code of their app too (otp).
    const login = await tokenResponseFor(t, 'WM.A@test.nl', 'Test-wachtwoord-lang-2026');
    expect(login.status).toBe(200);
    expect(login.body.accessToken).toMatch(/^wb_/);
    const stored = await t.db.query(`SELECT encode(token_hash, 'hex') AS h FROM auth_tokens`);
    expect(stored.map((r: { h: string }) => r.h)).not.toContain(login.body.accessToken);
    const me = await t.http().get('/api/auth/me').set(bearer(login.body.accessToken)).expect(200);
    expect(me.body.email).toBe('wm.a@test.nl');
    await t.http().delete('/api/auth/token').set(bearer(login.body.accessToken)).expect(204);
    await t.http().get('/api/auth/me').set(bearer(login.body.accessToken)).expect(401);
  });

  it('rejects wrong passwords and unknown accounts alike', async () => {
    const wrong = await t
      .http()
      .post('/api/auth/token')
      .send({ email: 'wm.a@test.nl', password: 'niet-het-goede-wachtwoord' });
    const unknown = await t
      .http()
      .post('/api/auth/token')
      .send({ email: 'nobody@test.nl', password: 'niet-het-goede-wachtwoord' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
  });

  it('requires a token on every /api route', async () => {
    const res = await t.http().get('/api/vacancies').expect(401);
    expect(res.body).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      type: 'urn:werkbrug:problem:unauthenticated',
    });
    await t
      .http()
      .get('/api/vacancies')
      .set(bearer('wb_' + 'x'.repeat(43)))
      .expect(401);
  });

  it('lists the seeded werksoorten with keyset pagination', async () => {
    const first = await t
      .http()
      .get('/api/werksoorten?limit=4')
      .set(bearer(w.wmA.token))
      .expect(200);
    expect(first.body.items).toHaveLength(4);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await t
      .http()
      .get(`/api/werksoorten?limit=4&cursor=${first.body.nextCursor}`)
      .set(bearer(w.wmA.token))
      .expect(200);
    const codes = [...first.body.items, ...second.body.items].map((x: { code: string }) => x.code);
    expect(codes).toEqual([
      'administratief',
      'catering',
      'groen',
      'logistiek',
      'personenvervoer',
      'productie',
      'schoonmaak',
    ]);
    expect(second.body.nextCursor).toBeNull();
    const desc = await t
      .http()
      .get('/api/werksoorten?sort=-code&limit=1')
      .set(bearer(w.wmA.token))
      .expect(200);
    expect(desc.body.items[0].code).toBe('schoonmaak');
  });

  it('lets administrators add werksoorten with synonyms, and nobody else', async () => {
    const body = { code: 'zorg', name: 'Zorg', synonyms: ['Verzorging', 'thuiszorg'] };
    await t.http().post('/api/werksoorten').set(bearer(w.wmA.token)).send(body).expect(403);
    const res = await t
      .http()
      .post('/api/werksoorten')
      .set(bearer(w.adminToken))
      .send(body)
      .expect(201);
    expect(res.body.synonyms).toEqual(['verzorging', 'thuiszorg']);
    const dup = await t
      .http()
      .post('/api/werksoorten')
      .set(bearer(w.adminToken))
      .send(body)
      .expect(409);
    expect(dup.body.code).toBe('DUPLICATE');
  });

  it('creates vacancies with looked-up coordinates and an outbox row in the same transaction', async () => {
    const body = vacancyBody({ employerId: w.employer.id, location: { postcode: '3441AB' } });
    const before = await t.db.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE topic = 'search.vacancy'`,
    );
    const res = await t
      .http()
      .post('/api/vacancies')
      .set(bearer(w.wmA.token))
      .send(body)
      .expect(201);
    expect(res.body.location.postcode).toBe('3441AB');
    expect(res.body.location.place).toBeTruthy();
    expect(res.body.location.lat).toBeGreaterThan(51.9);
    expect(res.body.employer.name).toBe('Hoveniersbedrijf Groen & Zo');
    expect(res.body.werksoort.code).toBe('groen');
    const after = await t.db.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE topic = 'search.vacancy'`,
    );
    expect(after[0].n).toBe(before[0].n + 1);
    // Same transaction: PostgreSQL stamps each row with the id of the transaction that wrote it.
    const [same] = await t.db.query(
      `SELECT v.xmin::text AS vacancy_tx, o.xmin::text AS outbox_tx
         FROM vacancies v JOIN outbox_messages o ON o.aggregate_id = v.id AND o.topic = 'search.vacancy'
        WHERE v.id = $1`,
      [res.body.id],
    );
    expect(same.outbox_tx).toBe(same.vacancy_tx);
  });

  it('scopes vacancies: an employer sees only its own, another employer gets 404', async () => {
    const own = await t.http().get('/api/vacancies').set(bearer(w.employer.token)).expect(200);
    expect(
      own.body.items.every((v: { employer: { id: string } }) => v.employer.id === w.employer.id),
    ).toBe(true);
    await t.http().get(`/api/vacancies/${w.vacancy.id}`).set(bearer(w.employer.token)).expect(200);
    const other = await t
      .http()
      .get(`/api/vacancies/${w.vacancy.id}`)
      .set(bearer(w.otherEmployer.token))
      .expect(404);
    expect(other.body.code).toBe('NOT_FOUND');
    await t
      .http()
      .patch(`/api/vacancies/${w.vacancy.id}`)
      .set(bearer(w.otherEmployer.token))
      .set('If-Match', '"1"')
      .send({ title: 'Gekaapt' })
      .expect(404);
  });

  it('lets an employer post only for itself', async () => {
    const res = await t
      .http()
      .post('/api/vacancies')
      .set(bearer(w.employer.token))
      .send(vacancyBody({ employerId: w.otherEmployer.id }))
      .expect(422);
    expect(res.body.errors[0].field).toBe('employerId');
    const ok = await t
      .http()
      .post('/api/vacancies')
      .set(bearer(w.employer.token))
      .send(vacancyBody())
      .expect(201);
    expect(ok.body.employer.id).toBe(w.employer.id);
  });

  it('updates with If-Match or a version field, and refuses stale versions with 409', async () => {
    const current = await t
      .http()
      .get(`/api/vacancies/${w.vacancy.id}`)
      .set(bearer(w.wmA.token))
      .expect(200);
    expect(current.headers.etag).toBe(`"${current.body.version}"`);
    const v = current.body.version as number;
    const updated = await t
      .http()
      .patch(`/api/vacancies/${w.vacancy.id}`)
      .set(bearer(w.wmA.token))
      .set('If-Match', `"${v}"`)
      .send({ title: 'Hovenier (m/v)' })
      .expect(200);
    expect(updated.body.version).toBe(v + 1);
    const stale = await t
      .http()
      .patch(`/api/vacancies/${w.vacancy.id}`)
      .set(bearer(w.wmA.token))
      .send({ title: 'Overschreven', version: v })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: v + 1 });
    const missing = await t
      .http()
      .patch(`/api/vacancies/${w.vacancy.id}`)
      .set(bearer(w.wmA.token))
      .send({ title: 'x' });
    expect(missing.status).toBe(428);
    const after = await t
      .http()
      .get(`/api/vacancies/${w.vacancy.id}`)
      .set(bearer(w.wmA.token))
      .expect(200);
    expect(after.body.title).toBe('Hovenier (m/v)');
  });

  it('keeps candidates inside their organisation (404 for others) and gates roles (403)', async () => {
    await t
      .http()
      .get(`/api/candidates/${w.candidateA.id}`)
      .set(bearer(w.wmA.token))
      .set('X-Purpose', 'test')
      .expect(200);
    await t.http().get(`/api/candidates/${w.candidateA.id}`).set(bearer(w.wmB.token)).expect(404);
    await t
      .http()
      .get(`/api/candidates/${w.candidateA.id}`)
      .set(bearer(w.employer.token))
      .expect(403);
    await t.http().get('/api/candidates').set(bearer(w.employer.token)).expect(403);
    const listB = await t.http().get('/api/candidates').set(bearer(w.wmB.token)).expect(200);
    expect(listB.body.items.map((c: { id: string }) => c.id)).toEqual([w.candidateB.id]);
    const self = await t
      .http()
      .get(`/api/candidates/${w.candidateA.id}`)
      .set(bearer(w.candidateA.token))
      .expect(200);
    expect(self.body.personal.firstName).toBe('Sanne');
    await t
      .http()
      .get(`/api/candidates/${w.candidateB.id}`)
      .set(bearer(w.candidateA.token))
      .expect(404);
  });

  it('shows administrators the work profile only, never protected data', async () => {
    const res = await t
      .http()
      .get(`/api/candidates/${w.candidateA.id}`)
      .set(bearer(w.adminToken))
      .expect(200);
    expect(res.body.personal).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toMatch(
      /Sanne|de Vries|participatiewet|Rugklachten|06-12345678/,
    );
    expect(res.body.pseudonym).toMatch(/^K-\d{6}$/);
  });

  it('lets a candidate edit wishes but not the assessment', async () => {
    const current = await t
      .http()
      .get(`/api/candidates/${w.candidateA.id}`)
      .set(bearer(w.candidateA.token))
      .expect(200);
    await t
      .http()
      .patch(`/api/candidates/${w.candidateA.id}`)
      .set(bearer(w.candidateA.token))
      .send({ version: current.body.version, interests: 'tuinieren en koken' })
      .expect(200);
    const refused = await t
      .http()
      .patch(`/api/candidates/${w.candidateA.id}`)
      .set(bearer(w.candidateA.token))
      .send({ version: current.body.version + 1, ladderRung: 6 })
      .expect(403);
    expect(refused.body.detail).toContain('ladderRung');
  });

  it('stores SQL and HTML verbatim and returns them as JSON text', async () => {
    const title = `'; DROP TABLE vacancies; -- <script>alert(1)</script>`;
    const res = await t
      .http()
      .post('/api/vacancies')
      .set(bearer(w.wmA.token))
      .send(vacancyBody({ employerId: w.employer.id, title }))
      .expect(201);
    expect(res.headers['content-type']).toContain('application/json');
    const again = await t
      .http()
      .get(`/api/vacancies/${res.body.id}`)
      .set(bearer(w.wmA.token))
      .expect(200);
    expect(again.body.title).toBe(title);
    expect(again.text).not.toContain('<script>');
    expect(again.text).toContain('\\u003cscript\\u003e');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM vacancies`);
    expect(n).toBeGreaterThan(0);
  });

  it('creates users with a strong password only, and rejects duplicate e-mail with 409', async () => {
    const base = {
      email: 'nieuw@test.nl',
      role: 'werkmakelaar',
      displayName: 'Nieuw',
      organisationId: w.orgA,
    };
    const weak = await t
      .http()
      .post('/api/users')
      .set(bearer(w.adminToken))
      .send({ ...base, password: 'wachtwoord123' })
      .expect(422);
    expect(weak.body.errors[0].field).toBe('password');
    await t
      .http()
      .post('/api/users')
      .set(bearer(w.adminToken))
      .send({ ...base, password: 'Een-heel-lang-wachtwoord' })
      .expect(201);
    const dup = await t
      .http()
      .post('/api/users')
      .set(bearer(w.adminToken))
      .send({ ...base, email: 'NIEUW@test.nl', password: 'Een-heel-lang-wachtwoord' })
      .expect(409);
    expect(dup.body.code).toBe('DUPLICATE');
  });

  it('creates employers in their own tenant and validates KvK numbers', async () => {
    const bad = await t
      .http()
      .post('/api/employers')
      .set(bearer(w.wmA.token))
      .send({ name: 'X', kvkNumber: '1234', locations: [{ postcode: '3441AB' }] })
      .expect(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('kvkNumber');
    const before = await snapshot(t.db);
    await t
      .http()
      .post('/api/employers')
      .set(bearer(w.wmA.token))
      .send({ name: 'Dubbel', kvkNumber: '12345678', locations: [{ postcode: '3441AB' }] })
      .expect(409);
    expect(await snapshot(t.db)).toBe(before);
  });

  it('exposes an OpenAPI document with every route', async () => {
    const doc = await t.http().get('/api/openapi.json').expect(200);
    const paths = Object.keys(doc.body.paths);
    for (const p of [
      '/api/auth/token',
      '/api/werksoorten',
      '/api/organisations',
      '/api/users',
      '/api/employers',
      '/api/vacancies',
      '/api/candidates',
      '/health/ready',
    ]) {
      expect(paths).toContain(p);
    }
    await t.http().get('/api/docs').expect(200);
  });

  it('echoes a request id header', async () => {
    const res = await t.http().get('/health').set('X-Request-Id', 'abc12345-test');
    expect(res.headers['x-request-id']).toBe('abc12345-test');
    const generated = await t.http().get('/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('returns one vacancy exactly as the list does (dates as dates, names joined)', async () => {
    const created = await t
      .http()
      .post('/api/vacancies')
      .set(bearer(w.wmA.token))
      .send(
        vacancyBody({ employerId: w.employer.id, startDate: '2026-12-01', title: 'Datumcontrole' }),
      )
      .expect(201);
    const one = await t
      .http()
      .get(`/api/vacancies/${created.body.id}`)
      .set(bearer(w.wmA.token))
      .expect(200);
    const list = await t
      .http()
      .get('/api/vacancies?limit=100')
      .set(bearer(w.wmA.token))
      .expect(200);
    const inList = list.body.items.find((v: { id: string }) => v.id === created.body.id);
    expect(one.body.startDate).toBe('2026-12-01');
    expect(one.body).toEqual(inList);
    // create() answers with get(), so comparing those two proves nothing: check the read against
    // what was sent and against PostgreSQL instead.
    const sent = vacancyBody({ startDate: '2026-12-01', title: 'Datumcontrole' });
    expect(one.body).toMatchObject({
      title: sent.title,
      description: sent.description,
      arrangements: sent.arrangements,
      hoursMin: sent.hoursMin,
      hoursMax: sent.hoursMax,
      workingDays: sent.workingDays,
      dayparts: sent.dayparts,
      requiredCertificates: sent.requiredCertificates,
      desiredCertificates: sent.desiredCertificates,
      minLanguageLevel: sent.minLanguageLevel,
      demands: sent.demands,
      instruments: sent.instruments,
      werksoort: { code: sent.werksoort },
      employer: { name: 'Hoveniersbedrijf Groen & Zo' },
    });
    const [row] = await t.db.query(
      `SELECT title, hours_min, hours_max, places, places_filled, status, start_date::text AS start_date,
              demand_lifting, demand_outdoor, version FROM vacancies WHERE id = $1`,
      [created.body.id],
    );
    expect({
      title: one.body.title,
      hours_min: one.body.hoursMin,
      hours_max: one.body.hoursMax,
      places: one.body.places,
      places_filled: one.body.placesFilled,
      status: one.body.status,
      start_date: one.body.startDate,
      demand_lifting: one.body.demands.lifting,
      demand_outdoor: one.body.demands.outdoor,
      version: one.body.version,
    }).toEqual(row);
  });

  it('answers a candidate create with the same file a read returns', async () => {
    const created = await t
      .http()
      .post('/api/candidates')
      .set(bearer(w.wmA.token))
      .send(candidateBody({ maxTravelKm: 7.5 }))
      .expect(201);
    const read = await t
      .http()
      .get(`/api/candidates/${created.body.id}`)
      .set(bearer(w.wmA.token))
      .set('X-Purpose', 'test')
      .expect(200);
    expect(created.body.pseudonym).toMatch(/^K-\d{6}$/);
    expect(read.body).toEqual(created.body);
  });

  it('updates candidate hours consistently (min ≤ max after merge)', async () => {
    const c = await t
      .http()
      .get(`/api/candidates/${w.candidateB.id}`)
      .set(bearer(w.wmB.token))
      .set('X-Purpose', 'test')
      .expect(200);
    const res = await t
      .http()
      .patch(`/api/candidates/${w.candidateB.id}`)
      .set(bearer(w.wmB.token))
      .send({ version: c.body.version, hoursMin: 30 })
      .expect(422);
    expect(res.body.errors[0].field).toBe('hoursMin');
    const after = await t
      .http()
      .get(`/api/candidates/${w.candidateB.id}`)
      .set(bearer(w.wmB.token))
      .set('X-Purpose', 'test')
      .expect(200);
    expect([after.body.hoursMin, after.body.version]).toEqual([c.body.hoursMin, c.body.version]);
  });
});
