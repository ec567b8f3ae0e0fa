/// <reference lib="dom" />
import { createHash, randomBytes } from 'node:crypto';
import { IdentityProvidersService, totpCode, type Actor, type OidcRefusal } from '@werkbrug/auth';
import { freePort } from '@werkbrug/embedded';
import {
  axeViolations,
  type Browser,
  type BrowserContext,
  launchChromium,
  newContext,
  type Page,
} from './support/browser';
import { insertOrganisation, insertUser, PASSWORD } from './support/fixtures';
import { startOidcProvider, type TestProvider } from './support/oidc-provider-process';
import { startTestApp, type TestApp } from './support/test-app';
import { freshCode } from './support/second-factor';
import { postForm, webAgent } from './support/web-client';

/**
 * Sign-in through an organisation's own identity provider, against the real oidc-provider on
 * loopback (test/support/oidc-provider.mjs, its own process) and Chromium through the provider's
 * own login page. Gemeente Noord's provider reports a second factor (amr "mfa"): straight in.
 * Werkbedrijf Zuid's does not: Werkbrug asks its own code (the set-up of an app). Every refusal
 * is a Dutch page (axe-core and the Dutch word check) and an audit line with its reason.
 */
jest.setTimeout(300_000);

const NOORD_SECRET = 'noord-geheim-0123456789';
const ZUID_SECRET = 'zuid-geheim-9876543210';

