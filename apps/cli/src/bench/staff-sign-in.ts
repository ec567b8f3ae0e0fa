import type { Page } from 'playwright-core';
import { totpCodeAt, totpStep, TOTP_PERIOD_SECONDS } from '@werkbrug/auth';
import { DEMO_TOTP_SECRET } from '../demo/seed-demo';

/**
 * The second factor for the benchmarks and screenshots: the demo werkmakelaars share
 * DEMO_TOTP_SECRET; an account without an app (the first administrator) sets one up and its secret
 * is remembered. A time step is accepted once per user, so each sign-in takes the next unused one.
 */
const secrets = new Map<string, string>();
const usedSteps = new Map<string, number>();

export const rememberStaffSecret = (email: string, secret: string) =>
  secrets.set(email.toLowerCase(), secret.replace(/\s+/g, '').toUpperCase());

/** A code of a step this address has not used yet; waits for the next step when needed. */
export async function staffCode(email: string): Promise<string> {
  const key = email.toLowerCase();
  const secret = secrets.get(key) ?? DEMO_TOTP_SECRET;
  for (;;) {
    const now = totpStep();
    const step = Math.max(now, (usedSteps.get(key) ?? -Infinity) + 1);
    if (step <= now + 1) {
      usedSteps.set(key, step);
      return totpCodeAt(secret, step);
    }
    const next = (now + 1) * TOTP_PERIOD_SECONDS * 1000;
    await new Promise((resolve) => setTimeout(resolve, next - Date.now() + 50));
  }
}

/** On the second factor's page after the password (a demo werkmakelaar): the code, then on. */
export async function passCodePage(page: Page, email: string): Promise<void> {
  if (new URL(page.url()).pathname !== '/inlogcode') return;
  await page.fill('#veld-code', await staffCode(email));
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
}
