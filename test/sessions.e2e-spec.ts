import { LoginThrottle } from '@werkbrug/auth';
import {
  axeViolations,
  type Browser,
  type BrowserContext,
  launchChromium,
  type Page,
  signInPage,
} from './support/browser';
import { bearer, buildWorld, insertUser, PASSWORD, tokenFor, World } from './support/fixtures';
import { startSmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';
import { postForm, signIn } from './support/web-client';
import { mailDrain } from './support/mail-drain';

const PUBLIC_URL = 'https://werkbrug.example';
const FIREFOX_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const CHROME_ANDROID =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/**
 * Apparaten en sessies: two real browsers (Chromium contexts with their own cookies and
 * User-Agent) signed in to one account, the page that lists them, signing out everywhere, an
 * administrator ending a user's sessions, a new password ending the others, and the mail on a sign-in
 * from a new browser, delivered over real SMTP.
 */
describe('sessions people can see', () => {
  let t: TestApp;
  let w: World;
  let browser: Browser;
  let base: string;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let drain: () => Promise<unknown>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL });
    w = await buildWorld(t);
    base = t.url;
    browser = await launchChromium();
    drain = mailDrain(t);
    await drain();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });
  beforeEach(() => t.app.get(LoginThrottle).reset());

  /** A browser of its own (cookies, User-Agent); `js: false` for one without JavaScript. */
  const device = async (userAgent: string, js = true): Promise<Page> => {
    const context = await browser.newContext({
      baseURL: base,
      userAgent,
      locale: 'nl-NL',
      javaScriptEnabled: js,
    });
    contexts.push(context);
    return context.newPage();
  };
  /** Where a page load ends (a session that ended goes to the sign-in page). */
  const landsOn = async (page: Page, path: string) => {
    await page.goto(path);
    return new URL(page.url()).pathname;
  };
  const auditLines = (userId: string) =>
    t.db.query(
      `SELECT details->>'reason' AS reason, actor_user_id, (details->>'webSessions')::int AS web,
              (details->>'apiTokens')::int AS api
         FROM audit_log WHERE action = 'session.end' AND details->>'userId' = $1 ORDER BY created_at, id`,
      [userId],
    ) as Promise<{ reason: string; actor_user_id: string | null; web: number; api: number }[]>;

  it('lists both browsers in words, mails the second one only, and "Overal uitloggen" ends the other at once', async () => {
    const email = 'wm.sessies@test.nl';
    const userId = await insertUser(t.db, 'werkmakelaar', email, w.orgA);
    const laptop = await device(FIREFOX_WINDOWS);
    // The phone without JavaScript: the page's forms work without it.
    const phone = await device(CHROME_ANDROID, false);

    await signInPage(laptop, email, PASSWORD);
    await drain();
    // The very first sign-in of an account mails nothing.
    expect(smtp.to(email)).toHaveLength(0);

    await signInPage(phone, email, PASSWORD);
    await drain();
    const mails = smtp.to(email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Ingelogd op een nieuw apparaat: Chrome op Android');
    expect(mail.text).toContain(`${PUBLIC_URL}/account/sessies`);
    expect(mail.text).toContain('Was u dit niet? Log dan overal uit en wijzig uw wachtwoord.');
    // No address of the machine, no place.
    expect(`${mail.text}${String(mail.html)}`).not.toMatch(
      /127\.0\.0\.1|::1|\b\d{1,3}(\.\d{1,3}){3}\b/,
    );

    // The same browser again is not new.
    await laptop.goto('/werkmakelaar');
    await signInPage(await device(FIREFOX_WINDOWS), email, PASSWORD);
    await drain();
    expect(smtp.to(email)).toHaveLength(1);

    // The page, reached from the menu.
    await laptop.goto('/werkmakelaar');
    await Promise.all([laptop.waitForNavigation(), laptop.click('nav >> text=Apparaten')]);
    expect(new URL(laptop.url()).pathname).toBe('/account/sessies');
    const rows = await laptop.$$eval('#sessies tbody tr', (trs) =>
      trs.map((tr) => (tr.querySelector('th')?.textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]).toBe('Firefox op Windows Dit apparaat');
    expect(rows).toContain('Chrome op Android');
    expect(rows.filter((r) => r.startsWith('Firefox op Windows'))).toHaveLength(2);
    expect(await laptop.textContent('#sessies')).toMatch(/\d{1,2} [a-z]+ \d{4} om \d{2}:\d{2}/);
    expect(await axeViolations(laptop, 'apparaten en sessies')).toEqual([]);

    // The phone (no JavaScript) sees the same list, itself marked.
    await phone.goto('/account/sessies');
    expect(await phone.textContent('#sessies tbody tr:first-child th')).toContain(
      'Chrome op Android',
    );

    // "Overal uitloggen" asks first …
    await Promise.all([
      laptop.waitForNavigation(),
      laptop.click('button:text-is("Overal uitloggen")'),
    ]);
    expect(await laptop.textContent('h1')).toBe('Wilt u overal uitloggen?');
    expect(await axeViolations(laptop, 'overal uitloggen: de vraag')).toEqual([]);
    // … and then ends every session, this one too.
    await Promise.all([laptop.waitForNavigation(), laptop.click('text=Ja, log overal uit')]);
    expect(new URL(laptop.url()).pathname).toBe('/inloggen');
    expect(await laptop.textContent('main')).toContain('U bent overal uitgelogd.');
    expect(await landsOn(phone, '/werkmakelaar')).toBe('/inloggen');
    expect(await landsOn(laptop, '/account/sessies')).toBe('/inloggen');
    const lines = await auditLines(userId);
    expect(lines.at(-1)).toEqual({ reason: 'self_all', actor_user_id: userId, web: 3, api: 0 });
  });

  it('"Uitloggen" ends one other device and "Overal uitloggen behalve hier" keeps this one', async () => {
    const email = 'sanne@test.nl';
    const laptop = await device(FIREFOX_WINDOWS);
    const phone = await device(CHROME_ANDROID);
    const tablet = await device(SAFARI_IPHONE, false);
    for (const page of [laptop, phone, tablet]) await signInPage(page, email, PASSWORD);
    // The candidate reaches the page from Gegevens, and it speaks to them with "je".
    await laptop.goto('/kandidaat/gegevens');
    await Promise.all([
      laptop.waitForNavigation(),
      laptop.click('text=Bekijk waar je bent ingelogd'),
    ]);
    expect(await laptop.textContent('main')).toContain('Hier zie je waar je bent ingelogd');
    expect(await axeViolations(laptop, 'apparaten en sessies (kandidaat)')).toEqual([]);

    await Promise.all([
      laptop.waitForNavigation(),
      laptop.click('tr:has-text("Chrome op Android") button:has-text("Uitloggen")'),
    ]);
    expect(await laptop.textContent('main')).toContain('Je bent uitgelogd op Chrome op Android.');
    expect(await landsOn(phone, '/kandidaat')).toBe('/inloggen');
    expect(await landsOn(tablet, '/kandidaat')).toBe('/kandidaat');

    await laptop.goto('/account/sessies');
    await Promise.all([
      laptop.waitForNavigation(),
      laptop.click('text=Overal uitloggen behalve hier'),
    ]);
    expect(await laptop.textContent('main')).toContain(
      'Je bent op alle andere apparaten uitgelogd.',
    );
    expect(await landsOn(tablet, '/kandidaat')).toBe('/inloggen');
    expect(await landsOn(laptop, '/kandidaat')).toBe('/kandidaat');
    const lines = await auditLines(w.candidateA.userId);
    expect(lines.map((l) => l.reason)).toEqual(['self_one', 'self_others']);
  });

  it('an administrator ends every session of a user, through the API and on the organisation page', async () => {
    const email = 'wm.beheerd@test.nl';
    const userId = await insertUser(t.db, 'werkmakelaar', email, w.orgA);
    const laptop = await device(FIREFOX_WINDOWS);
    await signInPage(laptop, email, PASSWORD);
    const token = await tokenFor(t, email);
    const ended = await t
      .http()
      .post(`/api/users/${userId}/sessions/end`)
      .set(bearer(w.adminToken))
      .expect(200);
    expect(ended.body).toEqual({ webSessions: 1, apiTokens: 1 });
    expect(await landsOn(laptop, '/werkmakelaar')).toBe('/inloggen');
    await t.http().get('/api/auth/me').set(bearer(token)).expect(401);
    // Another organisation's administrator does not find the user; a user cannot end someone's.
    await t.http().post(`/api/users/${userId}/sessions/end`).set(bearer(w.wmB.token)).expect(404);
    await t
      .http()
      .post(`/api/users/${userId}/sessions/end`)
      .set(bearer(w.employer.token))
      .expect(403);

    // The button on /beheer/organisaties/{id}: asked first, then done.
    await signInPage(laptop, email, PASSWORD);
    const admin = await signIn(t, 'admin@test.nl');
    const page = `/beheer/organisaties/${w.orgA}`;
    const action = `${page}/gebruikers/${userId}/uitloggen`;
    expect((await admin.get(page)).text).toContain(`action="${action}"`);
    const asked = await postForm(admin, page, action, {});
    expect(asked.status).toBe(200);
    expect(asked.text).toContain(`Wilt u ${email} overal uitloggen?`);
    const done = await postForm(admin, page, action, { bevestigd: 'ja' });
    expect(done.status).toBe(303);
    expect((await admin.get(page)).text).toContain(`${email} is overal uitgelogd.`);
    expect(await landsOn(laptop, '/werkmakelaar')).toBe('/inloggen');
    const [adminRow] = await t.db.query(`SELECT id FROM users WHERE email = 'admin@test.nl'`);
    const lines = await auditLines(userId);
    expect(lines).toEqual([
      { reason: 'admin', actor_user_id: adminRow.id, web: 1, api: 1 },
      { reason: 'admin', actor_user_id: adminRow.id, web: 1, api: 0 },
    ]);
  });

  it('a new password ends the other sessions and tokens, and keeps the one it was chosen in', async () => {
    const email = 'werkgever@groenenzo.nl';
    await t.db.query(
      `INSERT INTO terms_acceptances (user_id, terms_version) VALUES ($1, '2026-11')
       ON CONFLICT DO NOTHING`,
      [w.employer.userId],
    );
    const laptop = await device(FIREFOX_WINDOWS);
    const phone = await device(CHROME_ANDROID);
    await signInPage(laptop, email, PASSWORD);
    await signInPage(phone, email, PASSWORD);
    const token = await tokenFor(t, email);
    await t.http().get('/api/auth/me').set(bearer(token)).expect(200);

    await laptop.goto('/werkgever/account');
    await laptop.fill('#veld-current', PASSWORD);
    await laptop.fill('#veld-password', 'Een nieuw en lang wachtwoord');
    await laptop.fill('#veld-repeat', 'Een nieuw en lang wachtwoord');
    await Promise.all([
      laptop.waitForNavigation(),
      laptop.click('button:text-is("Wachtwoord wijzigen")'),
    ]);
    expect(await laptop.textContent('main')).toContain('U bent op andere apparaten uitgelogd.');

    await t.http().get('/api/auth/me').set(bearer(token)).expect(401);
    expect(await landsOn(phone, '/werkgever')).toBe('/inloggen');
    expect(await landsOn(laptop, '/werkgever')).toBe('/werkgever');
    const lines = await auditLines(w.employer.userId);
    expect(lines.at(-1)).toEqual({
      reason: 'password',
      actor_user_id: w.employer.userId,
      web: 1,
      api: 2,
    });
  });

  it('the API lists my sessions with the current token marked, ends one, and ends the others', async () => {
    const email = 'wm.api@test.nl';
    await insertUser(t.db, 'werkmakelaar', email, w.orgA);
    const first = await tokenFor(t, email);
    const second = await tokenFor(t, email);
    await t
      .http()
      .get('/api/auth/me')
      .set(bearer(first))
      .set('User-Agent', FIREFOX_WINDOWS)
      .expect(200);
    const web = await signIn(t, email);
    await web.get('/werkmakelaar').set('User-Agent', SAFARI_IPHONE).expect(200);
    const list = await t
      .http()
      .get('/api/me/sessions')
      .set(bearer(second))
      .set('User-Agent', CHROME_ANDROID)
      .expect(200);
    const items = list.body.items as {
      id: string;
      kind: string;
      browser: string;
      current: boolean;
    }[];
    expect(items.map((i) => [i.kind, i.browser, i.current])).toEqual([
      ['api', 'Chrome op Android', true],
      ['web', 'Safari op iPhone', false],
      ['api', 'Firefox op Windows', false],
    ]);
    const firstId = items.find((i) => i.browser === 'Firefox op Windows')!.id;
    await t.http().delete(`/api/me/sessions/${firstId}`).set(bearer(second)).expect(204);
    await t.http().get('/api/auth/me').set(bearer(first)).expect(401);
    await t.http().delete(`/api/me/sessions/${firstId}`).set(bearer(second)).expect(404);
    const others = await t
      .http()
      .post('/api/me/sessions/end-others')
      .set(bearer(second))
      .expect(200);
    expect(others.body).toEqual({ webSessions: 1, apiTokens: 0 });
    expect([302, 303]).toContain((await web.get('/werkmakelaar')).status);
    await t.http().get('/api/auth/me').set(bearer(second)).expect(200);
  });
});
