import { LoginThrottle } from '@werkbrug/auth';
import { SessionService } from '@werkbrug/web';
import { buildWorld, PASSWORD, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { csrfOf, passSecondFactor, postForm, signIn, webAgent } from './support/web-client';

/** The web foundation over real HTTP and PostgreSQL: pages, sessions, CSRF, errors, reset. */
describe('web foundation', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    // Behind a proxy on loopback (TRUST_PROXY): X-Forwarded-Proto: https counts as https.
    t = await startTestApp({ TRUST_PROXY: 'loopback' });
    w = await buildWorld(t);
  });
  afterAll(async () => t?.close());
  beforeEach(() => t.app.get(LoginThrottle).reset());

  it('serves the home page with the page shell, strict CSP and the stylesheets', async () => {
    const res = await t.http().get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.text).toMatch(/<html lang="nl"/);
    // Skip link first, then header, main, footer.
    const order = ['utrecht-skip-link', '<header', '<main id="inhoud"', '<footer'].map((s) =>
      res.text.indexOf(s),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(res.text).not.toMatch(/<script>(?!<\/script>)|onclick=|style="/);
    const css = await t.http().get('/assets/utrecht.css').expect(200);
    expect(css.text).toContain('.utrecht-button');
    await t.http().get('/assets/werkbrug.css').expect(200);
  });

  it('signs in with a rotated, HttpOnly, SameSite=Lax session kept in PostgreSQL', async () => {
    const agent = webAgent(t);
    const form = await agent.get('/inloggen').expect(200);
    const anonymousCookie = String(form.headers['set-cookie']);
    expect(anonymousCookie).toMatch(/wb_sessie=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    expect(anonymousCookie).not.toMatch(/Secure/);
    const res = await agent
      .post('/inloggen')
      .type('form')
      .send({ email: 'werkgever@groenenzo.nl', password: PASSWORD, _csrf: csrfOf(form.text) })
      .expect(303);
    const signedInCookie = String(res.headers['set-cookie']);
    const value = (c: string) => /wb_sessie=([^;]+)/.exec(c)?.[1];
    expect(value(signedInCookie)).toBeTruthy();
    expect(value(signedInCookie)).not.toBe(value(anonymousCookie));
    expect(res.headers.location).toBe('/werkgever');
    const [row] = await t.db.query(
      `SELECT count(*)::int AS n FROM web_sessions s JOIN users u ON u.id = s.user_id
        WHERE u.email = 'werkgever@groenenzo.nl'`,
    );
    expect(row.n).toBe(1);
    // The anonymous session is gone (rotation).
    const [anon] = await t.db.query(
      `SELECT count(*)::int AS n FROM web_sessions WHERE user_id IS NULL`,
    );
    expect(anon.n).toBe(0);
  });

  it('marks the cookie Secure behind https', async () => {
    const res = await t.http().get('/inloggen').set('X-Forwarded-Proto', 'https').expect(200);
    expect(String(res.headers['set-cookie'])).toMatch(/Secure/);
  });

  it('shows an error summary, inline errors and keeps the e-mail on a wrong password', async () => {
    const agent = webAgent(t);
    const res = await postForm(agent, '/inloggen', '/inloggen', {
      email: 'werkgever@groenenzo.nl',
      password: 'fout-wachtwoord-123',
    });
    expect(res.status).toBe(401);
    expect(res.text).toMatch(/<title>Fout: Inloggen – Werkbrug<\/title>/);
    expect(res.text).toContain('href="#veld-email"');
    expect(res.text).toContain('id="veld-email-error"');
    expect(res.text).toContain('value="werkgever@groenenzo.nl"');
    expect(res.text).not.toContain(PASSWORD);
    const empty = await postForm(agent, '/inloggen', '/inloggen', { email: '', password: '' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Vul uw e-mailadres in');
    expect(empty.text).toContain('href="#veld-password"');
  });

  it('applies the login rate limit of the API to the form', async () => {
    const agent = webAgent(t);
    for (let i = 0; i < LoginThrottle.PAIR_FREE_FAILURES; i++)
      await postForm(agent, '/inloggen', '/inloggen', {
        email: 'werkgever@glans.nl',
        password: `fout-${i}-wachtwoord`,
      });
    const res = await postForm(agent, '/inloggen', '/inloggen', {
      email: 'werkgever@glans.nl',
      password: PASSWORD,
    });
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.text).toContain('te vaak geprobeerd');
  });

  it('refuses a POST without the CSRF token and changes nothing', async () => {
    const agent = webAgent(t);
    await agent.get('/inloggen').expect(200);
    const res = await agent
      .post('/inloggen')
      .type('form')
      .send({ email: 'werkgever@groenenzo.nl', password: PASSWORD });
    expect(res.status).toBe(403);
    expect(res.text).toContain('Het formulier is verlopen');
    const wrong = await agent
      .post('/inloggen')
      .type('form')
      .send({ email: 'werkgever@groenenzo.nl', password: PASSWORD, _csrf: 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
    // Without any session cookie at all.
    await t.http().post('/uitloggen').type('form').send({ _csrf: 'x' }).expect(403);
  });

  it('sends anonymous visitors to the login page and back after sign-in', async () => {
    const res = await t.http().get('/werkmakelaar').expect(303);
    expect(res.headers.location).toBe('/inloggen?terug=%2Fwerkmakelaar');
    const agent = webAgent(t);
    const form = await agent.get('/inloggen?terug=%2Fwerkmakelaar').expect(200);
    const login = await agent
      .post('/inloggen')
      .type('form')
      .send({
        email: 'wm.a@test.nl',
        password: PASSWORD,
        terug: '/werkmakelaar',
        _csrf: csrfOf(form.text),
      })
      .expect(303);
    // A werkmakelaar's second factor first; the way back goes along.
    expect(login.headers.location).toBe('/inlogcode?terug=%2Fwerkmakelaar');
    await agent.get('/werkmakelaar').expect(303);
    const code = await passSecondFactor(agent, 'wm.a@test.nl', login);
    expect(code.headers.location).toBe('/werkmakelaar');
    await agent.get('/werkmakelaar').expect(200);
    // Another role's area: 403 page, in HTML.
    const other = await agent.get('/beheer').expect(403);
    expect(other.headers['content-type']).toMatch(/text\/html/);
    // Never to another site.
    const form2 = await webAgent(t).get('/inloggen?terug=//evil.example');
    expect(form2.text).not.toContain('evil.example');
  });

  it('asks an employer to accept the terms once, then lands on the employer area', async () => {
    const agent = await signIn(t, 'werkgever@groenenzo.nl');
    const first = await agent.get('/werkgever').expect(303);
    // The page asked for is where the employer goes after accepting.
    expect(first.headers.location).toBe('/voorwaarden?terug=%2Fwerkgever');
    const terms = await agent.get('/voorwaarden').expect(200);
    expect(terms.text).toContain('Wie ziet wat?');
    const refused = await agent
      .post('/voorwaarden')
      .type('form')
      .send({ _csrf: csrfOf(terms.text) })
      .expect(400);
    expect(refused.text).toContain('href="#veld-akkoord"');
    await agent
      .post('/voorwaarden')
      .type('form')
      .send({ _csrf: csrfOf(terms.text), akkoord: 'ja' })
      .expect(303);
    const [row] = await t.db.query(
      `SELECT count(*)::int AS n FROM terms_acceptances WHERE user_id = $1`,
      [w.employer.userId],
    );
    expect(row.n).toBe(1);
    const after = await agent.get('/werkgever');
    expect(after.status).not.toBe(303);
  });

  it('logs out: the session row is deleted and the cookie no longer works', async () => {
    const agent = await signIn(t, 'wm.a@test.nl');
    const page = await agent.get('/werkmakelaar').expect(200);
    await agent
      .post('/uitloggen')
      .type('form')
      .send({ _csrf: csrfOf(page.text) })
      .expect(303);
    await agent.get('/werkmakelaar').expect(303);
  });

  it('ends a session after the idle time and after the absolute lifetime', async () => {
    const agent = await signIn(t, 'wm.a@test.nl');
    await agent.get('/werkmakelaar').expect(200);
    await t.db.query(
      `UPDATE web_sessions SET last_seen_at = now() - make_interval(secs => $1)
        WHERE user_id = (SELECT id FROM users WHERE email = 'wm.a@test.nl')`,
      [SessionService.IDLE_MS / 1000 + 5],
    );
    await agent.get('/werkmakelaar').expect(303);
    const again = await signIn(t, 'wm.a@test.nl');
    await t.db.query(
      `UPDATE web_sessions SET expires_at = now() - interval '1 second'
        WHERE user_id = (SELECT id FROM users WHERE email = 'wm.a@test.nl')`,
    );
    await again.get('/werkmakelaar').expect(303);
  });

  it('resets a password through a one-time link sent through the outbox', async () => {
    const agent = webAgent(t);
    const sent = await postForm(agent, '/wachtwoord-vergeten', '/wachtwoord-vergeten', {
      email: 'wm.b@test.nl',
    });
    expect(sent.status).toBe(200);
    // An unknown address gets the same answer and no mail.
    const unknown = await postForm(agent, '/wachtwoord-vergeten', '/wachtwoord-vergeten', {
      email: 'niemand@test.nl',
    });
    expect(unknown.status).toBe(200);
    const mails = await t.db.query(
      `SELECT payload FROM outbox_messages WHERE topic = 'mail.send'
         AND payload->>'template' = 'password_reset'`,
    );
    expect(mails).toHaveLength(1);
    const link: string = mails[0].payload.data.link;
    expect(mails[0].payload.to).toEqual(['wm.b@test.nl']);
    const path = new URL(link).pathname;
    const form = await agent.get(path).expect(200);
    const weak = await agent
      .post(path)
      .type('form')
      .send({ _csrf: csrfOf(form.text), password: 'kort', repeat: 'kort' })
      .expect(400);
    expect(weak.text).toContain('minstens 12 tekens');
    await agent
      .post(path)
      .type('form')
      .send({
        _csrf: csrfOf(form.text),
        password: 'een nieuw lang wachtwoord',
        repeat: 'een nieuw lang wachtwoord',
      })
      .expect(303);
    await signIn(t, 'wm.b@test.nl', 'een nieuw lang wachtwoord');
    // The link works once.
    await agent.get(path).expect(410);
    // Expired links do not work either.
    await postForm(agent, '/wachtwoord-vergeten', '/wachtwoord-vergeten', {
      email: 'wm.b@test.nl',
    });
    const [fresh] = await t.db.query(
      `SELECT payload FROM outbox_messages WHERE topic = 'mail.send'
         AND payload->>'template' = 'password_reset' ORDER BY created_at DESC LIMIT 1`,
    );
    const freshPath = new URL(fresh.payload.data.link).pathname;
    expect(freshPath).not.toBe(path);
    await agent.get(freshPath).expect(200);
    await t.db.query(
      `UPDATE auth_links SET expires_at = now() - interval '1 minute' WHERE purpose = 'password_reset'`,
    );
    await agent.get(freshPath).expect(410);
  });

  it('shows HTML error pages for unknown pages under the web areas', async () => {
    const agent = await signIn(t, 'wm.a@test.nl');
    const res = await agent.get('/beheer').expect(403);
    expect(res.text).toContain('U heeft geen toegang');
  });
});
