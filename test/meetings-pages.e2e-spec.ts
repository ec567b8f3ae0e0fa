import {
  axeViolations,
  type Browser,
  launchChromium,
  newContext,
  type Page,
  signInPage,
} from './support/browser';
import { bearer, buildWorld, PASSWORD, type World } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { acceptTerms, PROTECTED, signInEmployer, waitingProposal } from './support/web-employer';
import { type Agent, csrfOf, signIn } from './support/web-client';

/** Hidden fields of the first form that posts to `action`. */
function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  return Object.fromEntries(
    [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
      m[1] as string,
      (m[2] as string).replace(/&#x3D;/g, '='),
    ]),
  );
}

/** The radio values of a name on a page. */
const radios = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`name="${name}" value="([^"]+)"`, 'g'))].map((m) => m[1] as string);

const moment = (slot: number, date: string, from: string, to: string, extra = {}) => ({
  [`moment${slot}Date`]: date,
  [`moment${slot}From`]: from,
  [`moment${slot}To`]: to,
  [`moment${slot}Place`]: 'Kas 2, Stationsweg 1, Woerden',
  [`moment${slot}With`]: 'Anja',
  ...extra,
});

/**
 * The kennismaking on the three sides' pages, by form posts without JavaScript: the employer offers
 * moments, the candidate (or the werkmakelaar) picks one, any side moves or cancels (after a
 * question), each tells how it went; then every new page in Chromium under axe.
 */