describe('sign-in through the organisation’s own identity provider', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let noordIdp: TestProvider;
  let zuidIdp: TestProvider;
  const orgs: Record<'beheer' | 'noord' | 'zuid' | 'storing', string> = {
    beheer: '',
    noord: '',
    zuid: '',
    storing: '',
  };
  const users: Record<string, string> = {};
  const findings: string[] = [];
  const contexts: BrowserContext[] = [];

  const page = async (javaScript = true) => {
    const context = await newContext(browser, base, javaScript);
    contexts.push(context);
    return context.newPage();
  };
  const path = (p: Page) => new URL(p.url()).pathname;
  const look = async (p: Page, label: string) => findings.push(...(await axeViolations(p, label)));
  const lastRefusal = async () => {
    const [row] = await t.db.query(
      `SELECT details FROM audit_log WHERE action = 'sign_in.oidc_refused' ORDER BY created_at DESC, id DESC LIMIT 1`,
    );
    return row?.details as
      | { reason: OidcRefusal; organisationId: string | null; email: string | null }
      | undefined;
  };
  const refusals = async () =>
    Number(
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'sign_in.oidc_refused'`,
        )
      )[0].n,
    );

  /** The e-mail step on our page; resolves at the provider's own login page. */
  async function toProvider(p: Page, email: string) {
    await p.goto('/inloggen');
    await p.fill('#veld-email', email);
    await Promise.all([
      p.waitForURL((u) => u.pathname.startsWith('/interaction/'), { timeout: 15_000 }),
      p.click('main button[type=submit]'),
    ]).catch(async (error: unknown) => {
      throw new Error(
        `not at the provider (${p.url()}): ${(await p.textContent('main')) ?? ''}; ${String(error)}`,
      );
    });
  }

  /** The provider's own form; resolves with the answer of our callback. */
  async function atProvider(p: Page, login: string, password = 'idp-wachtwoord') {
    await p.fill('#login', login);
    await p.fill('#password', password);
    const [response] = await Promise.all([
      p.waitForResponse((r) => r.url().startsWith(`${base}/inloggen/oidc/terug`)),
      p.click('#sign-in'),
    ]);
    await p.waitForLoadState('load');
    return response;
  }

  /**
   * The provider's answer, caught before it reaches Werkbrug: the provider's own form is sent by
   * the browser context's request client (its cookies), and its redirects are followed by hand up
   * to the callback URL, which is returned unused.
   */
  async function catchCallback(p: Page, email: string, login: string): Promise<URL> {
    await toProvider(p, email);
    const request = p.context().request;
    let res = await request.post(p.url(), {
      form: { login, password: 'idp-wachtwoord' },
      maxRedirects: 0,
    });
    for (let i = 0; i < 5; i++) {
      const location = new URL(res.headers().location ?? '', res.url());
      if (location.pathname === '/inloggen/oidc/terug') return location;
      res = await request.get(location.href, { maxRedirects: 0 });
    }
    throw new Error('no callback reached');
  }

  async function expectRefusal(
    p: Page,
    status: number,
    reason: OidcRefusal,
    heading: RegExp,
    label: string,
  ) {
    expect(status).toBe(OIDC_STATUS[reason]);
    expect(path(p)).toMatch(/^\/inloggen\/oidc\//);
    expect(await p.textContent('h1')).toMatch(heading);
    expect(await p.getAttribute('html', 'lang')).toBe('nl');
    const html = await p.content();
    expect(html).not.toContain(reason);
    await look(p, label);
    expect((await lastRefusal())?.reason).toBe(reason);
    // Not signed in.
    expect((await p.context().cookies()).length).toBeGreaterThan(0);
    const start = await p.request.get('/werkmakelaar', { maxRedirects: 0 });
    expect(start.status()).toBe(303);
  }

  const OIDC_STATUS: Record<OidcRefusal, number> = {
    wrong_state: 400,
    code_rejected: 400,
    wrong_audience: 401,
    token_expired: 401,
    token_invalid: 401,
    provider_refused: 401,
    provider_unreachable: 503,
    no_email: 403,
    domain_not_allowed: 403,
    unknown_user: 403,
    deactivated_user: 403,
    other_organisation: 403,
    password_not_allowed: 403,
  };

  beforeAll(async () => {
    const appPort = await freePort();
    const downPort = await freePort();
    base = `http://127.0.0.1:${appPort}`;
    const redirect = `${base}/inloggen/oidc/terug`;
    const account = (
      email: string,
      extra: Partial<import('./support/oidc-provider-process').TestAccount> = {},
    ) => ({
      password: 'idp-wachtwoord',
      email,
      ...extra,
    });
    noordIdp = await startOidcProvider({
      port: await freePort(),
      clients: [
        { client_id: 'werkbrug-noord', client_secret: NOORD_SECRET, redirect_uris: [redirect] },
      ],
      accounts: {
        anna: account('anna@noord.test', { amr: ['pwd', 'mfa'], name: 'Anna de Boer' }),
        piet: account('piet@noord.test', { amr: ['pwd'], acr: 'urn:test:loa3' }),
        onbekend: account('onbekend@noord.test', { amr: ['pwd', 'mfa'] }),
        gestopt: account('gestopt@noord.test', { amr: ['pwd', 'mfa'] }),
        // Someone whose address is Werkbedrijf Zuid's domain, signing in at Noord's provider.
        bram: account('bram@zuid.test', { amr: ['pwd', 'mfa'] }),
        // An address in Noord's domain whose Werkbrug account belongs to Zuid.
        lisa: account('lisa@noord.test', { amr: ['pwd', 'mfa'] }),
        vreemd: account('anna@noord.test', { amr: ['pwd', 'mfa'], variant: 'wrong-audience' }),
        oud: account('anna@noord.test', { amr: ['pwd', 'mfa'], variant: 'expired' }),
      },
    });
    zuidIdp = await startOidcProvider({
      port: await freePort(),
      clients: [
        { client_id: 'werkbrug-zuid', client_secret: ZUID_SECRET, redirect_uris: [redirect] },
      ],
      accounts: { bram: account('bram@zuid.test', { amr: ['pwd'] }) },
    });
    t = await startTestApp({ PUBLIC_URL: base }, { port: appPort });
    browser = await launchChromium();

    orgs.beheer = await insertOrganisation(t.db, 'beheer', 'Werkbrug beheer');
    orgs.noord = await insertOrganisation(t.db, 'gemeente', 'Gemeente Noord');
    orgs.zuid = await insertOrganisation(t.db, 'werkbedrijf', 'Werkbedrijf Zuid');
    orgs.storing = await insertOrganisation(t.db, 'gemeente', 'Gemeente Storing');
    users.admin = await insertUser(t.db, 'admin', 'beheer@werkbrug.test', orgs.beheer);
    users.anna = await insertUser(t.db, 'werkmakelaar', 'anna@noord.test', orgs.noord);
    users.piet = await insertUser(t.db, 'werkmakelaar', 'piet@noord.test', orgs.noord);
    users.gestopt = await insertUser(t.db, 'werkmakelaar', 'gestopt@noord.test', orgs.noord);
    await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [users.gestopt]);
    users.lisa = await insertUser(t.db, 'werkmakelaar', 'lisa@noord.test', orgs.zuid);
    users.bram = await insertUser(t.db, 'werkmakelaar', 'bram@zuid.test', orgs.zuid);
    users.kees = await insertUser(t.db, 'werkmakelaar', 'kees@storing.test', orgs.storing);

    const admin: Actor = {
      userId: users.admin,
      role: 'admin',
      organisationId: orgs.beheer,
      employerId: null,
      candidateId: null,
    };
    const providers = t.app.get(IdentityProvidersService);
    await providers.save(admin, orgs.noord, {
      issuer: noordIdp.issuer,
      clientId: 'werkbrug-noord',
      clientSecret: NOORD_SECRET,
      domains: ['noord.test'],
      passwordAllowed: false,
      mfaAcrValues: ['urn:test:loa3'],
    });
    await providers.save(admin, orgs.storing, {
      issuer: `http://127.0.0.1:${downPort}`,
      clientId: 'werkbrug-storing',
      clientSecret: 'wat-dan-ook',
      domains: ['storing.test'],
    });
    // Bram has no authenticator app yet (the fixtures enrol staff): his first code step is the set-up.
    await t.db.query(`DELETE FROM second_factors WHERE user_id = $1`, [users.bram]);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
    await noordIdp?.stop();
    await zuidIdp?.stop();
  });

  it('the administrator connects Werkbedrijf Zuid’s provider on its page; the secret never comes back', async () => {
    const p = await page();
    await p.goto('/inloggen');
    await p.fill('#veld-email', 'beheer@werkbrug.test');
    await p.fill('#veld-password', PASSWORD);
    await Promise.all([p.waitForURL('**/inlogcode**'), p.click('main button[type=submit]')]);
    await p.fill('#veld-code', await freshCode('beheer@werkbrug.test'));
    await Promise.all([
      p.waitForURL((u) => u.pathname.startsWith('/beheer')),
      p.click('main button[type=submit]'),
    ]);

    await p.goto(`/beheer/organisaties/${orgs.zuid}`);
    await Promise.all([
      p.waitForURL('**/inloggen'),
      p.click('text=Inloggen via uw eigen organisatie instellen'),
    ]);
    await look(p, 'instellingen (leeg)');
    expect(await p.textContent('#terugstuuradres')).toBe(`${base}/inloggen/oidc/terug`);
    // Without the secret: refused, and what was typed is not shown back.
    await p.fill('#veld-issuer', zuidIdp.issuer);
    await p.fill('#veld-clientId', 'werkbrug-zuid');
    await p.fill('#veld-domains', 'zuid.test');
    await Promise.all([
      p.waitForLoadState('load'),
      p.click('main form button[type=submit] >> text=Opslaan'),
    ]);
    expect(await p.textContent('.werkbrug-error-summary')).toContain('geheime sleutel');
    await look(p, 'instellingen (fout)');
    await p.fill('#veld-clientSecret', ZUID_SECRET);
    await Promise.all([
      p.waitForURL(`**/beheer/organisaties/${orgs.zuid}`),
      p.click('main form button[type=submit] >> text=Opslaan'),
    ]);
    expect(await p.textContent('main')).toContain(
      'Inloggen via de eigen organisatie is opgeslagen',
    );

    await p.goto(`/beheer/organisaties/${orgs.zuid}/inloggen`);
    await look(p, 'instellingen (opgeslagen)');
    expect(await p.inputValue('#veld-issuer')).toBe(zuidIdp.issuer);
    expect(await p.inputValue('#veld-clientSecret')).toBe('');
    expect(await p.content()).not.toContain(ZUID_SECRET);
    const [row] = await t.db.query(
      `SELECT client_secret_sealed, password_allowed, create_accounts FROM organisation_identity_providers WHERE organisation_id = $1`,
      [orgs.zuid],
    );
    expect(row.client_secret_sealed).toMatch(/^v1\./);
    expect(row.client_secret_sealed).not.toContain(ZUID_SECRET);
    expect(row).toMatchObject({ password_allowed: true, create_accounts: false });
    // One line per save, written by the service in the save's transaction: the page's save here,
    // and the API's path (the settings of Noord and Storing were saved through the service).
    const linesOf = (organisationId: string) =>
      t.db.query(
        `SELECT details FROM audit_log WHERE action = 'organisation.identity_provider.save'
           AND details ->> 'organisationId' = $1`,
        [organisationId],
      );
    const zuid = await linesOf(orgs.zuid);
    expect(zuid).toHaveLength(1);
    expect(zuid[0].details).toMatchObject({
      issuer: zuidIdp.issuer,
      passwordAllowed: true,
      secretChanged: true,
    });
    expect(JSON.stringify(zuid)).not.toContain(ZUID_SECRET);
    expect([(await linesOf(orgs.noord)).length, (await linesOf(orgs.storing)).length]).toEqual([
      1, 1,
    ]);
  });

  it('Gemeente Noord: the provider reports a second factor, so Anna is straight in (JavaScript off)', async () => {
    const p = await page(false);
    await toProvider(p, 'anna@noord.test');
    const response = await atProvider(p, 'anna');
    expect(response.status()).toBe(303);
    expect(path(p)).toBe('/werkmakelaar');
    const [line] = await t.db.query(
      `SELECT details FROM audit_log WHERE action = 'auth.sign_in' AND actor_user_id = $1`,
      [users.anna],
    );
    expect(line?.details).toMatchObject({ method: 'oidc', secondFactor: 'provider' });
  });

  it('an acr the organisation listed counts as a second factor too', async () => {
    const p = await page();
    await toProvider(p, 'piet@noord.test');
    await atProvider(p, 'piet');
    expect(path(p)).toBe('/werkmakelaar');
  });

  it('the page on the way to the provider passes axe, and the password route sends Noord’s staff there', async () => {
    const p = await page();
    // The page goes on by itself: here it stays (a 204 leaves the page as it is), for axe.
    await p.route('**/inloggen/oidc/start', (r) => r.fulfill({ status: 204 }));
    await p.goto('/inloggen');
    await look(p, 'inloggen');
    await p.fill('#veld-email', 'anna@noord.test');
    await p.fill('#veld-password', PASSWORD);
    await Promise.all([p.waitForLoadState('load'), p.click('main button[type=submit]')]);
    expect(await p.textContent('h1')).toBe('Inloggen via Gemeente Noord');
    await look(p, 'op weg naar de organisatie');
    // A password for Noord is refused by the API too.
    const api = await t
      .http()
      .post('/api/auth/token')
      .send({ email: 'anna@noord.test', password: PASSWORD });
    expect(api.status).toBe(403);
    // Employers and candidates and organisations without a provider: the password as before.
    const agent = webAgent(t);
    const res = await postForm(agent, '/inloggen', '/inloggen', {
      email: 'iemand@elders.test',
      password: 'fout-wachtwoord-123',
    });
    expect(res.status).toBe(401);
  });

  it('a mailed sign-in link stands in for the password, so Noord’s staff get none and an old one no longer works', async () => {
    const linksOf = async (userId: string) =>
      (
        await t.db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM auth_links WHERE user_id = $1 AND purpose = 'sign_in'`,
          [userId],
        )
      )[0].n;
    const asked = (email: string) =>
      t.http().post('/api/auth/sign-in-link').send({ email }).expect(202);
    // Same answer for everyone; a link only for an account that may use one.
    await asked('piet@noord.test');
    await asked('lisa@noord.test');
    expect([await linksOf(users.piet), await linksOf(users.lisa)]).toEqual([0, 1]);
    // A link mailed before Noord switched passwords off is refused when it is used.
    const token = `al_${randomBytes(32).toString('base64url')}`;
    await t.db.query(
      `INSERT INTO auth_links (user_id, purpose, token_hash, expires_at)
       VALUES ($1, 'sign_in', $2, now() + interval '15 minutes')`,
      [users.piet, createHash('sha256').update(token).digest()],
    );
    const redeem = await t.http().post('/api/auth/sign-in-link/redeem').send({ token });
    expect([redeem.status, redeem.body.code]).toEqual([400, 'LINK_INVALID']);
    const web = webAgent(t);
    const opened = await web.get(`/inloggen/${token}`);
    expect(opened.status).toBe(410);
    expect(opened.text).toContain('Deze link werkt niet meer');
    const used = await web.post(`/inloggen/${token}`).type('form').send({});
    expect(used.status).not.toBe(303);
    // Refused, not used up: nothing happened with it.
    const [{ n: open }] = await t.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM auth_links WHERE token_hash = $1 AND used_at IS NULL`,
      [createHash('sha256').update(token).digest()],
    );
    expect(open).toBe(1);
  });

  it('Werkbedrijf Zuid: no second factor from the provider, so Werkbrug asks its own code', async () => {
    const p = await page();
    await toProvider(p, 'bram@zuid.test');
    await atProvider(p, 'bram');
    expect(path(p)).toBe('/inlogcode/instellen');
    // Not signed in yet.
    expect((await p.request.get('/werkmakelaar', { maxRedirects: 0 })).status()).toBe(303);
    const secret = ((await p.textContent('#sleutel')) ?? '').replace(/\s/g, '');
    await p.fill('#veld-code', totpCode(secret));
    await Promise.all([p.waitForLoadState('load'), p.click('main button[type=submit]')]);
    await Promise.all([p.waitForURL('**/werkmakelaar'), p.click('main button[type=submit]')]);
    const [line] = await t.db.query(
      `SELECT details FROM audit_log WHERE action = 'auth.sign_in' AND actor_user_id = $1`,
      [users.bram],
    );
    // The first factor was the provider, the second Werkbrug's own code: the line says both.
    expect(line?.details).toMatchObject({ method: 'oidc', secondFactor: 'totp', channel: 'web' });
  });

  it.each([
    ['onbekend@noord.test', 'onbekend', 'unknown_user', /nog geen account/],
    ['gestopt@noord.test', 'gestopt', 'deactivated_user', /account is gestopt/],
    ['anna@noord.test', 'bram', 'domain_not_allowed', /niet inloggen/],
    ['anna@noord.test', 'lisa', 'other_organisation', /niet inloggen/],
    ['anna@noord.test', 'vreemd', 'wrong_audience', /niet gelukt/],
    ['anna@noord.test', 'oud', 'token_expired', /niet gelukt/],
  ] as const)(
    '%s signing in as %s at the provider: refused (%s)',
    async (email, login, reason, heading) => {
      const before = await refusals();
      const p = await page();
      await toProvider(p, email);
      const response = await atProvider(p, login);
      await expectRefusal(p, response.status(), reason, heading, `geweigerd: ${reason}`);
      expect(await refusals()).toBe(before + 1);
      expect((await lastRefusal())?.organisationId).toBe(orgs.noord);
    },
  );

  it('a callback with another state is refused, and the sign-in cannot be finished after that', async () => {
    const p = await page();
    const callback = await catchCallback(p, 'anna@noord.test', 'anna');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'een-andere-state-waarde');
    const response = await p.goto(forged.href);
    await expectRefusal(
      p,
      response?.status() ?? 0,
      'wrong_state',
      /niet gelukt/,
      'geweigerd: state',
    );
    // The real callback now finds nothing pending: one use.
    const again = await p.goto(callback.href);
    expect(again?.status()).toBe(400);
    expect((await lastRefusal())?.reason).toBe('wrong_state');
  });

  it('a code that was used once is refused the second time', async () => {
    const first = await page();
    const used = await catchCallback(first, 'anna@noord.test', 'anna');
    await first.goto(used.href);
    expect(path(first)).toBe('/werkmakelaar');
    // Another browser starts its own sign-in and sends the used code with its own state.
    const second = await page();
    const own = await catchCallback(second, 'anna@noord.test', 'anna');
    const replay = new URL(own);
    replay.searchParams.set('code', used.searchParams.get('code') ?? '');
    const response = await second.goto(replay.href);
    await expectRefusal(
      second,
      response?.status() ?? 0,
      'code_rejected',
      /niet gelukt/,
      'geweigerd: code',
    );
  });

  it('a provider that does not answer is a 503 page, not an error', async () => {
    const p = await page();
    await p.goto('/inloggen');
    await p.fill('#veld-email', 'kees@storing.test');
    const [response] = await Promise.all([
      p.waitForResponse((r) => r.url() === `${base}/inloggen/oidc/start`),
      p.click('main button[type=submit]'),
    ]);
    await p.waitForURL('**/inloggen/oidc/start');
    await p.waitForLoadState('load');
    await expectRefusal(
      p,
      response.status(),
      'provider_unreachable',
      /lukt nu niet/,
      'geweigerd: storing',
    );
    expect(response.headers()['retry-after']).toBe('60');
  });

  it('found no accessibility or language problems on the way', () => {
    expect(findings).toEqual([]);
  });
});
