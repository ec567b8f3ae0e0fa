/// <reference lib="dom" />
import { LoginThrottle } from '@werkbrug/auth';
import {
  axeViolations,
  type Browser,
  launchChromium,
  newContext,
  type Page,
  signInPage,
} from './support/browser';
import { bearer, buildWorld, PASSWORD, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The administrator keeps the rules right, in Chromium: the start page lists the rules that run out,
 * a calculation for 1 March 2027 is provisional, the 2027 minimum wage is entered with a preview of
 * the sample scenarios (current and new side by side), an overlapping version is refused with a
 * message at its field, and after saving the same calculation is known. axe 0 on every page.
 */
jest.setTimeout(240_000);

describe('administration of rules in Chromium', () => {
  let t: TestApp;
  let w: World;
  let browser: Browser;
  let base: string;
  const violations: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    base = t.url;
    browser = await launchChromium();
    t.app.get(LoginThrottle).reset();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const path = (page: Page) => new URL(page.url()).pathname;
  /** The page's words with ordinary spaces (amounts come with a no-break space after the euro sign). */
  const text = async (page: Page, selector: string) =>
    ((await page.locator(selector).first().textContent()) ?? '').replace(/\u00a0/g, ' ');
  const check = async (page: Page, label: string) =>
    violations.push(...(await axeViolations(page, label)));
  const submit = (page: Page, selector: string) =>
    Promise.all([page.waitForNavigation(), page.click(selector)]);
  const minimumWageStatus = async (page: Page) => {
    await page.goto('/beheer/regels?datum=2027-03-01');
    const row = page.locator('#proefberekening-uitkomst tr', { hasText: 'Wettelijk minimumloon' });
    return (await row.textContent())?.replace(/\s+/g, ' ').trim() ?? '';
  };

  it('enters the 2027 minimum wage with a preview, and the 2027 calculation becomes known', async () => {
    const context = await newContext(browser, base);
    const page = await context.newPage();
    // A missing element fails fast, with its name, rather than at the test's time-out.
    page.setDefaultTimeout(20_000);
    await signInPage(page, 'admin@test.nl', PASSWORD);
    expect(path(page)).toBe('/beheer');
    // 2026-12-07 and later: the seeded horizon (31 December 2026) is within 45 days.
    expect(await page.locator('main').textContent()).toContain('Regels die aflopen');
    expect(await page.locator('main').textContent()).toContain('Wettelijk minimumloon');
    await check(page, 'start');

    const before = await minimumWageStatus(page);
    expect(before).toContain('Voorlopig');
    expect(before).toContain('De bedragen voor 2027 zijn nog niet ingevoerd');
    await check(page, 'regels met proefberekening');

    await page.goto('/beheer/regels');
    await check(page, 'regels');
    await submit(page, 'a[href="/beheer/regels/instrumenten/wml/nieuw"]');
    expect(path(page)).toBe('/beheer/regels/instrumenten/wml/nieuw');
    // The form starts after the horizon of the version now (1 January 2027, known to 30 June).
    expect(await page.inputValue('#veld-validFrom')).toBe('2027-01-01');
    expect(await page.inputValue('#veld-knownUntil')).toBe('2027-06-30');
    await check(page, 'formulier');

    // A bad figure: the error summary links to the field.
    await page.fill('#veld-param_perHour', 'vijftien');
    await submit(page, 'main form button[type=submit]');
    expect(await page.locator('.utrecht-form-field-error-message').textContent()).toContain(
      'bedrag',
    );
    expect(await page.locator('a[href="#veld-param_perHour"]').count()).toBe(1);
    await check(page, 'formulier met fout');

    await page.fill('#veld-param_perHour', '15,02');
    await page.fill(
      '#veld-sourceUrl',
      'https://www.rijksoverheid.nl/onderwerpen/minimumloon/bedragen-minimumloon/bedragen-minimumloon-2027',
    );
    await submit(page, 'main form button[type=submit]');
    // The preview: at least three sample scenarios, the current and the new figures side by side.
    const tables = page.locator('main table');
    expect(await tables.count()).toBeGreaterThanOrEqual(3);
    const first = await text(page, 'main table');
    expect(first).toContain('Wettelijk minimumloon');
    // Now: the 2026 figure carried on (provisional); with the new version: 15,02 × 24, known.
    expect(first).toMatch(/€ 353,04 per week Voorlopig\s+€ 360,48 per week Bekend/);
    expect(await page.locator('main').textContent()).toContain('31 december 2026');
    await check(page, 'voorbeeld');
    // Nothing is stored until saved.
    const wmlVersions = () =>
      t.db
        .query(
          `SELECT count(*)::int AS n FROM instrument_rule_versions WHERE instrument_code = 'wml'`,
        )
        .then((r: { n: number }[]) => r[0].n);
    expect(await wmlVersions()).toBe(3);

    await submit(page, 'main form[action$="/opslaan"] button.utrecht-button');
    expect(path(page)).toBe('/beheer/regels');
    expect(await wmlVersions()).toBe(4);
    expect(await page.locator('main').textContent()).toContain(
      'De nieuwe versie van Wettelijk minimumloon is opgeslagen',
    );
    await check(page, 'regels na opslaan');

    const after = await minimumWageStatus(page);
    expect(after).toContain('Bekend');
    expect(after).not.toContain('Voorlopig');
    expect(after.replace(/\u00a0/g, ' ')).toContain('€ 360,48 per week');

    // The API says the same: known for 2027-03-01 with the new figure, provisional after 30 June.
    const calc = (date: string) =>
      t
        .http()
        .post('/api/instruments/calculate')
        .set(bearer(w.wmA.token))
        .send({ date, hoursPerWeek: 24 });
    const march = (await calc('2027-03-01')).body.items.find(
      (i: { code: string }) => i.code === 'wml',
    );
    expect(march.figures).toEqual({ status: 'known', knownUntil: '2027-06-30', reason: null });
    const july = (await calc('2027-07-01')).body.items.find(
      (i: { code: string }) => i.code === 'wml',
    );
    expect(july.figures.status).toBe('provisional');

    // Another version that starts on the same day is refused, with the message at its field.
    await page.goto('/beheer/regels/instrumenten/wml/nieuw');
    await page.fill('#veld-validFrom', '2027-01-01');
    await submit(page, 'main form button[type=submit]');
    expect(await page.locator('#veld-validFrom-error').textContent()).toContain(
      'Er is al een versie',
    );
    expect(await page.locator('a[href="#veld-validFrom"]').count()).toBe(1);
    await check(page, 'overlap');

    // The minimum wage no longer runs out; the start page says which rules still do.
    await page.goto('/beheer');
    expect(await page.locator('main').textContent()).not.toContain('Wettelijk minimumloon');
    await check(page, 'start na opslaan');
    for (const form of [
      '/beheer/regels/plaatsingsvormen/detachering/nieuw',
      '/beheer/regels/plaatsingsvormen/stage/nieuw',
    ]) {
      await page.goto(form);
      await check(page, form);
    }
    await submit(page, 'main form button[type=submit]');
    expect(await text(page, 'h1')).toContain('Controleer');
    await check(page, 'plaatsingsvorm controle');
    await context.close();
    expect(violations).toEqual([]);
  });

  it('works without JavaScript: a new arrangement rule through check your answers', async () => {
    const context = await newContext(browser, base, false);
    const page = await context.newPage();
    // A missing element fails fast, with its name, rather than at the test's time-out.
    page.setDefaultTimeout(20_000);
    await signInPage(page, 'admin@test.nl', PASSWORD);
    // axe runs in the page's JavaScript: the first test checks these pages with it on.
    await page.goto('/beheer/regels/plaatsingsvormen/proefplaatsing/nieuw');
    await page.fill('#veld-maxTotalMonths', '1');
    await submit(page, 'main form button[type=submit]');
    expect(await page.locator('#veld-maxTotalMonths-error').textContent()).toContain(
      'minstens zo lang',
    );
    await page.fill('#veld-maxTotalMonths', '6');
    await submit(page, 'main form button[type=submit]');
    expect(await page.locator('h1').textContent()).toContain('Controleer');
    await submit(page, 'main form button.utrecht-button');
    expect(path(page)).toBe('/beheer/regels');
    expect(await page.locator('main').textContent()).toContain(
      'De nieuwe regel voor proefplaatsing is opgeslagen',
    );
    const rows = await t.db.query(
      `SELECT valid_from::text, valid_to::text, known_until::text FROM arrangement_rules
        WHERE arrangement = 'proefplaatsing' ORDER BY valid_from`,
    );
    expect(rows).toEqual([
      { valid_from: '2020-01-01', valid_to: '2026-12-31', known_until: '2026-12-31' },
      { valid_from: '2027-01-01', valid_to: null, known_until: '2027-12-31' },
    ]);
    await context.close();
    expect(violations).toEqual([]);
  });
});
