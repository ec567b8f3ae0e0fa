import { buildWorld, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { signInEmployer, workplaceForm } from './support/web-employer';
import { csrfOf, type Agent } from './support/web-client';

/** The employer's workplace pages over HTTP: create with check-your-answers, edit, status, locking. */
describe('employer workplaces (web)', () => {
  let t: TestApp;
  let w: World;
  let agent: Agent;
  let locationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    agent = await signInEmployer(t, 'werkgever@groenenzo.nl');
    const [loc] = await t.db.query(`SELECT id FROM employer_locations WHERE employer_id = $1`, [
      w.employer.id,
    ]);
    locationId = loc.id;
  });
  afterAll(async () => t?.close());

  const csrf = async (path: string) => csrfOf((await agent.get(path).expect(200)).text);

  it('shows every error of an empty form in the summary and at the fields', async () => {
    const res = await agent
      .post('/werkgever/werkplekken/nieuw')
      .type('form')
      .send({ _csrf: await csrf('/werkgever/werkplekken/nieuw'), places: '1' })
      .expect(400);
    expect(res.text).toMatch(/<title>Fout: Nieuwe werkplek aanbieden/);
    for (const f of [
      'title',
      'werksoort',
      'hoursMin',
      'workingDays',
      'hoursAdjustable',
      'arrangements',
      'lifting',
    ])
      expect(res.text).toContain(`href="#veld-${f}"`);
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM vacancies`);
    expect(row.n).toBe(2);
  });

  it('keeps the values and checks the hours range', async () => {
    const res = await agent
      .post('/werkgever/werkplekken/nieuw')
      .type('form')
      .send({
        ...workplaceForm(locationId, { hoursMin: '20', hoursMax: '8' }),
        _csrf: await csrf('/werkgever/werkplekken/nieuw'),
      })
      .expect(400);
    expect(res.text).toContain('even groot of groter');
    expect(res.text).toContain('value="Medewerker kwekerij"');
    expect(res.text).toMatch(/value="ma" checked/);
  });

  it('creates a workplace with adjusted hours through check-your-answers', async () => {
    const token = await csrf('/werkgever/werkplekken/nieuw');
    const form = { ...workplaceForm(locationId), _csrf: token };
    const check = await agent
      .post('/werkgever/werkplekken/nieuw')
      .type('form')
      .send(form)
      .expect(200);
    expect(check.text).toContain('Controleer uw werkplek');
    expect(check.text).toContain('Ja: Kortere werkdagen, Later beginnen. Eerst drie ochtenden');
    // Nothing is stored before publishing.
    expect(
      (await t.db.query(`SELECT 1 FROM vacancies WHERE title = 'Medewerker kwekerij'`)).length,
    ).toBe(0);
    // "Wijzig" goes back to the form at that field, values kept.
    const change = await agent
      .post('/werkgever/werkplekken/nieuw')
      .type('form')
      .send({ ...form, wijzig: 'hoursMin' })
      .expect(200);
    expect(change.text).toMatch(/id="veld-hoursMin" name="hoursMin" autofocus/);
    const published = await agent
      .post('/werkgever/werkplekken/nieuw/publiceren')
      .type('form')
      .send(form)
      .expect(303);
    const id = /^\/werkgever\/werkplekken\/([0-9a-f-]{36})$/.exec(published.headers.location)?.[1];
    expect(id).toBeDefined();
    const [v] = await t.db.query(`SELECT * FROM vacancies WHERE id = $1`, [id]);
    expect(v).toMatchObject({
      employer_id: w.employer.id,
      status: 'open',
      hours_min: 8,
      hours_max: 20,
      hours_adjustable: true,
      hours_adjustment_note: 'Kortere werkdagen, Later beginnen. Eerst drie ochtenden',
      jobcoach_welcome: true,
      wheelchair_accessible: true,
      places: 2,
    });
    // The search read model hears of it through the outbox, as with the API.
    const outbox = await t.db.query(
      `SELECT 1 FROM outbox_messages WHERE topic = 'search.vacancy' AND aggregate_id = $1`,
      [id],
    );
    expect(outbox.length).toBe(1);
    const page = await agent.get(published.headers.location).expect(200);
    expect(page.text).toContain('role="status"');
    expect(page.text).toContain('Uw werkplek Medewerker kwekerij staat online');
    // Said once.
    const again = await agent.get(published.headers.location).expect(200);
    expect(again.text).not.toContain('staat online');
  });

  it('edits a workplace and refuses a stale form, showing the current values', async () => {
    const id = w.vacancy.id;
    const edit = await agent.get(`/werkgever/werkplekken/${id}/wijzigen`).expect(200);
    const token = csrfOf(edit.text);
    const version = /name="version" value="(\d+)"/.exec(edit.text)?.[1] as string;
    const values = workplaceForm(locationId, { title: 'Hovenier (aangepast)', version });
    const check = await agent
      .post(`/werkgever/werkplekken/${id}/wijzigen`)
      .type('form')
      .send({ ...values, _csrf: token })
      .expect(200);
    expect(check.text).toContain('Wijzigingen opslaan');
    // Meanwhile a colleague changes the workplace.
    await t.db.query(
      `UPDATE vacancies SET title = 'Door collega gewijzigd', version = version + 1 WHERE id = $1`,
      [id],
    );
    const stale = await agent
      .post(`/werkgever/werkplekken/${id}/opslaan`)
      .type('form')
      .send({ ...values, _csrf: token })
      .expect(200);
    expect(stale.text).toContain('Iemand anders heeft deze werkplek intussen gewijzigd');
    expect(stale.text).toContain('value="Door collega gewijzigd"');
    const fresh = /name="version" value="(\d+)"/.exec(stale.text)?.[1] as string;
    await agent
      .post(`/werkgever/werkplekken/${id}/opslaan`)
      .type('form')
      .send({ ...values, version: fresh, _csrf: token })
      .expect(303);
    const [v] = await t.db.query(`SELECT title FROM vacancies WHERE id = $1`, [id]);
    expect(v.title).toBe('Hovenier (aangepast)');
    const saved = await agent.get(`/werkgever/werkplekken/${id}`).expect(200);
    expect(saved.text).toContain('De wijzigingen in Hovenier (aangepast) zijn opgeslagen.');
  });

  it('pauses, reopens and closes a workplace, with optimistic locking', async () => {
    const id = w.vacancy.id;
    const status = async (actie: string, extra: Record<string, string> = {}) => {
      const page = await agent.get(`/werkgever/werkplekken/${id}`).expect(200);
      const version = /name="version" value="(\d+)"/.exec(page.text)?.[1] as string;
      return agent
        .post(`/werkgever/werkplekken/${id}/status`)
        .type('form')
        .send({ actie, version, _csrf: csrfOf(page.text), ...extra });
    };
    expect((await status('pauzeren')).status).toBe(303);
    expect((await t.db.query(`SELECT status FROM vacancies WHERE id = $1`, [id]))[0].status).toBe(
      'paused',
    );
    const paused = await agent.get(`/werkgever/werkplekken/${id}`).expect(200);
    expect(paused.text).toMatch(
      /De werkplek .+ is gepauzeerd\. Er komen geen nieuwe voorstellen\./,
    );
    expect((await status('heropenen')).status).toBe(303);
    // Closing asks first; the question carries the action and the version, nothing changes yet.
    const ask = await status('sluiten');
    expect(ask.status).toBe(200);
    expect(ask.text).toMatch(/Wilt u de werkplek .+ sluiten\?/);
    expect(ask.text).toContain('name="actie" value="sluiten"');
    expect((await t.db.query(`SELECT status FROM vacancies WHERE id = $1`, [id]))[0].status).toBe(
      'open',
    );
    expect((await status('sluiten', { bevestigd: 'ja' })).status).toBe(303);
    const closed = await agent.get(`/werkgever/werkplekken/${id}`).expect(200);
    expect(closed.text).toMatch(/De werkplek .+ is gesloten\./);
    expect((await t.db.query(`SELECT status FROM vacancies WHERE id = $1`, [id]))[0].status).toBe(
      'closed',
    );
    const page = await agent.get(`/werkgever/werkplekken/${id}`).expect(200);
    const stale = await agent
      .post(`/werkgever/werkplekken/${id}/status`)
      .type('form')
      .send({ actie: 'heropenen', version: '1', _csrf: csrfOf(page.text) })
      .expect(409);
    expect(stale.text).toContain('intussen gewijzigd');
    expect((await t.db.query(`SELECT status FROM vacancies WHERE id = $1`, [id]))[0].status).toBe(
      'closed',
    );
  });

  it("answers 404 for another employer's workplace, and changes nothing", async () => {
    const other = w.otherVacancy.id;
    const res = await agent.get(`/werkgever/werkplekken/${other}`).expect(404);
    expect(res.text).toContain('Deze pagina bestaat niet');
    await agent.get(`/werkgever/werkplekken/${other}/wijzigen`).expect(404);
    const page = await agent.get('/werkgever/werkplekken').expect(200);
    expect(page.text).not.toContain('Schoonmaker kantoren');
    await agent
      .post(`/werkgever/werkplekken/${other}/status`)
      .type('form')
      .send({ actie: 'sluiten', version: '1', _csrf: csrfOf(page.text) })
      .expect(404);
    expect(
      (await t.db.query(`SELECT status FROM vacancies WHERE id = $1`, [other]))[0].status,
    ).toBe('open');
  });
});
