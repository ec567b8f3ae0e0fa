import { LoginThrottle, totpCodeAt, totpStep } from '@werkbrug/auth';
import {
  axeViolations,
  launchChromium,
  newContext,
  pressButton,
  signInPage,
  tabTo,
  typeInto,
  type Browser,
  type Page,
} from './support/browser';
import { bearer, buildWorld, insertUser, PASSWORD, tokenFor } from './support/fixtures';
import { freshCode, rememberSecret, secretOf, testTotpSecret } from './support/second-factor';
import { startTestApp, type TestApp } from './support/test-app';
import { passSecondFactor, postForm, webAgent } from './support/web-client';

/**
 * The second factor of werkmakelaars and administrators (TOTP with recovery codes), through the API
 * and the pages, in a real Chromium: set-up, sign-in, throttling, replay, recovery codes, the
 * administrator's reset, JavaScript off and keyboard only.
 */
describe('second factor', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let orgA: string;
  let adminToken: string;

  /** A werkmakelaar without an app yet (as after an invitation, or after a reset). */
  async function newWerkmakelaar(email: string, org = orgA): Promise<string> {
    const id = await insertUser(t.db, 'werkmakelaar', email, org);
    await t.db.query(`DELETE FROM second_factors WHERE user_id = $1`, [id]);
    return id;
  }

  const token = (body: Record<string, unknown>) => t.http().post('/api/auth/token').send(body);
  const auditOf = async (
    userId: string,
  ): Promise<{ action: string; details: Record<string, unknown> }[]> =>
    (
      await t.db.query(
        `SELECT action, details FROM audit_log
          WHERE actor_user_id = $1 OR details ->> 'userId' = $1::text ORDER BY created_at, id`,
        [userId],
      )
    ).map((r: { action: string; details: Record<string, unknown> }) => ({
      action: r.action,
      details: r.details,
    }));

  beforeAll(async () => {
    t = await startTestApp();
    base = t.url;
    browser = await launchChromium();
    const w = await buildWorld(t);
    orgA = w.orgA;
    adminToken = w.adminToken;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  beforeEach(() => t.app.get(LoginThrottle).reset());

  describe('API', () => {
    it('asks staff for a second factor and leaves employers and candidates with a password', async () => {
      for (const email of ['werkgever@groenenzo.nl', 'sanne@test.nl'])
        expect((await token({ email, password: PASSWORD })).status).toBe(200);

      const id = await newWerkmakelaar('nieuw@test.nl');
      const setupNeeded = await token({ email: 'nieuw@test.nl', password: PASSWORD });
      expect(setupNeeded.status).toBe(403);
      expect(setupNeeded.body.code).toBe('MFA_SETUP_REQUIRED');
      // A wrong password says nothing about the second factor.
      const wrong = await token({ email: 'nieuw@test.nl', password: 'x'.repeat(20) });
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe('UNAUTHENTICATED');

      const setup = await t
        .http()
        .post('/api/auth/mfa/setup')
        .send({ email: 'nieuw@test.nl', password: PASSWORD })
        .expect(200);
      expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(setup.body.otpauthUri).toContain(`secret=${setup.body.secret}`);
      expect(setup.body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
      // Stored sealed, never as text.
      const [stored] = await t.db.query(
        `SELECT secret_sealed FROM second_factors WHERE user_id = $1`,
        [id],
      );
      expect(stored.secret_sealed).not.toContain(setup.body.secret);
      // Asked again before confirming: the same secret (a reload does not undo a scan).
      const again = await t
        .http()
        .post('/api/auth/mfa/setup')
        .send({ email: 'nieuw@test.nl', password: PASSWORD });
      expect(again.body.secret).toBe(setup.body.secret);
      // Not enrolled yet: still MFA_SETUP_REQUIRED, even with a right code.
      rememberSecret('nieuw@test.nl', setup.body.secret);
      const early = await token({
        email: 'nieuw@test.nl',
        password: PASSWORD,
        otp: totpCodeAt(setup.body.secret, totpStep() - 3),
      });
      expect(early.body.code).toBe('MFA_SETUP_REQUIRED');

      const badConfirm = await t
        .http()
        .post('/api/auth/mfa/confirm')
        .send({ email: 'nieuw@test.nl', password: PASSWORD, otp: '000000' });
      expect(badConfirm.status).toBe(401);
      expect(badConfirm.body.code).toBe('MFA_CODE_INVALID');
      const confirm = await t
        .http()
        .post('/api/auth/mfa/confirm')
        .send({ email: 'nieuw@test.nl', password: PASSWORD, otp: await freshCode('nieuw@test.nl') })
        .expect(200);
      expect(confirm.body.accessToken).toMatch(/^wb_/);
      expect(confirm.body.recoveryCodes).toHaveLength(10);
      for (const code of confirm.body.recoveryCodes)
        expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      const hashes = await t.db.query(`SELECT code_hash FROM recovery_codes WHERE user_id = $1`, [
        id,
      ]);
      expect(hashes).toHaveLength(10);
      for (const { code_hash } of hashes) expect(code_hash).toMatch(/^\$argon2id\$/);
      await t.http().get('/api/auth/me').set(bearer(confirm.body.accessToken)).expect(200);

      const twice = await t
        .http()
        .post('/api/auth/mfa/setup')
        .send({ email: 'nieuw@test.nl', password: PASSWORD });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('MFA_ALREADY_ENROLLED');
      const notNeeded = await t
        .http()
        .post('/api/auth/mfa/setup')
        .send({ email: 'werkgever@groenenzo.nl', password: PASSWORD });
      expect(notNeeded.body.code).toBe('MFA_NOT_NEEDED');
      expect((await auditOf(id)).map((a) => a.action)).toEqual([
        'auth.second_factor_enrolled',
        'auth.sign_in',
      ]);
    });

    it('issues a token with a current code only, and refuses a replayed one', async () => {
      const id = await insertUser(t.db, 'werkmakelaar', 'code@test.nl', orgA);
      const none = await token({ email: 'code@test.nl', password: PASSWORD });
      expect(none.status).toBe(401);
      expect(none.body.code).toBe('MFA_REQUIRED');
      const secret = testTotpSecret('code@test.nl');
      const old = await token({
        email: 'code@test.nl',
        password: PASSWORD,
        otp: totpCodeAt(secret, totpStep() - 2),
      });
      expect(old.body.code).toBe('MFA_CODE_INVALID');
      const code = await freshCode('code@test.nl');
      const ok = await token({ email: 'code@test.nl', password: PASSWORD, otp: code });
      expect(ok.status).toBe(200);
      // The same code again (a replay): refused, though still within its time step.
      const replay = await token({ email: 'code@test.nl', password: PASSWORD, otp: code });
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('MFA_CODE_INVALID');
      // Spaces as an app shows them are fine.
      const spaced = await freshCode('code@test.nl');
      const withSpace = await token({
        email: 'code@test.nl',
        password: PASSWORD,
        otp: `${spaced.slice(0, 3)} ${spaced.slice(3)}`,
      });
      expect(withSpace.status).toBe(200);
      const audit = await auditOf(id);
      expect(audit.filter((a) => a.action === 'auth.sign_in')).toEqual([
        {
          action: 'auth.sign_in',
          details: { method: 'password', secondFactor: 'totp', channel: 'api' },
        },
        {
          action: 'auth.sign_in',
          details: { method: 'password', secondFactor: 'totp', channel: 'api' },
        },
      ]);
      expect(audit.filter((a) => a.action === 'auth.second_factor_failed')).toHaveLength(2);
      // No code or secret in any audit line.
      expect(JSON.stringify(audit)).not.toContain(code);
    });

    it('throttles wrong codes like wrong passwords', async () => {
      await insertUser(t.db, 'werkmakelaar', 'gok@test.nl', orgA);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push(
          (await token({ email: 'gok@test.nl', password: PASSWORD, otp: String(100000 + i) }))
            .status,
        );
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      // Now even the right code waits.
      const right = await token({
        email: 'gok@test.nl',
        password: PASSWORD,
        otp: await freshCode('gok@test.nl'),
      });
      expect(right.status).toBe(429);
      expect(right.body.code).toBe('RATE_LIMITED');
      expect(right.body.retryAfterSeconds).toBeGreaterThan(0);
    });

    it('accepts each recovery code once', async () => {
      const id = await newWerkmakelaar('herstel@test.nl');
      const setup = await t
        .http()
        .post('/api/auth/mfa/setup')
        .send({ email: 'herstel@test.nl', password: PASSWORD });
      rememberSecret('herstel@test.nl', setup.body.secret);
      const confirm = await t
        .http()
        .post('/api/auth/mfa/confirm')
        .send({
          email: 'herstel@test.nl',
          password: PASSWORD,
          otp: await freshCode('herstel@test.nl'),
        })
        .expect(200);
      const [first, second] = confirm.body.recoveryCodes as string[];
      const used = await token({ email: 'herstel@test.nl', password: PASSWORD, otp: first });
      expect(used.status).toBe(200);
      const again = await token({ email: 'herstel@test.nl', password: PASSWORD, otp: first });
      expect(again.status).toBe(401);
      expect(again.body.code).toBe('MFA_CODE_INVALID');
      // Typed in capitals without the dash: the same code.
      const typed = (second as string).replace('-', '').toUpperCase();
      expect(
        (await token({ email: 'herstel@test.nl', password: PASSWORD, otp: typed })).status,
      ).toBe(200);
      const audit = await auditOf(id);
      expect(audit.filter((a) => a.action === 'auth.recovery_code_used')).toEqual([
        { action: 'auth.recovery_code_used', details: { channel: 'api', left: 9 } },
        { action: 'auth.recovery_code_used', details: { channel: 'api', left: 8 } },
      ]);
      expect(JSON.stringify(audit)).not.toContain(first);
    });

    it('asks the second factor for a sign-in link too, before the link is used up', async () => {
      await insertUser(t.db, 'werkmakelaar', 'link@test.nl', orgA);
      await t.http().post('/api/auth/sign-in-link').send({ email: 'link@test.nl' }).expect(202);
      const [row] = await t.db.query(
        `SELECT l.id FROM auth_links l JOIN users u ON u.id = l.user_id
          WHERE u.email = 'link@test.nl' AND l.purpose = 'sign_in'`,
      );
      expect(row).toBeDefined();
      // The link's token is only in the mail: put a known one in its place.
      const linkToken = `al_${'a'.repeat(43)}`;
      await t.db.query(
        `UPDATE auth_links SET token_hash = sha256(convert_to($2, 'UTF8')) WHERE id = $1`,
        [row.id, linkToken],
      );
      const without = await t
        .http()
        .post('/api/auth/sign-in-link/redeem')
        .send({ token: linkToken });
      expect(without.body.code).toBe('MFA_REQUIRED');
      const withCode = await t
        .http()
        .post('/api/auth/sign-in-link/redeem')
        .send({ token: linkToken, otp: await freshCode('link@test.nl') });
      expect(withCode.status).toBe(200);
    });

    it('records a web sign-in by mailed link and code as a link sign-in with the second factor', async () => {
      const id = await insertUser(t.db, 'werkmakelaar', 'weblink@test.nl', orgA);
      const linkToken = `al_${'w'.repeat(43)}`;
      await t.db.query(
        `INSERT INTO auth_links (user_id, purpose, token_hash, expires_at)
         VALUES ($1, 'sign_in', sha256(convert_to($2, 'UTF8')), now() + interval '15 minutes')`,
        [id, linkToken],
      );
      const agent = webAgent(t);
      const linked = await postForm(agent, `/inloggen/${linkToken}`, `/inloggen/${linkToken}`, {});
      expect([linked.status, linked.headers.location]).toEqual([303, '/inlogcode']);
      const coded = await postForm(agent, '/inlogcode', '/inlogcode', {
        code: await freshCode('weblink@test.nl'),
      });
      expect([coded.status, coded.headers.location]).toEqual([303, '/werkmakelaar']);
      const lines = (await auditOf(id)).filter((a) => a.action === 'auth.sign_in');
      expect(lines).toEqual([
        {
          action: 'auth.sign_in',
          details: { method: 'link', secondFactor: 'totp', channel: 'web' },
        },
      ]);
    });

    it('lets an administrator reset it: tokens end, and the next sign-in sets up a new app', async () => {
      const id = await insertUser(t.db, 'werkmakelaar', 'kwijt@test.nl', orgA);
      const old = await tokenFor(t, 'kwijt@test.nl');
      const wmToken = await tokenFor(t, 'code@test.nl');
      // Not for a werkmakelaar of the organisation who is no organisation administrator.
      await t.http().post(`/api/users/${id}/second-factor/reset`).set(bearer(wmToken)).expect(403);
      await t
        .http()
        .post(`/api/users/${id}/second-factor/reset`)
        .set(bearer(adminToken))
        .expect(204);
      await t.http().get('/api/auth/me').set(bearer(old)).expect(401);
      const after = await token({
        email: 'kwijt@test.nl',
        password: PASSWORD,
        otp: await freshCode('kwijt@test.nl'),
      });
      expect(after.body.code).toBe('MFA_SETUP_REQUIRED');
      const [line] = await t.db.query(
        `SELECT actor_role, details FROM audit_log WHERE action = 'auth.second_factor_reset'`,
      );
      expect(line).toEqual({ actor_role: 'admin', details: { userId: id } });
    });
  });

  describe('pages', () => {
    /** The code field's attributes, for phones and password managers. */
    async function expectCodeField(page: Page) {
      const field = page.locator('#veld-code');
      expect(await field.getAttribute('autocomplete')).toBe('one-time-code');
      expect(await field.getAttribute('inputmode')).toBe('numeric');
    }

    it('sets up the app by keyboard only, then signs in with a code', async () => {
      await newWerkmakelaar('toets@test.nl');
      const context = await newContext(browser, base);
      const page = await context.newPage();
      const problems: string[] = [];
      await page.goto('/inloggen');
      await typeInto(page, '#veld-email', 'toets@test.nl');
      await typeInto(page, '#veld-password', PASSWORD);
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(new URL(page.url()).pathname).toBe('/inlogcode/instellen');
      problems.push(...(await axeViolations(page, 'set-up')));
      await expectCodeField(page);
      const img = page.locator('img.werkbrug-qr');
      expect(await img.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(await img.getAttribute('alt')).toContain('QR-code');
      expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
      const shown = (await page.textContent('#sleutel')) ?? '';
      expect(shown).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
      rememberSecret('toets@test.nl', shown);
      // A pending sign-in opens no portal page.
      const other = await context.newPage();
      await other.goto('/werkmakelaar');
      expect(new URL(other.url()).pathname).toBe('/inloggen');
      await other.close();
      // A wrong code: the error summary links to the field.
      await typeInto(page, '#veld-code', '000000');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(await page.getAttribute('.werkbrug-error-summary a', 'href')).toBe('#veld-code');
      problems.push(...(await axeViolations(page, 'set-up with an error')));
      // The same secret after the error (the app keeps working).
      expect(await page.textContent('#sleutel')).toBe(shown);
      await typeInto(page, '#veld-code', await freshCode('toets@test.nl'));
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(await page.textContent('h1')).toContain('Bewaar uw herstelcodes');
      problems.push(...(await axeViolations(page, 'recovery codes')));
      const codes = await page.locator('.werkbrug-recovery-codes code').allTextContents();
      expect(codes).toHaveLength(10);
      await pressButton(page, 'form[action="/inlogcode/klaar"] button');
      expect(new URL(page.url()).pathname).toBe('/werkmakelaar');
      await context.close();

      // Next time: the code page, by keyboard too.
      const next = await (await newContext(browser, base)).newPage();
      await next.goto('/inloggen');
      await typeInto(next, '#veld-email', 'toets@test.nl');
      await typeInto(next, '#veld-password', PASSWORD);
      await Promise.all([next.waitForNavigation(), next.keyboard.press('Enter')]);
      expect(new URL(next.url()).pathname).toBe('/inlogcode');
      expect(await next.textContent('h1')).toContain('Vul de code uit uw authenticator-app in');
      await expectCodeField(next);
      problems.push(...(await axeViolations(next, 'code')));
      await tabTo(next, 'a[href^="/inlogcode/herstelcode"]');
      await Promise.all([next.waitForNavigation(), next.keyboard.press('Enter')]);
      problems.push(...(await axeViolations(next, 'recovery code')));
      await typeInto(next, '#veld-herstelcode', codes[0] as string);
      await Promise.all([next.waitForNavigation(), next.keyboard.press('Enter')]);
      expect(new URL(next.url()).pathname).toBe('/werkmakelaar');
      expect(await next.textContent('body')).toContain('U heeft er nog 9 over');
      await next.context().close();
      expect(problems).toEqual([]);
    });

    it('works with JavaScript off: the QR code is an image, the secret is text', async () => {
      await newWerkmakelaar('zonderjs@test.nl');
      const context = await newContext(browser, base, false);
      const page = await context.newPage();
      await page.goto('/inloggen');
      await page.fill('#veld-email', 'zonderjs@test.nl');
      await page.fill('#veld-password', PASSWORD);
      await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
      expect(new URL(page.url()).pathname).toBe('/inlogcode/instellen');
      expect(await page.locator('img.werkbrug-qr').count()).toBe(1);
      rememberSecret('zonderjs@test.nl', (await page.textContent('#sleutel')) ?? '');
      await page.fill('#veld-code', await freshCode('zonderjs@test.nl'));
      await Promise.all([page.waitForNavigation(), page.press('#veld-code', 'Enter')]);
      expect(await page.locator('.werkbrug-recovery-codes code').count()).toBe(10);
      await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
      expect(new URL(page.url()).pathname).toBe('/werkmakelaar');
      await context.close();
      // And the code page, still without JavaScript.
      const again = await (await newContext(browser, base, false)).newPage();
      await signInPage(again, 'zonderjs@test.nl', PASSWORD);
      expect(new URL(again.url()).pathname).toBe('/werkmakelaar');
      await again.context().close();
    });

    it('throttles wrong codes on the page as the API does', async () => {
      await insertUser(t.db, 'werkmakelaar', 'pagina-gok@test.nl', orgA);
      const agent = webAgent(t);
      const login = await postForm(agent, '/inloggen', '/inloggen', {
        email: 'pagina-gok@test.nl',
        password: PASSWORD,
      });
      expect(login.headers.location).toBe('/inlogcode');
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push(
          (await postForm(agent, '/inlogcode', '/inlogcode', { code: String(200000 + i) })).status,
        );
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    });

    it("an administrator's reset ends the user's sessions at once", async () => {
      const id = await insertUser(t.db, 'werkmakelaar', 'telefoon@test.nl', orgA);
      const wm = await (await newContext(browser, base)).newPage();
      await signInPage(wm, 'telefoon@test.nl', PASSWORD);
      expect(new URL(wm.url()).pathname).toBe('/werkmakelaar');
      const admin = await (await newContext(browser, base)).newPage();
      await signInPage(admin, 'admin@test.nl', PASSWORD);
      await admin.goto(`/beheer/organisaties/${orgA}`);
      const row = admin.locator(`#gebruiker-${id}`);
      await Promise.all([
        admin.waitForNavigation(),
        row.locator('button', { hasText: 'Authenticator-app opnieuw instellen' }).click(),
      ]);
      expect(await admin.textContent('h1')).toContain('opnieuw laten instellen');
      const problems = await axeViolations(admin, 'reset question');
      await Promise.all([
        admin.waitForNavigation(),
        admin.click('button >> text=Ja, laat opnieuw instellen'),
      ]);
      expect(await admin.textContent('body')).toContain('overal uitgelogd');
      await wm.goto('/werkmakelaar');
      expect(new URL(wm.url()).pathname).toBe('/inloggen');
      // Signing in again sets up a new app.
      await wm.fill('#veld-email', 'telefoon@test.nl');
      await wm.fill('#veld-password', PASSWORD);
      await Promise.all([wm.waitForNavigation(), wm.click('button[type=submit] >> text=Inloggen')]);
      expect(new URL(wm.url()).pathname).toBe('/inlogcode/instellen');
      expect(secretOf('telefoon@test.nl')).toBe(testTotpSecret('telefoon@test.nl'));
      expect(problems).toEqual([]);
      await wm.context().close();
      await admin.context().close();
    });

    it('the web sign-in helper passes the second factor (set-up included)', async () => {
      await newWerkmakelaar('helper@test.nl');
      const agent = webAgent(t);
      const res = await passSecondFactor(
        agent,
        'helper@test.nl',
        await postForm(agent, '/inloggen', '/inloggen', {
          email: 'helper@test.nl',
          password: PASSWORD,
        }),
      );
      expect(res.headers.location).toBe('/werkmakelaar');
      await agent.get('/werkmakelaar').expect(200);
    });
  });
});
