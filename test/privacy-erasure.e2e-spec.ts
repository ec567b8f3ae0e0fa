import { MeiliClient } from '@werkbrug/search';
import {
  bearer,
  buildWorld,
  candidateBody,
  insertUser,
  PASSWORD,
  tokenFor,
  World,
} from './support/fixtures';
import { searchWorker } from './support/search-sync';
import { startTestApp, TestApp } from './support/test-app';

/** Distinctive values, so a leftover anywhere in the database is found by a plain text scan. */
const PERSON = {
  firstName: 'Zwaantje',
  lastName: 'Quirijnsen-Vledder',
  email: 'zwaantje.quirijnsen@example.nl',
  phone: '06-98765432',
  address: 'Lindelaan 7, Woerden',
  dateOfBirth: '1987-02-14',
  benefitType: 'wajong',
  banenafspraak: true,
  loonwaardePct: 45,
  notes: 'Zwaantje heeft na een burn-out rust nodig.',
};
const LOGIN = 'zwaantje.login@example.nl';
const TRACES = ['zwaantje', 'quirijnsen', '98765432', 'lindelaan', 'burn-out', 'houtbewerking'];

describe('privacy: erasure', () => {
  let t: TestApp;
  let w: World;
  let drain: () => Promise<number>;
  let meili: MeiliClient;
  let id: string;
  let userId: string;
  let token: string;
  let before: Record<string, unknown>;

  const indexedIds = async () => {
    const docs = await meili.client
      .index(meili.indexUid('candidates'))
      .getDocuments({ limit: 1000 });
    return docs.results.map((d) => d.id as string);
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    ({ drain } = await searchWorker(t));
    meili = t.app.get(MeiliClient);
    const res = await t
      .http()
      .post('/api/candidates')
      .set(bearer(w.wmA.token))
      .send(
        candidateBody({
          interests: 'houtbewerking in de werkplaats van haar oom',
          certificates: ['vca', 'heftruck'],
          ladderMeasuredOn: '2026-10-17',
          trajectoryEndedOn: '2026-11-05',
          homeArea: { postcode: '3441 AB', place: 'Woerden', lat: 52.0871, lng: 4.8812 },
          personal: PERSON,
        }),
      )
      .expect(201);
    id = res.body.id;
    userId = await insertUser(t.db, 'kandidaat', LOGIN, w.orgA, { candidateId: id });
    token = await tokenFor(t, LOGIN);
    await drain();
    [before] = await t.db.query(`SELECT * FROM candidates WHERE id = $1`, [id]);
  });
  afterAll(() => t.close());

  it('is for the werkmakelaar of the candidate’s organisation only', async () => {
    expect(await indexedIds()).toContain(id);
    await t.http().delete(`/api/candidates/${id}`).set(bearer(w.wmB.token)).expect(404);
    for (const other of [w.adminToken, w.employer.token, w.candidateA.token, token])
      await t.http().delete(`/api/candidates/${id}`).set(bearer(other)).expect(403);
    await t.http().delete(`/api/candidates/${id}`).expect(401);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM candidate_protected WHERE candidate_id = $1`,
      [id],
    );
    expect(n).toBe(1);
  });

  it('erases in PostgreSQL: protected row gone, profile anonymised, accounts closed, audited', async () => {
    await t.http().delete(`/api/candidates/${id}`).set(bearer(w.wmA.token)).expect(204);

    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM candidate_protected WHERE candidate_id = $1`,
      [id],
    );
    expect(n).toBe(0);
    const [after] = await t.db.query(
      `SELECT *, to_char(created_at, 'DD HH24:MI:SS') AS created_rest,
              ladder_measured_on::text AS measured, trajectory_ended_on::text AS ended FROM candidates WHERE id = $1`,
      [id],
    );
    // Kept for statistics.
    for (const kept of [
      'organisation_id',
      'ladder_rung',
      'route',
      'werksoort_wishes',
      'hours_min',
      'hours_max',
    ])
      expect([kept, after[kept]]).toEqual([kept, before[kept]]);
    // Gone or coarsened.
    expect(after).toEqual(
      expect.objectContaining({
        interests: '',
        certificates: [],
        postcode: '3441AA',
        werkmakelaar_id: null,
        max_travel_km: null,
        needs_jobcoach: false,
        ability_lifting: 0,
        measured: '2026-10-01',
        ended: '2026-11-01',
        created_rest: '01 00:00:00',
      }),
    );
    expect(after.erased_at).not.toBeNull();
    expect(after.pseudonym).toMatch(/^X-[0-9a-f]{12}$/);
    expect(after.pseudonym).not.toBe(before.pseudonym);
    const [area] = await t.db.query(
      `SELECT lat, lng, place FROM postcode_areas WHERE pc4 = '3441'`,
    );
    if (area) expect([after.lat, after.lng, after.place]).toEqual([area.lat, area.lng, area.place]);
    else expect([after.lat, after.lng]).toEqual([52.09, 4.88]);

    const [user] = await t.db.query(`SELECT active, email, display_name FROM users WHERE id = $1`, [
      userId,
    ]);
    expect(user).toEqual({
      active: false,
      email: `gewist-${userId}@werkbrug.invalid`,
      display_name: 'Gewist account',
    });
    const open = await t.db.query(
      `SELECT 1 FROM auth_tokens WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
    expect(open).toHaveLength(0);

    const lines = await t.db.query(
      `SELECT actor_role, actor_user_id, purpose, details FROM audit_log WHERE candidate_id = $1 AND action = 'candidate.erase'`,
      [id],
    );
    expect(lines).toEqual([
      {
        actor_role: 'werkmakelaar',
        actor_user_id: w.wmA.id,
        purpose: null,
        details: { reason: 'request', accountsDeactivated: 1 },
      },
    ]);
  });

  it('leaves no name, e-mail, phone, address or note anywhere in the database', async () => {
    const tables: { table_name: string }[] = await t.db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    expect(tables.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['candidates', 'users', 'audit_log']),
    );
    const found: string[] = [];
    for (const { table_name: table } of tables) {
      const rows: { row: string }[] = await t.db.query(`SELECT t::text AS row FROM "${table}" t`);
      for (const { row } of rows)
        for (const trace of TRACES)
          if (row.toLowerCase().includes(trace)) found.push(`${table}: ${trace}`);
    }
    expect(found).toEqual([]);
  });

  it('ends the candidate’s sessions and sign-in', async () => {
    await t.http().get('/api/auth/me').set(bearer(token)).expect(401);
    await t.http().post('/api/auth/token').send({ email: LOGIN, password: PASSWORD }).expect(401);
  });

  it('reaches the search index through the outbox', async () => {
    const [row] = await t.db.query(
      `SELECT status FROM outbox_messages WHERE topic = 'search.candidate' AND aggregate_id = $1
        ORDER BY created_at DESC LIMIT 1`,
      [id],
    );
    expect(row.status).toBe('pending');
    expect(await indexedIds()).toContain(id);
    await drain();
    expect(await indexedIds()).not.toContain(id);
    expect(await indexedIds()).toContain(w.candidateA.id);
  });

  it('makes the candidate invisible everywhere afterwards (404)', async () => {
    const wm = bearer(w.wmA.token);
    await t.http().get(`/api/candidates/${id}`).set(wm).expect(404);
    await t.http().get(`/api/candidates/${id}`).set(bearer(w.adminToken)).expect(404);
    await t
      .http()
      .patch(`/api/candidates/${id}`)
      .set(wm)
      .set('If-Match', '"2"')
      .send({ hoursMax: 20 })
      .expect(404);
    await t
      .http()
      .get(`/api/candidates/${id}/export`)
      .set(wm)
      .set('X-Purpose', 'controle')
      .expect(404);
    await t.http().get(`/api/candidates/${id}/matches`).set(wm).expect(404);
    await t.http().delete(`/api/candidates/${id}`).set(wm).expect(404);
    const list = await t.http().get('/api/candidates?limit=100').set(wm).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    const linked = await t.http().post('/api/users').set(bearer(w.adminToken)).send({
      email: 'nieuw.account@example.nl',
      password: 'Een-lang-genoeg-wachtwoord',
      role: 'kandidaat',
      displayName: 'Nieuw',
      candidateId: id,
    });
    expect(linked.status).toBe(422);
  });

  it('erases once when two requests race', async () => {
    const res = await t
      .http()
      .post('/api/candidates')
      .set(bearer(w.wmA.token))
      .send(candidateBody())
      .expect(201);
    const statuses = await Promise.all(
      [1, 2].map(
        async () =>
          (await t.http().delete(`/api/candidates/${res.body.id}`).set(bearer(w.wmA.token))).status,
      ),
    );
    expect(statuses.sort()).toEqual([204, 404]);
    const lines = await t.db.query(
      `SELECT 1 FROM audit_log WHERE candidate_id = $1 AND action = 'candidate.erase'`,
      [res.body.id],
    );
    expect(lines).toHaveLength(1);
  });

  describe('POST /api/me/erasure', () => {
    it('needs an explicit confirmation and is for kandidaten only', async () => {
      const me = bearer(w.candidateA.token);
      expect((await t.http().post('/api/me/erasure').set(me).send({})).status).toBe(422);
      expect((await t.http().post('/api/me/erasure').set(me).send({ confirm: 'ja' })).status).toBe(
        422,
      );
      for (const other of [w.wmA.token, w.adminToken, w.employer.token])
        await t
          .http()
          .post('/api/me/erasure')
          .set(bearer(other))
          .send({ confirm: true })
          .expect(403);
      await t.http().get('/api/auth/me').set(me).expect(200);
    });

    it('lets the kandidaat erase their own file; their token stops working at once', async () => {
      await t
        .http()
        .post('/api/me/erasure')
        .set(bearer(w.candidateA.token))
        .send({ confirm: true })
        .expect(204);
      await t.http().get('/api/auth/me').set(bearer(w.candidateA.token)).expect(401);
      const [c] = await t.db.query(`SELECT erased_at FROM candidates WHERE id = $1`, [
        w.candidateA.id,
      ]);
      expect(c.erased_at).not.toBeNull();
      const [line] = await t.db.query(
        `SELECT actor_role, details FROM audit_log WHERE candidate_id = $1 AND action = 'candidate.erase'`,
        [w.candidateA.id],
      );
      expect(line).toEqual({
        actor_role: 'kandidaat',
        details: { reason: 'self', accountsDeactivated: 1 },
      });
      await t.http().get(`/api/candidates/${w.candidateA.id}`).set(bearer(w.wmA.token)).expect(404);
    });
  });
});
