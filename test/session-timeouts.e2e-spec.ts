/// <reference lib="dom" />
import { LoginThrottle } from '@werkbrug/auth';
import { SessionService } from '@werkbrug/web';
import {
  axeViolations,
  type Browser,
  launchChromium,
  newContext,
  signInPage,
} from './support/browser';
import { buildWorld, PASSWORD, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { signInEmployer } from './support/web-employer';
import { type Agent, csrfOf, passSecondFactor, signIn, webAgent } from './support/web-client';

/** The hidden fields of the first form after the CSRF token, as the browser would send them. */
function hiddenFieldsOf(html: string): [string, string][] {
  const form = /<form method="post" action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(
    html.slice(html.indexOf('<main')),
  );
  if (!form) throw new Error('no form on the page');
  return [...(form[2] as string).matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)]
    .map((m) => [m[1] as string, m[2] as string] as [string, string])
    .filter(([name]) => name !== '_csrf');
}

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Posts the restore page's form back as the browser does ("Verstuur opnieuw"). */
async function resend(agent: Agent, html: string) {
  const action = /<main[\s\S]*?<form method="post" action="([^"]+)"/.exec(html)?.[1] as string;
  const fields = hiddenFieldsOf(html).map(
    ([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(unescape(v))}`,
  );
  fields.push(`_csrf=${encodeURIComponent(csrfOf(html))}`);
  return agent.post(unescape(action)).type('form').send(fields.join('&'));
}

/**
 * Time-outs that keep the work (WCAG 2.2.1): a warning with "Blijf ingelogd" before the session
 * ends, and a form sent after it ended (or with an old token) that comes back to send again.
 */
describe('session time-outs keep the work', () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  let w: World;
  let browser: Browser | undefined;
  let base = '';

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(() => t.app.get(LoginThrottle).reset());

  const expire = (email: string) =>
    t.db.query(
      `UPDATE web_sessions SET last_seen_at = now() - make_interval(secs => $1)
        WHERE user_id = (SELECT id FROM users WHERE email = $2)`,
      [SessionService.IDLE_MS / 1000 + 60, email],
    );
  const notes = async (text: string) =>
    Number(
      (await t.db.query(`SELECT count(*)::int AS n FROM checkins WHERE note = $1`, [text]))[0].n,
    );

  it('keeps a contact note sent after the session ended, and sends it after signing in again', async () => {
    const agent = await signIn(t, 'wm.a@test.nl');
    const file = `/werkmakelaar/kandidaten/${w.candidateA.id}`;
    const page = await agent.get(file).expect(200);
    // Without JavaScript the page says how long a session lasts.
    expect(page.text).toContain('Doet u 30 minuten niets, dan wordt u uitgelogd.');
    const note = 'Gebeld over de plaatsing. Het gaat goed, wel moe na drie dagen.';
    await expire('wm.a@test.nl');
    const late = await agent
      .post(`${file}/contact`)
      .type('form')
      .set('Host', 'werkbrug.test')
      .set('Referer', `http://werkbrug.test${file}`)
      .send({ _csrf: csrfOf(page.text), contactOn: '2026-12-01', kind: 'telefoon', note });
    expect(late.status).toBe(303);
    expect(late.headers.location).toBe('/inloggen');
    expect(await notes(note)).toBe(0);
    // Kept in the browser's new anonymous session, without the token.
    const [kept] = await t.db.query(
      `SELECT pending_action, pending_form FROM web_sessions WHERE pending_action IS NOT NULL`,
    );
    expect(kept.pending_action).toBe(`${file}/contact`);
    expect(JSON.stringify(kept.pending_form)).not.toContain(csrfOf(page.text));
    const login = await agent.get('/inloggen').expect(200);
    expect(login.text).toContain('U was uitgelogd');
    // Through the second factor: the kept form waits in the pending sign-in, then comes along.
    const signedIn = await passSecondFactor(
      agent,
      'wm.a@test.nl',
      await agent
        .post('/inloggen')
        .type('form')
        .send({ email: 'wm.a@test.nl', password: PASSWORD, _csrf: csrfOf(login.text) })
        .expect(303),
    );
    expect(signedIn.headers.location).toBe('/sessie/formulier');
    const restore = await agent.get('/sessie/formulier').expect(200);
    expect(restore.text).toContain('U was uitgelogd – uw tekst is bewaard');
    expect(restore.text).toContain(note);
    expect(restore.text).toContain('Verstuur opnieuw');
    expect(restore.text).toContain(`href="${file}"`); // "Niet versturen": back to the page
    expect(restore.text).toContain(`action="${file}/contact"`);
    const sent = await resend(agent, restore.text);
    expect(sent.status).toBe(303);
    expect(await notes(note)).toBe(1);
    const after = await agent.get(file).expect(200);
    expect(after.text).toContain(note);
    // Handed over once.
    const again = await agent.get('/sessie/formulier').expect(303);
    expect(again.headers.location).toBe('/werkmakelaar');
  });

  it('gives a kept form back only to the person who typed it', async () => {
    const agent = await signIn(t, 'wm.a@test.nl');
    const file = `/werkmakelaar/kandidaten/${w.candidateA.id}`;
    const page = await agent.get(file).expect(200);
    await expire('wm.a@test.nl');
    const note = 'Alleen voor de werkmakelaar die dit schreef.';
    await agent
      .post(`${file}/contact`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), contactOn: '2026-12-01', kind: 'telefoon', note })
      .expect(303);
    const login = await agent.get('/inloggen').expect(200);
    const other = await passSecondFactor(
      agent,
      'wm.b@test.nl',
      await agent
        .post('/inloggen')
        .type('form')
        .send({ email: 'wm.b@test.nl', password: PASSWORD, _csrf: csrfOf(login.text) })
        .expect(303),
    );
    expect(other.headers.location).toBe('/werkmakelaar');
    const none = await agent.get('/sessie/formulier').expect(303);
    expect(none.headers.location).toBe('/werkmakelaar');
    const [left] = await t.db.query(
      `SELECT count(*)::int AS n FROM web_sessions WHERE pending_form::text LIKE $1`,
      [`%${note}%`],
    );
    expect(left.n).toBe(0);
  });

  it('never keeps a password', async () => {
    const agent = await signInEmployer(t, 'werkgever@groenenzo.nl');
    const page = await agent.get('/werkgever/account').expect(200);
    await expire('werkgever@groenenzo.nl');
    await agent
      .post('/werkgever/account/wachtwoord')
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        current: PASSWORD,
        password: 'een heel nieuw wachtwoord 42',
        repeat: 'een heel nieuw wachtwoord 42',
      })
      .expect(303);
    const rows: { form: string }[] = await t.db.query(
      `SELECT pending_form::text AS form FROM web_sessions WHERE pending_action = '/werkgever/account/wachtwoord'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.form).not.toContain('nieuw wachtwoord');
    expect(rows[0]?.form).not.toContain(PASSWORD);
    expect(rows[0]?.form).toContain('"passwordLeftOut": true');
  });

  it('shows a form with an old token again at once while the session runs', async () => {
    const agent = await signIn(t, 'wm.a@test.nl');
    const file = `/werkmakelaar/kandidaten/${w.candidateA.id}`;
    await agent.get(file).expect(200);
    const note = 'Geschreven in een tabblad van voor het opnieuw inloggen.';
    const stale = await agent
      .post(`${file}/contact`)
      .type('form')
      .send({ _csrf: 'x'.repeat(43), contactOn: '2026-12-02', kind: 'gesprek', note });
    expect(stale.status).toBe(403);
    expect(stale.text).toContain('Het formulier was verlopen – uw tekst is bewaard');
    expect(stale.text).toContain(note);
    expect(await notes(note)).toBe(0);
    const sent = await resend(agent, stale.text);
    expect(sent.status).toBe(303);
    expect(await notes(note)).toBe(1);
  });

  it('keeps the plain "expired" page for a form that is not ours', async () => {
    // No token at all: not a form of these pages.
    const agent = await signIn(t, 'wm.a@test.nl');
    const res = await agent
      .post(`/werkmakelaar/kandidaten/${w.candidateA.id}/contact`)
      .type('form')
      .send({ note: 'x' });
    expect(res.status).toBe(403);
    expect(res.text).toContain('Het formulier is verlopen');
    // No session ever: nobody to keep it for.
    const stranger = webAgent(t);
    const none = await stranger
      .post(`/werkmakelaar/kandidaten/${w.candidateA.id}/contact`)
      .type('form')
      .send({ _csrf: 'y'.repeat(43), note: 'x' });
    expect(none.status).toBe(403);
  });

  it('"Blijf ingelogd" starts the idle clock again (without and with JavaScript\'s JSON)', async () => {
    const agent = await signIn(t, 'sanne@test.nl');
    const page = await agent.get('/kandidaat/wensen').expect(200);
    expect(page.text).toContain('data-session-warn-ms="120000"');
    expect(page.text).toContain('Doe je 30 minuten niets, dan word je uitgelogd.');
    await t.db.query(
      `UPDATE web_sessions SET last_seen_at = now() - interval '20 minutes'
        WHERE user_id = (SELECT id FROM users WHERE email = 'sanne@test.nl')`,
    );
    const json = await agent
      .post('/sessie/verlengen')
      .type('form')
      .set('Accept', 'application/json')
      .send({ _csrf: csrfOf(page.text), terug: '/kandidaat/wensen' })
      .expect(200);
    expect(json.body.leftMs).toBeGreaterThan(SessionService.IDLE_MS - 60_000);
    const [row] = await t.db.query(
      `SELECT min(extract(epoch FROM now() - last_seen_at))::int AS idle FROM web_sessions
        WHERE user_id = (SELECT id FROM users WHERE email = 'sanne@test.nl')`,
    );
    expect(row.idle).toBeLessThan(60);
    const plain = await agent
      .post('/sessie/verlengen')
      .type('form')
      .send({ _csrf: csrfOf(page.text), terug: '/kandidaat/wensen' })
      .expect(303);
    expect(plain.headers.location).toBe('/kandidaat/wensen');
    const back = await agent.get('/kandidaat/wensen').expect(200);
    expect(back.text).toContain('Je blijft ingelogd.');
    // Never elsewhere.
    const away = await agent
      .post('/sessie/verlengen')
      .type('form')
      .send({ _csrf: csrfOf(page.text), terug: '//evil.example' })
      .expect(303);
    expect(away.headers.location).toBe('/kandidaat');
  });

  it('signs out with a banner that says so', async () => {
    const agent = await signIn(t, 'wm.a@test.nl');
    const page = await agent.get('/werkmakelaar').expect(200);
    const out = await agent
      .post('/uitloggen')
      .type('form')
      .send({ _csrf: csrfOf(page.text) })
      .expect(303);
    expect(out.headers.location).toBe('/');
    const home = await agent.get('/').expect(200);
    expect(home.text).toContain('role="status"');
    expect(home.text).toContain('U bent uitgelogd.');
    await agent.get('/werkmakelaar').expect(303);
  });

  describe('in Chromium', () => {
    beforeAll(async () => {
      base = t.url;
      browser = await launchChromium();
    });

    it('warns two minutes before the end, keeps the session on "Blijf ingelogd", and says when it ended', async () => {
      const context = await newContext(browser as Browser, base);
      const page = await context.newPage();
      await page.clock.install();
      await signInPage(page, 'wm.a@test.nl', PASSWORD);
      const file = `/werkmakelaar/kandidaten/${w.candidateA.id}`;
      await page.goto(file);
      await page.fill('#veld-note', 'Half getypt');
      await page.focus('#veld-note');
      const dialog = page.locator('dialog[data-session-warning]');
      expect(await dialog.isVisible()).toBe(false);
      await t.db.query(
        `UPDATE web_sessions SET last_seen_at = now() - interval '20 minutes'
          WHERE user_id = (SELECT id FROM users WHERE email = 'wm.a@test.nl')`,
      );
      // 27 minutes later: no warning yet; 28 minutes and a bit: the warning, focus on its button.
      await page.clock.fastForward('27:00');
      expect(await dialog.isVisible()).toBe(false);
      await page.clock.fastForward('01:30');
      await dialog.waitFor({ state: 'visible' });
      expect(await dialog.textContent()).toContain('Wilt u ingelogd blijven?');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Blijf ingelogd');
      expect(await axeViolations(page, 'sessie-waarschuwing')).toEqual([]);
      await page.click('text=Blijf ingelogd');
      await dialog.waitFor({ state: 'hidden' });
      // The session was touched on the server; focus is back where the person was typing.
      const [row] = await t.db.query(
        `SELECT min(extract(epoch FROM now() - last_seen_at))::int AS idle FROM web_sessions
          WHERE user_id = (SELECT id FROM users WHERE email = 'wm.a@test.nl')`,
      );
      expect(row.idle).toBeLessThan(60);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('veld-note');
      expect(await page.inputValue('#veld-note')).toBe('Half getypt');
      expect(await page.textContent('[data-session-status]')).toBe('U blijft ingelogd.');
      // Left alone again: the warning, then the end.
      await page.clock.fastForward('28:30');
      await dialog.waitFor({ state: 'visible' });
      await page.clock.fastForward('02:00');
      await page.locator('text=U bent uitgelogd').waitFor({ state: 'visible' });
      await page.click('[data-session-close]');
      await dialog.waitFor({ state: 'hidden' });
      await context.close();
    });

    it('passes axe on the restore page and on a page with a banner, for each audience', async () => {
      const violations: string[] = [];
      for (const [email, start] of [
        ['wm.a@test.nl', `/werkmakelaar/kandidaten/${w.candidateA.id}`],
        ['sanne@test.nl', '/kandidaat/wensen'],
        ['werkgever@groenenzo.nl', '/werkgever/account'],
      ] as const) {
        const context = await newContext(browser as Browser, base);
        const page = await context.newPage();
        await t.db.query(
          `INSERT INTO terms_acceptances (user_id, terms_version)
           SELECT id, '2026-11' FROM users WHERE email = $1 ON CONFLICT DO NOTHING`,
          [email],
        );
        await signInPage(page, email, PASSWORD);
        await page.goto(start);
        // The banner: "Blijf ingelogd" without JavaScript's JSON posts the dialog's form.
        await page.evaluate(() =>
          (document.querySelector('form[data-session-extend]') as HTMLFormElement).submit(),
        );
        await page.waitForURL(`**${start}`);
        expect(await page.textContent('main')).toMatch(/(U|Je) blijft ingelogd\./);
        violations.push(...(await axeViolations(page, `banner ${email}`)));
        // An old token while the session runs: the restore page at once.
        // Wait for the navigation the submit starts (waitForLoadState alone may see the old page).
        await Promise.all([
          page.waitForNavigation(),
          page.evaluate(() => {
            const form = document.querySelector('main form[method=post]') as HTMLFormElement | null;
            const token = form?.querySelector('input[name=_csrf]') as HTMLInputElement | null;
            if (!form || !token) throw new Error('no form');
            token.value = 'x'.repeat(43);
            form.submit();
          }),
        ]);
        expect(await page.textContent('h1')).toContain('tekst is bewaard');
        violations.push(...(await axeViolations(page, `bewaard ${email}`)));
        await context.close();
      }
      expect(violations).toEqual([]);
    });
  });
});
