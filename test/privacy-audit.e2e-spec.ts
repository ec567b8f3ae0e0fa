import { bearer, buildWorld, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

type Entry = {
  id: string;
  at: string;
  action: string;
  actorRole: string;
  organisation: string | null;
  purpose: string | null;
  changedFields: string[];
};
type Page = { items: Entry[]; nextCursor: string | null; limit: number };

/** The audit trail as the candidate and the administrator read it, and its append-only table. */
describe('privacy: audit trail queries', () => {
  let t: TestApp;
  let w: World;
  // Seven lines in one millisecond (distinct microseconds): a millisecond cursor would lose some.
  const burstIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    await t
      .http()
      .get(`/api/candidates/${w.candidateA.id}`)
      .set(bearer(w.wmA.token))
      .set('X-Purpose', 'voorbereiding gesprek')
      .expect(200);
    await t
      .http()
      .get(`/api/candidates/${w.candidateB.id}`)
      .set(bearer(w.wmB.token))
      .set('X-Purpose', 'alleen over kandidaat B')
      .expect(200);
    for (let i = 1; i <= 7; i++) {
      const [row] = await t.db.query(
        `INSERT INTO audit_log (created_at, actor_role, actor_organisation_id, action, candidate_id, purpose)
         VALUES ($1, 'werkmakelaar', $2, 'candidate.read', $3, $4) RETURNING id`,
        [`2026-01-01 10:00:00.12300${i}+00`, w.orgA, w.candidateA.id, `burst ${i}`],
      );
      burstIds.push(row.id);
    }
  });
  afterAll(() => t.close());

  const myAudit = (query = '', token = w.candidateA.token) =>
    t.http().get(`/api/me/audit${query}`).set(bearer(token));

  async function walk(path: string, token: string, limit: number, sort?: string) {
    const seen: Entry[] = [];
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams({ limit: String(limit) });
      if (sort) params.set('sort', sort);
      if (cursor) params.set('cursor', cursor);
      const res = await t
        .http()
        .get(`${path}${path.includes('?') ? '&' : '?'}${params}`)
        .set(bearer(token));
      expect(res.status).toBe(200);
      const page = res.body as Page;
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  }

  it('shows a kandidaat who read or changed their file: role, organisation, when, action, purpose', async () => {
    const res = await myAudit('?limit=100').expect(200);
    const items = (res.body as Page).items;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'candidate.read',
          actorRole: 'werkmakelaar',
          organisation: 'Ferm Werk',
          purpose: 'voorbereiding gesprek',
        }),
        expect.objectContaining({ action: 'candidate.create', organisation: 'Ferm Werk' }),
      ]),
    );
    const times = items.map((i) => Date.parse(i.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // Which user did it stays with the organisation; the candidate sees role and organisation.
    expect(JSON.stringify(items)).not.toContain(w.wmA.id);
  });

  it('never shows another candidate’s lines, and cannot be pointed at another candidate', async () => {
    const items = (await myAudit('?limit=100').expect(200)).body.items as Entry[];
    const own: { id: string }[] = await t.db.query(
      `SELECT id FROM audit_log WHERE candidate_id = $1`,
      [w.candidateA.id],
    );
    expect(items.map((i) => i.id).sort()).toEqual(own.map((r) => r.id).sort());
    expect(items.map((i) => i.purpose)).not.toContain('alleen over kandidaat B');
    const res = await myAudit(`?candidateId=${w.candidateB.id}`).expect(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('is for kandidaten only', async () => {
    await t.http().get('/api/me/audit').expect(401);
    for (const token of [w.wmA.token, w.adminToken, w.employer.token])
      await myAudit('', token).expect(403);
  });

  it('pages with a keyset cursor that loses nothing within one millisecond, in both orders', async () => {
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE candidate_id = $1`,
      [w.candidateA.id],
    );
    for (const sort of [undefined, 'createdAt']) {
      const seen = await walk('/api/me/audit', w.candidateA.token, 2, sort);
      expect(seen).toHaveLength(n);
      expect(new Set(seen.map((e) => e.id)).size).toBe(n);
      expect(seen.map((e) => e.id)).toEqual(expect.arrayContaining(burstIds));
    }
    const asc = await walk('/api/me/audit', w.candidateA.token, 3, 'createdAt');
    const burstOrder = asc.map((e) => e.id).filter((id) => burstIds.includes(id));
    // Timestamps are stored to the millisecond: within one, the id decides.
    const expected: { id: string }[] = await t.db.query(
      `SELECT id FROM audit_log WHERE id = ANY($1) ORDER BY created_at, id`,
      [burstIds],
    );
    expect(burstOrder).toEqual(expected.map((r) => r.id));
  });

  it('refuses forged cursors and cursors of the other sort order', async () => {
    const first = await myAudit('?limit=1').expect(200);
    const cursor = first.body.nextCursor as string;
    expect((await myAudit(`?sort=createdAt&cursor=${cursor}`).expect(400)).body.code).toBe(
      'INVALID_CURSOR',
    );
    expect((await myAudit('?cursor=bogus').expect(400)).body.code).toBe('INVALID_CURSOR');
    const forged = Buffer.from(JSON.stringify({ t: "2026' OR 1=1", id: 'x', d: 1 })).toString(
      'base64url',
    );
    expect((await myAudit(`?cursor=${forged}`).expect(400)).body.code).toBe('INVALID_CURSOR');
    expect((await myAudit('?sort=action').expect(422)).body.code).toBe('VALIDATION_FAILED');
  });

  describe('GET /api/admin/audit', () => {
    const admin = (query: string) =>
      t.http().get(`/api/admin/audit${query}`).set(bearer(w.adminToken));

    it('filters by candidate, acting user, action and period, with actor ids and details', async () => {
      const byCandidate = (await admin(`?candidateId=${w.candidateB.id}&limit=100`).expect(200))
        .body;
      expect(byCandidate.items.length).toBeGreaterThan(0);
      expect(
        byCandidate.items.every((i: { candidateId: string }) => i.candidateId === w.candidateB.id),
      ).toBe(true);

      const byUser = (await admin(`?userId=${w.wmB.id}&action=candidate.read`).expect(200)).body;
      // The read with a purpose (creating a file is audited as candidate.create, not as a read).
      expect(byUser.items).toEqual([
        expect.objectContaining({
          actorUserId: w.wmB.id,
          actorOrganisationId: w.orgB,
          organisation: 'Gemeente Oudewater',
          candidateId: w.candidateB.id,
          purpose: 'alleen over kandidaat B',
          details: {},
        }),
      ]);

      const updated = await t
        .http()
        .get(`/api/candidates/${w.candidateA.id}`)
        .set(bearer(w.wmA.token))
        .set('X-Purpose', 'uren aanpassen')
        .expect(200);
      await t
        .http()
        .patch(`/api/candidates/${w.candidateA.id}`)
        .set(bearer(w.wmA.token))
        .set('If-Match', `"${updated.body.version}"`)
        .send({ hoursMax: 20 })
        .expect(200);
      const changes = (
        await admin(`?action=candidate.update&candidateId=${w.candidateA.id}`).expect(200)
      ).body;
      expect(changes.items[0]).toEqual(
        expect.objectContaining({ changedFields: expect.arrayContaining(['hoursMax']) }),
      );

      const window = await admin(
        '?from=2026-01-01T10:00:00Z&to=2026-01-01T10:00:01Z&limit=100',
      ).expect(200);
      expect(window.body.items.map((i: Entry) => i.id).sort()).toEqual([...burstIds].sort());
      const dayOnly = await admin('?from=2026-01-01&to=2026-01-02&limit=100').expect(200);
      expect(dayOnly.body.items).toHaveLength(7);
    });

    it('pages through everything exactly once', async () => {
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log`);
      const seen = await walk('/api/admin/audit', w.adminToken, 4);
      expect(seen).toHaveLength(n);
      expect(new Set(seen.map((e) => e.id)).size).toBe(n);
    });

    it('validates its filters and is for administrators only', async () => {
      for (const bad of [
        '?from=gisteren',
        '?to=0000-01-01',
        '?candidateId=42',
        '?action=DROP%20TABLE',
        '?userId=',
      ]) {
        const res = await admin(bad);
        expect([bad, res.status, res.body.code]).toEqual([bad, 422, 'VALIDATION_FAILED']);
      }
      for (const token of [w.wmA.token, w.candidateA.token, w.employer.token])
        await t.http().get('/api/admin/audit').set(bearer(token)).expect(403);
    });
  });

  it('keeps audit_log append-only: UPDATE, DELETE and TRUNCATE fail', async () => {
    const [{ n: before }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log`);
    await expect(t.db.query(`UPDATE audit_log SET purpose = 'herschreven'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query(`DELETE FROM audit_log WHERE id = $1`, [burstIds[0]])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    const [{ n: after, rewritten }] = await t.db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE purpose = 'herschreven')::int AS rewritten FROM audit_log`,
    );
    expect([after, rewritten]).toEqual([before, 0]);
  });

  it('documents every privacy route in the OpenAPI document', async () => {
    const doc = (await t.http().get('/api/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { tags?: string[]; security?: unknown[] }>>;
    };
    for (const [path, method] of [
      ['/api/me/audit', 'get'],
      ['/api/admin/audit', 'get'],
      ['/api/candidates/{id}/export', 'get'],
      ['/api/candidates/{id}', 'delete'],
      ['/api/me/erasure', 'post'],
    ] as const) {
      expect([path, method, !!doc.paths[path]?.[method]?.security]).toEqual([path, method, true]);
    }
  });
});
