import { LoginThrottle } from '@werkbrug/auth';
import { bearer, buildWorld, PASSWORD, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { signInEmployer } from './support/web-employer';
import { csrfOf, webAgent, type Agent } from './support/web-client';

/** Instruments, placements and account pages of the employer over HTTP. */
describe('employer instruments, placements and account (web)', () => {
  let t: TestApp;
  let w: World;
  let agent: Agent;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    agent = await signInEmployer(t, 'werkgever@groenenzo.nl');
  });
  afterAll(async () => t?.close());
  beforeEach(() => t.app.get(LoginThrottle).reset());

  it('shows the instruments in force with their sources, marked indicative', async () => {
    const res = await agent.get('/werkgever/instrumenten').expect(200);
    expect(res.text).toContain('Loonkostensubsidie');
    expect(res.text).toContain('Alle bedragen zijn een indicatie');
    expect(res.text).toMatch(/Bron: <a class="utrecht-link" href="https:\/\//);
    expect(res.text).not.toContain('Uitkomst (indicatief)');
  });

  it('works out a scenario for a workplace from a GET form', async () => {
    const res = await agent
      .get('/werkgever/instrumenten')
      .query({
        bereken: '1',
        werkplek: w.vacancy.id,
        uren: '24',
        vorm: 'regulier',
        maanden: '12',
        doelgroep: 'ja',
        uitkering: 'participatiewet',
        ouder: 'nee',
        loonwaarde: '60',
      })
      .expect(200);
    expect(res.text).toContain('Uitkomst (indicatief)');
    expect(res.text).toMatch(/Kan (misschien )?gelden/);
    expect(res.text).toMatch(/€\s?[\d.]+ per (maand|jaar)/);
    const bad = await agent
      .get('/werkgever/instrumenten')
      .query({ bereken: '1', uren: '99', loonwaarde: '150' })
      .expect(400);
    expect(bad.text).toContain('href="#veld-uren"');
    expect(bad.text).toContain('href="#veld-loonwaarde"');
    expect(bad.text).toMatch(/<title>Fout: /);
  });

  it('lists placements at the employer’s workplaces by pseudonym', async () => {
    const created = await t.http().post('/api/placements').set(bearer(w.wmA.token)).send({
      candidateId: w.candidateA.id,
      vacancyId: w.vacancy.id,
      arrangement: 'proefplaatsing',
      startDate: '2026-12-01',
      hoursPerWeek: 16,
      candidateConsent: true,
    });
    expect(created.status).toBe(201);
    // Unconfirmed it waits on top; once the employer confirmed it, it runs.
    const waiting = await agent.get('/werkgever/plaatsingen').expect(200);
    expect(waiting.text).toContain('Te bevestigen');
    expect(waiting.text).toContain(`/werkgever/plaatsingen/${created.body.id}`);
    await t
      .http()
      .post(`/api/placements/${created.body.id}/confirm`)
      .set(bearer(w.employer.token))
      .send({ version: created.body.version })
      .expect(200);
    const res = await agent.get('/werkgever/plaatsingen').expect(200);
    expect(res.text).not.toContain('Te bevestigen');
    expect(res.text).toContain('Proefplaatsing');
    expect(res.text).toContain('16 per week');
    expect(res.text).toMatch(/Kandidaat [A-Z0-9-]+/);
    expect(res.text).not.toContain('Sanne');
    const other = await signInEmployer(t, 'werkgever@glans.nl');
    const none = await other.get('/werkgever/plaatsingen').expect(200);
    expect(none.text).toContain('Er werkt nu niemand');
  });

  it('adds a location to the employer', async () => {
    const page = await agent.get('/werkgever/account').expect(200);
    const version = /name="version" value="(\d+)"/.exec(page.text)?.[1];
    const bad = await agent
      .post('/werkgever/account/locaties')
      .type('form')
      .send({ _csrf: csrfOf(page.text), version, postcode: 'abc', place: '' })
      .expect(400);
    expect(bad.text).toContain('href="#veld-postcode"');
    expect(bad.text).toContain('href="#veld-place"');
    await agent
      .post('/werkgever/account/locaties')
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        version,
        address: 'Kerkstraat 2',
        postcode: '3441ab',
        place: 'Woerden',
      })
      .expect(303);
    const rows = await t.db.query(
      `SELECT postcode FROM employer_locations WHERE employer_id = $1 ORDER BY created_at`,
      [w.employer.id],
    );
    expect(rows.map((r: { postcode: string }) => r.postcode)).toEqual(['3442AC', '3441AB']);
    const after = await agent.get('/werkgever/account').expect(200);
    expect(after.text).toContain('De locatie 3441 AB Woerden is toegevoegd.');
  });

  it('invites a colleague, who chooses a password through the mailed link and signs in', async () => {
    const page = await agent.get('/werkgever/account').expect(200);
    await agent
      .post('/werkgever/account/collega')
      .type('form')
      .send({ _csrf: csrfOf(page.text), name: 'Piet Groen', email: 'piet@groenenzo.nl' })
      .expect(303);
    const [user] = await t.db.query(
      `SELECT active, employer_id, role FROM users WHERE email = 'piet@groenenzo.nl'`,
    );
    expect(user).toEqual({ active: false, employer_id: w.employer.id, role: 'werkgever' });
    const invited = await agent.get('/werkgever/account').expect(200);
    expect(invited.text).toContain(
      'De uitnodiging is verstuurd naar piet@groenenzo.nl. Piet Groen kiest zelf een wachtwoord',
    );
    const dup = await agent
      .post('/werkgever/account/collega')
      .type('form')
      .send({ _csrf: csrfOf(page.text), name: 'Piet', email: 'wm.a@test.nl' })
      .expect(400);
    expect(dup.text).toContain('Er is al een account met dit e-mailadres');
    const [mail] = await t.db.query(
      `SELECT payload FROM outbox_messages WHERE payload->>'template' = 'colleague_invite'`,
    );
    expect(mail.payload.to).toEqual(['piet@groenenzo.nl']);
    const path = new URL(mail.payload.data.link).pathname;
    const piet = webAgent(t);
    const form = await piet.get(path).expect(200);
    await piet
      .post(path)
      .type('form')
      .send({
        _csrf: csrfOf(form.text),
        password: 'mijn eigen lange wachtwoord',
        repeat: 'mijn eigen lange wachtwoord',
      })
      .expect(303);
    const signedIn = await signInEmployer(t, 'piet@groenenzo.nl', 'mijn eigen lange wachtwoord');
    await signedIn.get('/werkgever').expect(200);
  });

  it('changes the password after checking the current one; other sessions end', async () => {
    const second = await signInEmployer(t, 'werkgever@groenenzo.nl');
    const page = await agent.get('/werkgever/account').expect(200);
    const wrong = await agent
      .post('/werkgever/account/wachtwoord')
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        current: 'fout',
        password: 'een nieuw lang wachtwoord',
        repeat: 'een nieuw lang wachtwoord',
      })
      .expect(400);
    expect(wrong.text).toContain('Uw huidige wachtwoord klopt niet');
    await agent
      .post('/werkgever/account/wachtwoord')
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        current: PASSWORD,
        password: 'een nieuw lang wachtwoord',
        repeat: 'een nieuw lang wachtwoord',
      })
      .expect(303);
    const changed = await agent.get('/werkgever/account').expect(200);
    expect(changed.text).toContain(
      'Uw nieuwe wachtwoord is opgeslagen. U bent op andere apparaten uitgelogd.',
    );
    await second.get('/werkgever/account').expect(303);
    // The API token of the old password is revoked too.
    await t.http().get('/api/auth/me').set(bearer(w.employer.token)).expect(401);
  });
});
