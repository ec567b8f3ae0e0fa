import { bearer, buildWorld, candidateBody, vacancyBody, World } from './support/fixtures';
import { searchWorker } from './support/search-sync';
import { startTestApp, TestApp } from './support/test-app';

type Werksoort = {
  id: string;
  code: string;
  name: string;
  synonyms: string[];
  active: boolean;
  iscoCode: string | null;
  brcCode: string | null;
  brcName: string | null;
  mergedIntoId: string | null;
  version: number;
};

/** Issue 21 part 4: ISCO-08 and BRC 2014 codes on werksoorten, `?isco=` filters, and merging. */
describe('werksoorten with standard codes', () => {
  let t: TestApp;
  let w: World;
  let drain: () => Promise<number>;
  const admin = () => bearer(w.adminToken);
  const wm = () => bearer(w.wmA.token);
  let counter = 0;

  const werksoorten = async (): Promise<Werksoort[]> =>
    (await t.http().get('/api/werksoorten?limit=100').set(wm()).expect(200)).body.items;
  const byCode = async (code: string) => (await werksoorten()).find((x) => x.code === code)!;
  const newVacancy = async (werksoort: string, title: string) => {
    const res = await t
      .http()
      .post('/api/vacancies')
      .set(wm())
      .send(vacancyBody({ employerId: w.employer.id, werksoort, title }));
    if (res.status !== 201) throw new Error(`vacancy: ${res.status} ${res.text}`);
    return res.body.id as string;
  };
  const newCandidate = async (werksoortWishes: string[]) => {
    const res = await t
      .http()
      .post('/api/candidates')
      .set(wm())
      .send(
        candidateBody({
          werksoortWishes,
          personal: { firstName: `Kandidaat${++counter}`, lastName: 'Test' },
        }),
      );
    if (res.status !== 201) throw new Error(`candidate: ${res.status} ${res.text}`);
    return res.body.id as string;
  };
  const countRows = async (sql: string, params: unknown[]) =>
    Number((await t.db.query(sql, params))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    ({ drain } = await searchWorker(t));
  });
  afterAll(() => t.close());

  it('seeds an ISCO-08 unit group and a BRC 2014 beroepsgroep on every seeded werksoort', async () => {
    const seeded = (await werksoorten()).filter((x) =>
      [
        'productie',
        'groen',
        'schoonmaak',
        'logistiek',
        'administratief',
        'catering',
        'personenvervoer',
      ].includes(x.code),
    );
    expect(seeded).toHaveLength(7);
    for (const x of seeded) {
      expect(x.iscoCode).toMatch(/^\d{4}$/);
      expect(x.brcCode).toMatch(/^(0[1-9]|1[0-3])[1-9][1-9]$/);
      expect(x.brcName).toBeTruthy();
    }
    expect(await byCode('schoonmaak')).toMatchObject({
      iscoCode: '9112',
      brcCode: '1121',
      brcName: 'Schoonmakers',
    });
    const one = await t
      .http()
      .get(`/api/werksoorten/${(await byCode('groen')).id}`)
      .set(wm())
      .expect(200);
    expect(one.body).toMatchObject({ iscoCode: '9214', brcCode: '0921' });
  });

  it.each([
    [{ iscoCode: '912' }, 'iscoCode'],
    [{ iscoCode: '91120' }, 'iscoCode'],
    [{ brcCode: '1411', brcName: 'Bestaat niet' }, 'brcCode'],
    [{ brcCode: '1121' }, 'brcName'],
    [{ brcName: 'Schoonmakers' }, 'brcCode'],
  ])('refuses bad codes %p and creates nothing', async (codes, fieldName) => {
    const code = `fout-${++counter}`;
    const res = await t
      .http()
      .post('/api/werksoorten')
      .set(admin())
      .send({ code, name: 'Fout', ...codes });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(JSON.stringify(res.body.errors ?? res.body)).toContain(fieldName);
    expect(await countRows(`SELECT count(*) AS n FROM werksoorten WHERE code = $1`, [code])).toBe(
      0,
    );
  });

  it('creates and changes the codes; an empty string clears them', async () => {
    const created = await t
      .http()
      .post('/api/werksoorten')
      .set(admin())
      .send({
        code: 'zorg',
        name: 'Zorg',
        iscoCode: '5322',
        brcCode: '1051',
        brcName: 'Verzorgenden',
      })
      .expect(201);
    expect(created.body).toMatchObject({ iscoCode: '5322', brcCode: '1051', mergedIntoId: null });
    const changed = await t
      .http()
      .patch(`/api/werksoorten/${created.body.id}`)
      .set(admin())
      .set('If-Match', `"${created.body.version}"`)
      .send({ iscoCode: '5321' })
      .expect(200);
    expect(changed.body).toMatchObject({ iscoCode: '5321', brcCode: '1051' });
    // Half a BRC pair is refused on update too, and changes nothing.
    await t
      .http()
      .patch(`/api/werksoorten/${created.body.id}`)
      .set(admin())
      .set('If-Match', `"${changed.body.version}"`)
      .send({ brcName: '' })
      .expect(422);
    const cleared = await t
      .http()
      .patch(`/api/werksoorten/${created.body.id}`)
      .set(admin())
      .set('If-Match', `"${changed.body.version}"`)
      .send({ iscoCode: '', brcCode: '', brcName: '' })
      .expect(200);
    expect(cleared.body).toMatchObject({ iscoCode: null, brcCode: null, brcName: null });
    const list = await t.http().get('/api/werksoorten?isco=9112').set(wm()).expect(200);
    expect(list.body.items.map((x: Werksoort) => x.code)).toEqual(['schoonmaak']);
  });

  it('filters workplaces, candidates, search and matching by ?isco=', async () => {
    const cleaning = await newVacancy('schoonmaak', 'Schoonmaker kantoorpand');
    const green = await newVacancy('groen', 'Groenwerker plantsoen');
    const cleaner = await newCandidate(['schoonmaak']);
    await drain();

    const vacancies = await t
      .http()
      .get('/api/vacancies?isco=9112&limit=100')
      .set(wm())
      .expect(200);
    const vacancyIds = vacancies.body.items.map((v: { id: string }) => v.id);
    expect(vacancyIds).toContain(cleaning);
    expect(vacancyIds).not.toContain(green);
    expect(vacancies.body.items[0].werksoort).toMatchObject({
      code: 'schoonmaak',
      iscoCode: '9112',
    });
    const one = await t.http().get(`/api/vacancies/${green}`).set(wm()).expect(200);
    expect(one.body.werksoort).toEqual({ code: 'groen', name: 'Groen', iscoCode: '9214' });

    const candidates = await t
      .http()
      .get('/api/candidates?isco=9112&limit=100')
      .set(wm())
      .expect(200);
    const candidateIds = candidates.body.items.map((c: { id: string }) => c.id);
    expect(candidateIds).toContain(cleaner);
    expect(candidateIds).not.toContain(w.candidateA.id); // wishes groen and productie

    const search = await t
      .http()
      .get('/api/search/vacancies?isco=9112&limit=100')
      .set(wm())
      .expect(200);
    const hits = search.body.items.map(
      (i: { id?: string; vacancy?: { id: string } }) => i.id ?? i.vacancy?.id,
    );
    expect(hits).toContain(cleaning);
    expect(hits).not.toContain(green);
    const noHits = await t
      .http()
      .get('/api/search/vacancies?isco=8322&limit=100')
      .set(wm())
      .expect(200);
    expect(noHits.body.items).toEqual([]);

    const matches = await t
      .http()
      .get(`/api/candidates/${w.candidateA.id}/matches?isco=9112`)
      .set(wm())
      .expect(200);
    // Candidate A takes no proefplaatsing or regular job: these workplaces are near misses.
    const found = [...matches.body.items, ...matches.body.nearMisses];
    expect(found.map((m: { vacancy: { id: string } }) => m.vacancy.id)).toContain(cleaning);
    for (const m of found) expect(m.vacancy.werksoort.code).toBe('schoonmaak');
    const greenMatches = await t
      .http()
      .get(`/api/candidates/${w.candidateA.id}/matches?isco=9214`)
      .set(wm())
      .expect(200);
    const green2 = [...greenMatches.body.items, ...greenMatches.body.nearMisses];
    expect(green2.map((m: { vacancy: { id: string } }) => m.vacancy.id)).toContain(green);
    for (const m of green2) expect(m.vacancy.werksoort.code).toBe('groen');

    for (const path of [
      '/api/vacancies?isco=91',
      '/api/candidates?isco=abcd',
      '/api/search/vacancies?isco=9112x',
      `/api/candidates/${w.candidateA.id}/matches?isco=1`,
    ])
      expect([path, (await t.http().get(path).set(wm())).body.code]).toEqual([
        path,
        'VALIDATION_FAILED',
      ]);
  });

  it('shows the ISCO code and BRC group in the report breakdown by werksoort', async () => {
    const res = await t.http().post('/api/trajectories').set(wm()).send({
      candidateId: w.candidateA.id,
      route: 'werk',
      startDate: '2026-02-02',
      werksoort: 'groen',
    });
    expect(res.status).toBe(201);
    const report = await t
      .http()
      .get('/api/reports/ferm-werk?by=werksoort&from=2026-01-01&to=2026-12-31')
      .set(wm())
      .expect(200);
    expect(report.body.groups).toContainEqual({
      key: 'groen',
      label: 'Groen',
      iscoCode: '9214',
      brcCode: '0921',
      brcName: 'Hulpkrachten landbouw',
    });
    const csv = await t
      .http()
      .get('/api/reports/ferm-werk/csv?by=werksoort&from=2026-01-01&to=2026-12-31')
      .set(wm())
      .expect(200);
    expect(csv.text).toContain('Groen – ISCO 9214 – BRC 0921 Hulpkrachten landbouw');
  });

  it('merges a werksoort: workplaces and wishes move, search follows through the outbox, audited', async () => {
    const from = (
      await t
        .http()
        .post('/api/werksoorten')
        .set(admin())
        .send({ code: 'tuinieren', name: 'Tuinieren', synonyms: ['moestuin'], iscoCode: '6113' })
        .expect(201)
    ).body as Werksoort;
    const groen = await byCode('groen');
    const vacancy = await newVacancy('tuinieren', 'Tuinhulp bij de kwekerij');
    const both = await newCandidate(['tuinieren', 'schoonmaak', 'groen']);
    const only = await newCandidate(['tuinieren']);
    await drain();
    const before = await t
      .http()
      .get('/api/search/vacancies?werksoort=groen&limit=100')
      .set(wm())
      .expect(200);
    expect(JSON.stringify(before.body.items)).not.toContain(vacancy);

    // Bad merges change nothing.
    await t
      .http()
      .post(`/api/werksoorten/${from.id}/merge`)
      .set(admin())
      .send({ into: from.id })
      .expect(422);
    await t
      .http()
      .post(`/api/werksoorten/${from.id}/merge`)
      .set(admin())
      .send({ into: '00000000-0000-4000-8000-000000000000' })
      .expect(422);
    await t
      .http()
      .post(`/api/werksoorten/${from.id}/merge`)
      .set(wm())
      .send({ into: groen.id })
      .expect(403);
    expect((await byCode('tuinieren')).active).toBe(true);

    const merged = await t
      .http()
      .post(`/api/werksoorten/${from.id}/merge`)
      .set(admin())
      .send({ into: groen.id })
      .expect(200);
    expect(merged.body).toMatchObject({
      vacanciesMoved: 1,
      candidatesMoved: 2,
      from: { code: 'tuinieren', active: false, mergedIntoId: groen.id },
      into: { code: 'groen', active: true },
    });
    expect(merged.body.into.synonyms).toEqual(expect.arrayContaining(['tuinieren', 'moestuin']));

    // Each moved record got its own outbox row in the merge's transaction.
    for (const [type, id] of [
      ['vacancy', vacancy],
      ['candidate', both],
      ['candidate', only],
    ])
      expect(
        await countRows(
          `SELECT count(*) AS n FROM outbox_messages WHERE topic = $1 AND aggregate_id = $2 AND status = 'pending'`,
          [`search.${type}`, id],
        ),
      ).toBeGreaterThan(0);

    const moved = await t.http().get(`/api/vacancies/${vacancy}`).set(wm()).expect(200);
    expect(moved.body.werksoort.code).toBe('groen');
    // Order of preference kept, each werksoort once.
    const [wishes] = await t.db.query(
      `SELECT (SELECT werksoort_wishes FROM candidates WHERE id = $1) AS both,
              (SELECT werksoort_wishes FROM candidates WHERE id = $2) AS only`,
      [both, only],
    );
    expect(wishes).toEqual({ both: ['groen', 'schoonmaak'], only: ['groen'] });

    await drain();
    const after = await t
      .http()
      .get('/api/search/vacancies?werksoort=groen&limit=100')
      .set(wm())
      .expect(200);
    expect(JSON.stringify(after.body.items)).toContain(vacancy);
    // The old name still finds the work, now under Groen.
    const byOldName = await t
      .http()
      .get('/api/search/vacancies?q=tuinieren&limit=100')
      .set(wm())
      .expect(200);
    expect(byOldName.body.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(byOldName.body.items)).toContain(vacancy);
    const inIndex = await t
      .http()
      .get('/api/search/vacancies?werksoort=tuinieren&limit=100')
      .set(wm())
      .expect(200);
    expect(inIndex.body.items).toEqual([]);

    // The merged werksoort can no longer be chosen, nor merged again, nor switched back on.
    const refused = await t
      .http()
      .post('/api/vacancies')
      .set(wm())
      .send(vacancyBody({ employerId: w.employer.id, werksoort: 'tuinieren' }));
    expect(refused.status).toBe(422);
    const again = await t
      .http()
      .post(`/api/werksoorten/${from.id}/merge`)
      .set(admin())
      .send({ into: groen.id })
      .expect(409);
    expect(again.body.code).toBe('WERKSOORT_MERGED');
    const current = await byCode('tuinieren');
    await t
      .http()
      .patch(`/api/werksoorten/${from.id}`)
      .set(admin())
      .set('If-Match', `"${current.version}"`)
      .send({ active: true })
      .expect(409);

    const [audit] = await t.db.query(
      `SELECT actor_role, details FROM audit_log WHERE action = 'werksoort.merge'`,
    );
    expect(audit).toEqual({
      actor_role: 'admin',
      details: { from: 'tuinieren', into: 'groen', vacanciesMoved: 1, candidatesMoved: 2 },
    });
  });
});
