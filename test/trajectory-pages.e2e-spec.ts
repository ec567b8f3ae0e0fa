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
import { dutchDaysFromNow, dutchMonday } from './support/dates';

/** The Monday `weeksAgo` weeks before this week's Monday. */
const monday = dutchMonday;
const daysAgo = (n: number) => dutchDaysFromNow(-n);

/**
 * The trajectory and report pages in a real headless Chromium: a
 * werkmakelaar opens a candidate's trajectory, logs hours (up to the 800-hour limit), records a
 * switch from beschut werk to a werkervaringsplaats and back; an administrator opens the Ferm Werk
 * table and downloads it as CSV. axe-core (WCAG 2.1 A/AA) on every page in every state (axe needs
 * JavaScript to run); the forms are used once more with JavaScript switched off.
 */
describe('trajectory and report pages in Chromium', () => {
  let t: TestApp;
  let w: World;
  let browser: Browser;
  let base: string;
  const violations: string[] = [];
  const axe = async (page: Page, label: string) =>
    violations.push(...(await axeViolations(page, label)));
  /**
   * Submits the form whose action ends with `action` from the keyboard (focus its button, Enter):
   * it works the same with JavaScript off, where Playwright's scrolled mouse click proved flaky.
   */
  const submit = async (page: Page, action: string) => {
    await page.focus(`form[action$="${action}"] button[type=submit]`);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    await t
      .http()
      .post('/api/trajectory-rules')
      .set(bearer(w.adminToken))
      .send({
        organisationId: w.orgA,
        diagnosisHours: 100,
        blockHours: 350,
        maxHours: 800,
        warnWithinHours: 40,
        validFrom: '2020-01-01',
        source: 'Ferm Werk, Leer- en ontwikkelcentrum',
      })
      .expect(201);
    base = t.url;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(() => t.app.get(LoginThrottle).reset());

  it('lets a werkmakelaar open a trajectory, log hours and switch forms there and back', async () => {
    const context = await newContext(browser, base);
    const page = await context.newPage();
    await signInPage(page, 'wm.a@test.nl', PASSWORD);
    await page.goto('/werkmakelaar/trajecten');
    await axe(page, 'trajecten, leeg');
    await page.click('text=Traject openen');
    expect(new URL(page.url()).pathname).toBe('/werkmakelaar/trajecten/nieuw');
    await axe(page, 'traject openen');
    await submit(page, '/nieuw');
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.textContent('.utrecht-form-field-error-message')).toContain(
      'Kies de kandidaat',
    );
    await axe(page, 'traject openen met fouten');

    await page.selectOption('#veld-candidateId', w.candidateA.id);
    await page.selectOption('#veld-route', 'werk');
    await page.fill('#veld-startDate', monday(30));
    await page.selectOption('#veld-form', 'beschut_werk');
    await page.fill('#veld-jobcoachName', 'Anja Jobcoach');
    await page.fill('#veld-workplace', 'Atelier Ferm Werk');
    await submit(page, '/nieuw');
    const path = new URL(page.url()).pathname;
    expect(path).toMatch(/^\/werkmakelaar\/trajecten\/[0-9a-f-]{36}$/);
    const id = path.split('/').pop() as string;
    expect(await page.textContent('main')).toContain('Diagnose');
    expect(await page.textContent('main')).toMatch(
      /Het traject van Kandidaat K-[0-9]+ is geopend\./,
    );
    await axe(page, 'traject, nieuw');

    // Hours: one week through the page, then up to 760 h through the API.
    await page.fill('#veld-weekStart', monday(30));
    await page.fill('#veld-hours', '60');
    await submit(page, '/uren');
    expect(await page.textContent('main')).toContain('De uren zijn geboekt: 60 uur in de week van');
    for (let week = 29; week >= 21; week--)
      await t
        .http()
        .post(`/api/trajectories/${id}/hours`)
        .set(bearer(w.wmA.token))
        .send({ weekStart: monday(week), hours: week === 21 ? 60 : 80 })
        .expect(201);
    await page.reload();
    expect(await page.textContent('main')).toContain('Bijna op de grens');
    await axe(page, 'traject, bijna op de grens');
    // 50 more would pass 800 h: refused on the page, with the limit named, until a reason is given.
    await page.fill('#veld-weekStart', monday(20));
    await page.fill('#veld-hours', '50');
    await submit(page, '/uren');
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.textContent('.werkbrug-field--invalid')).toContain('grens van 800 uur');
    await axe(page, 'uren boven de grens');
    await page.fill('#veld-overrideReason', 'Afronding leerdoelen, besproken in het team');
    await submit(page, '/uren');
    expect(await page.textContent('main')).toContain('Grens bereikt');

    // Simpel Switchen: to a werkervaringsplaats, and back to beschut werk.
    await page.selectOption('#veld-toForm', 'werkervaringsplaats');
    await page.fill('#veld-switchedOn', daysAgo(60));
    await page.fill('#veld-reason', 'Klaar voor een gewone werkplek');
    await page.selectOption('#veld-decidedBy', 'samen');
    await page.fill('#veld-jobcoachName', 'Bram Werkplek');
    await submit(page, '/wissel');
    expect(await page.textContent('main')).toContain(
      'De wissel naar werkervaringsplaats is vastgelegd.',
    );
    expect(await page.textContent('main')).toContain('Eerdere vormen');
    await axe(page, 'traject na een wissel');
    await page.selectOption('#veld-toForm', 'beschut_werk');
    await page.fill('#veld-switchedOn', daysAgo(20));
    await page.fill('#veld-reason', 'Wil terug naar het atelier');
    await page.selectOption('#veld-decidedBy', 'kandidaat');
    await submit(page, '/wissel');
    const main = (await page.textContent('main')) as string;
    expect(main).toContain('Beschut werk (terug)');
    // The earlier jobcoach and workplace came back with the return.
    expect(await page.textContent('.werkbrug-summary-list')).toContain('Anja Jobcoach');
    expect(await page.textContent('.werkbrug-summary-list')).toContain('Atelier Ferm Werk');
    await axe(page, 'traject na terugkeer');
    // A switch to the form it is in now is not offered, and refused when sent anyway.
    expect(
      await page.$$eval('#veld-toForm option', (o) => o.map((x) => x.getAttribute('value'))),
    ).not.toContain('beschut_werk');

    const api = await t.http().get(`/api/trajectories/${id}`).set(bearer(w.wmA.token)).expect(200);
    expect(api.body).toMatchObject({ status: 'lopend', form: 'beschut_werk' });
    expect(api.body.transitions).toHaveLength(2);
    await context.close();
    expect(violations).toEqual([]);
  }, 240_000);

  it('shows the reports with a chart beside each table, and downloads the Ferm Werk table as CSV', async () => {
    violations.length = 0;
    const context = await newContext(browser, base);
    const page = await context.newPage();
    await signInPage(page, 'admin@test.nl', PASSWORD);
    await page.goto('/beheer/rapportages');
    await axe(page, 'beheer rapportages');
    const table = (await page.textContent('#ferm-werk + .werkbrug-report table')) as string;
    expect(table).toContain('Trajecten gestart');
    // One trajectory: an administrator's report leaves the organisation, so it shows as <5.
    expect(table).toContain('<5');
    expect(await page.$$('svg.werkbrug-chart[role=img]')).toHaveLength(4);
    const href = (await page.getAttribute(
      'a >> text=Download deze tabel (CSV) >> nth=0',
      'href',
    )) as string;
    const csv = await context.request.get(href);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('Trajecten gestart;<5');
    // A bad filter is a form error, not a crash.
    await page.goto('/beheer/rapportages?from=gisteren');
    expect(await page.title()).toMatch(/^Fout: /);
    await axe(page, 'beheer rapportages met fouten');
    await context.close();

    const broker = await newContext(browser, base);
    const own = await broker.newPage();
    await signInPage(own, 'wm.a@test.nl', PASSWORD);
    await own.goto('/werkmakelaar/rapportages?by=route');
    await axe(own, 'werkmakelaar rapportages per route');
    // The organisation's own report: no cells hidden.
    const rows = await own.$$eval('#ferm-werk + .werkbrug-report tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.children).map((c) => c.textContent?.trim())),
    );
    expect(rows[0]).toEqual(['Trajecten gestart', '1', '1']);
    expect(rows[1]).toEqual(['Lopende trajecten', '1', '1']);
    await broker.close();
    expect(violations).toEqual([]);
  }, 240_000);

  it('works without JavaScript: open a trajectory and log hours through the plain forms', async () => {
    const context = await newContext(browser, base, false);
    const page = await context.newPage();
    await signInPage(page, 'wm.a@test.nl', PASSWORD);
    await page.goto('/werkmakelaar/trajecten/nieuw');
    await page.selectOption('#veld-candidateId', w.candidateA.id);
    await page.selectOption('#veld-route', 'participatie');
    await page.fill('#veld-startDate', monday(4));
    await submit(page, '/nieuw');
    expect(new URL(page.url()).pathname).toMatch(/^\/werkmakelaar\/trajecten\/[0-9a-f-]{36}$/);
    await page.fill('#veld-weekStart', monday(4));
    await page.fill('#veld-hours', '12,5');
    await submit(page, '/uren');
    expect(await page.textContent('main')).toContain('De uren zijn geboekt: 12,5 uur');
    expect(await page.textContent('main')).toContain('12.5 uur');
    // The same week again: the error is shown at the field, nothing is stored twice.
    await page.fill('#veld-weekStart', monday(4));
    await page.fill('#veld-hours', '4');
    await submit(page, '/uren');
    expect(await page.textContent('.werkbrug-field--invalid')).toContain('al uren geboekt');
    await context.close();
  }, 240_000);

  it('keeps the plan van aanpak and closes a trajectory on its own page, with errors and a stale version', async () => {
    violations.length = 0;
    const context = await newContext(browser, base);
    const page = await context.newPage();
    await signInPage(page, 'wm.a@test.nl', PASSWORD);
    const list = await t.http().get('/api/trajectories').set(bearer(w.wmA.token)).expect(200);
    const running = list.body.items.find(
      (x: { route: string; status: string }) => x.route === 'werk' && x.status === 'lopend',
    );
    expect(running).toBeDefined();
    const id = running.id as string;
    await page.goto(`/werkmakelaar/trajecten/${id}`);

    // A learning goal: refused without a text, then added with an evaluation date.
    await submit(page, `${id}/leerdoelen`);
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.textContent('.werkbrug-field--invalid')).toContain('Schrijf het leerdoel op');
    await axe(page, 'leerdoel met fouten');
    await page.fill('#veld-description', 'Op tijd komen en afmelden bij ziekte');
    await page.fill('#veld-evaluationDate', daysAgo(-30));
    await submit(page, `${id}/leerdoelen`);
    expect(await page.textContent('main')).toContain(
      'Het leerdoel „Op tijd komen en afmelden bij ziekte” staat in het plan van aanpak.',
    );
    await axe(page, 'traject met een leerdoel');
    const goals = async () =>
      (await t.http().get(`/api/trajectories/${id}`).set(bearer(w.wmA.token)).expect(200)).body
        .goals as { id: string; status: string; description: string }[];
    const [goal] = await goals();
    expect(goal).toMatchObject({
      description: 'Op tijd komen en afmelden bij ziekte',
      status: 'open',
    });
    await page.selectOption(`#veld-status-${goal!.id}`, 'bezig');
    await submit(page, `leerdoelen/${goal!.id}`);
    expect(await page.textContent('main')).toContain(
      'De status van het leerdoel is opgeslagen: bezig.',
    );
    expect((await goals())[0]!.status).toBe('bezig');

    // Closing: its own page, a form error, a version someone else overtook, then the end.
    await page.click('a:has-text("Traject afsluiten")');
    expect(new URL(page.url()).pathname).toBe(`/werkmakelaar/trajecten/${id}/afsluiten`);
    await axe(page, 'traject afsluiten');
    await page.fill('#veld-endDate', '');
    await submit(page, '/afsluiten');
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.textContent('.werkbrug-error-summary, [role=alert]')).toContain(
      'Kies hoe het traject eindigde',
    );
    await axe(page, 'traject afsluiten met fouten');
    // Someone else changes the trajectory meanwhile (as any update does, its version moves on).
    const before = (await t.http().get(`/api/trajectories/${id}`).set(bearer(w.wmA.token))).body;
    await t.db.query(`UPDATE trajectories SET version = version + 1 WHERE id = $1`, [id]);
    await page.check('#veld-outcome-1');
    await page.fill('#veld-endDate', daysAgo(1));
    await submit(page, '/afsluiten');
    expect(await page.textContent('main')).toContain(
      'Iemand anders heeft dit traject net gewijzigd',
    );
    const still = await t.http().get(`/api/trajectories/${id}`).set(bearer(w.wmA.token));
    expect(still.body).toMatchObject({ status: 'lopend', version: before.version + 1 });
    // Sent again on purpose, against the trajectory as it is now.
    await page.check('#veld-outcome-1');
    await page.fill('#veld-endDate', daysAgo(1));
    await submit(page, '/afsluiten');
    expect(new URL(page.url()).pathname).toBe(`/werkmakelaar/trajecten/${id}`);
    expect(await page.textContent('main')).toContain('Het traject is afgesloten op');
    await axe(page, 'traject afgesloten');
    // Closed: no forms to change it, and the outcome counts.
    expect(await page.$$(`form[action$="/afsluiten"], form[action$="/leerdoelen"]`)).toHaveLength(
      0,
    );
    const ended = await t.http().get(`/api/trajectories/${id}`).set(bearer(w.wmA.token));
    expect(ended.body).toMatchObject({
      status: 'afgerond',
      outcome: 'studie',
      endDate: daysAgo(1),
    });
    await page.goto(`/werkmakelaar/trajecten/${id}/afsluiten`);
    expect(new URL(page.url()).pathname).toBe(`/werkmakelaar/trajecten/${id}`);
    await context.close();
    expect(violations).toEqual([]);
  }, 240_000);
});
