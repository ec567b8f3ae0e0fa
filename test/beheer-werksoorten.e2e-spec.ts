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
import { bearer, buildWorld, PASSWORD, vacancyBody, World } from './support/fixtures';
import { searchWorker } from './support/search-sync';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The administrator's werksoorten pages in Chromium (issue 21): add a werksoort with an ISCO code,
 * merge it into another after the confirmation, and find its workplace under the new one. axe-core
 * and the Dutch word check on every page and state; once more without JavaScript.
 */
jest.setTimeout(240_000);

describe('beheer: werksoorten in Chromium', () => {
  let t: TestApp;
  let w: World;
  let browser: Browser;
  let base: string;
  let drain: () => Promise<number>;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    ({ drain } = await searchWorker(t));
    base = t.url;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(() => t.app.get(LoginThrottle).reset());

  const path = (page: Page) => new URL(page.url()).pathname;
  const searchIds = async (query: string) => {
    const res = await t
      .http()
      .get(`/api/search/vacancies?${query}&limit=100`)
      .set(bearer(w.wmA.token))
      .expect(200);
    return (res.body.items as { id: string }[]).map((i) => i.id);
  };
  const workplaceIn = async (werksoort: string, title: string) => {
    const res = await t
      .http()
      .post('/api/vacancies')
      .set(bearer(w.wmA.token))
      .send(vacancyBody({ employerId: w.employer.id, werksoort, title }));
    if (res.status !== 201) throw new Error(`vacancy: ${res.status} ${res.text}`);
    return res.body.id as string;
  };

  it('adds a werksoort with an ISCO code and merges it into Groen; the workplace moves (axe 0)', async () => {
    const context = await newContext(browser, base);
    const page = await context.newPage();
    const violations: string[] = [];
    const check = async (label: string) => violations.push(...(await axeViolations(page, label)));
    const submit = (selector = 'main form button[type=submit]') =>
      Promise.all([page.waitForNavigation(), page.click(selector)]);

    await signInPage(page, 'admin@test.nl', PASSWORD);
    expect(path(page)).toBe('/beheer');
    await Promise.all([page.waitForNavigation(), page.click('nav a[href="/beheer/werksoorten"]')]);
    expect(path(page)).toBe('/beheer/werksoorten');
    const list = (await page.textContent('main')) ?? '';
    expect(list).toContain('9112'); // schoonmaak
    expect(list).toContain('1121 Schoonmakers');
    await check('lijst');

    await Promise.all([page.waitForNavigation(), page.click('text=Werksoort toevoegen')]);
    expect(path(page)).toBe('/beheer/werksoorten/nieuw');
    await check('nieuw');
    // Errors first: the summary links to each field.
    await page.fill('#veld-iscoCode', '61');
    await page.fill('#veld-brcCode', '0912');
    await submit();
    expect(await page.title()).toMatch(/^Fout: /);
    const links = await page.$$eval('.werkbrug-error-summary a', (as) =>
      as.map((a) => a.getAttribute('href')),
    );
    expect(links).toEqual(
      expect.arrayContaining(['#veld-name', '#veld-iscoCode', '#veld-brcName']),
    );
    await check('nieuw met fouten');
    await page.fill('#veld-name', 'Tuinieren');
    await page.fill('#veld-synonyms', 'moestuin\nvolkstuin');
    await page.fill('#veld-iscoCode', '6113');
    await page.fill('#veld-brcName', 'Hoveniers, tuinders en kwekers');
    await submit();
    expect(path(page)).toBe('/beheer/werksoorten');
    expect(await page.textContent('main')).toContain('Tuinieren is toegevoegd.');
    await check('lijst na toevoegen');

    const [tuinieren] = await t.db.query(
      `SELECT id, code, isco_code, brc_code, brc_name FROM werksoorten WHERE name = 'Tuinieren'`,
    );
    expect(tuinieren).toMatchObject({
      code: 'tuinieren',
      isco_code: '6113',
      brc_code: '0912',
      brc_name: 'Hoveniers, tuinders en kwekers',
    });
    const vacancy = await workplaceIn('tuinieren', 'Tuinhulp volkstuinvereniging');
    await drain();
    expect(await searchIds('werksoort=tuinieren')).toEqual([vacancy]);
    expect(await searchIds('isco=6113')).toEqual([vacancy]);

    await page.goto(`/beheer/werksoorten/${tuinieren.id}`);
    expect(await page.inputValue('#veld-iscoCode')).toBe('6113');
    await check('wijzigen');
    await Promise.all([
      page.waitForNavigation(),
      page.click('text=Samenvoegen met een andere werksoort'),
    ]);
    expect(path(page)).toBe(`/beheer/werksoorten/${tuinieren.id}/samenvoegen`);
    expect(await page.textContent('main')).toContain('1 werkplek en 0 kandidaten');
    await check('samenvoegen');
    await submit();
    expect(await page.title()).toMatch(/^Fout: /);
    await check('samenvoegen met fout');
    await page.selectOption('#veld-into', { label: 'Groen' });
    await submit();
    // Asked once more: what moves, and that it cannot be undone.
    const question = (await page.textContent('main')) ?? '';
    expect(question).toContain('Wilt u Tuinieren samenvoegen met Groen?');
    expect(question).toContain('1 werkplek en 0 kandidaten gaan naar Groen.');
    expect(question).toContain('U kunt dit niet ongedaan maken.');
    await check('bevestigen');
    expect(
      (await t.db.query(`SELECT active FROM werksoorten WHERE id = $1`, [tuinieren.id]))[0],
    ).toEqual({ active: true });
    await submit('text=Ja, voeg samen met Groen');
    expect(path(page)).toBe('/beheer/werksoorten');
    expect(await page.textContent('main')).toContain(
      'Tuinieren is samengevoegd met Groen. 1 werkplek en 0 kandidaten staan nu bij Groen.',
    );
    expect(await page.textContent('main')).toContain('Samengevoegd met Groen');
    await check('lijst na samenvoegen');

    await drain();
    expect(await searchIds('werksoort=groen')).toContain(vacancy);
    expect(await searchIds('werksoort=tuinieren')).toEqual([]);
    expect(await searchIds('q=tuinieren')).toContain(vacancy);
    await context.close();
    expect(violations).toEqual([]);
  });

  it('adds and merges without JavaScript', async () => {
    const FORCE = { force: true };
    const context = await newContext(browser, base, false);
    const page = await context.newPage();
    const submit = (selector = 'main form button[type=submit]') =>
      Promise.all([page.waitForNavigation(), page.click(selector, FORCE)]);
    await signInPage(page, 'admin@test.nl', PASSWORD);
    await page.goto('/beheer/werksoorten/nieuw');
    await page.fill('#veld-name', 'Verhuizen');
    await page.fill('#veld-iscoCode', '9333');
    await submit();
    expect(await page.textContent('main')).toContain('Verhuizen is toegevoegd.');
    const [verhuizen] = await t.db.query(`SELECT id FROM werksoorten WHERE code = 'verhuizen'`);
    const vacancy = await workplaceIn('verhuizen', 'Sjouwer verhuisbedrijf');
    await page.goto(`/beheer/werksoorten/${verhuizen.id}/samenvoegen`);
    await page.selectOption('#veld-into', { label: 'Logistiek' });
    await submit();
    expect(await page.textContent('main')).toContain(
      '1 werkplek en 0 kandidaten gaan naar Logistiek.',
    );
    await submit('text=Ja, voeg samen met Logistiek');
    expect(await page.textContent('main')).toContain('Verhuizen is samengevoegd met Logistiek.');
    const [row] = await t.db.query(
      `SELECT w.code FROM vacancies v JOIN werksoorten w ON w.id = v.werksoort_id WHERE v.id = $1`,
      [vacancy],
    );
    expect(row).toEqual({ code: 'logistiek' });
    await context.close();
  });
});
