import { LoginThrottle } from '@werkbrug/auth';
import { bearer, buildWorld, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { signIn } from './support/web-client';

/** What a browser sends when it opens a page. */
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/**
 * Errors on every path a person may open are Dutch HTML pages in the site's layout (lang="nl", a
 * title, no stack trace); the JSON API, and clients that ask for JSON, keep problem+json.
 */
describe('error pages on every path', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://werkbrug.example' });
    w = await buildWorld(t);
  });
  afterAll(() => t?.close());
  beforeEach(() => t.app.get(LoginThrottle).reset());

  const expectPage = (
    res: { status: number; headers: Record<string, string>; text: string },
    status: number,
    title: string,
  ) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toMatch(/^<!DOCTYPE html>\s*<html lang="nl"/);
    expect(res.text).toContain(`<title>${title} – Werkbrug</title>`);
    expect(res.text).toContain(`<h1 class="utrecht-heading-1">${title}</h1>`);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['cache-control']).toContain('no-store');
  };
  const expectProblem = (
    res: { status: number; headers: Record<string, string>; body: { code?: string } },
    status: number,
    code: string,
  ) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe(code);
  };

  const UNKNOWN = ['/login', '/bestaat-niet', '/werkgever/bestaat-niet', '/voorstellen/a/b'];

  it.each(UNKNOWN)('%s: a browser gets the Dutch 404 page', async (path) => {
    expectPage(await t.http().get(path).set('Accept', BROWSER), 404, 'Deze pagina bestaat niet');
  });

  it.each(UNKNOWN)('%s: a client that asks for JSON gets problem+json', async (path) => {
    expectProblem(await t.http().get(path).set('Accept', 'application/json'), 404, 'NOT_FOUND');
  });

  it('the JSON API answers problem+json even to a browser', async () => {
    for (const path of ['/api/bestaat-niet', '/api', '/api/proposals/geen-id'])
      expect((await t.http().get(path).set('Accept', BROWSER)).headers['content-type']).toMatch(
        /^application\/problem\+json/,
      );
    expectProblem(await t.http().get('/api/bestaat-niet').set('Accept', BROWSER), 404, 'NOT_FOUND');
  });

  it('a form posted to an unknown address is the 404 page too', async () => {
    const res = await t
      .http()
      .post('/bestaat-niet')
      .set('Accept', BROWSER)
      .type('form')
      .send({ a: 'b' });
    expectPage(res, 404, 'Deze pagina bestaat niet');
  });

  it('/favicon.ico is the icon, not an error', async () => {
    const res = await t.http().get('/favicon.ico').set('Accept', BROWSER).expect(200);
    expect(res.headers['content-type']).toBe('image/x-icon');
    expect((res.body as Buffer).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  });

  it('a signed-in visitor on an unknown address keeps the menu and a way to the start page', async () => {
    const agent = await signIn(t, 'wm.a@test.nl');
    const res = await agent.get('/bestaat-niet').set('Accept', BROWSER);
    expectPage(res, 404, 'Deze pagina bestaat niet');
    expect(res.text).toContain('href="/werkmakelaar/voorstellen"');
    expect(res.text).toContain('Naar uw startpagina');
  });

  it("another role's page is the Dutch 403 page; JSON clients get problem+json", async () => {
    const agent = await signIn(t, 'sanne@test.nl');
    // A candidate: in their own form of address, "je".
    expectPage(
      await agent.get('/beheer').set('Accept', BROWSER),
      403,
      'Je hebt geen toegang tot deze pagina',
    );
    expectProblem(await agent.get('/beheer').set('Accept', 'application/json'), 403, 'FORBIDDEN');
  });

  it('an expired, used or unknown one-time link is the Dutch 410 page', async () => {
    await t.http().post('/api/auth/sign-in-link').send({ email: 'wm.a@test.nl' }).expect(202);
    const [row] = await t.db.query(
      `SELECT payload->'data'->>'link' AS link FROM outbox_messages
        WHERE payload->>'template' = 'sign_in_link' ORDER BY created_at DESC LIMIT 1`,
    );
    const path = new URL(row.link as string).pathname;
    // Still valid: the page with its button.
    expect((await t.http().get(path).set('Accept', BROWSER)).status).toBe(200);
    await t.db.query(`UPDATE auth_links SET expires_at = now() - interval '1 minute'`);
    expectPage(await t.http().get(path).set('Accept', BROWSER), 410, 'Deze link werkt niet meer');
    for (const unknown of [
      `/inloggen/al_${'x'.repeat(43)}`,
      `/e-mail-bevestigen/al_${'x'.repeat(43)}`,
      '/inloggen/geen-token',
    ])
      expectPage(
        await t.http().get(unknown).set('Accept', BROWSER),
        410,
        'Deze link werkt niet meer',
      );
  });

  it('a real failure is the Dutch 500 page, without a stack trace or SQL; the API keeps its problem', async () => {
    const agent = await signIn(t, 'wm.a@test.nl');
    const proposal = await t
      .http()
      .post('/api/proposals')
      .set(bearer(w.wmA.token))
      .send({ candidateId: w.candidateA.id, vacancyId: w.vacancy.id, motivation: 'Test' })
      .expect(201);
    // The table the pages read is gone: every read of it fails in the database.
    await t.db.query(`ALTER TABLE proposals RENAME TO proposals_weg`);
    try {
      for (const path of [
        '/werkmakelaar/voorstellen',
        `/voorstellen/${proposal.body.id as string}`,
      ]) {
        const res = await agent.get(path).set('Accept', BROWSER);
        expectPage(res, 500, 'Er ging iets mis');
        // A werkmakelaar has no werkmakelaar to call: the organisation's administrator.
        expect(res.text).toContain('de beheerder van Werkbrug in uw organisatie');
        expect(res.text).not.toMatch(
          /QueryFailedError|proposals|does not exist|SELECT|\.ts:\d+|\bat \w+/,
        );
      }
      const api = await t
        .http()
        .get('/api/proposals')
        .set(bearer(w.wmA.token))
        .set('Accept', BROWSER);
      expectProblem(api, 500, 'INTERNAL_ERROR');
      expect(api.text).not.toMatch(/QueryFailedError|proposals_weg|does not exist|SELECT/);
    } finally {
      await t.db.query(`ALTER TABLE proposals_weg RENAME TO proposals`);
    }
  });
});
