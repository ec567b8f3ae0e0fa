/// <reference lib="dom" />
import type { ParsedMail } from 'mailparser';
import { LoginThrottle } from '@werkbrug/auth';
import {
  axeViolations,
  type Browser,
  chooseRadio,
  launchChromium,
  newContext,
  type Page,
  passSecondFactorPage,
  pressButton,
  signInPage,
  typeInto,
} from './support/browser';
import { buildWorld, PASSWORD, World } from './support/fixtures';
import { startSmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';
import { mailDrain } from './support/mail-drain';

const PUBLIC_URL = 'https://werkbrug.example';
const NEW_PASSWORD = 'Een nieuw en lang wachtwoord 2026';

/**
 * The administration of organisations in Chromium, as an administrator and as an organisation
 * administrator: invite a werkmakelaar (the mail over real SMTP, its link, a password, a sign-in),
 * change a role, stop an account (its other browser is signed out at once), retry a failed message
 * and find a line in the logboek; axe-core and the Dutch word check on every page on the way.
 */
jest.setTimeout(300_000);

describe('administration of organisations in Chromium', () => {
  let t: TestApp;
  let w: World;
  let browser: Browser;
  let base: string;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let drain: () => Promise<number>;
  const findings: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL });
    w = await buildWorld(t);
    base = t.url;
    browser = await launchChromium();
    drain = mailDrain(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });
  beforeEach(() => t.app.get(LoginThrottle).reset());

  const path = (page: Page) => new URL(page.url()).pathname;
  const check = async (page: Page, label: string) =>
    findings.push(...(await axeViolations(page, label)));
  const click = async (page: Page, selector: string) => {
    await Promise.all([page.waitForNavigation(), page.click(selector)]);
  };
  const notice = (page: Page) => page.textContent('[role=status]');
  /** The set-password link of the newest mail to an address, on the browser's own server. */
  const linkIn = (mail: ParsedMail) => {
    const found = /https?:\/\/\S+\/wachtwoord-instellen\/[A-Za-z0-9_-]+/.exec(mail.text ?? '');
    if (!found) throw new Error(`no link in: ${mail.text}`);
    return found[0].replace(PUBLIC_URL, base);
  };

  it('invites a werkmakelaar, who sets a password and signs in; roles and stopping an account', async () => {
    const admin = await (await newContext(browser, base)).newPage();
    await signInPage(admin, 'admin@test.nl', PASSWORD);
    expect(path(admin)).toBe('/beheer');

    // The menu leads to the organisations; Ferm Werk is organisation A.
    await click(admin, 'nav a[href="/beheer/organisaties"]');
    await check(admin, 'organisaties');
    await click(admin, `a[href="/beheer/organisaties/${w.orgA}"]`);
    expect(path(admin)).toBe(`/beheer/organisaties/${w.orgA}`);
    await check(admin, 'organisatie');

    // Invite, with the keyboard: a mistake first, then check the answers, then send.
    await typeInto(admin, '#veld-displayName', 'Nadia Nieuw');
    await typeInto(admin, '#veld-email', 'nadia@');
    await pressButton(admin, 'form[action$="/uitnodigen"] button[type=submit]');
    expect(await admin.textContent('.werkbrug-field__error')).toContain('e-mailadres');
    await check(admin, 'uitnodigen met een fout');
    await typeInto(admin, '#veld-email', 'nadia@fermwerk.nl');
    await chooseRadio(admin, 'functie', 'werkmakelaar');
    await pressButton(admin, 'form[action$="/uitnodigen"] button[type=submit]');
    expect(await admin.textContent('h1')).toBe('Klopt de uitnodiging?');
    expect(await admin.textContent('main')).toContain('nadia@fermwerk.nl');
    await check(admin, 'uitnodiging controleren');
    await pressButton(admin, 'main button.utrecht-button--primary-action');
    expect(path(admin)).toBe(`/beheer/organisaties/${w.orgA}`);
    expect(await notice(admin)).toContain('De uitnodiging is verstuurd naar nadia@fermwerk.nl');
    expect(await admin.textContent('main table')).toContain('Uitgenodigd');
    await check(admin, 'organisatie na uitnodiging');

    // The mail over SMTP; its link sets the password, then Nadia signs in.
    await drain();
    const mails = smtp.to('nadia@fermwerk.nl');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('nodigt u uit voor Werkbrug');
    expect(mails[0]?.text).toContain('werkmakelaar bij Ferm Werk');
    const nadiaContext = await newContext(browser, base);
    const nadia = await nadiaContext.newPage();
    await nadia.goto(linkIn(mails[0] as ParsedMail));
    await check(nadia, 'wachtwoord kiezen');
    await nadia.fill('#veld-password', NEW_PASSWORD);
    await nadia.fill('#veld-repeat', NEW_PASSWORD);
    await click(nadia, 'main button[type=submit]');
    expect(path(nadia)).toBe('/inloggen');
    await nadia.fill('#veld-email', 'nadia@fermwerk.nl');
    await nadia.fill('#veld-password', NEW_PASSWORD);
    await click(nadia, 'main button[type=submit]');
    // A werkmakelaar sets up an authenticator app at the first sign-in.
    expect(path(nadia)).toBe('/inlogcode/instellen');
    await check(nadia, 'authenticator-app instellen');
    await passSecondFactorPage(nadia, 'nadia@fermwerk.nl');
    expect(path(nadia)).toBe('/werkmakelaar');
    // Not (yet) an organisation administrator: no menu item, and the page is refused.
    expect(await nadia.$('nav a[href="/beheer/organisaties"]')).toBeNull();
    expect((await nadia.goto(`/beheer/organisaties/${w.orgA}`))?.status()).toBe(403);

    // The administrator sees when Nadia signed in, and makes her the organisation's administrator.
    await admin.reload();
    const nadiaRow = admin.locator('tr', { hasText: 'nadia@fermwerk.nl' });
    expect(await nadiaRow.textContent()).toContain('Actief');
    expect(await nadiaRow.textContent()).not.toContain('Nog nooit');
    await Promise.all([
      admin.waitForNavigation(),
      nadiaRow.locator('button', { hasText: 'Maak beheerder van de organisatie' }).click(),
    ]);
    expect(await admin.textContent('h1')).toContain(
      'Wilt u Nadia Nieuw beheerder van Ferm Werk maken?',
    );
    await check(admin, 'rol wijzigen vragen');
    await click(admin, 'main button.utrecht-button--primary-action');
    expect(await notice(admin)).toContain('Nadia Nieuw is nu beheerder van Ferm Werk.');
    const [flag] = await t.db.query(`SELECT organisation_admin FROM users WHERE email = $1`, [
      'nadia@fermwerk.nl',
    ]);
    expect(flag.organisation_admin).toBe(true);

    // Nadia, organisation administrator: her organisation only, and no other /beheer pages.
    await nadia.goto('/werkmakelaar');
    await click(nadia, 'nav a[href="/beheer/organisaties"]');
    expect(path(nadia)).toBe(`/beheer/organisaties/${w.orgA}`);
    expect(await nadia.$('a[href$="/wijzigen"]')).toBeNull();
    await check(nadia, 'eigen organisatie als organisatiebeheerder');
    expect((await nadia.goto(`/beheer/organisaties/${w.orgB}`))?.status()).toBe(404);
    for (const other of ['/beheer/berichten', '/beheer/logboek', '/beheer/organisaties/nieuw'])
      expect({ other, status: (await nadia.goto(other))?.status() }).toEqual({
        other,
        status: 403,
      });

    // wm.a works in another browser; Nadia stops that account: that browser is signed out at once.
    const wmContext = await newContext(browser, base);
    const wm = await wmContext.newPage();
    await signInPage(wm, 'wm.a@test.nl', PASSWORD);
    expect(path(wm)).toBe('/werkmakelaar');
    await nadia.goto(`/beheer/organisaties/${w.orgA}`);
    const wmRow = nadia.locator('tr', { hasText: 'wm.a@test.nl' });
    await Promise.all([
      nadia.waitForNavigation(),
      wmRow.locator('button', { hasText: 'Account stoppen' }).click(),
    ]);
    expect(await nadia.textContent('main')).toContain('wordt direct uitgelogd');
    await check(nadia, 'account stoppen vragen');
    await click(nadia, 'main button.utrecht-button--primary-action');
    expect(await notice(nadia)).toContain('is gestopt');
    expect(await nadia.locator('tr', { hasText: 'wm.a@test.nl' }).textContent()).toContain(
      'Gedeactiveerd',
    );
    await wm.reload();
    expect(path(wm)).toBe('/inloggen');
    const [sessions] = await t.db.query(
      `SELECT count(*)::int AS n FROM web_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'wm.a@test.nl'`,
    );
    expect(sessions.n).toBe(0);
    // Who invited, promoted and stopped whom is in the audit trail (never an address or password).
    const [{ id: nadiaId }] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [
      'nadia@fermwerk.nl',
    ]);
    const lines = await t.db.query(
      `SELECT a.action, u.email AS actor, a.details FROM audit_log a
         JOIN users u ON u.id = a.actor_user_id
        WHERE a.action LIKE 'user.%' ORDER BY a.created_at, a.id`,
    );
    expect(
      lines.map((l: { action: string; actor: string; details: unknown }) => [
        l.action,
        l.actor,
        l.details,
      ]),
    ).toEqual([
      [
        'user.invite',
        'admin@test.nl',
        { userId: nadiaId, role: 'werkmakelaar', organisationAdmin: false },
      ],
      [
        'user.update',
        'admin@test.nl',
        { userId: nadiaId, changed: ['organisationAdmin'], organisationAdmin: true },
      ],
      [
        'user.update',
        'nadia@fermwerk.nl',
        { userId: w.wmA.id, changed: ['active'], active: false },
      ],
    ]);
    await wmContext.close();
    await nadiaContext.close();
    expect(findings).toEqual([]);
  });

  it('retries a failed message from the outbox page, after asking', async () => {
    const [dead] = await t.db.query(
      `INSERT INTO outbox_messages (topic, payload, status, attempts, last_error)
       VALUES ('mail.send', '{}'::jsonb, 'dead', 50, 'connect ECONNREFUSED 127.0.0.1:2525') RETURNING id`,
    );
    const admin = await (await newContext(browser, base)).newPage();
    await signInPage(admin, 'admin@test.nl', PASSWORD);
    await click(admin, 'nav a[href="/beheer/berichten"]');
    await check(admin, 'berichten');
    const row = admin.locator('tr', { hasText: 'E-mail versturen' });
    expect(await row.textContent()).toContain('Werkbrug kon de mailserver niet bereiken');
    expect(await admin.textContent('main')).not.toContain('ECONNREFUSED');
    await Promise.all([
      admin.waitForNavigation(),
      row.locator('button', { hasText: 'Opnieuw proberen' }).click(),
    ]);
    await check(admin, 'opnieuw proberen vragen');
    await click(admin, 'main button.utrecht-button--primary-action');
    expect(await notice(admin)).toContain('wordt opnieuw geprobeerd');
    const [after] = await t.db.query(`SELECT status, attempts FROM outbox_messages WHERE id = $1`, [
      dead.id,
    ]);
    expect(after).toEqual({ status: 'pending', attempts: 0 });
    expect(findings).toEqual([]);
  });

  it('finds a line in the logboek by what happened and when', async () => {
    const admin = await (await newContext(browser, base)).newPage();
    await signInPage(admin, 'admin@test.nl', PASSWORD);
    await click(admin, 'nav a[href="/beheer/logboek"]');
    await check(admin, 'logboek');
    const today = new Intl.DateTimeFormat('nl-NL', {
      timeZone: 'Europe/Amsterdam',
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
    }).format(new Date());
    await admin.selectOption('#veld-actie', 'candidate.create');
    await admin.fill('#veld-van', today);
    await admin.fill('#veld-tot', today);
    await click(admin, 'form[role=search] button[type=submit]');
    await check(admin, 'logboek gefilterd');
    const lines = await admin.locator('#regels tbody tr').allTextContents();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toContain('heeft het dossier van de kandidaat gemaakt');
    expect(lines.join(' ')).toContain('Werkmakelaar van Ferm Werk');
    // A date that is not one is said at its field.
    await admin.fill('#veld-van', '31-2-2026');
    await click(admin, 'form[role=search] button[type=submit]');
    expect(await admin.textContent('.werkbrug-field__error')).toContain('Vul een datum in');
    await check(admin, 'logboek met een fout');
    expect(findings).toEqual([]);
  });

  it('invites without JavaScript, and adds an organisation after checking the answers', async () => {
    const admin = await (await newContext(browser, base, false)).newPage();
    admin.setDefaultTimeout(20_000);
    // Without JavaScript Playwright cannot confirm that an element is "stable" (its check runs on
    // animation frames): clicks skip that wait, radios are chosen by focus and Space.
    const press = async (selector: string) => {
      await Promise.all([admin.waitForNavigation(), admin.click(selector, { force: true })]);
    };
    const choose = async (selector: string) => {
      await admin.focus(selector);
      if (!(await admin.isChecked(selector))) await admin.keyboard.press('Space');
    };
    await admin.goto('/inloggen');
    await admin.fill('#veld-email', 'admin@test.nl');
    await admin.fill('#veld-password', PASSWORD);
    await press('main button[type=submit]');
    await passSecondFactorPage(admin, 'admin@test.nl');
    await admin.goto('/beheer/organisaties/nieuw');
    await choose('input[name=kind][value=gemeente]');
    await admin.fill('#veld-name', 'Gemeente Montfoort');
    await admin.fill('#veld-region', 'Montfoort ,  Linschoten');
    await admin.fill('#veld-contactEmail', 'werk@montfoort.nl');
    await press('main button[type=submit]');
    expect(await admin.textContent('h1')).toBe('Kloppen de gegevens?');
    expect(await admin.textContent('main')).toContain('Montfoort, Linschoten');
    // "Wijzig" goes back to the form with what was typed.
    await press('button[name=wijzig][value=name]');
    expect(await admin.inputValue('#veld-name')).toBe('Gemeente Montfoort');
    await press('main button[type=submit]');
    await press('main button.utrecht-button--primary-action');
    expect(await notice(admin)).toContain('Gemeente Montfoort is toegevoegd');

    await admin.fill('#veld-displayName', 'Sam Start');
    await admin.fill('#veld-email', 'sam@montfoort.nl');
    await choose('input[name=functie][value=organisatiebeheerder]');
    await press('form[action$="/uitnodigen"] button[type=submit]');
    await press('main button.utrecht-button--primary-action');
    expect(await notice(admin)).toContain('sam@montfoort.nl');
    // Sent again: a new link, the old one no longer works.
    const samRow = admin.locator('tr', { hasText: 'sam@montfoort.nl' });
    await click(
      admin,
      'tr:has-text("sam@montfoort.nl") button:has-text("Uitnodiging opnieuw sturen")',
    );
    await press('main button.utrecht-button--primary-action');
    expect(await notice(admin)).toContain('opnieuw verstuurd');
    expect(await samRow.textContent()).toContain('Uitgenodigd');
    await drain();
    const mails = smtp.to('sam@montfoort.nl');
    expect(mails).toHaveLength(2);
    // The mails may arrive in either order: one link works, the other (the first) no longer does.
    const heads: string[] = [];
    for (const mail of mails) {
      const linkPage = await admin.context().newPage();
      await linkPage.goto(linkIn(mail));
      heads.push((await linkPage.textContent('h1')) ?? '');
    }
    expect(heads.sort()).toEqual(['Deze link werkt niet meer', 'Kies een nieuw wachtwoord']);
    const [sam] = await t.db.query(
      `SELECT role, organisation_admin, active FROM users WHERE email = 'sam@montfoort.nl'`,
    );
    expect(sam).toEqual({ role: 'werkmakelaar', organisation_admin: true, active: false });

    // axe needs JavaScript: the same form and check page once more, with it.
    const withJs = await (await newContext(browser, base)).newPage();
    await signInPage(withJs, 'admin@test.nl', PASSWORD);
    await withJs.goto('/beheer/organisaties/nieuw');
    await check(withJs, 'organisatie toevoegen');
    await click(withJs, 'main button[type=submit]');
    await check(withJs, 'organisatie toevoegen met fouten');
    await withJs.check('input[name=kind][value=werkbedrijf]');
    await withJs.fill('#veld-name', 'Werkbedrijf Lopik');
    await click(withJs, 'main button[type=submit]');
    expect(await withJs.textContent('h1')).toBe('Kloppen de gegevens?');
    await check(withJs, 'organisatie controleren');
    await withJs.goto(`/beheer/organisaties/${w.orgB}/wijzigen`);
    await check(withJs, 'organisatie wijzigen');
    expect(findings).toEqual([]);
  }, 120_000);
});
