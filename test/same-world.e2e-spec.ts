import {
  bearer,
  buildWorld,
  insertOrganisation,
  insertUser,
  tokenFor,
  vacancyBody,
  World,
} from './support/fixtures';
import { searchWorker } from './support/search-sync';
import { startTestApp, TestApp } from './support/test-app';
import { type Agent, csrfOf, signIn } from './support/web-client';

/**
 * The same world for the candidate and their werkmakelaar: a candidate is shown a workplace (matches,
 * search, the workplace itself, "Ik heb interesse") exactly when their werkmakelaar may propose it —
 * one reach rule (employerInReachSql). An interest then opens in the werkmakelaar's candidate file
 * with a working "Voorstellen" link, and the form comes pre-filled about "de kandidaat".
 * (buildWorld: Ferm Werk and Oudewater serve Woerden; Sanne is Ferm Werk's candidate, wm.a hers.)
 */
describe('the same world for the candidate and their werkmakelaar', () => {
  let t: TestApp;
  let w: World;
  let candidate: Agent;
  let broker: Agent;
  const v: Record<string, string> = {};

  /** A workplace that fits Sanne's profile (werkervaringsplaats, groen, in Woerden). */
  const workplace = async (token: string, employerId: string, title: string, extra = {}) => {
    const res = await t
      .http()
      .post('/api/vacancies')
      .set(bearer(token))
      .send(vacancyBody({ employerId, title, arrangements: ['werkervaringsplaats'], ...extra }));
    if (res.status !== 201) throw new Error(`vacancy ${title}: ${res.status} ${res.text}`);
    return res.body.id as string;
  };
  const employer = async (token: string, name: string, kvk: string, region?: string) => {
    const res = await t
      .http()
      .post('/api/employers')
      .set(bearer(token))
      .send({ name, kvkNumber: kvk, locations: [{ postcode: '3441 AB' }], region });
    if (res.status !== 201) throw new Error(`employer ${name}: ${res.status} ${res.text}`);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const orgC = await insertOrganisation(t.db, 'werkbedrijf', 'Werkbedrijf Utrecht');
    await t.db.query(`UPDATE organisations SET region = 'Utrecht' WHERE id = $1`, [orgC]);
    await insertUser(t.db, 'werkmakelaar', 'wm.c@test.nl', orgC);
    const wmC = await tokenFor(t, 'wm.c@test.nl');
    // Ferm Werk's own employer; another organisation's employer in Woerden (reach by region);
    // another organisation's employer in Utrecht only (outside reach); Ferm Werk's own employer
    // registered for Utrecht (reach by ownership).
    v.own = await workplace(w.wmA.token, w.employer.id, 'Hovenier eigen werkgever');
    v.neighbour = await workplace(
      wmC,
      await employer(wmC, 'Kwekerij De Buren', '11112222', 'Woerden'),
      'Hovenier kwekerij buren',
    );
    v.outside = await workplace(
      wmC,
      await employer(wmC, 'Kaasmakerij Verweg', '33334444', 'Utrecht'),
      'Medewerker kaasmakerij verweg',
    );
    v.ownElsewhere = await workplace(
      w.wmA.token,
      await employer(w.wmA.token, 'Tuinderij Eigen', '55556666', 'Utrecht'),
      'Hovenier eigen tuinderij',
    );
    v.paused = await workplace(w.wmA.token, w.employer.id, 'Hovenier gepauzeerd', {
      status: 'paused',
    });
    await (await searchWorker(t)).drain();
    candidate = await signIn(t, 'sanne@test.nl');
    broker = await signIn(t, 'wm.a@test.nl');
  });
  afterAll(async () => t?.close());

  const title = async (id: string) =>
    (await t.db.query(`SELECT title FROM vacancies WHERE id = $1`, [id]))[0].title as string;
  const matchIds = async (token: string) => {
    const res = await t
      .http()
      .get(`/api/candidates/${w.candidateA.id}/matches?limit=50`)
      .set(bearer(token))
      .expect(200);
    return [...res.body.items, ...res.body.nearMisses].map(
      (i: { vacancy: { id: string } }) => i.vacancy.id,
    );
  };

  it.each<[string, string, boolean]>([
    ['the own organisation’s employer', 'own', true],
    ['another organisation’s employer in the region', 'neighbour', true],
    ['another organisation’s employer outside the region', 'outside', false],
    ['the own organisation’s employer registered elsewhere', 'ownElsewhere', true],
    ['a workplace that is not open', 'paused', false],
  ])(
    '%s: the candidate sees it exactly when their werkmakelaar can propose it',
    async (_n, key, seen) => {
      const id = v[key];
      const name = await title(id);
      // The candidate: matches (API and page), search, the workplace itself.
      expect(await matchIds(w.candidateA.token)).toEqual(
        seen ? expect.arrayContaining([id]) : expect.not.arrayContaining([id]),
      );
      const start = await candidate.get('/kandidaat').expect(200);
      expect(start.text.includes(name)).toBe(seen);
      const search = await t
        .http()
        .get(`/api/search/vacancies?q=${encodeURIComponent(name)}`)
        .set(bearer(w.candidateA.token))
        .expect(200);
      expect(search.body.items.some((i: { id: string }) => i.id === id)).toBe(seen);
      await t
        .http()
        .get(`/api/vacancies/${id}`)
        .set(bearer(w.candidateA.token))
        .expect(seen ? 200 : 404);
      await candidate.get(`/kandidaat/werkplekken/${id}`).expect(seen ? 200 : 404);
      // Their werkmakelaar: the same list in the candidate file, and the proposal form.
      const file = await broker.get(`/werkmakelaar/kandidaten/${w.candidateA.id}`).expect(200);
      expect(file.text.includes(name)).toBe(seen);
      expect(await matchIds(w.wmA.token)).toEqual(
        seen ? expect.arrayContaining([id]) : expect.not.arrayContaining([id]),
      );
      if (key !== 'paused')
        await broker
          .get(`/werkmakelaar/kandidaten/${w.candidateA.id}/voorstellen/${id}`)
          .expect(seen ? 200 : 404);
    },
  );

  it('an interest outside reach cannot be said', async () => {
    await t
      .http()
      .post('/api/me/interests')
      .set(bearer(w.candidateA.token))
      .send({ vacancyId: v.outside })
      .expect(404);
    const proposal = await t
      .http()
      .post('/api/proposals')
      .set(bearer(w.wmA.token))
      .send({ candidateId: w.candidateA.id, vacancyId: v.outside, motivation: 'Past goed.' });
    expect(proposal.status).toBe(422);
  });

  it('interest → the werkmakelaar’s console → Voorstellen → a proposal, about “de kandidaat”', async () => {
    const page = await candidate.get(`/kandidaat/werkplekken/${v.neighbour}`).expect(200);
    await candidate
      .post(`/kandidaat/werkplekken/${v.neighbour}/interesse`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), note: 'Lijkt me mooi werk' })
      .expect(303);
    const file = await broker.get(`/werkmakelaar/kandidaten/${w.candidateA.id}`).expect(200);
    expect(file.text).toContain('Interesse van de kandidaat');
    const link = `/werkmakelaar/kandidaten/${w.candidateA.id}/voorstellen/${v.neighbour}`;
    expect(file.text).toContain(`href="${link}"`);
    const form = await broker.get(link).expect(200);
    expect(form.text).toContain('Hovenier kwekerij buren');
    const motivation = /<textarea[^>]*name="motivation"[^>]*>([^<]*)<\/textarea>/.exec(
      form.text,
    )?.[1];
    expect(motivation).toContain(
      'De kandidaat heeft zelf gezegd dat deze werkplek interessant is.',
    );
    expect(motivation).toContain('is de eerste wens van de kandidaat.');
    expect(motivation).not.toMatch(/Sanne|Vries/);
    const sent = await broker
      .post(link)
      .type('form')
      .send({ _csrf: csrfOf(form.text), motivation: decodeEntities(motivation ?? '') })
      .expect(303);
    expect(sent.headers.location).toBe('/werkmakelaar/voorstellen');
    const [row] = await t.db.query(
      `SELECT status, motivation FROM proposals WHERE candidate_id = $1 AND vacancy_id = $2`,
      [w.candidateA.id, v.neighbour],
    );
    expect(row.status).toBe('wacht_op_kandidaat');
    expect(row.motivation).toContain('De kandidaat heeft zelf gezegd');
    const mine = await t.http().get('/api/me/interests').set(bearer(w.candidateA.token));
    expect(
      mine.body.items.find((s: { vacancy: { id: string } }) => s.vacancy.id === v.neighbour)
        ?.status,
    ).toBe('voorgesteld');
  });

  it('an interest whose workplace left the reach later says so instead of a dead link', async () => {
    // As when an administrator hands the employer to an organisation elsewhere.
    await t.db.query(
      `INSERT INTO interest_signals (candidate_id, vacancy_id, organisation_id, note) VALUES ($1, $2, $3, '')`,
      [w.candidateA.id, v.outside, w.orgA],
    );
    const file = await broker.get(`/werkmakelaar/kandidaten/${w.candidateA.id}`).expect(200);
    expect(file.text).toContain('Medewerker kaasmakerij verweg');
    expect(file.text).toContain('valt niet meer binnen het werkgebied van uw organisatie');
    expect(file.text).not.toContain(`/voorstellen/${v.outside}`);
  });
});

/** The textarea's text as the browser would post it. */
function decodeEntities(html: string): string {
  return html
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
