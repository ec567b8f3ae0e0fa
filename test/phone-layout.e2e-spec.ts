/// <reference lib="dom" />
import { LoginThrottle } from '@werkbrug/auth';
import {
  axeViolations,
  type Browser,
  launchChromium,
  newContext,
  type Page,
  signInPage,
} from './support/browser';
import { bearer, buildWorld, PASSWORD, vacancyBody, type World } from './support/fixtures';
import { searchWorker } from './support/search-sync';
import { startTestApp, type TestApp } from './support/test-app';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
/** Set PHONE_SHOTS=dir to keep a screenshot of every page measured (for a person to look at). */
const SHOTS = process.env.PHONE_SHOTS;

interface Layout {
  headerHeight: number;
  sideways: boolean;
  /** Words whose letters are spread over two lines (a word broken inside). */
  brokenWords: string[];
  /** Menu items, the sign-out button and the menu's summary that take more than one line. */
  multiLine: string[];
}

/**
 * What a phone shows: the header's height, whether the page scrolls sideways, and every visible word
 * and menu item that does not stay on one line. A word may wrap after a hyphen or slash (the browser's
 * own break); a visually hidden text (1 px wide, for screen readers) is not looked at.
 */
function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const hidden = new Map<Element, boolean>();
    const isHidden = (el: Element | null): boolean => {
      if (!el || el === document.body) return false;
      const known = hidden.get(el);
      if (known !== undefined) return known;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const result =
        style.display === 'none' ||
        style.visibility === 'hidden' ||
        style.clipPath !== 'none' ||
        box.width <= 1 ||
        isHidden(el.parentElement);
      hidden.set(el, result);
      return result;
    };
    /** Lines of a text: its boxes that do not overlap vertically each start a new line. */
    const linesOf = (range: Range) => {
      const boxes = Array.from(range.getClientRects())
        .filter((r) => r.width > 0)
        .sort((a, b) => a.top - b.top);
      let lines = 0;
      let bottom = -Infinity;
      for (const r of boxes) {
        if (r.top >= bottom - 1) lines++;
        bottom = Math.max(bottom, r.bottom);
      }
      return lines;
    };
    const brokenWords: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!text.trim() || isHidden(node.parentElement)) continue;
      for (const m of text.matchAll(/[^\s\-/–]+[-/–]?/g)) {
        if (m[0].length < 2) continue;
        const range = document.createRange();
        range.setStart(node, m.index ?? 0);
        range.setEnd(node, (m.index ?? 0) + m[0].length);
        if (linesOf(range) > 1) brokenWords.push(m[0]);
      }
    }
    const multiLine: string[] = [];
    const items = document.querySelectorAll(
      '.werkbrug-nav__link, .werkbrug-nav__toggle, .werkbrug-header__logout',
    );
    for (const el of Array.from(items)) {
      if (isHidden(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      if (linesOf(range) !== 1) multiLine.push((el.textContent ?? '').trim());
    }
    const root = document.documentElement;
    return {
      headerHeight: document.querySelector('header')?.getBoundingClientRect().height ?? 0,
      sideways: root.scrollWidth > root.clientWidth,
      brokenWords,
      multiLine,
    };
  });
}

