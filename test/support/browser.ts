import AxeBuilder from '@axe-core/playwright';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { TestApp } from './test-app';

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

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Makes the test app listen on a free loopback port; returns its base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const address = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

/** A fresh browser context (own cookies), optionally without JavaScript. */
export function newContext(browser: Browser, baseURL: string, javaScriptEnabled = true) {
  return browser.newContext({ baseURL, javaScriptEnabled, locale: 'nl-NL' });
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core with the WCAG 2.1 A/AA rule tags; returns the violations, formatted for a failure. */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map(
    (v) =>
      `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
}

/** Signs in through the login form, by keyboard-free clicks (the keyboard test does its own). */
export async function signInPage(page: Page, email: string, password: string) {
  await page.goto('/inloggen');
  await page.fill('#veld-email', email);
  await page.fill('#veld-password', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit] >> text=Inloggen')]);
}

export type { Browser, BrowserContext, Page };
