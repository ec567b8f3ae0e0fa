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
import { acceptTerms, PROTECTED, signInEmployer } from './support/web-employer';
import { type Agent, csrfOf, postForm, signIn } from './support/web-client';
import { dutchToday } from './support/dates';

jest.setTimeout(240_000);

/**
 * The confirmation on the pages: the employer sees what waits for them first, checks the placement
 * ("Klopt dit? Bevestig de plaatsing") or asks a change; the werkmakelaar sees the question on the
 * placement page and the proposal page, adjusts and asks again, or records a phone agreement. Each
 * step says what happened (a banner); every form works without JavaScript; axe finds nothing.
 */
describe('placement confirmation pages', () => {
  let t: TestApp;
  let w: World;
  let employer: Agent;
  let broker: Agent;
  let direct: { id: string; version: number };
  let fromProposal: { id: string; proposalId: string };
  const today = dutchToday();

  const api = (token: string) => ({
    get: (path: string) => t.http().get(path).set(bearer(token)),
    post: (path: string, body: object = {}) => t.http().post(path).set(bearer(token)).send(body),
  });
  const workplace = async (title: string) =>
    (
      await api(w.wmA.token)
        .post('/api/vacancies', vacancyBody({ employerId: w.employer.id, title }))
        .expect(201)
    ).body.id as string;
  const versionOf = async (id: string) =>
    String((await t.db.query(`SELECT version FROM placements WHERE id = $1`, [id]))[0].version);
  const banner = (html: string) =>
    /<div class="utrecht-alert utrecht-alert--ok werkbrug-notification-banner" role="status"[\s\S]*?<p class="utrecht-paragraph">([^<]*)<\/p>/.exec(
      html,
    )?.[1] ?? null;
  const noProtected = (html: string) =>
    expect(PROTECTED.filter((s) => html.includes(s))).toEqual([]);

  async function placedThroughProposal(title: string) {
    const vacancy = await workplace(title);
    const proposal = await api(w.wmA.token)
      .post('/api/proposals', {
        candidateId: w.candidateA.id,
        vacancyId: vacancy,
        motivation: 'Past.',
      })
      .expect(201);
    await api(w.candidateA.token)
      .post(`/api/proposals/${proposal.body.id}/consent`, { share: ['werkmakelaarContact'] })
      .expect(200);
    await api(w.employer.token)
      .post(`/api/proposals/${proposal.body.id}/answer`, {
        answer: 'interested',
        meetingKind: 'meeloopdag',
        meetingDates: ['2030-12-02T10:00:00+01:00'],
      })
      .expect(200);
    const placed = await api(w.wmA.token)
      .post('/api/placements', {
        proposalId: proposal.body.id,
        arrangement: 'proefplaatsing',
        startDate: '2026-12-07',
        hoursPerWeek: 16,
      })
      .expect(201);
    return { id: placed.body.id as string, proposalId: proposal.body.id as string };
  }

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const placed = await api(w.wmA.token)
      .post('/api/placements', {
        candidateId: w.candidateA.id,
        vacancyId: await workplace('Kwekerij'),
        arrangement: 'proefplaatsing',
        startDate: '2026-12-07',
        hoursPerWeek: 16,
        candidateConsent: true,
        instruments: ['jobcoaching'],
      })
      .expect(201);
    direct = placed.body;
    fromProposal = await placedThroughProposal('Plantsoen');
    employer = await signInEmployer(t, 'werkgever@groenenzo.nl');
    broker = await signIn(t, 'wm.a@test.nl');
  });
  afterAll(async () => t?.close());

  it('the employer sees what waits for their confirmation first, on the list and the start page', async () => {
    const list = await employer.get('/werkgever/plaatsingen').expect(200);
    const waiting = list.text.indexOf('Te bevestigen');
    expect(waiting).toBeGreaterThan(-1);
    expect(waiting).toBeLessThan(list.text.indexOf('Lopende plaatsingen'));
    expect(list.text).toContain(`href="/werkgever/plaatsingen/${direct.id}"`);
    expect(list.text).toContain('Er werkt nu niemand via Werkbrug bij u');
    noProtected(list.text);
    const start = await employer.get('/werkgever').expect(200);
    expect(start.text).toContain('Plaatsingen om te bevestigen');
    expect(start.text).toContain(`href="/werkgever/plaatsingen/${direct.id}"`);
    expect(start.text).toContain('2 te bevestigen.');
  });

  it('the placement page shows the facts, "Klopt dit?" and the change form; other employers get 404', async () => {
    const page = await employer.get(`/werkgever/plaatsingen/${direct.id}`).expect(200);
    for (const text of [
      'Klopt dit?',
      'Bevestig de plaatsing',
      'Klopt er iets niet?',
      'Wat moet er anders?',
      'Proefplaatsing. De kandidaat werkt een paar maanden met behoud van uitkering.',
      '7 december 2026',
      '7 februari 2027',
      '16 uur',
      // A direct placement: the candidate shared dates and arrangement, not the instruments.
      'De kandidaat deelt de regelingen niet met u',
    ])
      expect(page.text).toContain(text);
    expect(page.text).not.toContain('Jobcoaching');
    expect(page.text.match(/name="_csrf"/g)).toHaveLength(4); // sign out, stay signed in, confirm, change
    expect(page.text).toContain(`name="version" value="${direct.version}"`);
    noProtected(page.text);
    const other = await signInEmployer(t, 'werkgever@glans.nl');
    await other.get(`/werkgever/plaatsingen/${direct.id}`).expect(404);
    const csrf = csrfOf((await other.get('/werkgever/plaatsingen').expect(200)).text);
    await other
      .post(`/werkgever/plaatsingen/${direct.id}/bevestigen`)
      .type('form')
      .send({ _csrf: csrf, version: String(direct.version) })
      .expect(404);
    await employer.get('/werkgever/plaatsingen/geen-id').expect(404);
  });

  it('asks a change: a note is needed; then the banner says where it went', async () => {
    const page = `/werkgever/plaatsingen/${direct.id}`;
    const empty = await postForm(employer, page, `${page}/wijziging`, {
      note: '  ',
      version: await versionOf(direct.id),
    });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('href="#veld-note"');
    expect(empty.text).toContain('Schrijf wat er anders moet');
    const asked = await postForm(employer, page, `${page}/wijziging`, {
      note: 'Liever 20 uur per week, vanaf 4 januari.',
      version: await versionOf(direct.id),
    });
    expect([asked.status, asked.headers.location]).toEqual([303, page]);
    const after = await employer.get(page).expect(200);
    expect(banner(after.text)).toContain('Uw vraag is naar de werkmakelaar gestuurd');
    expect(after.text).toContain('Liever 20 uur per week, vanaf 4 januari.');
    expect(after.text).toContain('U vroeg een wijziging');
    // The banner shows once.
    expect(banner((await employer.get(page).expect(200)).text)).toBeNull();
  });

  it('the werkmakelaar sees the question, adjusts (checked) and asks again', async () => {
    const page = `/werkmakelaar/plaatsingen/${direct.id}`;
    const shown = await broker.get(page).expect(200);
    expect(shown.text).toContain('Werkgever vraagt een wijziging');
    expect(shown.text).toContain('Liever 20 uur per week, vanaf 4 januari.');
    expect(shown.text).toContain('Aanpassen en opnieuw vragen');
    expect(shown.text).toContain('Telefonisch akkoord vastleggen');
    expect(shown.text).not.toContain(`${page}/verlengen`);
    const bad = await postForm(broker, page, `${page}/wijzigen`, {
      startDate: '2027-01-04',
      plannedEndDate: '',
      hoursPerWeek: '99',
      version: await versionOf(direct.id),
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('href="#veld-hoursPerWeek"');
    const tooLong = await postForm(broker, page, `${page}/wijzigen`, {
      startDate: '2027-01-04',
      plannedEndDate: '2028-01-04',
      hoursPerWeek: '20',
      version: await versionOf(direct.id),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain('langer dan de regel voor deze vorm');
    const ok = await postForm(broker, page, `${page}/wijzigen`, {
      startDate: '2027-01-04',
      plannedEndDate: '',
      hoursPerWeek: '20',
      version: await versionOf(direct.id),
    });
    expect([ok.status, ok.headers.location]).toEqual([303, page]);
    const after = await broker.get(page).expect(200);
    expect(banner(after.text)).toContain('De werkgever krijgt een e-mail');
    expect(after.text).toContain('Wacht op bevestiging van de werkgever');
    expect(after.text).not.toContain('Liever 20 uur per week');
  });

  it('the employer confirms ("Klopt dit?"); a second, stale confirm says what happened instead', async () => {
    const page = `/werkgever/plaatsingen/${direct.id}`;
    const form = await employer.get(page).expect(200);
    expect(form.text).toContain('4 januari 2027');
    expect(form.text).toContain('20 uur');
    const version = await versionOf(direct.id);
    const confirmed = await employer
      .post(`${page}/bevestigen`)
      .type('form')
      .send({ _csrf: csrfOf(form.text), version });
    expect([confirmed.status, confirmed.headers.location]).toEqual([303, page]);
    const after = await employer.get(page).expect(200);
    expect(banner(after.text)).toMatch(/U heeft de plaatsing van Kandidaat K-\d{6} bevestigd/);
    expect(after.text).toContain('De plaatsing is bevestigd in Werkbrug op');
    expect(after.text).not.toContain('Klopt dit?');
    // The same form once more (another tab): it has been confirmed; no error page, the reason.
    const again = await employer
      .post(`${page}/bevestigen`)
      .type('form')
      .send({ _csrf: csrfOf(form.text), version });
    expect(again.status).toBe(409);
    expect(again.text).toContain('href="#veld-bevestigen"');
    const list = await employer.get('/werkgever/plaatsingen').expect(200);
    expect(list.text.indexOf(`/werkgever/plaatsingen/${direct.id}`)).toBeGreaterThan(
      list.text.indexOf('Lopende plaatsingen'),
    );
    const wm = await broker.get(`/werkmakelaar/plaatsingen/${direct.id}`).expect(200);
    expect(wm.text).toContain('De werkgever heeft de plaatsing bevestigd in Werkbrug op');
  });

  it('the proposal page shows the confirmation; a phone agreement from there returns there', async () => {
    const proposalPage = `/werkmakelaar/voorstellen/${fromProposal.proposalId}`;
    const shown = await broker.get(proposalPage).expect(200);
    expect(shown.text).toContain('Wacht op bevestiging van de werkgever');
    expect(shown.text).toContain(
      `/werkmakelaar/plaatsingen/${fromProposal.id}/telefonisch-akkoord`,
    );
    expect(shown.text).toContain('name="terug" value="voorstel"');
    const action = `/werkmakelaar/plaatsingen/${fromProposal.id}/telefonisch-akkoord`;
    const future = await postForm(broker, proposalPage, action, {
      agreedOn: '2999-01-01',
      note: 'Gebeld',
      terug: 'voorstel',
      version: await versionOf(fromProposal.id),
    });
    expect(future.status).toBe(400);
    expect(future.text).toContain('href="#veld-agreedOn"');
    const noNote = await postForm(broker, proposalPage, action, {
      agreedOn: today,
      note: '',
      terug: 'voorstel',
      version: await versionOf(fromProposal.id),
    });
    expect(noNote.status).toBe(400);
    expect(noNote.text).toContain('href="#veld-note"');
    const ok = await postForm(broker, proposalPage, action, {
      agreedOn: today,
      note: 'Gebeld met Gert: akkoord.',
      terug: 'voorstel',
      version: await versionOf(fromProposal.id),
    });
    expect([ok.status, ok.headers.location]).toEqual([303, proposalPage]);
    const after = await broker.get(proposalPage).expect(200);
    expect(banner(after.text)).toContain('telefonisch akkoord gaf');
    expect(after.text).toContain('De werkgever gaf telefonisch akkoord op');
    expect(after.text).toContain('Gebeld met Gert: akkoord.');
    // The employer reads that it was agreed by phone, not the note.
    const seen = await employer.get(`/werkgever/plaatsingen/${fromProposal.id}`).expect(200);
    expect(seen.text).toContain('telefonisch met de werkmakelaar afgesproken');
    expect(seen.text).not.toContain('Gebeld met Gert');
  });

  describe('in Chromium', () => {
    let browser: Browser;
    let base: string;
    beforeAll(async () => {
      base = t.url;
      browser = await launchChromium();
      await acceptTerms(t, 'werkgever@groenenzo.nl');
    });
    afterAll(async () => browser?.close());

    const submit = (page: Page, selector: string) =>
      Promise.all([page.waitForNavigation(), page.click(selector)]);

    it('has no axe violations on the new pages in each state, and works without JavaScript', async () => {
      const violations: string[] = [];
      const check = async (page: Page, label: string) =>
        violations.push(...(await axeViolations(page, label)));
      const waiting = await api(w.wmA.token)
        .post('/api/placements', {
          candidateId: w.candidateA.id,
          vacancyId: await workplace('Chromium'),
          arrangement: 'proefplaatsing',
          startDate: '2026-12-07',
          hoursPerWeek: 16,
          candidateConsent: true,
        })
        .expect(201);
      const other = await placedThroughProposal('Chromium zonder JavaScript');
      const unconfirmed = await placedThroughProposal('Chromium voorstel');

      // The employer: the list, the page, an error, a change asked, a confirmation.
      const employerContext = await newContext(browser, base);
      const ep = await employerContext.newPage();
      ep.setDefaultTimeout(30_000);
      await signInPage(ep, 'werkgever@groenenzo.nl', PASSWORD);
      await ep.goto('/werkgever');
      await check(ep, 'werkgever start: te bevestigen');
      await ep.goto('/werkgever/plaatsingen');
      await check(ep, 'werkgever plaatsingen: te bevestigen');
      await submit(ep, `a[href="/werkgever/plaatsingen/${waiting.body.id}"]`);
      await check(ep, 'werkgever plaatsing: te bevestigen');
      await submit(ep, 'button:has-text("Vraag een wijziging")');
      expect(await ep.textContent('.werkbrug-error-summary')).toContain(
        'Schrijf wat er anders moet',
      );
      await check(ep, 'werkgever plaatsing: fout');
      await ep.fill('#veld-note', 'Graag een week later beginnen.');
      await submit(ep, 'button:has-text("Vraag een wijziging")');
      expect(await ep.textContent('[role=status]')).toContain('Uw vraag is naar de werkmakelaar');
      await check(ep, 'werkgever plaatsing: wijziging gevraagd');
      await employerContext.close();

      // JavaScript off: confirming is a plain form.
      const plainContext = await newContext(browser, base, false);
      const plain = await plainContext.newPage();
      plain.setDefaultTimeout(30_000);
      await signInPage(plain, 'werkgever@groenenzo.nl', PASSWORD);
      await plain.goto(`/werkgever/plaatsingen/${other.id}`);
      await submit(plain, 'button:has-text("Bevestig de plaatsing")');
      expect(await plain.textContent('[role=status]')).toContain('bevestigd');
      await plainContext.close();
      const confirmedContext = await newContext(browser, base);
      const cp = await confirmedContext.newPage();
      await signInPage(cp, 'werkgever@groenenzo.nl', PASSWORD);
      await cp.goto(`/werkgever/plaatsingen/${other.id}`);
      await check(cp, 'werkgever plaatsing: bevestigd');
      await confirmedContext.close();

      // The werkmakelaar: the question on the placement page, errors, the proposal page, ending.
      const brokerContext = await newContext(browser, base);
      const bp = await brokerContext.newPage();
      bp.setDefaultTimeout(30_000);
      await signInPage(bp, 'wm.a@test.nl', PASSWORD);
      await bp.goto(`/werkmakelaar/plaatsingen/${waiting.body.id}`);
      await check(bp, 'werkmakelaar plaatsing: wijziging gevraagd');
      await bp.fill('#veld-hoursPerWeek', '0');
      await submit(bp, 'button:has-text("Aanpassen en opnieuw vragen")');
      await check(bp, 'werkmakelaar plaatsing: fout bij aanpassen');
      await bp.goto(`/werkmakelaar/plaatsingen/${waiting.body.id}`);
      await bp.fill('#veld-agreedOn', '2999-01-01');
      await submit(bp, 'button:has-text("Telefonisch akkoord vastleggen")');
      await check(bp, 'werkmakelaar plaatsing: fout bij telefonisch akkoord');
      await bp.goto(`/werkmakelaar/voorstellen/${other.proposalId}`);
      await check(bp, 'werkmakelaar voorstel: bevestigd');
      await bp.goto(`/werkmakelaar/voorstellen/${unconfirmed.proposalId}`);
      expect(await bp.textContent('main')).toContain('Telefonisch akkoord vastleggen');
      await check(bp, 'werkmakelaar voorstel: te bevestigen');
      await bp.goto('/werkmakelaar/plaatsingen');
      await check(bp, 'werkmakelaar plaatsingen');
      await bp.goto(`/werkmakelaar/plaatsingen/${other.id}`);
      await bp.selectOption('#veld-outcome', 'studie');
      expect(await bp.inputValue('#veld-endedOn')).toBe(today);
      await submit(bp, 'button:has-text("Plaatsing beëindigen")');
      expect({
        h1: await bp.textContent('h1'),
        errors: await bp.locator('.werkbrug-error-summary').allTextContents(),
      }).toEqual({ h1: expect.stringContaining('Wilt u de plaatsing van Kandidaat'), errors: [] });
      await check(bp, 'werkmakelaar: beëindigen bevestigen');
      await submit(bp, 'button:has-text("Ja, beëindig de plaatsing")');
      expect(await bp.textContent('[role=status]')).toContain('is beëindigd');
      await check(bp, 'werkmakelaar plaatsing: beëindigd');
      await brokerContext.close();
      expect(violations).toEqual([]);
    });
  });
});
