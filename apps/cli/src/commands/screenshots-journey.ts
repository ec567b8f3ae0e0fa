import path from 'node:path';
import { passCodePage } from '../bench/staff-sign-in';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { queryRows } from '@werkbrug/database';
import { STORY } from '../demo/demo-story';
import { log } from '../with-database';

export interface JourneyContext {
  browser: Browser;
  base: string;
  /** The scratch database: only to read ids, and to move the agreed moment into the past. */
  db: DataSource;
  outDir: string;
  password: string;
  now?: Date;
}

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const DAY = 86_400_000;

/** YYYY-MM-DD of a date (UTC; the moments are typed as Dutch dates, the hour does not matter). */
const ymd = (d: Date) => d.toISOString().slice(0, 10);
/** The first day on or after `from` that falls on `weekday` (0 = Sunday). */
const nextWeekday = (from: Date, weekday: number) =>
  new Date(from.getTime() + ((weekday - from.getUTCDay() + 7) % 7) * DAY);

/**
 * The demo story of README "Demo walkthrough", played through the pages by the three people, each
 * signed in in their own browser: werkmakelaar1 proposes Noor Visser for "Medewerker lunchroom",
 * kandidaat1 agrees, werkgever1 answers yes with two moments, kandidaat1 picks one, werkgever1
 * records it went well, werkmakelaar1 starts the placement and werkgever1 confirms it. Writes
 * docs/screenshots/reis-NN-*.png in journey order. The database is read for ids only; the one write
 * moves the agreed moment into the past, so the meeting has taken place (as the e2e tests do).
 */
