import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { freePort, startStack } from '@werkbrug/embedded';
import { SearchIndexer } from '@werkbrug/matching';
import { BenchMatchingModule } from '../bench/bench-matching.module';
import { DEMO_PASSWORD, freshDatabase, urlFor } from '../bench/bench-context';
import { passCodePage } from '../bench/staff-sign-in';
import { startApp, stopChild, waitHttp } from '../bench/bench-processes';
import { seedDemo } from '../demo';
import { log } from '../with-database';
import { queryRows } from '@werkbrug/database';
import { screenshotJourney } from './screenshots-journey';

/** Debian's Chromium (CHROMIUM_PATH overrides); never a downloaded browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * `npm run screenshots`: the main pages, from the demo region, as PNGs in docs/screenshots/, then the
 * demo story's journey across its three people (reis-NN-*.png, screenshots-journey.ts). Runs on its
 * own scratch stack (never your data) and drives Debian's Chromium through playwright-core.
 */
export async function screenshotsCommand(): Promise<void> {
  const dataDir = path.join(tmpdir(), 'werkbrug-screenshots');
  const outDir = path.join(process.cwd(), 'docs', 'screenshots');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(outDir, { recursive: true });
  delete process.env.DATABASE_URL;
  delete process.env.MEILI_URL;
  // One key for the seed here and the API it starts: the demo staff's second factor is sealed with
  // it (without it each would derive its own from a different database address).
  process.env.WERKBRUG_SECRET_KEY ||= randomBytes(32).toString('base64url');
  const stack = await startStack({
    dataDir,
    pgPort: await freePort(),
    meiliPort: await freePort(),
    log,
  });
  let api: ReturnType<typeof startApp> | undefined;
  let db: Awaited<ReturnType<typeof freshDatabase>> | undefined;
  // playwright-core is a development dependency: loaded only here.
  const { chromium } = await import('playwright-core');
  if (CHROMIUM === '/usr/bin/chromium' && !existsSync('/usr/lib/chromium/locales/nl.pak'))
    log('date and time fields show in English: apt-get install chromium-l10n for the Dutch ones');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Chromium on Linux takes its language (date and time fields: 15-12-2026, 14:00) from LANGUAGE.
    env: { ...process.env, LANGUAGE: 'nl' },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    db = await freshDatabase({ stack, dataDir, log }, 'screenshots');
    // A fixed reference date and seed: the same pictures every run.
    await seedDemo(db, {
      vacancies: 240,
      candidates: 600,
      password: DEMO_PASSWORD,
      log: () => undefined,
      today: new Date('2026-11-23T12:00:00Z'),
    });
    const [{ email, employer_id: employerId }] = await queryRows<{
      email: string;
      employer_id: string;
    }>(
      db,
      `SELECT u.email, u.employer_id FROM users u WHERE u.role = 'werkgever' AND EXISTS (
         SELECT 1 FROM proposals p JOIN vacancies v ON v.id = p.vacancy_id WHERE v.employer_id = u.employer_id)
       ORDER BY u.email LIMIT 1`,
    );
    const [proposal] = await queryRows<{ id: string }>(
      db,
      `SELECT p.id FROM proposals p JOIN vacancies v ON v.id = p.vacancy_id
        WHERE v.employer_id = $1 AND p.status = 'wacht_op_werkgever' ORDER BY p.created_at, p.id LIMIT 1`,
      [employerId],
    );
    const [vacancy] = await queryRows<{ id: string }>(
      db,
      `SELECT id FROM vacancies WHERE employer_id = $1 AND status = 'open' ORDER BY id LIMIT 1`,
      [employerId],
    );
    // The candidate's suggestions and the console's matches read Meilisearch: build the indexes first.
    Object.assign(process.env, {
      ...stack.env,
      DATABASE_URL: urlFor(stack, 'screenshots'),
      MEILI_INDEX_PREFIX: 'shots_',
      LOG_LEVEL: 'warn',
    });
    const indexing = await NestFactory.createApplicationContext(BenchMatchingModule, {
      logger: ['error'],
    });
    await indexing.get(SearchIndexer).ensureSettings();
    await indexing.get(SearchIndexer).reindex(() => undefined);
    await indexing.close();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    api = startApp('api', {
      ...stack.env,
      DATABASE_URL: urlFor(stack, 'screenshots'),
      MEILI_INDEX_PREFIX: 'shots_',
      PORT: String(port),
    });
    await waitHttp(`${base}/health`);
    const context = await browser.newContext({
      baseURL: base,
      viewport: { width: 1280, height: 900 },
      locale: 'nl-NL',
    });
    const page = await context.newPage();
    let n = 0;
    const shot = async (name: string) => {
      const file = path.join(outDir, `${String(++n).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      log(`screenshot ${path.relative(process.cwd(), file)}`);
    };
    const submit = (selector: string) =>
      Promise.all([page.waitForNavigation(), page.click(selector)]);

    await page.goto('/');
    await shot('voorpagina');
    await page.goto('/inloggen');
    await submit('main button[type=submit]');
    await shot('inloggen-met-fouten');
    await page.fill('#veld-email', email);
    await page.fill('#veld-password', DEMO_PASSWORD);
    await submit('main button[type=submit]');
    await shot('voorwaarden');
    await page.check('#veld-akkoord');
    await submit('main button[type=submit]');
    await shot('werkgever-start');
    await page.goto('/werkgever/werkplekken/nieuw');
    await page.fill('#veld-title', 'Medewerker kwekerij');
    await page.fill('#veld-hoursMin', '8');
    await page.fill('#veld-hoursMax', '40');
    await page.check('input[name=hoursAdjustable][value=ja]');
    await submit('main form button[type=submit]');
    await shot('werkplek-formulier-met-fouten');
    await page.selectOption('#veld-werksoort', 'groen');
    await page.fill('#veld-hoursMax', '20');
    for (const sel of [
      '#veld-workingDays',
      '#veld-workingDays-1',
      '#veld-workingDays-3',
      '#veld-dayparts',
      '#veld-adjustments',
      '#veld-adjustments-2',
      '#veld-arrangements-1',
      '#veld-arrangements-3',
      '#veld-support',
    ])
      await page.check(sel);
    for (const aspect of ['lifting', 'standing', 'pace', 'stimuli', 'outdoor'])
      await page.check(`input[name=${aspect}][value="1"]`);
    await page.fill(
      '#veld-description',
      'Stekken oppotten en planten verzorgen in de kas, samen met een vaste collega.',
    );
    await submit('main form button[type=submit]');
    await shot('werkplek-controleren');
    await submit('main form > button[type=submit]');
    await shot('werkplek-gepubliceerd');
    await page.goto('/werkgever/werkplekken');
    await shot('werkplekken');
    await page.goto(
      `/werkgever/instrumenten?bereken=1&werkplek=${vacancy.id}&doelgroep=ja&uitkering=participatiewet&maanden=12`,
    );
    await shot('instrumenten');
    await page.goto('/werkgever/voorstellen');
    await shot('voorstellen');
    await page.goto(`/werkgever/voorstellen/${proposal.id}`);
    await shot('voorstel');
    await page.goto('/werkgever/plaatsingen');
    await shot('plaatsingen');
    await page.goto('/werkgever/account');
    await shot('account');
    await context.close();
    // The candidate's pages on a phone and the werkmakelaar's console (libs/kandidaat-pages).
    const phone = await browser.newContext({
      baseURL: base,
      viewport: { width: 390, height: 844 },
      locale: 'nl-NL',
    });
    const mobile = await phone.newPage();
    const signIn = async (p: typeof page, who: string) => {
      await p.goto('/inloggen');
      await p.fill('#veld-email', who);
      await p.fill('#veld-password', DEMO_PASSWORD);
      await Promise.all([p.waitForNavigation(), p.click('main button[type=submit]')]);
      await passCodePage(p, who);
    };
    const shotOf = async (p: typeof page, name: string) => {
      const file = path.join(outDir, `${String(++n).padStart(2, '0')}-${name}.png`);
      await p.screenshot({ path: file, fullPage: true });
      log(`screenshot ${path.relative(process.cwd(), file)}`);
    };
    await signIn(mobile, 'kandidaat1@demo.werkbrug');
    await shotOf(mobile, 'kandidaat-werkplekken');
    const firstWorkplace = await mobile.getAttribute('.werkbrug-result a', 'href');
    if (firstWorkplace) {
      await mobile.goto(firstWorkplace);
      await shotOf(mobile, 'kandidaat-werkplek');
    }
    await mobile.goto('/kandidaat/toestemming');
    await shotOf(mobile, 'kandidaat-toestemming');
    await mobile.goto('/kandidaat/wensen');
    await shotOf(mobile, 'kandidaat-wensen');
    await mobile.goto('/kandidaat/gegevens');
    await shotOf(mobile, 'kandidaat-gegevens');
    await phone.close();
    const console_ = await browser.newContext({
      baseURL: base,
      viewport: { width: 1280, height: 900 },
      locale: 'nl-NL',
    });
    const desk = await console_.newPage();
    await signIn(desk, 'werkmakelaar1@fermwerk.demo');
    await shotOf(desk, 'werkmakelaar-kandidaten');
    const firstCandidate = await desk.getAttribute('table a', 'href');
    if (firstCandidate) {
      await desk.goto(firstCandidate);
      await shotOf(desk, 'werkmakelaar-dossier');
    }
    await desk.goto('/werkmakelaar/voorstellen');
    await shotOf(desk, 'werkmakelaar-voorstellen');
    await desk.goto('/werkmakelaar/plaatsingen');
    await shotOf(desk, 'werkmakelaar-plaatsingen');
    if (firstCandidate) {
      // The instruments at the first workplace offered, read for a stated purpose.
      await desk.goto(`${firstCandidate}/instrumenten`);
      if (await desk.$('input[name=werkplek]')) {
        await desk.check('input[name=werkplek] >> nth=0');
        await desk.check('input[name=doel] >> nth=0');
        await Promise.all([desk.waitForNavigation(), desk.click('main form button[type=submit]')]);
      }
      await shotOf(desk, 'werkmakelaar-instrumenten');
    }
    await desk.goto('/werkmakelaar/werkplekken/nieuw');
    await shotOf(desk, 'werkmakelaar-werkplek-voor-werkgever');
    await desk.goto('/werkmakelaar/trajecten');
    await shotOf(desk, 'werkmakelaar-trajecten');
    const firstTrajectory = await desk.getAttribute('main table a', 'href');
    if (firstTrajectory) {
      await desk.goto(firstTrajectory);
      await shotOf(desk, 'werkmakelaar-traject');
      await desk.goto(`${firstTrajectory}/afsluiten`);
      await shotOf(desk, 'werkmakelaar-traject-afsluiten');
    }
    await desk.goto('/werkmakelaar/rapportages');
    await shotOf(desk, 'werkmakelaar-rapportages');
    await desk.goto('/account/sessies');
    await shotOf(desk, 'apparaten-en-sessies');
    await desk.goto('/werkmakelaar/import');
    await shotOf(desk, 'werkmakelaar-importeren');
    // werkmakelaar1 as the organisation's administrator: its users, invitations and sign-in settings.
    const [own] = await queryRows<{ id: string }>(
      db,
      `UPDATE users SET organisation_admin = true WHERE email = 'werkmakelaar1@fermwerk.demo'
       RETURNING organisation_id AS id`,
    );
    if (own) {
      await desk.goto(`/beheer/organisaties/${own.id}`);
      await shotOf(desk, 'organisatie-beheren');
    }
    await console_.close();
    // The second factor's page, as a werkmakelaar sees it after the password.
    const codeContext = await browser.newContext({
      baseURL: base,
      viewport: { width: 1280, height: 900 },
      locale: 'nl-NL',
    });
    const codePage = await codeContext.newPage();
    await codePage.goto('/inloggen');
    await codePage.fill('#veld-email', 'werkmakelaar2@fermwerk.demo');
    await codePage.fill('#veld-password', DEMO_PASSWORD);
    await Promise.all([codePage.waitForNavigation(), codePage.click('main button[type=submit]')]);
    await shotOf(codePage, 'inlogcode');
    await codeContext.close();
    // The demo story (README "Demo walkthrough"), played by its three people: reis-NN-*.png.
    await screenshotJourney({ browser, base, db, outDir, password: DEMO_PASSWORD });
  } finally {
    await browser.close();
    if (db?.isInitialized) await db.destroy();
    if (api) await stopChild(api);
    await stack.stop();
  }
  process.exit(0);
}