describe('phone first: the layout at 360×740 in Chromium', () => {
  jest.setTimeout(300_000);
  let t: TestApp;
  let w: World;
  let browser: Browser;
  let base: string;
  const fitting: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://werkbrug.example' });
    w = await buildWorld(t);
    const { drain } = await searchWorker(t);
    // 24 workplaces that fit candidate A (rung 4 takes a werkervaringsplaats) and 4 that nearly fit.
    for (let i = 1; i <= 28; i++) {
      const near = i > 24;
      const res = await t
        .http()
        .post('/api/vacancies')
        .set(bearer(w.wmA.token))
        .send(
          vacancyBody({
            employerId: w.employer.id,
            title: `${near ? 'Bijna passend' : 'Medewerker groenvoorziening'} ${String(i).padStart(2, '0')}`,
            arrangements: near ? ['regulier'] : ['werkervaringsplaats'],
          }),
        );
      if (res.status !== 201) throw new Error(`vacancy: ${res.status} ${res.text}`);
      if (!near) fitting.push(res.body.id as string);
    }
    // Two proposals, so the pipeline and the workplace page have something to show.
    for (const vacancyId of fitting.slice(0, 2))
      await t
        .http()
        .post('/api/proposals')
        .set(bearer(w.wmA.token))
        .send({ candidateId: w.candidateA.id, vacancyId, motivation: 'Past goed.' })
        .expect(201);
    await drain();
    base = t.url;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(() => t.app.get(LoginThrottle).reset());

  async function signedIn(email: string, viewport = PHONE, js = true) {
    const context = await newContext(browser, base, js);
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await signInPage(page, email, PASSWORD);
    return page;
  }

  /** Opens `path` and measures it, with the menu folded and (when there is one) unfolded. */
  async function check(page: Page, path: string, label: string) {
    await page.goto(path);
    const problems: string[] = [];
    const look = async (state: string) => {
      const m = await measure(page);
      if (SHOTS)
        await page.screenshot({
          path: `${SHOTS}/${label}-${state}.png`.replace(/\s+/g, '-'),
          fullPage: true,
        });
      const phone = page.viewportSize()?.width === PHONE.width;
      if (state === 'dicht' && phone && m.headerHeight > PHONE.height * 0.2)
        problems.push(`${label} (${state}): header ${m.headerHeight}px`);
      if (m.sideways) problems.push(`${label} (${state}): scrolls sideways`);
      if (m.brokenWords.length)
        problems.push(`${label} (${state}): words broken ${m.brokenWords.join(', ')}`);
      if (m.multiLine.length)
        problems.push(`${label} (${state}): more than one line ${m.multiLine.join(', ')}`);
      problems.push(...(await axeViolations(page, `${label} (${state})`)));
    };
    await look('dicht');
    if (await page.locator('.werkbrug-nav__toggle').isVisible()) {
      await page.click('.werkbrug-nav__toggle');
      expect(await page.locator('.werkbrug-nav__link >> nth=0').isVisible()).toBe(true);
      await look('menu open');
    }
    return problems;
  }

  it('the candidate: a compact header, the menu folds into "Menu", nothing broken or sideways', async () => {
    const page = await signedIn('sanne@test.nl');
    // Folded: the summary shows, the items wait behind it.
    await page.goto('/kandidaat');
    expect(await page.locator('.werkbrug-nav__toggle').isVisible()).toBe(true);
    expect(await page.locator('.werkbrug-nav__toggle').textContent()).toBe('Menu: Werkplekken');
    expect(await page.locator('.werkbrug-nav__link >> nth=0').isVisible()).toBe(false);
    expect(await page.locator('.werkbrug-header__logout').isVisible()).toBe(true);
    const problems: string[] = [];
    for (const [path, label] of [
      ['/kandidaat', 'kandidaat-werkplekken'],
      ['/kandidaat?pagina=2', 'kandidaat-werkplekken-2'],
      [`/kandidaat/werkplekken/${fitting[0]}`, 'kandidaat-werkplek'],
      ['/kandidaat/interesse', 'kandidaat-interesse'],
      ['/kandidaat/toestemming', 'kandidaat-toestemming'],
      ['/kandidaat/wensen', 'kandidaat-wensen'],
      ['/kandidaat/berichten', 'kandidaat-berichten'],
      ['/kandidaat/gegevens', 'kandidaat-gegevens'],
    ])
      problems.push(...(await check(page, path, label)));
    // "Toon meer" is a link to the next ten; the near misses past three unfold without JavaScript.
    await page.goto('/kandidaat');
    const visible = () => page.locator('.werkbrug-result h3 a:visible').count();
    expect(await visible()).toBe(10 + 3);
    const near = Number(/Past bijna \((\d+)\)/.exec((await page.textContent('main')) ?? '')?.[1]);
    expect(near).toBeGreaterThan(3);
    await Promise.all([page.waitForNavigation(), page.click('a[rel=next]')]);
    expect(new URL(page.url()).search).toBe('?pagina=2');
    expect(await page.textContent('main')).toContain('Werkplek 11 tot en met 20 van 24.');
    await page.click('.werkbrug-more-fold > summary');
    expect(await visible()).toBe(10 + near);
    const m = await measure(page);
    problems.push(
      ...(m.sideways ? ['bijna passend open: scrolls sideways'] : []),
      ...m.brokenWords.map((word) => `bijna passend open: ${word} broken`),
      ...(await axeViolations(page, 'bijna passend open')),
    );
    expect(problems).toEqual([]);
  });

  it('the werkmakelaar and the employer on a phone: the same header, nothing broken or sideways', async () => {
    const broker = await signedIn('wm.a@test.nl');
    const problems: string[] = [];
    for (const [path, label] of [
      ['/werkmakelaar', 'wm-kandidaten'],
      [`/werkmakelaar/kandidaten/${w.candidateA.id}`, 'wm-dossier'],
      ['/werkmakelaar/voorstellen', 'wm-voorstellen'],
      ['/werkmakelaar/voorstellen?zoek=sanne&status=wacht_op_kandidaat', 'wm-voorstellen-gezocht'],
      ['/werkmakelaar/voorstellen?zoek=niemand', 'wm-voorstellen-niets'],
      ['/werkmakelaar/plaatsingen?zoek=sanne', 'wm-plaatsingen'],
      ['/werkmakelaar/werkplekken', 'wm-werkplekken'],
      ['/werkmakelaar/werkplekken?pagina=2', 'wm-werkplekken-2'],
      [`/werkmakelaar/werkplekken/${fitting[0]}`, 'wm-werkplek'],
      ['/werkmakelaar/trajecten', 'wm-trajecten'],
      ['/werkmakelaar/trajecten?zoek=niemand&welke=alle', 'wm-trajecten-gezocht'],
    ])
      problems.push(...(await check(broker, path, label)));
    const employer = await signedIn('werkgever@groenenzo.nl');
    for (const [path, label] of [
      ['/werkgever', 'wg-start'],
      ['/werkgever/werkplekken', 'wg-werkplekken'],
      ['/werkgever/voorstellen', 'wg-voorstellen'],
    ])
      problems.push(...(await check(employer, path, label)));
    expect(problems).toEqual([]);
  });

  it('the menu folds without JavaScript too', async () => {
    const page = await signedIn('sanne@test.nl', PHONE, false);
    await page.goto('/kandidaat/wensen');
    expect(await page.locator('.werkbrug-nav__link >> nth=0').isVisible()).toBe(false);
    await page.click('.werkbrug-nav__toggle', { force: true });
    expect(await page.locator('a.werkbrug-nav__link:has-text("Interesse")').isVisible()).toBe(true);
    await Promise.all([
      page.waitForNavigation(),
      page.click('a.werkbrug-nav__link:has-text("Interesse")', { force: true }),
    ]);
    expect(new URL(page.url()).pathname).toBe('/kandidaat/interesse');
  });

  it('on a desktop the menu is one open row, without the "Menu" summary', async () => {
    const problems: string[] = [];
    for (const email of ['sanne@test.nl', 'wm.a@test.nl', 'werkgever@groenenzo.nl']) {
      const page = await signedIn(email, DESKTOP);
      expect(await page.locator('.werkbrug-nav__toggle').isVisible()).toBe(false);
      const tops = await page.$$eval('.werkbrug-nav__link', (links) =>
        links.map((a) => Math.round(a.getBoundingClientRect().top)),
      );
      expect(tops.length).toBeGreaterThan(3);
      expect(new Set(tops).size).toBe(1);
      problems.push(...(await check(page, new URL(page.url()).pathname, `desktop-${email}`)));
      if (email === 'wm.a@test.nl')
        for (const [path, label] of [
          [`/werkmakelaar/werkplekken/${fitting[0]}`, 'desktop-wm-werkplek'],
          ['/werkmakelaar/voorstellen?status=wacht_op_kandidaat', 'desktop-wm-kolom'],
          ['/werkmakelaar/trajecten?welke=alle&zoek=sanne', 'desktop-wm-trajecten'],
        ])
          problems.push(...(await check(page, path, label)));
    }
    expect(problems).toEqual([]);
  });
});
