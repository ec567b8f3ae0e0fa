/// <reference lib="dom" />
import ExcelJS from 'exceljs';
import { LoginThrottle } from '@werkbrug/auth';
import { ImportService } from '@werkbrug/import';
import {
  axeViolations,
  type Browser,
  launchChromium,
  newContext,
  type Page,
  signInPage,
} from './support/browser';
import type { Route } from 'playwright-core';
import { buildWorld, PASSWORD, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** The candidate columns as a Dutch office writes them (the template's headers, in another order). */
const HEADERS = [
  'Extern ID',
  'Voornaam',
  'Achternaam',
  'Geboortedatum',
  'Postcode',
  'Breedtegraad',
  'Lengtegraad',
  'Werksoort',
  'Uren per week',
  'Dagen',
  'Dagdelen',
  'Vervoer',
  'Participatieladder',
  'Route',
];

type Row = (string | number | Date)[];
const candidate = (id: string, first: string, last: string, postcode = '3441 AB'): Row => [
  id,
  first,
  last,
  '15-01-1990',
  postcode,
  '52,09',
  '4,87',
  'Groen',
  '16-24',
  'ma, di, do',
  'ochtend, middag',
  'fiets',
  4,
  'werk',
];

async function xlsx(rows: Row[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Kandidaten');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The import pages in a real headless Chromium: a werkmakelaar uploads a small XLSX of candidates
 * (made here with exceljs, Dutch headers, one bad row), sees the dry run's report with the bad row's
 * Dutch message, starts the real run and sees it done. The job page refreshes itself while the job
 * waits or runs (a Refresh header, no script), and says so. Once more with JavaScript switched off,
 * with the refresh stopped and the plain "Ververs" link. axe-core (WCAG 2.1 A/AA) and the Dutch word
 * check on every page in every state; axe needs JavaScript, so it runs in the first pass. The worker's
 * part (ImportService.processNext) runs in this process.
 */
describe('import pages in Chromium', () => {
  let t: TestApp;
  let w: World;
  let browser: Browser;
  let base: string;
  const violations: string[] = [];
  const axe = async (page: Page, label: string) =>
    violations.push(...(await axeViolations(page, label)));
  /**
   * axe on a page that refreshes itself: the refresh's request waits until axe is done (else the
   * new page would replace the one axe reads), then goes on.
   */
  const axeHeld = async (page: Page, label: string) => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const hold = async (route: Route) => {
      await held;
      await route.continue();
    };
    await page.route('**/werkmakelaar/import/**', hold);
    try {
      await axe(page, label);
    } finally {
      release();
      await page.unroute('**/werkmakelaar/import/**', hold);
    }
  };
  const main = async (page: Page) => (await page.textContent('main')) ?? '';
  /** Submits a form from the keyboard (focus its button, Enter): the same with JavaScript off. */
  const submit = async (page: Page, selector: string) => {
    await page.focus(selector);
    const [response] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    return response;
  };
  const uploadButton = 'form[enctype="multipart/form-data"] button[type=submit]';
  /** The worker: processes every waiting job. */
  const work = async () => {
    const imports = t.app.get(ImportService);
    for (let i = 0; i < 10 && (await imports.processNext()); i++);
  };
  const count = async (sql: string, params: unknown[]) =>
    ((await t.db.query(sql, params)) as { n: number }[])[0]?.n ?? -1;

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
  /** The werkmakelaar's dry run of the first test (the administrator opens it too). */
  let dryRunId = '';

  it('takes a werkmakelaar from the upload through the dry run to the real run', async () => {
    const context = await newContext(browser, base);
    const page = await context.newPage();
    await signInPage(page, 'wm.a@test.nl', PASSWORD);
    // The way in: a link on the caseload page.
    await Promise.all([page.waitForNavigation(), page.click('a[href="/werkmakelaar/import"]')]);
    expect(await page.title()).toBe('Importeren en exporteren – Werkbrug');
    expect(await main(page)).toContain('Kolommen voor kandidaten');
    expect(await main(page)).toContain('maandag, dinsdag, woensdag');
    await axe(page, 'start, nog niets geïmporteerd');

    // No file: the summary links to the file field.
    await submit(page, uploadButton);
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.textContent('.werkbrug-error-summary')).toContain(
      'Kies het bestand met kandidaten.',
    );
    expect(await page.getAttribute('.werkbrug-error-summary a', 'href')).toBe('#veld-bestand');
    await axe(page, 'start, geen bestand');

    // A PDF renamed .xlsx: the import's own Dutch answer.
    await page.setInputFiles('#veld-bestand', {
      name: 'kandidaten.xlsx',
      mimeType: XLSX_TYPE,
      buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n'),
    });
    await submit(page, uploadButton);
    expect(await page.textContent('.werkbrug-error-summary')).toContain(
      'Dit is een PDF-bestand, ook al eindigt de naam op .xlsx.',
    );
    await axe(page, 'start, verkeerd bestand');

    // The file: two good rows and one with a postcode that is none (spreadsheet row 4).
    const before = await count(
      `SELECT count(*)::int AS n FROM candidates WHERE organisation_id = $1`,
      [w.orgA],
    );
    const mails = `SELECT count(*)::int AS n FROM outbox_messages WHERE topic = 'mail.send'`;
    const mailsBefore = await count(mails, []);
    await page.setInputFiles('#veld-bestand', {
      name: 'kandidaten Ferm Werk.xlsx',
      mimeType: XLSX_TYPE,
      buffer: await xlsx([
        candidate('K-1001', 'Noor', 'Visser'),
        candidate('K-1002', 'Daan', 'de Jong', '3441ab'),
        candidate('K-1003', 'Lotte', 'Smit', '12'),
      ]),
    });
    await page.fill('#veld-doel', 'Overdracht van de dossiers bij de start met Werkbrug');
    const queued = await submit(page, uploadButton);
    expect(new URL(page.url()).pathname).toMatch(/^\/werkmakelaar\/import\/[0-9a-f-]{36}$/);
    dryRunId = new URL(page.url()).pathname.split('/').pop() as string;
    expect(queued?.headers()['refresh']).toBe('2');
    expect(await page.title()).toBe('Proefimport van kandidaten – Werkbrug');
    expect(await main(page)).toContain('In de wachtrij');
    expect(await main(page)).toContain('Deze pagina ververst zichzelf elke 2 seconden.');
    await axeHeld(page, 'proefimport in de wachtrij');

    // A worker broke off halfway (its lease ran out): the page says how far it got.
    await t.db.query(
      `UPDATE import_jobs SET status = 'running', rows_total = 600, rows_done = 312,
              lease_until = now() - interval '1 second' WHERE id = $1`,
      [dryRunId],
    );
    await page.reload();
    expect(await main(page)).toContain('Bezig. 312 van 600 rijen gelezen.');
    await axeHeld(page, 'proefimport bezig');

    // The worker finishes; the page refreshes itself and shows the report.
    await work();
    await page.waitForSelector('text=Wat er zou gebeuren', { timeout: 15_000 });
    const report = await main(page);
    expect(report).toMatch(/Nieuw\s*2/);
    expect(report).toMatch(/Geweigerd\s*1/);
    expect(report).toContain('Geen Nederlandse postcode. Schrijf vier cijfers en twee letters');
    const badRow = (await page.textContent('#bevindingen ~ .werkbrug-table-wrap tbody tr')) ?? '';
    expect(badRow).toMatch(/^\s*4\s*Postcode\s*12/);
    expect(report).toContain('Geïmporteerde kandidaten krijgen geen e-mail van Werkbrug.');
    await axe(page, 'proefimport klaar, met bevindingen');
    // Nothing was written by the dry run.
    expect(
      await count(`SELECT count(*)::int AS n FROM candidates WHERE organisation_id = $1`, [w.orgA]),
    ).toBe(before);
    // The report as a file.
    const file = await context.request.get(
      (await page.getAttribute('a:text("verslag (Excel)")', 'href')) as string,
    );
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');

    // The real run: check, then import.
    const button = 'form[action$="/importeren"] button[type=submit]';
    expect((await page.textContent(button))?.trim()).toBe('Importeer 2 rijen');
    await submit(page, button);
    expect(new URL(page.url()).pathname).not.toContain(dryRunId);
    expect(await page.textContent('.werkbrug-notification-banner')).toContain(
      'De import van 2 rijen is gestart.',
    );
    expect(await page.title()).toBe('Import van kandidaten – Werkbrug');
    await axeHeld(page, 'import in de wachtrij');
    await work();
    await page.waitForSelector('text=De import is klaar', { timeout: 15_000 });
    expect(await main(page)).toMatch(/Toegevoegd\s*2/);
    expect(await main(page)).toContain('Werkbrug heeft 2 nieuwe kandidaten toegevoegd');
    await axe(page, 'import klaar');
    expect(
      await count(`SELECT count(*)::int AS n FROM candidates WHERE organisation_id = $1`, [w.orgA]),
    ).toBe(before + 2);
    expect(await count(mails, [])).toBe(mailsBefore);

    // Back on the start page: both jobs in the list; an export of the workplaces.
    for (const kind of ['werkgevers', 'werkplekken']) {
      await page.goto(`/werkmakelaar/import?soort=${kind}`);
      expect(await main(page)).toContain(`Kolommen voor ${kind}`);
      await axe(page, `start, ${kind}`);
    }
    await page.goto('/werkmakelaar/import');
    expect(await page.locator('#recent ~ .werkbrug-table-wrap tbody tr').count()).toBe(2);
    await axe(page, 'start, met recente imports');
    await page.check('input[name="export-soort"][value="werkplekken"]');
    await page.check('input[name="export-formaat"][value="csv"]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('form[action$="/export"] button[type=submit]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await context.close();
    expect(violations).toEqual([]);
  });

  it('works without JavaScript: the page refreshes itself, or by the plain link', async () => {
    const context = await newContext(browser, base, false);
    const page = await context.newPage();
    await signInPage(page, 'wm.a@test.nl', PASSWORD);
    await page.goto('/werkmakelaar/import');
    await page.setInputFiles('#veld-bestand', {
      name: 'nieuwe kandidaten.xlsx',
      mimeType: XLSX_TYPE,
      buffer: await xlsx([candidate('K-2001', 'Sem', 'Bos'), candidate('K-2002', 'Eva', 'Mol')]),
    });
    await submit(page, uploadButton);
    expect(await main(page)).toContain('In de wachtrij');

    // The reader stops the refresh: the page no longer asks for it, the plain link stays.
    const [stopped] = await Promise.all([
      page.waitForNavigation(),
      page.click('text=Stop het verversen'),
    ]);
    expect(stopped?.headers()['refresh']).toBeUndefined();
    expect(await main(page)).toContain('De pagina ververst zichzelf niet.');
    await work();
    await Promise.all([page.waitForNavigation(), page.click('a:text-is("Ververs")')]);
    expect(await main(page)).toMatch(/Nieuw\s*2/);
    expect(await main(page)).toContain('Werkbrug vond geen fouten in het bestand.');

    // The real run; this time the page refreshes itself until it is done.
    await submit(page, 'form[action$="/importeren"] button[type=submit]');
    expect(await main(page)).toContain('De import van 2 rijen is gestart.');
    await work();
    await page.waitForSelector('text=De import is klaar', { timeout: 15_000 });
    expect(await main(page)).toMatch(/Toegevoegd\s*2/);
    await context.close();
  });

  it('lets an administrator choose the organisation, import into it and open its jobs', async () => {
    const context = await newContext(browser, base);
    const page = await context.newPage();
    await signInPage(page, 'admin@test.nl', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('nav a[href="/beheer/import"]')]);
    expect(await page.locator('#veld-bestand').count()).toBe(0);
    await axe(page, 'beheer: kies een organisatie');
    await page.selectOption('#veld-organisatie', w.orgA);
    await submit(page, 'form[method="get"] button[type=submit]');
    expect(await main(page)).toContain('Zet gegevens van Ferm Werk in één keer in Werkbrug');
    // No protected data from an administrator: no purpose field, a sentence why.
    expect(await page.locator('#veld-doel').count()).toBe(0);
    expect(await main(page)).toContain('Als beheerder importeert u geen beschermde gegevens');
    expect(await page.locator('input[name="export-soort"][value="kandidaten"]').count()).toBe(0);
    await axe(page, 'beheer: kandidaten importeren');
    await Promise.all([page.waitForNavigation(), page.click('text=Werkplekken importeren')]);
    expect(await main(page)).toContain('Kolommen voor werkplekken');
    await axe(page, 'beheer: werkplekken importeren');
    await page.setInputFiles('#veld-bestand', {
      name: 'werkplekken.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n'),
    });
    await submit(page, uploadButton);
    expect(await page.textContent('.werkbrug-error-summary')).toContain(
      'Het bestand werkplekken.pdf is geen Excel-bestand (.xlsx) of CSV-bestand.',
    );
    await axe(page, 'beheer: verkeerd bestand');
    // The werkmakelaar's dry run, seen by the administrator (already imported).
    await page.goto(`/beheer/import/${dryRunId}`);
    expect(await main(page)).toContain('Ferm Werk');
    expect(await main(page)).toContain('Deze proefimport is al geïmporteerd.');
    await axe(page, 'beheer: proefimport van een werkmakelaar');
    await context.close();
    expect(violations).toEqual([]);
  });
});
