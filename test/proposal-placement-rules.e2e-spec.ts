import { bearer, buildWorld, vacancyBody, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Rules around proposals and placements found by the hardening review (issue 8): what a closed
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
        motivation: 'Sanne werkt graag buiten.',
      })
      .expect(201);
    await as(w.candidateA.token)
      .post(`/api/proposals/${res.body.id}/consent`, {
        share: ['firstName', 'werkmakelaarContact'],
      })
      .expect(200);
    return res.body.id as string;
  };

  describe('item 4: closing notes and closing ends sharing', () => {
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
        expect(seen.body.shared).toEqual({ firstName: null, werkmakelaar: null });
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
});
