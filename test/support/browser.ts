/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright';
import { dutchProblems } from './dutch-words';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freshCode, rememberSecret } from './second-factor';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere. No browser is ever downloaded. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Chromium keeps the real clock: in the suite's time-of-day run under faketime (docs/development.md)
 * the preloaded library makes it spin. The pages' dates come from the server, which runs faked.
 */
function realClockEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && key !== 'LD_PRELOAD' && !key.startsWith('FAKETIME'))
      env[key] = value;
  return env;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    env: realClockEnv(),
  });
}

/** A fresh browser context (own cookies), optionally without JavaScript. */
export function newContext(browser: Browser, baseURL: string, javaScriptEnabled = true) {
  return browser.newContext({ baseURL, javaScriptEnabled, locale: 'nl-NL' });
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core with the WCAG 2.1 A/AA rule tags, and the page's words (test/support/dutch-words.ts: no
 * English, codes or ISO dates, not "u" and "je" mixed); returns the findings, formatted for a failure.
 */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return [
    ...result.violations.map(
      (v) =>
        `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
    ),
    ...dutchProblems(await page.content()).map((p) => `${label}: ${p}`),
  ];
}

/** Signs in through the login form, by keyboard-free clicks (the keyboard test does its own). */
export async function signInPage(page: Page, email: string, password: string) {
  await page.goto('/inloggen');
  await page.fill('#veld-email', email);
  await page.fill('#veld-password', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit] >> text=Inloggen')]);
  await passSecondFactorPage(page, email);
}

/**
 * On the second factor's page after the password (werkmakelaars, administrators): the code of
 * their app, or at the first sign-in the set-up (the secret as the page shows it) and the recovery
 * codes. Does nothing on any other page.
 */
export async function passSecondFactorPage(page: Page, email: string) {
  const path = new URL(page.url()).pathname;
  if (path === '/inlogcode/instellen') {
    rememberSecret(email, (await page.textContent('#sleutel')) ?? '');
    await page.fill('#veld-code', await freshCode(email));
    // Enter in the field: with JavaScript off a click next to the QR image may never land.
    await Promise.all([page.waitForNavigation(), page.press('#veld-code', 'Enter')]);
    await Promise.all([
      page.waitForNavigation(),
      page.click('button[type=submit] >> text=Ik heb de codes bewaard'),
    ]);
  } else if (path === '/inlogcode') {
    await page.fill('#veld-code', await freshCode(email));
    await Promise.all([page.waitForNavigation(), page.press('#veld-code', 'Enter')]);
  }
}

export type { Browser, BrowserContext, Page };

/**
 * Presses Tab (or Shift+Tab) until the element matching `selector` has the focus, and checks that
 * the focus is visible (an outline or a focus ring). Fails after `max` presses.
 */
export async function tabTo(
  page: Page,
  selector: string,
  opts: { back?: boolean; max?: number } = {},
) {
  for (let i = 0; i < (opts.max ?? 250); i++) {
    const here = await page.evaluate(
      (sel) => !!document.activeElement && document.activeElement.matches(sel),
      selector,
    );
    if (here) {
      const visible = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return (
          (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') ||
          style.boxShadow !== 'none' ||
          el.matches(':focus-visible')
        );
      });
      if (!visible) throw new Error(`focus on ${selector} is not visible`);
      return;
    }
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Keyboard only: Tab to a text field and type. */
export async function typeInto(page: Page, selector: string, text: string) {
  await tabTo(page, selector);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Keyboard only: Tab to a checkbox or radio and press Space. */
export async function tick(page: Page, selector: string) {
  await tabTo(page, selector);
  await page.keyboard.press('Space');
}

/** Keyboard only: Tab to a select and move with the arrow keys until it holds `value`. */
export async function chooseByKeys(page: Page, selector: string, value: string) {
  await tabTo(page, selector);
  for (let i = 0; i < 100; i++) {
    if ((await page.inputValue(selector)) === value) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`${selector} never reached ${value}`);
}

/** Keyboard only: Tab to a button and press Enter; waits for the next page. */
export async function pressButton(page: Page, selector: string) {
  await tabTo(page, selector);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

/** Keyboard only: Tab into a radio group, then Space and arrow keys until `value` is chosen. */
export async function chooseRadio(page: Page, name: string, value: string) {
  await tabTo(page, `input[type=radio][name="${name}"]`);
  const target = `input[type=radio][name="${name}"][value="${value}"]`;
  if (!(await page.isChecked(target))) await page.keyboard.press('Space');
  for (let i = 0; i < 10 && !(await page.isChecked(target)); i++)
    await page.keyboard.press('ArrowDown');
  if (!(await page.isChecked(target))) throw new Error(`${target} could not be chosen`);
}

/**
 * Chooses an option by focusing the select and using the arrow keys. With JavaScript switched off,
 * Playwright's selectOption leaves the page "unstable" for later clicks; the keys do not.
 */
export async function selectByKeys(page: Page, selector: string, value: string) {
  await page.focus(selector);
  for (let i = 0; i < 100; i++) {
    if ((await page.inputValue(selector)) === value) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`${selector} never reached ${value}`);
}
