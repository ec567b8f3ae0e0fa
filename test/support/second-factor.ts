import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Secret } from 'otpauth';
import { totpCodeAt, totpStep, TOTP_PERIOD_SECONDS, type Role } from '@werkbrug/auth';
import { createSecretBox, secretKeyOf } from '@werkbrug/config';
import { DEMO_TOTP_SECRET } from '../../apps/cli/src/demo/seed-demo';

/**
 * The second factor in tests: staff users made by the fixtures are enrolled with their own TOTP
 * secret (derived from the address, so any helper can compute their code), sealed with the test
 * stack's key (useTestEnv sets WERKBRUG_SECRET_KEY). A code is accepted once per user and time step
 * (one step either side of now): freshCode hands out the next unused step per address; when a user
 * signed in three times within one step it clears their last used step in the test database
 * (clearUsedStepsIn), or, for an app of its own process, waits for a new step.
 */
export const TEST_SECRET_KEY = 'werkbrug-test-secret-key-0123456789abcdef';

const STAFF: readonly Role[] = ['werkmakelaar', 'admin'];
export const isStaff = (role: Role) => STAFF.includes(role);

/** Secrets learnt in this test file (set up through the API or the pages), by address. */
const secrets = new Map<string, string>();
/**
 * The last step this test file used per secret: the server refuses a step per user, and a user has
 * one secret (also when their address changes; the demo staff share one, which only waits more).
 */
const usedSteps = new Map<string, number>();
/** Roles of the users the fixtures made, by address (who needs a code without asking). */
const roles = new Map<string, Role>();

const key = (email: string) => email.trim().toLowerCase();

/** The secret a fixture-made user is enrolled with. */
export const testTotpSecret = (email: string): string =>
  new Secret({
    buffer: Uint8Array.from(
      createHash('sha256')
        .update(`werkbrug-test\n${key(email)}`)
        .digest()
        .subarray(0, 20),
    ).buffer,
  }).base32;

/** The secret of an address: learnt at a set-up, the demo staff's, or the fixtures'. */
export function secretOf(email: string): string {
  const k = key(email);
  return secrets.get(k) ?? (/\.demo$/.test(k) ? DEMO_TOTP_SECRET : testTotpSecret(k));
}

export function rememberSecret(email: string, secret: string) {
  secrets.set(key(email), secret.replace(/\s+/g, '').toUpperCase());
}

export const rememberRole = (email: string, role: Role) => roles.set(key(email), role);
export const knownRole = (email: string): Role | undefined => roles.get(key(email));

/**
 * The databases of this test file's apps (startTestApp adds each): a fourth sign-in of one user within
 * a step then clears the user's last used step (one UPDATE) instead of waiting up to 30 s. The
 * server's refusal of a replayed step is tested on its own (second-factor.e2e-spec.ts).
 */
interface TestDatabase {
  readonly isInitialized: boolean;
  query(sql: string, params: unknown[]): Promise<unknown>;
}
const testDatabases = new Set<TestDatabase>();

export function clearUsedStepsIn(db: TestDatabase) {
  testDatabases.add(db);
}

/** Clears the step in every app still open (a closed app's database is gone); false when none is. */
async function clearUsedStep(email: string): Promise<boolean> {
  let cleared = false;
  for (const db of testDatabases) {
    if (!db.isInitialized) {
      testDatabases.delete(db);
      continue;
    }
    await db.query(
      `UPDATE second_factors SET last_used_step = NULL
        WHERE user_id IN (SELECT id FROM users WHERE lower(email) = $1)`,
      [key(email)],
    );
    cleared = true;
  }
  return cleared;
}

/** A code of a step this address has not used yet (the server refuses a replayed step). */
export async function freshCode(email: string, secret = secretOf(email)): Promise<string> {
  const k = secret;
  for (;;) {
    const now = totpStep();
    const step = Math.max(now, (usedSteps.get(k) ?? -Infinity) + 1);
    if (step <= now + 1) {
      usedSteps.set(k, step);
      return totpCodeAt(secret, step);
    }
    if (await clearUsedStep(email)) {
      usedSteps.set(k, now);
      return totpCodeAt(secret, now);
    }
    const nextStepAt = (now + 1) * TOTP_PERIOD_SECONDS * 1000;
    await new Promise((resolve) => setTimeout(resolve, nextStepAt - Date.now() + 50));
  }
}

/** Enrols a user directly (as a finished set-up), with testTotpSecret of the address. */
export async function enrolTestUser(db: DataSource, userId: string, email: string): Promise<void> {
  const box = createSecretBox(secretKeyOf(process.env.WERKBRUG_SECRET_KEY ?? TEST_SECRET_KEY));
  await db.query(
    `INSERT INTO second_factors (user_id, secret_sealed, enrolled_at) VALUES ($1, $2, now())
     ON CONFLICT (user_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed,
       enrolled_at = now(), last_used_step = NULL`,
    [userId, box.seal(testTotpSecret(email), `totp:${userId}`)],
  );
  secrets.delete(key(email));
  usedSteps.delete(testTotpSecret(email));
}

/**
 * POST /api/auth/token with fetch (an app started as its own process): the code of the account's
 * app when it asks for one; an account without an app (the first administrator) sets one up.
 */
export async function fetchToken(apiUrl: string, email: string, password: string) {
  const post = (path: string, body: Record<string, string>) =>
    fetch(`${apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  let res = await post('/api/auth/token', { email, password });
  const { code } = (await res.clone().json()) as { code?: string };
  if (code === 'MFA_REQUIRED')
    res = await post('/api/auth/token', { email, password, otp: await freshCode(email) });
  else if (code === 'MFA_SETUP_REQUIRED') {
    const setup = await post('/api/auth/mfa/setup', { email, password });
    rememberSecret(email, ((await setup.json()) as { secret: string }).secret);
    res = await post('/api/auth/mfa/confirm', { email, password, otp: await freshCode(email) });
  }
  return res;
}
