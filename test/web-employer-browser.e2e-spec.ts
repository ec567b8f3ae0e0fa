/// <reference lib="dom" />
import { LoginThrottle } from '@werkbrug/auth';
import {
  axeViolations,
  type Browser,
  chooseByKeys,
  chooseRadio,
  launchChromium,
  newContext,
  type Page,
  pressButton,
  selectByKeys,
  signInPage,
  tabTo,
  tick,
  typeInto,
} from './support/browser';
import { buildWorld, PASSWORD, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';
import {
  acceptTerms,
  INSTRUMENT_VOCABULARY,
  PROTECTED,
  waitingProposal,
} from './support/web-employer';

/**
 * The employer's main flow in Chromium: sign in, post a workplace with adjusted hours, see what
 * instruments could apply, answer a proposal. Once with the keyboard alone, once without
 * JavaScript; axe-core (WCAG 2.1 A/AA) on every employer page in each state it has.
 */
// A real browser on a shared 2-core machine: generous time per test.
jest.setTimeout(240_000);

describe('employer portal in Chromium', () => {
  let t: TestApp;
  let w: World;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    base = t.url;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(() => t.app.get(LoginThrottle).reset());

  const path = (page: Page) => new URL(page.url()).pathname;

  it('posts a workplace, checks instruments and answers a proposal with the keyboard alone', async () => {
    const proposalId = await waitingProposal(t, w);
    const context = await newContext(browser, base);
    const page = await context.newPage();
    await page.goto('/inloggen');
    await typeInto(page, '#veld-email', 'werkgever@groenenzo.nl');
    await typeInto(page, '#veld-password', PASSWORD);
    await pressButton(page, 'main button[type=submit]');
    expect(path(page)).toBe('/voorwaarden');
    await tick(page, '#veld-akkoord');
    await pressButton(page, 'main button[type=submit]');
    expect(path(page)).toBe('/werkgever');

    // The start page links to a new workplace: follow it with Tab and Enter.
    await pressButton(page, 'main a[href="/werkgever/werkplekken/nieuw"]');
    expect(path(page)).toBe('/werkgever/werkplekken/nieuw');
    await typeInto(page, '#veld-title', 'Medewerker kwekerij');
    await chooseByKeys(page, '#veld-werksoort', 'groen');
    await typeInto(page, '#veld-description', 'Planten verzorgen in de kas.');
    await typeInto(page, '#veld-hoursMin', '8');
    await typeInto(page, '#veld-hoursMax', '16');
    await tick(page, '#veld-workingDays');
    await tick(page, '#veld-workingDays-2');
    await tick(page, '#veld-dayparts');
    await chooseRadio(page, 'hoursAdjustable', 'ja');
    await tick(page, '#veld-adjustments');
    await tick(page, '#veld-adjustments-2');
    await tick(page, '#veld-arrangements-1');
    for (const aspect of ['lifting', 'standing', 'pace', 'stimuli', 'outdoor'])
      await chooseRadio(page, aspect, '1');
    await tick(page, '#veld-support');
    await pressButton(page, 'main form button[type=submit]');
    expect(await page.textContent('h1')).toBe('Controleer uw werkplek');
    expect(await page.textContent('main')).toContain('Ja: Kortere werkdagen, Later beginnen');
    await pressButton(page, 'main form > button[type=submit]');
    expect(await page.textContent('main')).toContain(
      'staat online. Werkmakelaars kunnen nu kandidaten voorstellen.',
    );
    const [v] = await t.db.query(
      `SELECT id, hours_adjustable, status FROM vacancies WHERE title = 'Medewerker kwekerij'`,
    );
    expect(v).toMatchObject({ hours_adjustable: true, status: 'open' });

    // What could apply at this workplace: the link on the workplace page, then "Bereken".
    await pressButton(page, `main a[href="/werkgever/instrumenten?werkplek=${v.id}"]`);
    await chooseRadio(page, 'doelgroep', 'ja');
    await pressButton(page, 'main form button[type=submit]');
    expect(await page.textContent('main')).toContain('Uitkomst (indicatief)');

    // Answer the proposal: yes, a meeting day at a moment offered (where and with whom prefilled).
    await page.goto(`/werkgever/voorstellen/${proposalId}`);
    await chooseRadio(page, 'meetingKind', 'meeloopdag');
    // Headless Chromium lays out date and time fields as en-US here (mm/dd/yyyy, hh:mm AM/PM),
    // whatever the page's language: type the segments in that order.
    await tabTo(page, '#veld-moment1Date');
    for (const part of ['03', '04', '2030']) await page.keyboard.type(part);
    await tabTo(page, '#veld-moment1From');
    for (const part of ['09', '30', 'A']) await page.keyboard.type(part);
    await tabTo(page, '#veld-moment1To');
    for (const part of ['01', '30', 'P']) await page.keyboard.type(part);
    expect(await page.inputValue('#veld-moment1Date')).toBe('2030-03-04');
    expect(await page.inputValue('#veld-moment1From')).toBe('09:30');
    expect(await page.inputValue('#veld-moment1To')).toBe('13:30');
    expect(await page.inputValue('#veld-moment1Place')).toBe('Stationsweg 1, Woerden');
    await pressButton(page, 'main form[action$="/antwoord"] button[type=submit]');
    expect(await page.textContent('main')).toContain('De kandidaat kiest een van uw momenten');
    const [p] = await t.db.query(`SELECT status FROM proposals WHERE id = $1`, [proposalId]);
    expect(p.status).toBe('meeloopdag');
    await context.close();
  });

  it('does the same without JavaScript', async () => {
    const proposalId = await waitingProposal(t, w);
    await acceptTerms(t, 'werkgever@groenenzo.nl');
    // Without JavaScript Playwright cannot always confirm that an element is "stable" (its check
    // runs on animation frames), so the clicks skip that wait; they are still real clicks.
    const FORCE = { force: true };
    // Checkboxes and radios by focus and Space: a forced click can land before the page settles.
    const tickBox = async (selector: string) => {
      await page.focus(selector);
      if (!(await page.isChecked(selector))) await page.keyboard.press('Space');
    };
    const context = await newContext(browser, base, false);
    const page = await context.newPage();
    await signInPage(page, 'werkgever@groenenzo.nl', PASSWORD);
    await page.goto('/werkgever/werkplekken/nieuw');
    // Errors first: the summary has the focus through autofocus alone.
    await Promise.all([
      page.waitForNavigation(),
      page.click('main form button[type=submit]', FORCE),
    ]);
    expect(await page.title()).toMatch(/^Fout: /);
    expect(
      await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary')),
    ).toBe(true);
    await page.fill('#veld-title', 'Inpakker (zonder JavaScript)');
    await page.fill('#veld-hoursMin', '4');
    await page.fill('#veld-hoursMax', '12');
    await tickBox('#veld-workingDays-4');
    await tickBox('#veld-dayparts-1');
    await tickBox('input[name=hoursAdjustable][value=ja]');
    await tickBox('#veld-adjustments-5');
    await tickBox('#veld-arrangements-3');
    for (const aspect of ['lifting', 'standing', 'pace', 'stimuli', 'outdoor'])
      await tickBox(`input[name=${aspect}][value="0"]`);
    await selectByKeys(page, '#veld-werksoort', 'groen');
    await Promise.all([
      page.waitForNavigation(),
      page.click('main form button[type=submit]', FORCE),
    ]);
    // "Wijzig" on the check page returns to the form, values kept, then on to publishing.
    await Promise.all([
      page.waitForNavigation(),
      page.click('button[name=wijzig][value=hoursMin]', FORCE),
    ]);
    expect(await page.inputValue('#veld-hoursMin')).toBe('4');
    await page.fill('#veld-hoursMin', '6');
    await Promise.all([
      page.waitForNavigation(),
      page.click('main form button[type=submit]', FORCE),
    ]);
    await Promise.all([page.waitForNavigation(), page.click('text=Werkplek publiceren', FORCE)]);
    expect(await page.textContent('main')).toContain(
      'staat online. Werkmakelaars kunnen nu kandidaten voorstellen.',
    );
    await page.goto('/werkgever/instrumenten');
    await page.fill('#veld-uren', '12');
    await Promise.all([
      page.waitForNavigation(),
      page.click('main form button[type=submit]', FORCE),
    ]);
    expect(await page.textContent('main')).toContain('Uitkomst (indicatief)');
    await page.goto(`/werkgever/voorstellen/${proposalId}`);
    await tickBox('input[name=reason][value=uren_passen_niet]');
    await Promise.all([page.waitForNavigation(), page.click('text=Stuur mijn antwoord', FORCE)]);
    expect(await page.textContent('main')).toContain('Uw antwoord is verstuurd');
    const [p] = await t.db.query(`SELECT status, closed_reason FROM proposals WHERE id = $1`, [
      proposalId,
    ]);
    expect(p).toEqual({ status: 'afgewezen', closed_reason: 'uren_passen_niet' });
    await context.close();
  });

  it('has no axe violations on any employer page, in every state, and no protected data', async () => {
    const proposalId = await waitingProposal(t, w);
    await acceptTerms(t, 'werkgever@groenenzo.nl');
    const context = await newContext(browser, base);
    const page = await context.newPage();
    await signInPage(page, 'werkgever@groenenzo.nl', PASSWORD);
    const violations: string[] = [];
    const leaks: string[] = [];
    const check = async (label: string) => {
      violations.push(...(await axeViolations(page, label)));
      const html = await page.content();
      const vocabulary = path(page) === '/werkgever/instrumenten' ? INSTRUMENT_VOCABULARY : [];
      const found = PROTECTED.filter((s) => !vocabulary.includes(s) && html.includes(s));
      if (found.length) leaks.push(`${label}: ${found.join(', ')}`);
    };
    const submit = async (selector = 'main form button[type=submit]') =>
      Promise.all([page.waitForNavigation(), page.click(selector)]);

    for (const p of [
      '/werkgever',
      '/werkgever/werkplekken',
      '/werkgever/plaatsingen',
      '/werkgever/account',
      '/werkgever/voorstellen',
      '/werkgever/instrumenten',
    ]) {
      await page.goto(p);
      await check(p);
    }
    await page.goto('/werkgever/werkplekken/nieuw');
    await check('werkplek: leeg formulier');
    await submit();
    await check('werkplek: formulier met fouten');
    await page.goto(`/werkgever/werkplekken/${w.vacancy.id}/wijzigen`);
    await check('werkplek: gevuld formulier');
    await submit();
    await check('werkplek: controleren');
    await submit('main form > button[type=submit]');
    await check('werkplek: opgeslagen');
    await page.goto(`/werkgever/werkplekken/${w.vacancy.id}`);
    await submit('button[value=pauzeren]');
    await check('werkplek: gepauzeerd');
    expect(await page.textContent('[role=status]')).toContain('is gepauzeerd');
    // Closing asks first: the confirmation page (nothing closed until "Ja, sluit de werkplek").
    await submit('button[value=sluiten]');
    expect(await page.textContent('h1')).toContain('sluiten?');
    await check('werkplek: sluiten bevestigen');
    await page.goto('/werkgever/instrumenten?bereken=1&uren=99');
    await check('instrumenten: fouten');
    await page.goto(`/werkgever/instrumenten?bereken=1&werkplek=${w.vacancy.id}&doelgroep=ja`);
    await check('instrumenten: uitkomst');
    await page.goto(`/werkgever/voorstellen/${proposalId}`);
    await check('voorstel: wacht op antwoord');
    await submit('text=Ja, stuur de momenten');
    await check('voorstel: fouten');
    await page.check('input[name=mark][value=relevant]');
    await submit('text=Beoordeling opslaan');
    await check('voorstel: beoordeeld');
    await page.goto('/werkgever/account');
    await submit('button:has-text("Locatie toevoegen")');
    await check('account: fouten');
    await t
      .http()
      .post('/api/placements')
      .set({ Authorization: `Bearer ${w.wmA.token}` })
      .send({
        candidateId: w.candidateA.id,
        vacancyId: w.vacancy.id,
        arrangement: 'proefplaatsing',
        startDate: '2026-12-01',
        hoursPerWeek: 16,
        candidateConsent: true,
      });
    await page.goto('/werkgever/plaatsingen');
    await check('plaatsingen: gevuld');
    // More closed proposals than one page holds: the pager, on the first and a later page.
    for (let i = 0; i < 21; i++) {
      const pid = await waitingProposal(t, w, ['werkmakelaarContact']);
      await t
        .http()
        .post(`/api/proposals/${pid}/status`)
        .set({ Authorization: `Bearer ${w.wmA.token}` })
        .send({ status: 'ingetrokken' })
        .expect(200);
    }
    await page.goto('/werkgever/voorstellen');
    await check('voorstellen: eerste pagina');
    await Promise.all([page.waitForNavigation(), page.click('a[rel=next]')]);
    expect(page.url()).toContain('?na=');
    await check('voorstellen: oudere pagina');
    await page.goto('/werkgever');
    await check('start: gevuld');
    await context.close();
    expect(violations).toEqual([]);
    expect(leaks).toEqual([]);
  }, 240_000);
});