export async function screenshotJourney(ctx: JourneyContext): Promise<void> {
  const { browser, base, db, outDir, password } = ctx;
  const now = ctx.now ?? new Date();
  let n = 0;
  const shot = async (page: Page, name: string) => {
    const file = path.join(outDir, `reis-${String(++n).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    log(`screenshot ${path.relative(process.cwd(), file)}`);
  };
  const click = async (page: Page, selector: string) => {
    await Promise.all([page.waitForNavigation(), page.click(selector)]);
  };
  const person = async (email: string, viewport: { width: number; height: number }) => {
    const context = await browser.newContext({ baseURL: base, viewport, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto('/inloggen');
    await page.fill('#veld-email', email);
    await page.fill('#veld-password', password);
    await click(page, 'main button[type=submit]');
    await passCodePage(page, email);
    if (new URL(page.url()).pathname === '/voorwaarden') {
      await page.check('input[name=akkoord]');
      await click(page, 'main button[type=submit]');
    }
    if (new URL(page.url()).pathname === '/inloggen') throw new Error(`${email} cannot sign in`);
    return page;
  };
  /** The submit button of the form whose button says `text`. */
  const button = (text: string) => `main form button[type=submit]:text-is("${text}")`;

  const [vacancy] = await queryRows<{ id: string }>(
    db,
    `SELECT v.id FROM vacancies v JOIN employers e ON e.id = v.employer_id
      WHERE e.name = $1 AND v.title = $2`,
    [STORY.employerName, STORY.workplaceTitle],
  );
  if (!vacancy) throw new Error('demo story: the lunchroom workplace is missing');

  const broker = await person(STORY.werkmakelaarEmail, DESKTOP);
  const employer = await person(STORY.werkgeverEmail, DESKTOP);
  const candidate = await person(STORY.kandidaatEmail, PHONE);

  // 1. werkmakelaar1 finds Noor, opens her file and proposes her for the lunchroom.
  await broker.goto('/werkmakelaar');
  await broker.fill('#veld-zoek', `${STORY.candidateFirstName} ${STORY.candidateLastName}`);
  await click(broker, 'main form[role=search] button[type=submit]');
  await shot(broker, 'werkmakelaar-zoekt-noor');
  await click(broker, 'main table a');
  await shot(broker, 'werkmakelaar-dossier-noor');
  await click(broker, `main a[href$="/voorstellen/${vacancy.id}"]`);
  await shot(broker, 'werkmakelaar-voorstel-schrijven');
  await click(broker, button('Voorstel versturen'));
  const [proposal] = await queryRows<{ id: string }>(
    db,
    `SELECT p.id FROM proposals p JOIN users u ON u.candidate_id = p.candidate_id
      WHERE u.email = $1 AND p.vacancy_id = $2 ORDER BY p.created_at DESC LIMIT 1`,
    [STORY.kandidaatEmail, vacancy.id],
  );
  if (!proposal) throw new Error('the proposal was not made');
  const id = proposal.id;

  // 2. kandidaat1 sees the question and shares her profile (and her first name).
  await candidate.goto('/kandidaat/toestemming');
  await click(candidate, `main a[href="/kandidaat/toestemming/${id}"]`);
  if (await candidate.$('input[name=share][value=firstName]'))
    await candidate.check('input[name=share][value=firstName]');
  await candidate.check('input[name=share][value=werkmakelaarContact]');
  await shot(candidate, 'kandidaat-toestemming-vraag');
  await click(candidate, button('Ja, deel mijn profiel'));

  // 3. werkgever1 answers yes: a kennismakingsgesprek, two moments next week.
  await employer.goto('/werkgever/voorstellen');
  await click(employer, `main a[href="/werkgever/voorstellen/${id}"]`);
  await employer.check('input[name=meetingKind][value=kennismaking]');
  const tuesday = nextWeekday(new Date(now.getTime() + 7 * DAY), 2);
  const moments = [
    { date: ymd(tuesday), from: '10:00', to: '10:45' },
    { date: ymd(new Date(tuesday.getTime() + DAY)), from: '14:00', to: '14:45' },
  ];
  for (const [i, m] of moments.entries()) {
    await employer.fill(`input[name=moment${i + 1}Date]`, m.date);
    await employer.fill(`input[name=moment${i + 1}From]`, m.from);
    await employer.fill(`input[name=moment${i + 1}To]`, m.to);
    await employer.fill(
      `input[name=moment${i + 1}Place]`,
      `${STORY.employerName}, Kerkstraat 12, Woerden`,
    );
    await employer.fill(`input[name=moment${i + 1}With]`, 'Marieke de Graaf, eigenaar');
  }
  await shot(employer, 'werkgever-antwoord-met-momenten');
  await click(employer, button('Ja, stuur de momenten'));
  await shot(employer, 'werkgever-momenten-verstuurd');

  // 4. kandidaat1 picks the first moment.
  await candidate.goto(`/kandidaat/toestemming/${id}`);
  await shot(candidate, 'kandidaat-voorstel-kies-een-moment');
  await click(candidate, 'main a:text-is("Kies een moment")');
  await candidate.check('input[name=option] >> nth=0');
  await shot(candidate, 'kandidaat-kies-een-moment');
  await click(candidate, button('Dit moment kies ik'));
  await shot(candidate, 'kandidaat-moment-gekozen');

  // The werkmakelaar sees the agreed moment on the proposal.
  await broker.goto(`/werkmakelaar/voorstellen/${id}`);
  await shot(broker, 'werkmakelaar-afspraak-gemaakt');

  // The kennismaking takes place. The one write of this command: the agreed moment is moved to the
  // last weekday before today (same hour), so the employer can tell how it went (as the e2e tests do).
  let held = new Date(now.getTime() - DAY);
  while ([0, 6].includes(held.getUTCDay())) held = new Date(held.getTime() - DAY);
  await queryRows(
    db,
    `UPDATE meeting_options o
        SET starts_at = o.starts_at - ((o.starts_at AT TIME ZONE 'Europe/Amsterdam')::date - $2::date) * interval '1 day',
            ends_at = o.ends_at - ((o.starts_at AT TIME ZONE 'Europe/Amsterdam')::date - $2::date) * interval '1 day'
       FROM meetings m WHERE m.proposal_id = $1 AND o.id = m.chosen_option_id`,
    [id, ymd(held)],
  );

  // 5. werkgever1 records that it went well.
  await employer.goto(`/werkgever/voorstellen/${id}`);
  await click(employer, 'main a:text-is("Vertel hoe het ging")');
  await employer.check('input[name=outcome][value=goed]');
  await employer.fill(
    'textarea[name=outcomeNote]',
    'Fijn gesprek. Noor wil graag beginnen met een proefplaatsing.',
  );
  await shot(employer, 'werkgever-hoe-ging-het');
  await click(employer, button('Opslaan'));
  await shot(employer, 'werkgever-verslag-opgeslagen');

  // 6. werkmakelaar1 starts the placement from the proposal.
  await broker.goto(`/werkmakelaar/voorstellen/${id}`);
  await shot(broker, 'werkmakelaar-voorstel-na-kennismaking');
  await click(broker, `main a[href="/werkmakelaar/voorstellen/${id}/plaatsen"]`);
  await broker.check('input[name=arrangement][value=proefplaatsing]');
  await broker.fill(
    'input[name=startDate]',
    ymd(nextWeekday(new Date(now.getTime() + 7 * DAY), 1)),
  );
  await broker.fill('input[name=hoursPerWeek]', '16');
  await shot(broker, 'werkmakelaar-plaatsing-starten');
  await click(broker, button('Plaatsing starten'));
  await shot(broker, 'werkmakelaar-plaatsing-gestart');

  // 7. werkgever1 confirms the placement.
  await employer.goto('/werkgever/plaatsingen');
  await shot(employer, 'werkgever-plaatsingen-te-bevestigen');
  const [placement] = await queryRows<{ id: string }>(
    db,
    `SELECT id FROM placements WHERE proposal_id = $1`,
    [id],
  );
  if (!placement) throw new Error('the placement was not started');
  await click(employer, `#te-bevestigen ~ ul a[href="/werkgever/plaatsingen/${placement.id}"]`);
  await shot(employer, 'werkgever-bevestig-de-plaatsing');
  await click(employer, 'main form button:text-is("Bevestig de plaatsing")');
  await shot(employer, 'werkgever-plaatsing-bevestigd');
  await employer.goto(`/werkgever/werkplekken/${vacancy.id}`);
  await shot(employer, 'werkgever-werkplek-gevuld');

  // Noor sees the confirmed placement on her proposal.
  await candidate.goto(`/kandidaat/toestemming/${id}`);
  await shot(candidate, 'kandidaat-plaatsing-bevestigd');

  for (const page of [broker, employer, candidate]) await page.context().close();
}
