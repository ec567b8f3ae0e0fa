import { bearer, buildWorld, vacancyBody, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Rules around proposals and placements that keep consent and the arrangement rules honest: what a closed
 * proposal still shows the employer, what a placement checks, and the answers to conflicts.
 */
describe('proposal and placement rules', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set(bearer(token)),
    post: (path: string, body: object = {}, ifMatch?: number) => {
      const req = t.http().post(path).set(bearer(token));
      if (ifMatch !== undefined) req.set('If-Match', `"${ifMatch}"`);
      return req.send(body);
    },
    patch: (path: string, body: object, ifMatch: number) =>
      t.http().patch(path).set(bearer(token)).set('If-Match', `"${ifMatch}"`).send(body),
    delete: (path: string) => t.http().delete(path).set(bearer(token)),
  });

  let counter = 0;
  const newVacancy = async (overrides: Record<string, unknown> = {}) => {
    const res = await as(w.wmA.token)
      .post(
        '/api/vacancies',
        vacancyBody({ employerId: w.employer.id, title: `Plek ${++counter}`, ...overrides }),
      )
      .expect(201);
    return res.body as { id: string; version: number };
  };

  /** A proposal of organisation A that the candidate consented to (first name and contact shared). */
  const consentedProposal = async (vacancyId?: string) => {
    const res = await as(w.wmA.token)
      .post('/api/proposals', {
        candidateId: w.candidateA.id,
        vacancyId: vacancyId ?? (await newVacancy()).id,
        motivation: 'De kandidaat werkt graag buiten.',
      })
      .expect(201);
    await as(w.candidateA.token)
      .post(`/api/proposals/${res.body.id}/consent`, {
        share: ['firstName', 'werkmakelaarContact'],
      })
      .expect(200);
    return res.body.id as string;
  };

  describe('closing notes and closing ends sharing', () => {
    it.each([
      ['the candidate', 'kandidaat', 'ingetrokken'],
      ['the werkmakelaar', 'werkmakelaar', 'ingetrokken'],
      ['the candidate (declining)', 'kandidaat', 'afgewezen'],
    ] as const)(
      'a proposal closed by %s shows the employer neither the note nor what was shared',
      async (_who, role, status) => {
        const id = await consentedProposal();
        const before = await as(w.employer.token).get(`/api/proposals/${id}`).expect(200);
        expect(before.body.shared.firstName).toBe('Sanne');
        const token = role === 'kandidaat' ? w.candidateA.token : w.wmA.token;
        await as(token)
          .post(`/api/proposals/${id}/status`, {
            status,
            note: 'ik heb een burn-out',
            reason: 'overig',
          })
          .expect(200);
        const seen = await as(w.employer.token).get(`/api/proposals/${id}`).expect(200);
        expect(seen.body.status).toBe(status);
        expect(seen.body.closed).toEqual({ byRole: role, reason: 'overig', note: null });
        expect(seen.body.consentActive).toBe(false);
        expect(seen.body.shared).toEqual({
          firstName: null,
          werkmakelaar: null,
          financieelCv: null,
        });
        expect(seen.body.motivation).toBeNull();
        expect(JSON.stringify(seen.body)).not.toContain('burn-out');
        const list = await as(w.employer.token).get('/api/proposals').expect(200);
        expect(JSON.stringify(list.body)).not.toContain('burn-out');
        // The broker side keeps the note; the consent is recorded as ended.
        const own = await as(w.wmA.token).get(`/api/proposals/${id}`).expect(200);
        expect(own.body.closed.note).toBe('ik heb een burn-out');
        expect(own.body.consent.active).toBe(false);
        const [row] = await t.db.query(
          `SELECT count(*)::int AS n FROM consents WHERE proposal_id = $1 AND withdrawn_at IS NULL`,
          [id],
        );
        expect(row.n).toBe(0);
      },
    );

    it('the employer still sees its own closing note', async () => {
      const id = await consentedProposal();
      await as(w.employer.token)
        .post(`/api/proposals/${id}/status`, {
          status: 'afgewezen',
          reason: 'uren_passen_niet',
          note: 'Wij zoeken iemand voor 32 uur.',
        })
        .expect(200);
      const seen = await as(w.employer.token).get(`/api/proposals/${id}`).expect(200);
      expect(seen.body.closed).toEqual({
        byRole: 'werkgever',
        reason: 'uren_passen_niet',
        note: 'Wij zoeken iemand voor 32 uur.',
      });
      expect(seen.body.consentActive).toBe(false);
    });
  });

  describe('placements keep the rules of the rest of the API', () => {
    const direct = (vacancyId: string, extra: Record<string, unknown> = {}) => ({
      candidateId: w.candidateA.id,
      vacancyId,
      arrangement: 'proefplaatsing',
      startDate: '2026-12-01',
      hoursPerWeek: 16,
      candidateConsent: true,
      ...extra,
    });
    const filled = async (id: string) =>
      (await t.db.query(`SELECT places_filled FROM vacancies WHERE id = $1`, [id]))[0]
        .places_filled as number;

    it.each(['closed', 'paused', 'filled'])('refuses to fill a %s workplace', async (status) => {
      const v = await newVacancy();
      await as(w.wmA.token).patch(`/api/vacancies/${v.id}`, { status }, v.version).expect(200);
      const res = await as(w.wmA.token).post('/api/placements', direct(v.id));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('VACANCY_NOT_OPEN');
      expect(await filled(v.id)).toBe(0);
      const [n] = await t.db.query(
        `SELECT count(*)::int AS n FROM placements WHERE vacancy_id = $1`,
        [v.id],
      );
      expect(n.n).toBe(0);
    });

    it('a direct placement needs the candidate’s consent, records who confirmed it, and only then shows it to the employer', async () => {
      const v = await newVacancy();
      const without = await as(w.wmA.token).post(
        '/api/placements',
        direct(v.id, { candidateConsent: undefined }),
      );
      expect(without.status).toBe(422);
      expect(without.body.errors).toEqual([expect.objectContaining({ field: 'candidateConsent' })]);
      const falsy = await as(w.wmA.token).post(
        '/api/placements',
        direct(v.id, { candidateConsent: false }),
      );
      expect(falsy.status).toBe(422);
      expect(await filled(v.id)).toBe(0);

      const res = await as(w.wmA.token).post('/api/placements', direct(v.id)).expect(201);
      const [row] = await t.db.query(
        `SELECT consent_recorded_at, consent_recorded_by FROM placements WHERE id = $1`,
        [res.body.id],
      );
      expect(row.consent_recorded_at).not.toBeNull();
      expect(row.consent_recorded_by).toBe(w.wmA.id);
      const [audit] = await t.db.query(
        `SELECT details FROM audit_log WHERE action = 'placement.create' AND details->>'placementId' = $1`,
        [res.body.id],
      );
      expect(audit.details.consent).toBe('confirmed_by_werkmakelaar');
      await as(w.employer.token).get(`/api/placements/${res.body.id}`).expect(200);

      // A placement without recorded consent (from before this rule) stays hidden from the employer.
      await t.db.query(`UPDATE placements SET consent_recorded_at = NULL WHERE id = $1`, [
        res.body.id,
      ]);
      await as(w.employer.token).get(`/api/placements/${res.body.id}`).expect(404);
      const list = await as(w.employer.token).get('/api/placements').expect(200);
      expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(res.body.id);
      await as(w.wmA.token).get(`/api/placements/${res.body.id}`).expect(200);
    });

    it('extend and end need the version they read (428 without, 409 when stale)', async () => {
      const v = await newVacancy();
      const started = await as(w.wmA.token).post('/api/placements', direct(v.id)).expect(201);
      const url = `/api/placements/${started.body.id}`;
      // Extending waits for the employer's confirmation (which fills the place).
      const p = await as(w.employer.token)
        .post(`${url}/confirm`, {}, started.body.version)
        .expect(200);
      expect(await filled(v.id)).toBe(1);
      const extend = { plannedEndDate: '2027-03-01' };
      const end = { outcome: 'studie', endedOn: '2026-12-20' };
      for (const [path, body] of [
        [`${url}/extend`, extend],
        [`${url}/end`, end],
      ] as const) {
        const missing = await as(w.wmA.token).post(path, body);
        expect(missing.status).toBe(428);
        expect(missing.body.code).toBe('VERSION_REQUIRED');
        const stale = await as(w.wmA.token).post(path, body, p.body.version + 5);
        expect(stale.status).toBe(409);
        expect(stale.body.code).toBe('STALE_VERSION');
      }
      const unchanged = await as(w.wmA.token).get(url).expect(200);
      expect(unchanged.body.version).toBe(p.body.version);
      const extended = await as(w.wmA.token)
        .post(`${url}/extend`, extend, p.body.version)
        .expect(200);
      await as(w.wmA.token).post(`${url}/end`, end, extended.body.version).expect(200);
      expect(await filled(v.id)).toBe(0);
    });
  });
});