describe('meeting pages: employer, candidate and werkmakelaar', () => {
  jest.setTimeout(240_000);
  let t: TestApp;
  let w: World;
  let employer: Agent;
  let candidate: Agent;
  let broker: Agent;
  let id: string;
  const employerBase = () => `/werkgever/voorstellen/${id}`;
  const candidateBase = () => `/kandidaat/toestemming/${id}`;
  const brokerBase = () => `/werkmakelaar/voorstellen/${id}`;

  /** GETs the page, then posts its form to `action` with its hidden fields and `fields`. */
  async function submit(
    agent: Agent,
    page: string,
    action: string,
    fields: Record<string, string>,
  ) {
    const html = (await agent.get(page).expect(200)).text;
    return agent
      .post(action)
      .type('form')
      .send({ ...formFields(html, action), ...fields, _csrf: csrfOf(html) });
  }
  const meeting = async () =>
    (
      await t.db.query(
        `SELECT id, status, version FROM meetings WHERE proposal_id = $1 ORDER BY created_at DESC LIMIT 1`,
        [id],
      )
    )[0] as { id: string; status: string; version: number };

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://werkbrug.example' });
    w = await buildWorld(t);
    employer = await signInEmployer(t, 'werkgever@groenenzo.nl');
    candidate = await signIn(t, 'sanne@test.nl');
    broker = await signIn(t, 'wm.a@test.nl');
    id = await waitingProposal(t, w, ['werkmakelaarContact']);
  });
  afterAll(async () => t?.close());

  it('the employer offers two moments with the "yes" form', async () => {
    const res = await submit(employer, employerBase(), `${employerBase()}/antwoord`, {
      meetingKind: 'kennismaking',
      ...moment(1, '2030-12-03', '10:00', '11:00'),
      ...moment(2, '2030-12-04', '14:00', '15:00', { moment2Place: '', moment2With: '' }),
    });
    expect(res.status).toBe(303);
    const page = await employer.get(employerBase()).expect(200);
    expect(page.text).toContain('Momenten voorgesteld');
    expect(page.text).toContain(
      'woensdag 4 december 2030, 14:00–15:00, Kas 2, Stationsweg 1, Woerden, met Anja',
    );
  });

  it('the candidate finds the moments from the proposal page and picks one', async () => {
    const proposal = await candidate.get(candidateBase()).expect(200);
    expect(proposal.text).toContain('Je kennismakingsgesprek');
    expect(proposal.text).toContain(`href="${candidateBase()}/afspraak"`);
    expect(proposal.text).toContain('Kies een moment');
    const page = await candidate.get(`${candidateBase()}/afspraak`).expect(200);
    expect(page.text).toContain('Kies een moment voor je kennismakingsgesprek');
    expect(page.text).toContain(
      'dinsdag 3 december 2030, 10:00–11:00, Kas 2, Stationsweg 1, Woerden, met Anja',
    );
    const none = await submit(
      candidate,
      `${candidateBase()}/afspraak`,
      `${candidateBase()}/afspraak/kiezen`,
      {},
    );
    expect(none.status).toBe(400);
    expect(none.text).toContain('href="#veld-option"');
    const [first] = radios(page.text, 'option');
    const res = await submit(
      candidate,
      `${candidateBase()}/afspraak`,
      `${candidateBase()}/afspraak/kiezen`,
      { option: first as string },
    );
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`${candidateBase()}/afspraak`);
    const after = await candidate.get(`${candidateBase()}/afspraak`).expect(200);
    expect(after.text).toContain('role="status"');
    expect(after.text).toContain(
      'Je hebt een moment gekozen: dinsdag 3 december 2030, 10:00–11:00.',
    );
    expect(after.text).toContain('Je afspraak');
    expect((await meeting()).status).toBe('gekozen');
  });

  it('the employer sees the agreed moment; a stale form is refused with the page as it is now', async () => {
    const page = await employer.get(employerBase()).expect(200);
    expect(page.text).toContain('Afgesproken');
    expect(page.text).toContain('dinsdag 3 december 2030, 10:00–11:00');
    expect(PROTECTED.filter((s) => page.text.includes(s))).toEqual([]);
    const stale = await submit(
      employer,
      `${employerBase()}/afspraak`,
      `${employerBase()}/afspraak`,
      {
        ...moment(1, '2030-12-10', '10:00', '11:00'),
        version: '1',
      },
    );
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Dit kan nu niet meer');
    const empty = await submit(
      employer,
      `${employerBase()}/afspraak`,
      `${employerBase()}/afspraak/afzeggen`,
      {},
    );
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('href="#veld-cancelReason"');
  });

  it('the employer moves it to new moments; the werkmakelaar picks one for the candidate', async () => {
    const moved = await submit(
      employer,
      `${employerBase()}/afspraak`,
      `${employerBase()}/afspraak`,
      {
        ...moment(1, '2030-12-10', '10:00', '11:00'),
        moveReason: 'Anja is dan weg',
      },
    );
    expect(moved.status).toBe(303);
    expect((await employer.get(employerBase())).text).toContain('De afspraak is verzet.');
    const page = await broker.get(brokerBase()).expect(200);
    expect(page.text).toContain('Kennismaking en meeloopdag');
    expect(page.text).toContain('Verzet door de werkgever. Reden: Anja is dan weg');
    const [option] = radios(page.text, 'option');
    const res = await submit(broker, brokerBase(), `${brokerBase()}/afspraak/kiezen`, {
      option: option as string,
    });
    expect(res.status).toBe(303);
    const after = await broker.get(brokerBase()).expect(200);
    expect(after.text).toContain('Gekozen door u.');
    expect(after.text).toContain('dinsdag 10 december 2030, 10:00–11:00');
  });

  it('the candidate cannot come and asks for another moment; the employer offers a new one', async () => {
    const res = await submit(
      candidate,
      `${candidateBase()}/afspraak`,
      `${candidateBase()}/afspraak/verzetten`,
      { moveReason: 'Dan heb ik een cursus' },
    );
    expect(res.status).toBe(303);
    const page = await candidate.get(`${candidateBase()}/afspraak`).expect(200);
    expect(page.text).toContain('Je vraagt om een ander moment.');
    expect(page.text).toContain('Er zijn nu geen momenten om te kiezen.');
    // The employer is asked for new moments, without the candidate's words.
    const employerPage = await employer.get(employerBase()).expect(200);
    expect(employerPage.text).toContain('De kandidaat kan niet op de voorgestelde momenten.');
    expect(employerPage.text).not.toContain('cursus');
    expect(
      (
        await submit(employer, `${employerBase()}/afspraak`, `${employerBase()}/afspraak`, {
          ...moment(1, '2030-12-11', '13:00', '14:00'),
        })
      ).status,
    ).toBe(303);
  });

  it('the candidate cancels, after a question', async () => {
    const action = `${candidateBase()}/afspraak/afzeggen`;
    const question = await submit(candidate, `${candidateBase()}/afspraak`, action, {
      cancelReason: 'Ik heb ander werk gevonden',
    });
    expect(question.status).toBe(200);
    expect(question.text).toContain('Wil je de afspraak afzeggen?');
    expect(question.text).toContain('Ja, zeg de afspraak af');
    expect((await meeting()).status).toBe('aangeboden');
    const hidden = formFields(question.text, action);
    expect(hidden).toMatchObject({ bevestigd: 'ja', cancelReason: 'Ik heb ander werk gevonden' });
    const done = await candidate
      .post(action)
      .type('form')
      .send({ ...hidden, _csrf: csrfOf(question.text) });
    expect(done.status).toBe(303);
    expect((await meeting()).status).toBe('geannuleerd');
    const page = await candidate.get(`${candidateBase()}/afspraak`).expect(200);
    expect(page.text).toContain('Je hebt de afspraak afgezegd.');
  });

  it('the werkmakelaar offers a new one for the employer; afterwards each side tells how it went', async () => {
    const res = await submit(broker, `${brokerBase()}/afspraak`, `${brokerBase()}/afspraak`, {
      meetingKind: 'kennismaking',
      ...moment(1, '2030-12-17', '10:00', '11:00'),
    });
    expect(res.status).toBe(303);
    const pick = await candidate.get(`${candidateBase()}/afspraak`).expect(200);
    const picked = await submit(
      candidate,
      `${candidateBase()}/afspraak`,
      `${candidateBase()}/afspraak/kiezen`,
      { option: radios(pick.text, 'option')[0] as string },
    );
    expect(picked.status).toBe(303);
    const { id: meetingId } = await meeting();
    await t.db.query(
      `UPDATE meeting_options SET starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours'
        WHERE meeting_id = $1`,
      [meetingId],
    );
    // The moment has passed: it was held. Nobody moves or cancels it any more; each side is asked how it went.
    for (const [agent, page] of [
      [employer, `${employerBase()}/afspraak`],
      [candidate, `${candidateBase()}/afspraak`],
      [broker, `${brokerBase()}/afspraak`],
    ] as const) {
      const held = (await agent.get(page).expect(200)).text;
      expect([
        page,
        /afspraak\/afzeggen|afspraak\/verzetten|Andere momenten voorstellen/.test(held),
      ]).toEqual([page, false]);
      expect([page, held.includes('Hoe ging het?')]).toEqual([page, true]);
    }
    expect((await employer.get(`${employerBase()}/afspraak`)).text).toContain('Geweest');
    expect((await employer.get(employerBase())).text).toContain('Vertel hoe het ging');
    for (const [agent, page, fields] of [
      [employer, `${employerBase()}/afspraak`, { outcome: 'goed', outcomeNote: 'Fijn gesprek' }],
      [candidate, `${candidateBase()}/afspraak`, { outcome: 'twijfel', outcomeNote: 'Spannend' }],
      [broker, `${brokerBase()}/afspraak`, { outcome: 'goed' }],
    ] as const) {
      const action = page.replace(/\/afspraak$/, '/afspraak/verslag');
      const res = await submit(agent, page, action, fields);
      expect([page, res.status]).toEqual([page, 303]);
    }
    const brokerPage = await broker.get(brokerBase()).expect(200);
    expect(brokerPage.text).toContain('Hoe het ging, volgens ieder');
    expect(brokerPage.text).toContain('Fijn gesprek');
    expect(brokerPage.text).toContain('Spannend');
    expect(brokerPage.text).not.toContain('Vertel hoe het ging');
    const employerPage = await employer.get(employerBase()).expect(200);
    expect(employerPage.text).toContain('Uw antwoord: <strong>Goed</strong>');
    expect(employerPage.text).toContain('Uw toelichting: Fijn gesprek');
    expect(employerPage.text).not.toContain('Spannend');
    expect(employerPage.text).not.toContain('Vertel hoe het ging');
    // Each side that answered sees its answer; the form is folded away to change it.
    const employerMeeting = (await employer.get(`${employerBase()}/afspraak`).expect(200)).text;
    expect(employerMeeting).toContain('Uw antwoord: <strong>Goed</strong>');
    expect(employerMeeting).toContain('<summary>Uw antwoord wijzigen</summary>');
    const candidateMeeting = (await candidate.get(`${candidateBase()}/afspraak`).expect(200)).text;
    expect(candidateMeeting).toContain('Je antwoord: <strong>Ik twijfel</strong>');
    expect(candidateMeeting).toContain('<summary>Je antwoord wijzigen</summary>');
    const candidateProposal = (await candidate.get(candidateBase()).expect(200)).text;
    expect(candidateProposal).toContain('Je antwoord: Ik twijfel.');
    expect(candidateProposal).not.toContain('Vertel hoe het ging');
    const brokerMeeting = (await broker.get(`${brokerBase()}/afspraak`).expect(200)).text;
    expect(brokerMeeting).toContain('<summary>Uw antwoord wijzigen</summary>');
  });

  it('another organisation gets 404 on every meeting page', async () => {
    const other = await signInEmployer(t, 'werkgever@glans.nl');
    await other.get(`${employerBase()}/afspraak`).expect(404);
    const page = await other.get('/werkgever/voorstellen').expect(200);
    await other
      .post(`${employerBase()}/afspraak/afzeggen`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), cancelReason: 'Niet van ons' })
      .expect(404);
    const wmB = await signIn(t, 'wm.b@test.nl');
    await wmB.get(`${brokerBase()}/afspraak`).expect(404);
    const start = await wmB.get('/werkmakelaar').expect(200);
    await wmB
      .post(`${brokerBase()}/afspraak/verslag`)
      .type('form')
      .send({ _csrf: csrfOf(start.text), outcome: 'goed' })
      .expect(404);
    expect((await meeting()).status).toBe('gehouden');
  });

  describe('in Chromium: no axe violations on the new pages', () => {
    let browser: Browser;
    let base: string;
    beforeAll(async () => {
      base = t.url;
      browser = await launchChromium();
    });
    afterAll(async () => browser?.close());

    it('has none for the employer, the candidate and the werkmakelaar, in each state', async () => {
      // A second proposal whose moments are still to pick.
      const second = await waitingProposal(t, w, ['werkmakelaarContact']);
      const answer = await t
        .http()
        .post(`/api/proposals/${second}/answer`)
        .set(bearer(w.employer.token))
        .send({
          answer: 'interested',
          meetingKind: 'meeloopdag',
          meetingOptions: [
            {
              startsAt: '2030-12-03T09:00:00+01:00',
              endsAt: '2030-12-03T13:00:00+01:00',
              place: 'Kas 2',
              withWhom: 'Anja',
            },
            {
              startsAt: '2030-12-05T09:00:00+01:00',
              endsAt: '2030-12-05T13:00:00+01:00',
              place: 'Kas 2',
              withWhom: 'Anja',
            },
          ],
        });
      expect(answer.status).toBe(200);
      await acceptTerms(t, 'werkgever@groenenzo.nl');
      const violations: string[] = [];
      const visit = async (page: Page, path: string, label: string) => {
        await page.goto(path);
        violations.push(...(await axeViolations(page, label)));
      };
      const submitIn = async (page: Page, selector: string) =>
        Promise.all([page.waitForNavigation(), page.click(selector)]);
      const as = async (email: string) => {
        const context = await newContext(browser, base);
        const page = await context.newPage();
        await signInPage(page, email, PASSWORD);
        return { context, page };
      };

      const e = await as('werkgever@groenenzo.nl');
      await visit(e.page, `/werkgever/voorstellen/${second}`, 'werkgever: voorstel met momenten');
      await visit(
        e.page,
        `/werkgever/voorstellen/${second}/afspraak`,
        'werkgever: afspraak verzetten',
      );
      await submitIn(e.page, 'button:has-text("Stuur de nieuwe momenten")');
      violations.push(...(await axeViolations(e.page, 'werkgever: afspraak met fouten')));
      await e.page.goto(`/werkgever/voorstellen/${second}/afspraak`);
      await e.page.fill('#veld-cancelReason', 'De kas is dicht');
      await submitIn(e.page, 'button:has-text("Afspraak afzeggen")');
      expect(await e.page.textContent('h1')).toBe('Wilt u de afspraak afzeggen?');
      violations.push(...(await axeViolations(e.page, 'werkgever: afzeggen, de vraag')));
      await visit(e.page, `/werkgever/voorstellen/${id}/afspraak`, 'werkgever: hoe ging het');
      await visit(e.page, `/werkgever/voorstellen/${id}`, 'werkgever: voorstel na de afspraak');
      await e.context.close();

      const c = await as('sanne@test.nl');
      await visit(c.page, `/kandidaat/toestemming/${second}`, 'kandidaat: voorstel met momenten');
      await visit(
        c.page,
        `/kandidaat/toestemming/${second}/afspraak`,
        'kandidaat: kies een moment',
      );
      await submitIn(c.page, 'button:has-text("Dit moment kies ik")');
      violations.push(...(await axeViolations(c.page, 'kandidaat: kies, met fouten')));
      await c.page.check('input[name=option] >> nth=0');
      await submitIn(c.page, 'button:has-text("Dit moment kies ik")');
      expect(await c.page.textContent('main')).toContain('Je hebt een moment gekozen');
      violations.push(...(await axeViolations(c.page, 'kandidaat: afspraak gekozen, melding')));
      await visit(c.page, `/kandidaat/toestemming/${id}/afspraak`, 'kandidaat: hoe ging het');
      await c.context.close();

      const b = await as('wm.a@test.nl');
      await visit(
        b.page,
        `/werkmakelaar/voorstellen/${second}`,
        'werkmakelaar: voorstel, afgesproken',
      );
      await visit(b.page, `/werkmakelaar/voorstellen/${second}/afspraak`, 'werkmakelaar: afspraak');
      await visit(b.page, `/werkmakelaar/voorstellen/${id}`, 'werkmakelaar: voorstel, uitkomsten');
      await visit(b.page, `/werkmakelaar/voorstellen/${id}/afspraak`, 'werkmakelaar: hoe ging het');
      await b.context.close();
      expect(violations).toEqual([]);
    });
  });
});
