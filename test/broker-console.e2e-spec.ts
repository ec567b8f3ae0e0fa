/// <reference lib="dom" />
import { LoginThrottle } from '@werkbrug/auth';
import {
  axeViolations,
  type Browser,
  launchChromium,
  newContext,
  type Page,
  selectByKeys,
  signInPage,
} from './support/browser';
import { bearer, buildWorld, PASSWORD, vacancyBody, World } from './support/fixtures';
import { searchWorker } from './support/search-sync';
import { startTestApp, TestApp } from './support/test-app';
import { type Agent, csrfOf, signIn } from './support/web-client';
import { workplaceForm } from './support/web-employer';
import { dutchDaysFromNow } from './support/dates';

const daysAgo = (n: number) => dutchDaysFromNow(-n);

/**
 * The werkmakelaar's console pages added on the candidate file: the participatieladder (history,
 * path, overdue flag, a new measurement), the instruments at a chosen workplace (purpose, audit),
 * and a workplace made on behalf of an employer the organisation brought in. Over HTTP for the rules, and in a real Chromium with
 * axe-core (WCAG 2.1 A/AA) in every state and with JavaScript switched off.
 */
describe('werkmakelaar console: ladder, instruments, workplace for an employer', () => {
  jest.setTimeout(240_000);
  let t: TestApp;
  let w: World;
  let broker: Agent;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    await (await searchWorker(t)).drain();
    broker = await signIn(t, 'wm.a@test.nl');
    base = t.url;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(() => t.app.get(LoginThrottle).reset());

  const csrf = async (path: string) => csrfOf((await broker.get(path).expect(200)).text);
  const file = (id: string) => `/werkmakelaar/kandidaten/${id}`;

  /** Submits the form whose action ends with `action` from the keyboard (works with JavaScript off too). */
  const submit = async (page: Page, action: string) => {
    await page.focus(`form[action$="${action}"] button[type=submit]:not([name=wijzig])`);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  };

  /**
   * Fills the required answers of the workplace form (the only location is chosen already) with
   * focus and keys: Playwright's selectOption and clicks leave a long page "unstable" in Chromium.
   */
  const fillWorkplace = async (page: Page, title: string) => {
    await page.fill('#veld-title', title);
    await selectByKeys(page, '#veld-werksoort', 'groen');
    await page.fill('#veld-hoursMin', '12');
    await page.fill('#veld-hoursMax', '24');
    for (const box of [
      '#veld-workingDays',
      '#veld-dayparts',
      '#veld-hoursAdjustable-1',
      '#veld-arrangements',
      ...['lifting', 'standing', 'pace', 'stimuli', 'outdoor'].map((a) => `#veld-${a}`),
    ]) {
      await page.focus(box);
      await page.keyboard.press('Space');
      if (!(await page.isChecked(box))) throw new Error(`${box} not checked`);
    }
  };

  describe('participatieladder in the candidate file', () => {
    it('shows an empty history as overdue, refuses a bad measurement, stores a good one', async () => {
      const empty = await broker.get(file(w.candidateA.id)).expect(200);
      expect(empty.text).toContain('Nog geen meting vastgelegd');
      for (let r = 1; r <= 6; r++) expect(empty.text).toContain(`value="${r}"`);
      expect(empty.text).toContain('Trede 5: betaald werk met ondersteuning');

      const token = await csrf(file(w.candidateA.id));
      const bad = await broker
        .post(`${file(w.candidateA.id)}/ladder`)
        .type('form')
        .send({ _csrf: token, rung: '7', measuredOn: daysAgo(-3), ladderNote: 'Te vroeg' })
        .expect(400);
      expect(bad.text).toMatch(/<title>Fout: /);
      expect(bad.text).toContain('href="#veld-rung"');
      expect(bad.text).toContain('href="#veld-measuredOn"');
      expect(bad.text).toContain('niet in de toekomst');
      // The answers come back.
      expect(bad.text).toContain('Te vroeg</textarea>');
      const none = await t.db.query(`SELECT 1 FROM ladder_measurements WHERE candidate_id = $1`, [
        w.candidateA.id,
      ]);
      expect(none).toHaveLength(0);

      for (const [rung, on, note] of [
        ['3', daysAgo(400), 'Eerste meting'],
        ['4', daysAgo(250), 'Werkt nu als vrijwilliger'],
      ] as const) {
        const ok = await broker
          .post(`${file(w.candidateA.id)}/ladder`)
          .type('form')
          .send({ _csrf: token, rung, measuredOn: on, ladderNote: note })
          .expect(303);
        expect(ok.headers.location).toBe(file(w.candidateA.id));
      }
      const shown = await broker.get(file(w.candidateA.id)).expect(200);
      expect(shown.text).toMatch(
        /De meting van Kandidaat K-[0-9]+ is opgeslagen: trede 4, onbetaald werk\./,
      );
      expect(shown.text).toContain('Omhoog: van trede 3 naar trede 4');
      expect(shown.text).toContain('Werkt nu als vrijwilliger');
      // The last measurement is more than six months old.
      expect(shown.text).toContain('Meet de ladder opnieuw');
      // The same service as the API: history, path and the audit trail.
      const api = await t
        .http()
        .get(`/api/candidates/${w.candidateA.id}/ladder`)
        .set(bearer(w.wmA.token))
        .expect(200);
      expect(api.body).toMatchObject({ currentRung: 4, overdue: true });
      expect(api.body.path).toEqual([{ from: 3, to: 4, on: daysAgo(250), direction: 'omhoog' }]);
      const audit = await t.db.query(
        `SELECT 1 FROM audit_log WHERE candidate_id = $1 AND action = 'ladder.measure'`,
        [w.candidateA.id],
      );
      expect(audit).toHaveLength(2);

      // Another organisation's candidate: 404, nothing stored.
      await broker
        .post(`${file(w.candidateB.id)}/ladder`)
        .type('form')
        .send({ _csrf: token, rung: '2', measuredOn: daysAgo(1) })
        .expect(404);
      const other = await t.db.query(`SELECT 1 FROM ladder_measurements WHERE candidate_id = $1`, [
        w.candidateB.id,
      ]);
      expect(other).toHaveLength(0);
    });
  });

  describe('instruments for a chosen workplace', () => {
    const PURPOSE = 'Instrumenten en subsidie bepalen';
    const page = (id: string, q = '') => `${file(id)}/instrumenten${q}`;
    const audits = async () =>
      (
        await t.db.query(
          `SELECT purpose, details FROM audit_log WHERE candidate_id = $1 AND action = 'candidate.instruments_read' ORDER BY created_at`,
          [w.candidateA.id],
        )
      ).map((r: { purpose: string }) => r.purpose);

    it('asks for a workplace and a purpose first; shows nothing protected and audits nothing before', async () => {
      const ask = await broker.get(page(w.candidateA.id)).expect(200);
      expect(ask.text).toContain('name="werkplek"');
      expect(ask.text).toContain(`value="${w.vacancy.id}"`);
      expect(ask.text).toContain(`value="${PURPOSE}"`);
      for (const secret of ['Participatiewet', '60%', 'Rugklachten', 'de Vries'])
        expect(ask.text).not.toContain(secret);
      // Coming from a match in the file: that workplace is chosen already.
      const preset = await broker.get(page(w.candidateA.id, `?werkplek=${w.vacancy.id}`));
      expect(preset.text).toMatch(new RegExp(`value="${w.vacancy.id}"[^>]* checked`));

      const empty = await broker.get(page(w.candidateA.id, '?bekijk=1')).expect(400);
      expect(empty.text).toMatch(/<title>Fout: /);
      expect(empty.text).toContain('href="#veld-werkplek"');
      expect(empty.text).toContain('href="#veld-doel"');
      const noPurpose = await broker
        .get(page(w.candidateA.id, `?bekijk=1&werkplek=${w.vacancy.id}&doel=nieuwsgierig`))
        .expect(400);
      expect(noPurpose.text).toContain('Kies waarom u de instrumenten bekijkt');
      expect(noPurpose.text).not.toContain('Participatiewet');
      expect(await audits()).toEqual([]);
    });

    it('shows per instrument whether it applies, amounts, where to apply, deadline and sources, marked indicative; audited', async () => {
      const res = await broker
        .get(
          page(
            w.candidateA.id,
            `?bekijk=1&werkplek=${w.vacancy.id}&doel=${encodeURIComponent(PURPOSE)}`,
          ),
        )
        .expect(200);
      const api = await t
        .http()
        .get(`/api/candidates/${w.candidateA.id}/instruments?vacancyId=${w.vacancy.id}`)
        .set(bearer(w.wmA.token))
        .set('X-Purpose', 'vergelijken')
        .expect(200);
      const items = (api.body.items as { code: string; name: string; status: string }[]).filter(
        (i) => i.code !== 'wml',
      );
      expect(items.length).toBeGreaterThan(2);
      for (const i of items) expect(res.text).toContain(`>${i.name}</h3>`);
      expect(items.some((i) => i.status === 'applies')).toBe(true);
      expect(res.text).toContain('Kan gelden');
      expect(res.text).toContain('Geldt niet');
      expect(res.text).toContain('Indicatief');
      expect(res.text).toContain('Alle bedragen zijn een indicatie');
      expect(res.text).toContain('Aanvragen bij');
      expect(res.text).toContain('Uiterlijk aanvragen');
      expect(res.text).toMatch(/per maand|per jaar|in totaal/);
      expect(res.text).toContain('Bron: <a class="utrecht-link" href="https://');
      // The facts behind the answer, for this werkmakelaar only: the protected file.
      expect(res.text).toContain('Bijstand (Participatiewet)');
      expect(res.text).toContain('60%');
      expect(res.text).toContain(`Reden, vastgelegd in het logboek: ${PURPOSE}.`);
      expect(await audits()).toEqual([PURPOSE, 'vergelijken']);
    });

    it("refuses a workplace out of reach and another organisation's candidate", async () => {
      const employer = await t
        .http()
        .post('/api/employers')
        .set(bearer(w.adminToken))
        .send({
          name: 'Bakkerij Ver Weg',
          kvkNumber: '55554444',
          region: 'Maastricht',
          locations: [{ postcode: '6211 AA', place: 'Maastricht', lat: 50.85, lng: 5.69 }],
        })
        .expect(201);
      const far = await t
        .http()
        .post('/api/vacancies')
        .set(bearer(w.adminToken))
        .send(
          vacancyBody({
            employerId: employer.body.id,
            title: 'Bakker in Maastricht',
            location: { postcode: '6211 AA', place: 'Maastricht', lat: 50.85, lng: 5.69 },
          }),
        )
        .expect(201);
      const before = (await audits()).length;
      const res = await broker
        .get(
          page(
            w.candidateA.id,
            `?bekijk=1&werkplek=${far.body.id}&doel=${encodeURIComponent(PURPOSE)}`,
          ),
        )
        .expect(400);
      expect(res.text).toContain('Kies een werkplek');
      expect(res.text).not.toContain('Bakker in Maastricht');
      await broker
        .get(
          page(
            w.candidateB.id,
            `?bekijk=1&werkplek=${w.vacancy.id}&doel=${encodeURIComponent(PURPOSE)}`,
          ),
        )
        .expect(404);
      expect((await audits()).length).toBe(before);
    });
  });

  describe('a workplace on behalf of an employer', () => {
    const NEW = '/werkmakelaar/werkplekken/nieuw';
    let locationId: string;
    beforeAll(async () => {
      const [loc] = await t.db.query(`SELECT id FROM employer_locations WHERE employer_id = $1`, [
        w.employer.id,
      ]);
      locationId = loc.id;
    });
    const count = async () =>
      Number((await t.db.query(`SELECT count(*)::int AS n FROM vacancies`))[0].n);

    it('offers only the employers the organisation brought in', async () => {
      const own = await broker.get(NEW).expect(200);
      expect(own.text).toContain('Hoveniersbedrijf Groen &amp; Zo');
      expect(own.text).toContain('Schoonmaakbedrijf Glans');
      // Organisation B sees these employers (same region) but may not change them.
      const other = await signIn(t, 'wm.b@test.nl');
      const none = await other.get(NEW).expect(200);
      expect(none.text).not.toContain('Groen &amp; Zo');
      expect(none.text).toContain('nog geen werkgever aangebracht');
      await other.get(`${NEW}/${w.employer.id}`).expect(403);
      const before = await count();
      const token = csrfOf((await other.get(NEW)).text);
      await other
        .post(`${NEW}/${w.employer.id}/publiceren`)
        .type('form')
        .send({ ...workplaceForm(locationId), _csrf: token })
        .expect(403);
      expect(await count()).toBe(before);

      const bad = await broker.get(`${NEW}?werkgever=niemand`).expect(400);
      expect(bad.text).toContain('href="#veld-werkgever"');
      const go = await broker.get(`${NEW}?werkgever=${w.employer.id}`).expect(303);
      expect(go.headers.location).toBe(`${NEW}/${w.employer.id}`);
    });

    it('uses the employer form: errors, check your answers, change, publish', async () => {
      const form = `${NEW}/${w.employer.id}`;
      const page = await broker.get(form).expect(200);
      expect(page.text).toContain('Nieuwe werkplek bij Hoveniersbedrijf Groen &amp; Zo');
      expect(page.text).toContain('bij de werkgever werken?');
      expect(page.text).not.toContain('bij u werken?');
      const token = csrfOf(page.text);
      const before = await count();
      const empty = await broker
        .post(form)
        .type('form')
        .send({ _csrf: token, places: '1' })
        .expect(400);
      for (const f of ['title', 'werksoort', 'hoursMin', 'workingDays', 'arrangements', 'lifting'])
        expect(empty.text).toContain(`href="#veld-${f}"`);

      const answers = { ...workplaceForm(locationId, { title: 'Kweker namens de werkgever' }) };
      const check = await broker
        .post(form)
        .type('form')
        .send({ ...answers, _csrf: token })
        .expect(200);
      expect(check.text).toContain('Controleer de werkplek');
      expect(check.text).toContain('Regelingen waar de werkgever open voor staat');
      expect(check.text).toContain('Ja: Kortere werkdagen, Later beginnen. Eerst drie ochtenden');
      expect(await count()).toBe(before);
      const change = await broker
        .post(form)
        .type('form')
        .send({ ...answers, wijzig: 'hoursMin', _csrf: token })
        .expect(200);
      expect(change.text).toMatch(/id="veld-hoursMin" name="hoursMin" autofocus/);
      expect(change.text).toContain('value="Kweker namens de werkgever"');

      const done = await broker
        .post(`${form}/publiceren`)
        .type('form')
        .send({ ...answers, _csrf: token })
        .expect(303);
      expect(done.headers.location).toBe('/werkmakelaar/werkplekken');
      const [{ id }] = await t.db.query(
        `SELECT id FROM vacancies WHERE title = 'Kweker namens de werkgever'`,
      );
      expect(id).toBeDefined();
      const [row] = await t.db.query(
        `SELECT employer_id, status, hours_min, hours_max FROM vacancies WHERE id = $1`,
        [id],
      );
      expect(row).toEqual({
        employer_id: w.employer.id,
        status: 'open',
        hours_min: 8,
        hours_max: 20,
      });
      const outbox = await t.db.query(
        `SELECT 1 FROM outbox_messages WHERE topic = 'search.vacancy' AND aggregate_id = $1`,
        [id],
      );
      expect(outbox).toHaveLength(1);
      const banner = await broker.get(String(done.headers.location)).expect(200);
      expect(banner.text).toContain(
        'De werkplek Kweker namens de werkgever bij Hoveniersbedrijf Groen &amp; Zo staat online',
      );
      // The employer sees it among their own workplaces.
      const theirs = await t
        .http()
        .get(`/api/vacancies/${id}`)
        .set(bearer(w.employer.token))
        .expect(200);
      expect(theirs.body.title).toBe('Kweker namens de werkgever');
    });
  });

  describe('in Chromium', () => {
    it('workplace for an employer: no axe violations in every step; publishes without JavaScript', async () => {
      const violations: string[] = [];
      const axe = async (page: Page, label: string) =>
        violations.push(...(await axeViolations(page, label)));
      const context = await newContext(browser, base);
      const page = await context.newPage();
      await signInPage(page, 'wm.a@test.nl', PASSWORD);
      await page.goto('/werkmakelaar/werkplekken');
      await Promise.all([
        page.waitForNavigation(),
        page.click('a:has-text("Werkplek aanmaken voor een werkgever")'),
      ]);
      await axe(page, 'werkgever kiezen');
      await submit(page, '/werkplekken/nieuw');
      expect(await page.title()).toMatch(/^Fout: /);
      await axe(page, 'werkgever kiezen: fout');
      await page.check(`input[name=werkgever][value="${w.employer.id}"]`);
      await submit(page, '/werkplekken/nieuw');
      expect(new URL(page.url()).pathname).toBe(`/werkmakelaar/werkplekken/nieuw/${w.employer.id}`);
      await axe(page, 'werkplek: leeg formulier');
      await submit(page, `/nieuw/${w.employer.id}`);
      expect(await page.title()).toMatch(/^Fout: /);
      await axe(page, 'werkplek: fouten');
      await fillWorkplace(page, 'Groenwerker via de console');
      await submit(page, `/nieuw/${w.employer.id}`);
      expect(await page.textContent('h1')).toContain('Controleer de werkplek');
      await axe(page, 'werkplek: controleren');
      await submit(page, '/publiceren');
      expect(await page.textContent('main')).toContain('staat online');
      await axe(page, 'werkplek: gepubliceerd');
      await context.close();

      const plain = await newContext(browser, base, false);
      const nojs = await plain.newPage();
      await signInPage(nojs, 'wm.a@test.nl', PASSWORD);
      await nojs.goto('/werkmakelaar/werkplekken/nieuw');
      await nojs.check(`input[name=werkgever][value="${w.employer.id}"]`);
      await submit(nojs, '/werkplekken/nieuw');
      await fillWorkplace(nojs, 'Groenwerker zonder JavaScript');
      await submit(nojs, `/nieuw/${w.employer.id}`);
      await submit(nojs, '/publiceren');
      expect(await nojs.textContent('main')).toContain(
        'De werkplek Groenwerker zonder JavaScript bij Hoveniersbedrijf Groen & Zo staat online',
      );
      await plain.close();
      expect(violations).toEqual([]);
    });
    it('instruments: no axe violations asking, with errors and with the answer; works without JavaScript', async () => {
      const violations: string[] = [];
      const context = await newContext(browser, base);
      const page = await context.newPage();
      await signInPage(page, 'wm.a@test.nl', PASSWORD);
      await page.goto(file(w.candidateA.id));
      await Promise.all([
        page.waitForNavigation(),
        page.click('a:has-text("Instrumenten bij een werkplek bekijken")'),
      ]);
      violations.push(...(await axeViolations(page, 'instrumenten: kiezen')));
      await submit(page, '/instrumenten');
      expect(await page.title()).toMatch(/^Fout: /);
      violations.push(...(await axeViolations(page, 'instrumenten: fouten')));
      await page.check(`input[name=werkplek][value="${w.vacancy.id}"]`);
      await page.check('input[name=doel][value="Instrumenten en subsidie bepalen"]');
      await submit(page, '/instrumenten');
      expect(await page.textContent('main')).toContain('Per regeling');
      violations.push(...(await axeViolations(page, 'instrumenten: uitkomst')));
      await context.close();

      const plain = await newContext(browser, base, false);
      const nojs = await plain.newPage();
      await signInPage(nojs, 'wm.a@test.nl', PASSWORD);
      await nojs.goto(`${file(w.candidateA.id)}/instrumenten`);
      await nojs.check(`input[name=werkplek][value="${w.vacancy.id}"]`);
      await nojs.check('input[name=doel][value="Plaatsing of voorstel voorbereiden"]');
      await submit(nojs, '/instrumenten');
      expect(await nojs.textContent('main')).toContain('Gebruikte gegevens');
      await plain.close();
      expect(violations).toEqual([]);
    });
    it('ladder: no axe violations empty, with errors and filled; works without JavaScript', async () => {
      const violations: string[] = [];
      const context = await newContext(browser, base);
      const page = await context.newPage();
      await signInPage(page, 'wm.b@test.nl', PASSWORD);
      const target = file(w.candidateB.id);
      await page.goto(target);
      violations.push(...(await axeViolations(page, 'ladder leeg')));
      await page.fill('#veld-measuredOn', '');
      await submit(page, '/ladder');
      expect(await page.title()).toMatch(/^Fout: /);
      // The summary links to the radios and the date.
      const links = await page.$$eval('.werkbrug-error-summary a', (as) =>
        as.map((a) => a.getAttribute('href')),
      );
      expect(links).toEqual(['#veld-rung', '#veld-measuredOn']);
      violations.push(...(await axeViolations(page, 'ladder met fouten')));
      await page.check('#veld-rung-1');
      await page.fill('#veld-measuredOn', daysAgo(30));
      await page.fill('#veld-ladderNote', 'Gaat naar de dagbesteding');
      await submit(page, '/ladder');
      expect(await page.textContent('main')).toContain('is opgeslagen');
      expect(await page.textContent('#ladder ~ .werkbrug-table-wrap')).toContain(
        'Trede 2: sociale contacten buiten de deur',
      );
      violations.push(...(await axeViolations(page, 'ladder gevuld')));
      await context.close();

      const plain = await newContext(browser, base, false);
      const nojs = await plain.newPage();
      await signInPage(nojs, 'wm.b@test.nl', PASSWORD);
      await nojs.goto(target);
      await nojs.check('#veld-rung-2');
      await nojs.fill('#veld-measuredOn', daysAgo(2));
      await submit(nojs, '/ladder');
      expect(await nojs.textContent('main')).toContain('Omhoog: van trede 2 naar trede 3');
      await plain.close();
      expect(violations).toEqual([]);
    });
  });
});
