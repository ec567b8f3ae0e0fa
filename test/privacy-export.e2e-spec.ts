import { bearer, buildWorld, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** GET /api/candidates/:id/export: everything about a candidate, for them or on their request. */
describe('privacy: candidate export', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const exportOf = (id: string, token: string) =>
    t.http().get(`/api/candidates/${id}/export`).set(bearer(token));
  const exportLines = async (id: string) =>
    (await t.db.query(
      `SELECT actor_role, actor_user_id, purpose FROM audit_log
        WHERE candidate_id = $1 AND action = 'candidate.export' ORDER BY created_at, id`,
      [id],
    )) as { actor_role: string; actor_user_id: string; purpose: string | null }[];

  it('gives the kandidaat all their data as one JSON document, not to be cached', async () => {
    const res = await exportOf(w.candidateA.id, w.candidateA.token).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="werkbrug-export-${w.candidateA.id}.json"`,
    );
    const body = res.body;
    expect(body.format).toBe('werkbrug.candidate-export.v1');
    expect(Date.parse(body.exportedAt)).not.toBeNaN();
    expect(body.candidate).toEqual(
      expect.objectContaining({
        id: w.candidateA.id,
        werksoortWishes: ['groen', 'productie'],
        interests: 'buiten werken met planten',
        personal: expect.objectContaining({
          firstName: 'Sanne',
          lastName: 'de Vries',
          email: 'sanne.devries@example.nl',
          phone: '06-12345678',
          benefitType: 'participatiewet',
          loonwaardePct: 60,
          notes: expect.stringContaining('Rugklachten'),
        }),
      }),
    );
    expect(body.accounts).toEqual([
      expect.objectContaining({
        id: w.candidateA.userId,
        email: 'sanne@test.nl',
        role: 'kandidaat',
        active: true,
        sessions: [expect.objectContaining({ revokedAt: null })],
      }),
    ]);
    const actions = body.auditTrail.map((e: { action: string }) => e.action);
    expect(actions[0]).toBe('candidate.create');
    // The export is audited in the same transaction, so it lists itself last.
    expect(actions[actions.length - 1]).toBe('candidate.export');
    expect(body.auditTrail[0]).toEqual(
      expect.objectContaining({ actorRole: 'werkmakelaar', organisation: 'Ferm Werk' }),
    );
    expect(body).toEqual(
      expect.objectContaining({ consents: [], proposals: [], placements: [], checkins: [] }),
    );
    // Secrets never leave: no password hash, no token (hash), no other candidate.
    const text = res.text;
    for (const secret of [
      'argon2',
      'password',
      'tokenHash',
      'token_hash',
      'wb_',
      'Ahmed',
      w.candidateB.id,
    ])
      expect([secret, text.includes(secret)]).toEqual([secret, false]);
    expect(await exportLines(w.candidateA.id)).toEqual([
      { actor_role: 'kandidaat', actor_user_id: w.candidateA.userId, purpose: null },
    ]);
  });

  it('lets a werkmakelaar of the organisation export on request, with a purpose that is audited', async () => {
    const before = (await exportLines(w.candidateA.id)).length;
    const refused = await exportOf(w.candidateA.id, w.wmA.token).expect(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toEqual(
      expect.objectContaining({
        code: 'PURPOSE_REQUIRED',
        type: 'urn:werkbrug:problem:purpose-required',
      }),
    );
    await exportOf(w.candidateA.id, w.wmA.token).set('X-Purpose', '   ').expect(400);
    expect(await exportLines(w.candidateA.id)).toHaveLength(before);

    const res = await exportOf(w.candidateA.id, w.wmA.token)
      .set('X-Purpose', 'inzageverzoek kandidaat van 20 november')
      .expect(200);
    expect(res.body.candidate.personal.firstName).toBe('Sanne');
    const lines = await exportLines(w.candidateA.id);
    expect(lines[lines.length - 1]).toEqual({
      actor_role: 'werkmakelaar',
      actor_user_id: w.wmA.id,
      purpose: 'inzageverzoek kandidaat van 20 november',
    });
  });

  it('is not there for other organisations, other candidates, employers or administrators', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM audit_log`);
    await exportOf(w.candidateA.id, w.wmB.token).set('X-Purpose', 'nieuwsgierig').expect(404);
    await exportOf(w.candidateB.id, w.candidateA.token).expect(404);
    await exportOf(w.candidateA.id, w.employer.token).expect(403);
    await exportOf(w.candidateA.id, w.adminToken).expect(403);
    await t.http().get(`/api/candidates/${w.candidateA.id}/export`).expect(401);
    await exportOf('00000000-0000-4000-8000-000000000000', w.wmA.token)
      .set('X-Purpose', 'x')
      .expect(404);
    await exportOf('geen-uuid', w.wmA.token).set('X-Purpose', 'x').expect(400);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM audit_log`)).toEqual(before);
  });
});
