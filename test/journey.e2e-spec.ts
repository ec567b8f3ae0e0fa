/// <reference lib="dom" />
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import { LoginThrottle } from '@werkbrug/auth';
import { addDays, dutchDate, today } from '@werkbrug/domain';
import { freePort } from '@werkbrug/embedded';
import { MailOutboxHandler } from '@werkbrug/mail';
import { SearchIndexer, SearchOutboxHandlers } from '@werkbrug/matching';
import { OutboxProcessor } from '@werkbrug/outbox';
import {
  axeViolations,
  type Browser,
  launchChromium,
  newContext,
  passSecondFactorPage,
  type Page,
} from './support/browser';
import {
  bearer,
  buildWorld,
  candidateBody,
  insertUser,
  PASSWORD,
  vacancyBody,
  type World,
} from './support/fixtures';
import { dutchProblems } from './support/dutch-words';
import { startSmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/**
 * The whole journey between three people, as they would play it: every step starts from a link in a
 * mail that person received (real SMTP), in their own browser. axe and the Dutch word check on every
 * page visited.
 */
describe('one journey across three people, driven by the mails', () => {
  jest.setTimeout(600_000);
  let t: TestApp;
  let w: World;
  let browser: Browser;
  let base: string;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let drain: () => Promise<number>;
  const violations: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp({ PUBLIC_URL: base, SMTP_URL: smtp.url }, { port });
    w = await buildWorld(t);
    await t.app.get(SearchIndexer).ensureSettings();
    const processor = new OutboxProcessor(
      t.app.get(DataSource),
      [...t.app.get(SearchOutboxHandlers).all(), t.app.get(MailOutboxHandler)],
      { baseDelayMs: 50, maxDelayMs: 200 },
    );
    drain = () => processor.drain();
    await drain();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });
  beforeEach(() => t.app.get(LoginThrottle).reset());

  /** The links of a mail that lead into Werkbrug. */
  const linksOf = (mail: ParsedMail): string[] =>
    [...String(mail.html || '').matchAll(/href="([^"]+)"/g)]
      .map((m) => m[1].replace(/&amp;/g, '&'))
      .filter((href) => href.startsWith(base));

  /** Whether a person's browser runs JavaScript (axe needs it; the word check does not). */
  const scripted = new WeakMap<Page, boolean>();

  /**
   * Checks the page a person sees: axe 0 and no English, raw code or ISO date (axeViolations does
   * both); without JavaScript axe cannot run in the page, so only the words are checked there (the
   * same pages were checked with axe in the run with JavaScript).
   */
  async function look(page: Page, label: string) {
    if (scripted.get(page) === false)
      violations.push(...dutchProblems(await page.content()).map((p) => `${label}: ${p}`));
    else violations.push(...(await axeViolations(page, label)));
  }

  async function signIn(page: Page, email: string) {
    await page.goto('/inloggen');
    await page.fill('#veld-email', email);
    await page.fill('#veld-password', PASSWORD);
    await click(page, 'button[type=submit] >> text=Inloggen');
    await passSecondFactorPage(page, email);
  }

  async function person(viewport: { width: number; height: number }, js: boolean) {
    const context = await newContext(browser, base, js);
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    scripted.set(page, js);
    return page;
  }

  /** Clicks a link or button that leads to another page; says which when it is not there. */
  async function click(page: Page, selector: string) {
    const target = page.locator(selector).first();
    if (!(await target.count()))
      throw new Error(
        `nothing to click: ${selector} on ${page.url()}\n${await page.textContent('main')}`,
      );
    // Without JavaScript a button is pressed from the keyboard, as such a visitor often does.
    const press =
      scripted.get(page) === false && (await target.evaluate((e) => e.tagName)) === 'BUTTON'
        ? target.press('Enter')
        : target.click();
    await Promise.all([page.waitForNavigation(), press]).catch(async (error: unknown) => {
      throw new Error(`no new page after clicking ${selector} on ${page.url()}: ${String(error)}`);
    });
  }

  async function icsOf(mail: ParsedMail) {
    const part = mail.attachments.find((a) => /calendar/.test(a.contentType));
    if (!part) throw new Error(`no .ics in "${mail.subject}"`);
    const cal = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
    const event = cal.getFirstSubcomponent('vevent');
    if (!event) throw new Error('no VEVENT');
    return new ICAL.Event(event);
  }

  /** Mails already read, so each step reads only what it caused. */
  const read = new Set<ParsedMail>();
  /** The newest unread mail to `address` that links to `path` (and has an .ics, when asked). */
  async function mailTo(address: string, path: string, ics = false): Promise<ParsedMail> {
    await drain();
    const found = smtp
      .to(address)
      .filter((m) => !read.has(m))
      .filter((m) => linksOf(m).some((l) => new URL(l).pathname === path))
      .filter((m) => !ics || m.attachments.some((a) => /calendar/.test(a.contentType)))
      .at(-1);
    if (!found)
      throw new Error(
        `no new mail to ${address} linking to ${path}; new: ${smtp
          .to(address)
          .filter((m) => !read.has(m))
          .map((m) => m.subject)
          .join(' | ')}`,
      );
    read.add(found);
    return found;
  }

  /** Opens the mail's link to `path`; signs in (and accepts the terms) when asked. */
  async function followMail(
    page: Page,
    mail: ParsedMail,
    path: string,
    login: string,
    label: string,
  ) {
    const link = linksOf(mail).find((l) => new URL(l).pathname === path) as string;
    await page.goto(link);
    if (new URL(page.url()).pathname === '/inloggen') {
      await look(page, `${label}: inloggen`);
      await page.fill('#veld-email', login);
      await page.fill('#veld-password', PASSWORD);
      await click(page, 'button[type=submit] >> text=Inloggen');
      await passSecondFactorPage(page, login);
    }
    if (new URL(page.url()).pathname === '/voorwaarden') {
      await look(page, `${label}: voorwaarden`);
      await page.check('input[name=akkoord]');
      await click(page, 'button:has-text("Verder naar Werkbrug")');
    }
    expect(page.url()).not.toContain('/inloggen');
    await look(page, label);
  }

  const banner = async (page: Page) => (await page.textContent('[role=status]')) ?? '';

  let run = 0;
  it.each([
    ['with JavaScript', true],
    ['with JavaScript off for the candidate and the employer', false],
  ])('proposal → consent → kennismaking → placement → confirmation, %s', async (_label, js) => {
    run += 1;
    // Setting the stage (not part of the journey): a workplace and a candidate who can sign in.
    const vacancyId = (
      await t
        .http()
        .post('/api/vacancies')
        .set(bearer(w.wmA.token))
        .send(
          vacancyBody({
            employerId: w.employer.id,
            title: `Groenwerker ${run}`,
            arrangements: ['werkervaringsplaats'],
          }),
        )
        .expect(201)
    ).body.id as string;
    const candidateMail = `reis${run}@example.nl`;
    const candidateLogin = `reis${run}@test.nl`;
    const candidateId = (
      await t
        .http()
        .post('/api/candidates')
        .set(bearer(w.wmA.token))
        .send(
          candidateBody({
            personal: {
              ...candidateBody().personal,
              firstName: 'Dewi',
              lastName: `Reis${run}`,
              email: candidateMail,
            },
          }),
        )
        .expect(201)
    ).body.id as string;
    await insertUser(t.db, 'kandidaat', candidateLogin, w.orgA, { candidateId });
    await drain();
    const employerMail = 'werkgever@groenenzo.nl';
    const brokerMail = 'wm.a@test.nl';

    // 1. The werkmakelaar proposes the candidate from the match in the candidate file.
    const broker = await person(DESKTOP, true);
    await signIn(broker, brokerMail);
    await broker.goto(`/werkmakelaar/kandidaten/${candidateId}`);
    await look(broker, 'werkmakelaar: dossier');
    await click(
      broker,
      `a[href="/werkmakelaar/kandidaten/${candidateId}/voorstellen/${vacancyId}"] >> nth=0`,
    );
    await look(broker, 'werkmakelaar: voorstellen');
    await broker.fill(
      'textarea[name=motivation]',
      'De kandidaat werkt graag buiten en houdt van vaste taken.',
    );
    await click(broker, 'button:has-text("Voorstel versturen")');
    expect(await banner(broker)).not.toBe('');
    const [{ id: proposalId }] = await t.db.query(
      `SELECT id FROM proposals WHERE candidate_id = $1 AND vacancy_id = $2`,
      [candidateId, vacancyId],
    );
    const proposalPath = `/voorstellen/${proposalId}`;

    // 2. The candidate opens the consent mail and agrees.
    const candidate = await person(PHONE, js);
    await followMail(
      candidate,
      await mailTo(candidateMail, proposalPath),
      proposalPath,
      candidateLogin,
      'kandidaat: toestemmingsvraag',
    );
    await click(candidate, 'button:has-text("Ja, deel mijn profiel")');
    expect(await banner(candidate)).toContain(
      'Je profiel is gedeeld met Hoveniersbedrijf Groen & Zo',
    );
    await look(candidate, 'kandidaat: gedeeld');

    // 3. The employer opens the "new candidate" mail and answers yes with two moments.
    const employer = await person(DESKTOP, js);
    await followMail(
      employer,
      await mailTo(employerMail, proposalPath),
      proposalPath,
      employerMail,
      'werkgever: voorstel',
    );
    await employer.check('input[name=meetingKind][value=kennismaking]');
    const day = (n: number) => addDays(today(), n);
    for (const [slot, date, from, to] of [
      [1, day(8), '10:00', '11:00'],
      [2, day(9), '14:00', '15:00'],
    ] as const) {
      await employer.fill(`[name=moment${slot}Date]`, date);
      await employer.fill(`[name=moment${slot}From]`, from);
      await employer.fill(`[name=moment${slot}To]`, to);
      await employer.fill(`[name=moment${slot}Place]`, 'Kwekerij, Industrieweg 4, Woerden');
      await employer.fill(`[name=moment${slot}With]`, 'Anja de Wit');
    }
    await click(employer, 'button:has-text("Ja, stuur de momenten")');
    expect(await banner(employer)).toContain('De kandidaat kiest een van uw momenten');
    await look(employer, 'werkgever: beantwoord');

    // 4. The candidate opens the mail with the moments and picks the second one.
    await followMail(
      candidate,
      await mailTo(candidateMail, proposalPath),
      proposalPath,
      candidateLogin,
      'kandidaat: voorstel met momenten',
    );
    await click(candidate, 'a:has-text("Kies een moment")');
    await look(candidate, 'kandidaat: kies een moment');
    await candidate.check('input[name=option] >> nth=1');
    await click(candidate, 'button:has-text("Dit moment kies ik")');
    expect(await banner(candidate)).toContain(dutchDate(day(9)).split(' ').slice(0, 2).join(' '));
    await look(candidate, 'kandidaat: afspraak gekozen');

    // 5. All three receive the agreed moment with an invitation in Amsterdam time, and see it.
    const agreed: Record<string, ParsedMail> = {};
    for (const address of [candidateMail, employerMail, brokerMail]) {
      const mail = await mailTo(address, proposalPath, true);
      agreed[address] = mail;
      const event = await icsOf(mail);
      expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(
        'Europe/Amsterdam',
      );
      expect(event.startDate.toString()).toBe(`${day(9)}T14:00:00`);
      expect(event.endDate.toString()).toBe(`${day(9)}T15:00:00`);
      expect(event.location).toContain('Industrieweg 4');
      // The employer's copy never names the candidate beyond what was shared.
      if (address === employerMail) expect(mail.text).not.toContain('Dewi');
    }
    const momentWords = dutchDate(day(9));
    await followMail(
      candidate,
      agreed[candidateMail],
      proposalPath,
      candidateLogin,
      'kandidaat: afspraak',
    );
    expect(await candidate.textContent('main')).toContain(momentWords);
    await followMail(
      employer,
      agreed[employerMail],
      proposalPath,
      employerMail,
      'werkgever: afspraak',
    );
    expect(await employer.textContent('main')).toContain(momentWords);
    await followMail(
      broker,
      agreed[brokerMail],
      proposalPath,
      brokerMail,
      'werkmakelaar: afspraak',
    );
    expect(await broker.textContent('main')).toContain(momentWords);

    // The kennismaking takes place (the clock cannot move in a browser test: the moment moves).
    await t.db.query(
      `UPDATE meeting_options SET starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours'
        WHERE meeting_id IN (SELECT id FROM meetings WHERE proposal_id = $1)`,
      [proposalId],
    );

    // 6. The employer records that it went well (from the same mail).
    await followMail(
      employer,
      agreed[employerMail],
      proposalPath,
      employerMail,
      'werkgever: na de afspraak',
    );
    await click(employer, 'a:has-text("Vertel hoe het ging")');
    await look(employer, 'werkgever: hoe ging het');
    await employer.check('input[name=outcome][value=goed]');
    await click(employer, 'button:has-text("Opslaan")');
    await look(employer, 'werkgever: uitkomst opgeslagen');

    // 7. The werkmakelaar starts the placement from the proposal (the mail's link).
    await followMail(
      broker,
      agreed[brokerMail],
      proposalPath,
      brokerMail,
      'werkmakelaar: na de afspraak',
    );
    await click(broker, `a[href="/werkmakelaar/voorstellen/${proposalId}/plaatsen"]`);
    await look(broker, 'werkmakelaar: plaatsen');
    await broker.check('input[name=arrangement] >> nth=0');
    await broker.fill('[name=startDate]', day(14));
    await broker.fill('[name=hoursPerWeek]', '16');
    await click(broker, 'button:has-text("Plaatsing starten")');
    expect(await banner(broker)).toContain(
      'krijgt een e-mail met de vraag om de plaatsing te bevestigen',
    );
    const [{ id: placementId }] = await t.db.query(
      `SELECT id FROM placements WHERE proposal_id = $1`,
      [proposalId],
    );
    const placementPath = `/plaatsingen/${placementId}`;

    // 8. The employer confirms from the mail.
    await followMail(
      employer,
      await mailTo(employerMail, placementPath),
      placementPath,
      employerMail,
      'werkgever: te bevestigen',
    );
    await click(employer, 'button:has-text("Bevestig de plaatsing")');
    await look(employer, 'werkgever: bevestigd');
    expect(await banner(employer)).not.toBe('');

    // 9. All three see the confirmed placement.
    await followMail(
      broker,
      await mailTo(brokerMail, placementPath),
      placementPath,
      brokerMail,
      'werkmakelaar: bevestigd',
    );
    expect(await broker.textContent('main')).toContain('heeft de plaatsing bevestigd');
    await employer.goto(`/werkgever/plaatsingen/${placementId}`);
    await look(employer, 'werkgever: plaatsing');
    expect(await employer.textContent('main')).not.toContain('Bevestig de plaatsing');
    await followMail(
      candidate,
      agreed[candidateMail],
      proposalPath,
      candidateLogin,
      'kandidaat: geplaatst',
    );
    expect(await candidate.textContent('main')).toContain(
      'Hoveniersbedrijf Groen & Zo heeft de plaatsing bevestigd.',
    );
    const [placement] = await t.db.query(
      `SELECT confirmation, status FROM placements WHERE id = $1`,
      [placementId],
    );
    expect(placement).toEqual({ confirmation: 'bevestigd', status: 'lopend' });
    for (const page of [broker, candidate, employer]) await page.context().close();
    expect(violations).toEqual([]);
  });
});
