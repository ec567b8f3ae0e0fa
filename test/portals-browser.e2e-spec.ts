/// <reference lib="dom" />
import { DataSource } from 'typeorm';
import { AlertsService } from '@werkbrug/alerts';
import { LoginThrottle } from '@werkbrug/auth';
import { SearchIndexer, SearchOutboxHandlers } from '@werkbrug/matching';
import { OutboxProcessor } from '@werkbrug/outbox';
import {
  axeViolations,
  type Browser,
  launchChromium,
  newContext,
  type Page,
  signInPage,
} from './support/browser';
import { bearer, buildWorld, PASSWORD, vacancyBody, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/**
 * The candidate's pages (phone-sized) and the werkmakelaar's console in a real headless Chromium:
 * axe-core (WCAG 2.1 A/AA) on every page in every state, the main flows with the keyboard alone,
 * and the same flows with JavaScript switched off.
 */
describe('portal pages in Chromium', () => {
  // Chromium on two shared cores: a page with axe takes a few seconds.
  jest.setTimeout(240_000);
  let t: TestApp;
  let w: World;
  let browser: Browser;
  let base: string;
  let drain: () => Promise<number>;
  const vacancies: Record<string, string> = {};

  const api = (token: string) => ({
    post: (path: string, body: object) => t.http().post(path).set(bearer(token)).send(body),
  });

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://werkbrug.example' });
    w = await buildWorld(t);
    await t.app.get(SearchIndexer).ensureSettings();
    const processor = new OutboxProcessor(
      t.app.get(DataSource),
      // Search only: without SMTP the mail handler would write files the /dev/mail page then lists.
      t.app.get(SearchOutboxHandlers).all(),
      { baseDelayMs: 50, maxDelayMs: 200 },
    );
    drain = () => processor.drain();
    // One workplace per flow, all fitting candidate A (rung 4 takes a werkervaringsplaats).
    for (const [key, title] of [
      ['axe', 'Hovenier in het park'],
      ['keyboard', 'Tuinman bij de kwekerij'],
      ['nojs', 'Groenwerker op het sportpark'],
    ]) {
      const res = await api(w.wmA.token)
        .post(
          '/api/vacancies',
          vacancyBody({ employerId: w.employer.id, title, arrangements: ['werkervaringsplaats'] }),
        )
        .expect(201);
      vacancies[key] = res.body.id;
    }
    await drain();
    base = t.url;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(() => t.app.get(LoginThrottle).reset());

  async function signedIn(email: string, viewport: { width: number; height: number }, js = true) {
    const context = await newContext(browser, base, js);
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await signInPage(page, email, PASSWORD);
    return page;
  }

  const submit = (page: Page, selector: string) =>
    // force: with JavaScript off Chromium reports no animation frames, so the stability check never ends.
    Promise.all([
      page.waitForNavigation({ timeout: 10_000 }),
      page.click(selector, { force: true }),
    ]).catch((error: Error) => {
      throw new Error(`${selector} on ${page.url()}: ${error.message}`);
    });

  /** The employer invites to a kennismaking (through the API): from there the werkmakelaar may place. */
  const employerInvites = (proposalId: string) =>
    api(w.employer.token)
      .post(`/api/proposals/${proposalId}/answer`, {
        answer: 'interested',
        meetingKind: 'kennismaking',
        meetingDates: ['2030-12-03T10:00:00+01:00'],
      })
      .expect(200);

  /** Presses Tab until the focused element's text (or value) contains `text`; fails after `max` presses. */
  async function tabTo(page: Page, text: string | RegExp, max = 300) {
    const seen: string[] = [];
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        // textContent: includes the visually hidden part of a label ("Stop met delen: <werkplek>").
        return el ? `${el.textContent ?? ''} ${(el as HTMLInputElement).value ?? ''}` : '';
      });
      if (typeof text === 'string' ? focused.includes(text) : text.test(focused)) return;
      seen.push(focused.replace(/\s+/g, ' ').trim().slice(0, 60));
    }
    throw new Error(
      `"${text}" not reached with Tab on ${page.url()}; saw ${[...new Set(seen)].join(' | ')}`,
    );
  }

  async function tabToId(page: Page, id: string, max = 80) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    }
    throw new Error(`#${id} not reached with Tab`);
  }

  const enter = (page: Page) =>
    Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

  async function propose(vacancyId: string, motivation: string) {
    const res = await api(w.wmA.token)
      .post('/api/proposals', { candidateId: w.candidateA.id, vacancyId, motivation })
      .expect(201);
    return res.body.id as string;
  }

  it('candidate pages: no axe violations on a phone, in every state', async () => {
    const page = await signedIn('sanne@test.nl', PHONE);
    const violations: string[] = [];
    const check = async (label: string) => violations.push(...(await axeViolations(page, label)));
    await page.goto('/kandidaat');
    expect(await page.textContent('main')).toContain('Hovenier in het park');
    await check('werkplekken');
    await page.goto('/kandidaat?werksoort=schoonmaak');
    await check('werkplekken, gefilterd');
    await page.goto(`/kandidaat/werkplekken/${vacancies.axe}`);
    await check('werkplek');
    await submit(page, 'button:has-text("Ik heb interesse")');
    expect(await page.textContent('main')).toContain('Je hebt gezegd dat je interesse hebt.');
    await check('werkplek na interesse');
    await page.goto(`/kandidaat/werkplekken/${w.vacancy.id}`);
    await check('werkplek die bijna past');
    await page.goto('/kandidaat/interesse');
    await check('interesse');
    // Taking interest back asks first (a confirmation page; not confirmed here).
    await submit(page, 'button:has-text("Trek terug")');
    expect(await page.textContent('h1')).toContain('terugtrekken?');
    await check('interesse terugtrekken: vraag');
    await page.goto('/kandidaat/toestemming');
    await check('toestemming, leeg');
    const proposalId = await propose(vacancies.axe as string, 'De kandidaat werkt graag buiten.');
    await page.goto('/kandidaat');
    expect(await page.textContent('main')).toContain('Er wacht een vraag op jouw antwoord.');
    await check('werkplekken met een vraag');
    await page.goto('/kandidaat/toestemming');
    await check('toestemming, wacht');
    await page.goto(`/kandidaat/toestemming/${proposalId}`);
    await check('toestemmingsvraag');
    await submit(page, 'button:has-text("Ja, deel mijn profiel")');
    await check('toestemming, gedeeld');
    await page.goto(`/kandidaat/toestemming/${proposalId}`);
    await check('toestemming, lopend');
    await page.goto('/kandidaat/wensen');
    await check('wensen');
    await page.fill('#veld-hoursMin', '30');
    await page.fill('#veld-hoursMax', '5');
    await submit(page, 'button:has-text("Wensen opslaan")');
    expect(await page.title()).toMatch(/^Fout: /);
    await check('wensen met fouten');
    await page.fill('#veld-hoursMin', '12');
    await page.fill('#veld-hoursMax', '24');
    await submit(page, 'button:has-text("Wensen opslaan")');
    await check('wensen opgeslagen');
    await page.goto('/kandidaat/berichten');
    await check('berichten');
    await page.check('#veld-active');
    await submit(page, 'button:has-text("Opslaan")');
    await check('berichten opgeslagen');
    await page.goto('/kandidaat/gegevens');
    await check('gegevens');
    await page.goto('/kandidaat/gegevens/verwijderen');
    await check('verwijderen');
    await submit(page, 'button:has-text("Verwijder mijn gegevens")');
    expect(await page.title()).toMatch(/^Fout: /);
    await check('verwijderen met fout');
    // The unsubscribe link, without logging in.
    const [sub] = await t.db.query(
      `SELECT id, link_nonce FROM match_alert_subscriptions WHERE candidate_id = $1`,
      [w.candidateA.id],
    );
    const link = new URL(t.app.get(AlertsService).unsubscribeLink(sub.id, sub.link_nonce));
    const anonymous = await (await newContext(browser, base)).newPage();
    await anonymous.setViewportSize(PHONE);
    await anonymous.goto(link.pathname);
    violations.push(...(await axeViolations(anonymous, 'stoppen')));
    await submit(anonymous, 'button:has-text("Stop de berichten")');
    expect(await anonymous.textContent('main')).toContain('Je krijgt geen e-mail meer');
    violations.push(...(await axeViolations(anonymous, 'gestopt')));
    await anonymous.goto(`${link.pathname.slice(0, -4)}AAAA`);
    expect(await anonymous.textContent('main')).toContain('niet meer geldig');
    violations.push(...(await axeViolations(anonymous, 'link werkt niet')));
    expect(violations).toEqual([]);
  });

  it('werkmakelaar console: no axe violations, in every state', async () => {
    const page = await signedIn('wm.a@test.nl', DESKTOP);
    const violations: string[] = [];
    const check = async (label: string) => violations.push(...(await axeViolations(page, label)));
    await page.goto('/werkmakelaar');
    expect(await page.textContent('main')).toContain('Sanne de Vries');
    await check('caseload');
    await page.goto('/werkmakelaar?zoek=niemand');
    await check('caseload leeg');
    const file = `/werkmakelaar/kandidaten/${w.candidateA.id}`;
    await page.goto(file);
    await check('dossier');
    await page.goto(`${file}/dossier`);
    await check('beschermd: reden kiezen');
    await page.goto(`${file}/dossier?doel=x`);
    await check('beschermd: fout');
    await page.goto(`${file}/dossier?doel=${encodeURIComponent('Dossier bijwerken')}`);
    await check('beschermd: open');
    await page.goto(`${file}/voorstellen/${vacancies.keyboard}`);
    await check('voorstellen');
    // The form comes with a first text from the match reasons: emptied, it says what is missing.
    await page.fill('#veld-motivation', '');
    await submit(page, 'button:has-text("Voorstel versturen")');
    await check('voorstellen met fout');
    await page.goto('/werkmakelaar/voorstellen');
    await check('pijplijn');
    const [open] = await t.db.query(
      `SELECT id FROM proposals WHERE candidate_id = $1 AND status = 'wacht_op_werkgever' LIMIT 1`,
      [w.candidateA.id],
    );
    await page.goto(`/werkmakelaar/voorstellen/${open.id}/plaatsen`);
    await check('plaatsen');
    await page.fill('#veld-startDate', '');
    await submit(page, 'button:has-text("Plaatsing starten")');
    await check('plaatsen met fouten');
    await page.goto('/werkmakelaar/plaatsingen');
    await check('plaatsingen');
    const placement = await api(w.wmA.token)
      .post('/api/placements', {
        candidateId: w.candidateA.id,
        vacancyId: w.vacancy.id,
        arrangement: 'proefplaatsing',
        startDate: '2026-12-01',
        hoursPerWeek: 16,
        candidateConsent: true,
      })
      .expect(201);
    await page.goto(`/werkmakelaar/plaatsingen/${placement.body.id}`);
    await check('plaatsing: te bevestigen');
    // Extending is for a placement the employer confirmed (here by phone, as recorded).
    await api(w.wmA.token)
      .post(`/api/placements/${placement.body.id}/record-phone-agreement`, {
        agreedOn: '2026-11-20',
        note: 'Gebeld',
        version: placement.body.version,
      })
      .expect(200);
    await page.goto(`/werkmakelaar/plaatsingen/${placement.body.id}`);
    await check('plaatsing');
    await page.fill('#veld-plannedEndDate', '2029-01-01');
    await submit(page, 'button:has-text("Verlengen")');
    await check('plaatsing met fout');
    // Ending asks first: the confirmation page (not confirmed here).
    await page.goto(`/werkmakelaar/plaatsingen/${placement.body.id}`);
    await page.selectOption('#veld-outcome', 'studie');
    await page.fill('#veld-endedOn', '2027-01-15');
    await submit(page, 'button:has-text("Plaatsing beëindigen")');
    expect(await page.textContent('h1')).toContain('beëindigen?');
    await check('plaatsing beëindigen: vraag');
    await page.goto('/werkmakelaar/werkplekken?zoek=park');
    await check('werkplekken');
    expect(violations).toEqual([]);
  });

  it('candidate, keyboard only: says "ik heb interesse", gives consent and stops sharing', async () => {
    const page = await signedIn('sanne@test.nl', PHONE);
    await page.goto('/kandidaat');
    await tabTo(page, 'Tuinman bij de kwekerij');
    await enter(page);
    await tabTo(page, 'Ik heb interesse');
    await enter(page);
    expect(await page.textContent('main')).toContain('Je hebt gezegd dat je interesse hebt.');
    await propose(vacancies.keyboard as string, 'Met het toetsenbord voorgesteld.');
    await page.goto('/kandidaat');
    await tabTo(page, 'Bekijk de vraag van je werkmakelaar');
    await enter(page);
    await tabTo(page, 'Tuinman bij de kwekerij');
    await enter(page);
    await tabTo(page, 'Ja, deel mijn profiel');
    await enter(page);
    expect(await page.textContent('main')).toContain('Stop met delen');
    await tabTo(page, 'Stop met delen: Tuinman bij de kwekerij');
    await enter(page);
    // Asked first, then the banner says it happened.
    await tabTo(page, 'Ja, stop met delen');
    await enter(page);
    expect(await page.textContent('[role=status]')).toContain('Je deelt je profiel niet meer met');
    const [row] = await t.db.query(
      `SELECT c.withdrawn_at FROM consents c JOIN proposals p ON p.id = c.proposal_id WHERE p.vacancy_id = $1`,
      [vacancies.keyboard],
    );
    expect(row.withdrawn_at).not.toBeNull();
  });

  it('werkmakelaar, keyboard only: finds who needs attention, proposes, places and logs contact', async () => {
    const page = await signedIn('wm.a@test.nl', DESKTOP);
    await page.goto('/werkmakelaar');
    await tabTo(page, 'Sanne de Vries');
    await enter(page);
    await tabTo(page, 'Voorstellen bij Groenwerker op het sportpark');
    await enter(page);
    await tabToId(page, 'veld-motivation');
    await page.keyboard.type('Past bij haar wensen.');
    await tabTo(page, 'Voorstel versturen');
    await enter(page);
    expect(page.url()).toContain('/werkmakelaar/voorstellen');
    const [proposal] = await t.db.query(
      `SELECT id FROM proposals WHERE candidate_id = $1 AND vacancy_id = $2`,
      [w.candidateA.id, vacancies.nojs],
    );
    await api(w.candidateA.token)
      .post(`/api/proposals/${proposal.id}/consent`, { share: [] })
      .expect(200);
    await employerInvites(proposal.id);
    await page.goto('/werkmakelaar/voorstellen');
    // The werkmakelaar's own candidate by name (a colleague's would be "Kandidaat K-…").
    await tabTo(page, 'Naar meeloopdag: Sanne de Vries, Groenwerker op het sportpark');
    await enter(page);
    await tabTo(page, 'Plaatsen: Sanne de Vries, Groenwerker op het sportpark');
    const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    expect(href).toContain('/plaatsen');
    await enter(page);
    await tabToId(page, 'veld-arrangement');
    await page.keyboard.press('Space');
    await tabTo(page, 'Plaatsing starten');
    await enter(page);
    expect({
      url: page.url(),
      errors: await page.locator('.werkbrug-error-summary').allTextContents(),
    }).toEqual({
      url: expect.stringContaining('/werkmakelaar/plaatsingen'),
      errors: [],
    });
    await page.goto(`/werkmakelaar/kandidaten/${w.candidateA.id}`);
    await tabTo(page, 'Contactmoment opslaan');
    await enter(page);
    const [contact] = await t.db.query(
      `SELECT count(*)::int AS n FROM checkins WHERE candidate_id = $1`,
      [w.candidateA.id],
    );
    expect(contact.n).toBeGreaterThan(0);
  });

  it('the main flows work with JavaScript switched off', async () => {
    const consentVacancy = await api(w.wmA.token)
      .post(
        '/api/vacancies',
        vacancyBody({
          employerId: w.employer.id,
          title: 'Plantsoenmedewerker zonder JavaScript',
          arrangements: ['werkervaringsplaats'],
        }),
      )
      .expect(201);
    await drain();
    // The candidate: interest, then consent to a proposal and stop sharing again.
    const candidate = await signedIn('sanne@test.nl', PHONE, false);
    await candidate.goto(`/kandidaat/werkplekken/${vacancies.nojs}`);
    await submit(candidate, 'button:has-text("Ik heb interesse")');
    expect(await candidate.textContent('main')).toContain('Je hebt gezegd dat je interesse hebt.');
    const proposalId = await propose(consentVacancy.body.id, 'Zonder JavaScript voorgesteld.');
    await candidate.goto(`/kandidaat/toestemming/${proposalId}`);
    await candidate.check('input[name=share][value=werkmakelaarContact]');
    await submit(candidate, 'button:has-text("Ja, deel mijn profiel")');
    expect(await candidate.textContent('main')).toContain('Naam en e-mail van je werkmakelaar');
    await submit(
      candidate,
      'button:has-text("Stop met delen: Plantsoenmedewerker zonder JavaScript")',
    );
    await submit(candidate, 'button:has-text("Ja, stop met delen")');
    const [consent] = await t.db.query(
      `SELECT shared_fields, withdrawn_at FROM consents WHERE proposal_id = $1`,
      [proposalId],
    );
    expect(consent.shared_fields).toEqual(['werkmakelaarContact']);
    expect(consent.withdrawn_at).not.toBeNull();
    await candidate.goto('/kandidaat/wensen');
    await candidate.fill('#veld-interests', 'planten en bomen');
    await submit(candidate, 'button:has-text("Wensen opslaan")');
    expect(await candidate.textContent('main')).toContain('Je wensen zijn opgeslagen.');

    // The werkmakelaar: caseload, propose, place, contact moment.
    const broker = await signedIn('wm.a@test.nl', DESKTOP, false);
    await broker.goto('/werkmakelaar?aandacht=any');
    await submit(broker, 'a:has-text("Sanne de Vries")');
    await submit(
      broker,
      'a:has-text("Voorstellen bij Plantsoenmedewerker zonder JavaScript") >> nth=0',
    );
    await broker.fill('#veld-motivation', 'Zonder JavaScript: past goed.');
    await submit(broker, 'button:has-text("Voorstel versturen")');
    const [made] = await t.db.query(
      `SELECT id FROM proposals WHERE motivation = 'Zonder JavaScript: past goed.'`,
    );
    await api(w.candidateA.token)
      .post(`/api/proposals/${made.id}/consent`, { share: [] })
      .expect(200);
    await employerInvites(made.id);
    await broker.goto(`/werkmakelaar/voorstellen/${made.id}/plaatsen`);
    await broker.check('input[name=arrangement][value=werkervaringsplaats]');
    await submit(broker, 'button:has-text("Plaatsing starten")');
    expect(broker.url()).toContain('/werkmakelaar/plaatsingen');
    const [placed] = await t.db.query(`SELECT status FROM proposals WHERE id = $1`, [made.id]);
    expect(placed.status).toBe('geplaatst');
    await broker.goto(`/werkmakelaar/kandidaten/${w.candidateA.id}`);
    await broker.fill('#veld-note', 'Zonder JavaScript opgeschreven');
    await submit(broker, 'button:has-text("Contactmoment opslaan")');
    expect(await broker.textContent('main')).toContain('Zonder JavaScript opgeschreven');
  });
});
