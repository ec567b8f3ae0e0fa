import { axeViolations, launchChromium, newContext, signInPage, tabTo } from './support/browser';
import { bearer, buildWorld, PASSWORD, vacancyBody, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { signInEmployer } from './support/web-employer';
import { type Agent, signIn } from './support/web-client';

/**
 * Ended placements grow for ever: the employer's and the werkmakelaar's placement pages show every
 * running placement and page the ended ones (20 and 30 at a time), newest first.
 */
describe('placement pages page the ended placements', () => {
  let t: TestApp;
  let w: World;
  let broker: Agent;
  let employer: Agent;
  const ended: string[] = [];
  let running: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const vacancy = await t
      .http()
      .post('/api/vacancies')
      .set(bearer(w.wmA.token))
      .send(vacancyBody({ employerId: w.employer.id, title: 'Magazijn', places: 2 }));
    expect(vacancy.status).toBe(201);
    const place = async () => {
      const res = await t.http().post('/api/placements').set(bearer(w.wmA.token)).send({
        candidateId: w.candidateA.id,
        vacancyId: vacancy.body.id,
        arrangement: 'proefplaatsing',
        startDate: '2026-01-05',
        hoursPerWeek: 16,
        candidateConsent: true,
      });
      if (res.status !== 201) throw new Error(`placement: ${res.status} ${res.text}`);
      return res.body as { id: string; version: number };
    };
    for (let i = 0; i < 32; i++) {
      const started = await place();
      // The employer's page lists what the employer confirmed (here by phone, as recorded).
      const p = await t
        .http()
        .post(`/api/placements/${started.id}/record-phone-agreement`)
        .set(bearer(w.wmA.token))
        .send({ agreedOn: '2026-01-02', note: 'Akkoord', version: started.version })
        .expect(200)
        .then((res) => res.body as { id: string; version: number });
      await t
        .http()
        .post(`/api/placements/${p.id}/end`)
        .set(bearer(w.wmA.token))
        .set('If-Match', `"${p.version}"`)
        .send({ outcome: 'voortijdig_overig', endedOn: '2026-01-20' })
        .expect(200);
      ended.push(p.id);
    }
    running = (await place()).id;
    broker = await signIn(t, 'wm.a@test.nl');
    employer = await signInEmployer(t, 'werkgever@groenenzo.nl');
  }, 120_000);
  afterAll(async () => t?.close());

  const nextLink = (html: string, path: string) =>
    new RegExp(`href="(${path.replace(/\//g, '\\/')}\\?na=[^"#]+)#beeindigd"`).exec(
      html.replace(/&#x3D;/g, '='),
    )?.[1];

  it.each([
    ['werkmakelaar', '/werkmakelaar/plaatsingen', 30],
    ['employer', '/werkgever/plaatsingen', 20],
  ] as const)('%s: running whole, ended %i… per page', async (who, path, size) => {
    const agent = who === 'werkmakelaar' ? broker : employer;
    const newest = [...ended].reverse();
    const first = await agent.get(path).expect(200);
    const shown = (html: string) => newest.filter((id) => html.includes(id));
    // The employer's page names no placement ids: it lists them by candidate and workplace.
    if (who === 'werkmakelaar') {
      expect(first.text).toContain(running);
      expect(shown(first.text)).toEqual(newest.slice(0, size));
    }
    const count = (html: string) => (html.match(/<li>[^<]*bij Magazijn/g) ?? []).length;
    if (who === 'employer') expect(count(first.text)).toBe(size);
    const next = nextLink(first.text, path);
    expect(next).toBeDefined();
    const second = await agent.get(next!).expect(200);
    if (who === 'werkmakelaar') {
      expect(second.text).toContain(running);
      expect(shown(second.text)).toEqual(newest.slice(size));
    } else expect(count(second.text)).toBe(ended.length - size);
    expect(nextLink(second.text, path)).toBeUndefined();
    expect(second.text).toContain(`href="${path}#beeindigd"`);
  });

  let base: string | undefined;
  it.each([
    ['werkmakelaar', 'wm.a@test.nl', '/werkmakelaar/plaatsingen'],
    ['employer', 'werkgever@groenenzo.nl', '/werkgever/plaatsingen'],
  ] as const)(
    '%s: both pages pass axe, the pager works by keyboard alone and without JavaScript',
    async (_who, email, path) => {
      const browser = await launchChromium();
      try {
        base ??= t.url;
        const context = await newContext(browser, base);
        const page = await context.newPage();
        await signInPage(page, email, PASSWORD);
        await page.goto(path);
        const violations = await axeViolations(page, `${path}, eerste pagina`);
        // Keyboard only: Tab to the pager's next link and press Enter, then back to the newest.
        await tabTo(page, 'a[rel=next]');
        await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
        expect(page.url()).toContain('?na=');
        violations.push(...(await axeViolations(page, `${path}, oudere pagina`)));
        expect(await page.$('a[rel=next]')).toBeNull();
        await tabTo(page, 'a.utrecht-pagination__relative-link--prev');
        await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
        expect(new URL(page.url()).search).toBe('');
        expect(violations).toEqual([]);
        await context.close();
        // JavaScript off: the pager is plain links.
        const plain = await newContext(browser, base, false);
        const noJs = await plain.newPage();
        await signInPage(noJs, email, PASSWORD);
        await noJs.goto(path);
        await Promise.all([noJs.waitForNavigation(), noJs.click('a[rel=next]')]);
        expect(noJs.url()).toContain('?na=');
        expect(await noJs.$('a[rel=next]')).toBeNull();
        await plain.close();
      } finally {
        await browser.close();
      }
    },
  );
});
