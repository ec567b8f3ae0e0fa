/// <reference lib="dom" />
import { LoginThrottle } from '@werkbrug/auth';
import {
  axeViolations,
  type Browser,
  launchChromium,
  newContext,
  passSecondFactorPage,
  signInPage,
  typeInto,
} from './support/browser';
import { buildWorld, PASSWORD, tokenResponseFor } from './support/fixtures';
import { freshCode } from './support/second-factor';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The shared pages in a real headless Chromium: axe-core (WCAG 2.1 A/AA) on every page in every
 * state, keyboard-only sign-in, and the same flow with JavaScript switched off.
 */
// A real browser on a shared 2-core machine: generous time per test.
jest.setTimeout(240_000);

describe('web pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp();
    await buildWorld(t);
    base = t.url;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(() => t.app.get(LoginThrottle).reset());

  it('has no axe violations on the shared pages, empty, with errors and filled', async () => {
    const context = await newContext(browser, base);
    const page = await context.newPage();
    const violations: string[] = [];
    for (const path of [
      '/',
      '/inloggen',
      '/wachtwoord-vergeten',
      '/voorwaarden',
      '/werkgever/bestaat-niet',
    ]) {
      await page.goto(path);
      violations.push(...(await axeViolations(page, path)));
    }
    await page.goto('/wachtwoord-instellen/' + 'x'.repeat(43));
    violations.push(...(await axeViolations(page, 'link verlopen')));
    // Error pages outside the areas, and the pages of the mailed one-time links.
    await page.goto('/bestaat-niet');
    violations.push(...(await axeViolations(page, '404 buiten de portalen')));
    await page.goto(`/inloggen/al_${'x'.repeat(43)}`);
    violations.push(...(await axeViolations(page, 'inloglink verlopen (410)')));
    await t.http().post('/api/auth/sign-in-link').send({ email: 'wm.a@test.nl' }).expect(202);
    const [mailed] = await t.db.query(
      `SELECT payload->'data'->>'link' AS link FROM outbox_messages
        WHERE payload->>'template' = 'sign_in_link' ORDER BY created_at DESC LIMIT 1`,
    );
    const signInLink = new URL(mailed.link as string).pathname;
    await page.goto(signInLink);
    violations.push(...(await axeViolations(page, 'inloglink')));
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit] >> nth=-1')]);
    // The link stands in for the password; a werkmakelaar's code follows.
    expect(new URL(page.url()).pathname).toBe('/inlogcode');
    violations.push(...(await axeViolations(page, 'inlogcode')));
    await passSecondFactorPage(page, 'wm.a@test.nl');
    expect(new URL(page.url()).pathname).toBe('/werkmakelaar');
    await page.context().clearCookies();
    const me = await tokenResponseFor(t, 'wm.b@test.nl');
    const [wmB] = await t.db.query(`SELECT id FROM users WHERE email = 'wm.b@test.nl'`);
    await t
      .http()
      .patch(`/api/users/${wmB.id as string}`)
      .set('Authorization', `Bearer ${me.body.accessToken as string}`)
      .send({ email: 'wm.b.nieuw@test.nl', currentPassword: PASSWORD, version: 1 })
      .expect(200);
    const [change] = await t.db.query(
      `SELECT payload->'data'->>'link' AS link FROM outbox_messages
        WHERE payload->>'template' = 'email_change' ORDER BY created_at DESC LIMIT 1`,
    );
    await page.goto(new URL(change.link as string).pathname);
    violations.push(...(await axeViolations(page, 'e-mailadres bevestigen')));
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit] >> nth=-1')]);
    expect(await page.textContent('h1')).toBe('Uw e-mailadres is veranderd');
    violations.push(...(await axeViolations(page, 'e-mailadres bevestigd')));
    // Errors: empty login.
    await page.goto('/inloggen');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(await page.title()).toMatch(/^Fout: /);
    violations.push(...(await axeViolations(page, 'inloggen met fouten')));
    await page.goto('/wachtwoord-vergeten');
    await page.fill('#veld-email', 'geen-adres');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit] >> nth=-1')]);
    violations.push(...(await axeViolations(page, 'wachtwoord vergeten met fouten')));
    await page.fill('#veld-email', 'iemand@test.nl');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit] >> nth=-1')]);
    violations.push(...(await axeViolations(page, 'wachtwoord vergeten verstuurd')));
    // Signed in: the employer's first visit asks for the terms; then the start page.
    await signInPage(page, 'werkgever@groenenzo.nl', PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/voorwaarden');
    violations.push(...(await axeViolations(page, 'voorwaarden accepteren')));
    await Promise.all([page.waitForNavigation(), page.click('text=Verder naar Werkbrug')]);
    violations.push(...(await axeViolations(page, 'voorwaarden met fouten')));
    await page.check('#veld-akkoord');
    await Promise.all([page.waitForNavigation(), page.click('text=Verder naar Werkbrug')]);
    expect(new URL(page.url()).pathname).toBe('/werkgever');
    violations.push(...(await axeViolations(page, 'werkgever start')));
    await context.close();
    expect(violations).toEqual([]);
  });

  it('moves focus to the error summary, whose links lead to the fields', async () => {
    const context = await newContext(browser, base);
    const page = await context.newPage();
    await page.goto('/inloggen');
    await page.fill('#veld-email', 'werkgever@groenenzo.nl');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute('data-error-summary')),
    ).not.toBeNull();
    // The entered value is kept.
    expect(await page.inputValue('#veld-email')).toBe('werkgever@groenenzo.nl');
    await page.click('.werkbrug-error-summary a');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('veld-password');
    await context.close();
  });

  it('signs in and out with the keyboard alone, with a visible focus', async () => {
    const context = await newContext(browser, base);
    const page = await context.newPage();
    await page.goto('/inloggen');
    await page.keyboard.press('Tab');
    // The skip link comes first and becomes visible.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    const box = await page.locator('.utrecht-skip-link').boundingBox();
    expect(box && box.width > 10 && box.height > 10).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#inhoud');
    // From the main content: e-mail, password, then the button.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('veld-email');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.keyboard.type('wm.a@test.nl');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('veld-email');
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    // The code of the app, by keyboard: the field, then Enter.
    expect(new URL(page.url()).pathname).toBe('/inlogcode');
    await typeInto(page, '#veld-code', await freshCode('wm.a@test.nl'));
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/werkmakelaar');
    // Sign out: Tab to the button in the header and press Space.
    await page.focus('.werkbrug-header__logout');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Space')]);
    expect(await page.textContent('body')).toContain('U bent uitgelogd');
    await context.close();
  });

  it('works with JavaScript switched off', async () => {
    const context = await newContext(browser, base, false);
    const page = await context.newPage();
    await page.goto('/inloggen');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(await page.title()).toMatch(/^Fout: /);
    // autofocus puts focus on the summary without any script.
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute('data-error-summary')),
    ).not.toBeNull();
    await signInPage(page, 'wm.a@test.nl', PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/werkmakelaar');
    await context.close();
  });
});
