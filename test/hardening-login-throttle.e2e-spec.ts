import { LoginThrottle } from '@werkbrug/auth';
import { insertOrganisation, insertUser, PASSWORD } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Login rate limiting: 5 failed attempts per account per 15 minutes, 30 attempts per client
 * address per minute. The app trusts X-Forwarded-For from loopback, so tests pose as other clients.
 */
describe('hardening: login rate limiting', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    const org = await insertOrganisation(t.db, 'werkbedrijf', 'Ferm Werk');
    for (const email of ['doelwit@test.nl', 'buurman@test.nl', 'collega@test.nl'])
      await insertUser(t.db, 'werkmakelaar', email, org);
  });
  beforeEach(() => t.app.get(LoginThrottle).reset());
  afterAll(() => t.close());

  const login = (email: string, password: string, ip: string) =>
    t.http().post('/api/auth/token').set('X-Forwarded-For', ip).send({ email, password });

  function expectLimited(
    res: { status: number; headers: Record<string, string>; body: { code: string } },
    maxSeconds: number,
  ) {
    expect(res.status).toBe(429);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('RATE_LIMITED');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
  }

  it(`locks an account after ${LoginThrottle.ACCOUNT_LIMIT} failures, from any address, even with the right password`, async () => {
    for (let i = 0; i < LoginThrottle.ACCOUNT_LIMIT; i++)
      await login('doelwit@test.nl', `fout-wachtwoord-${i}`, `198.51.100.${i + 1}`).expect(401);
    const locked = await login('doelwit@test.nl', PASSWORD, '203.0.113.99');
    expectLimited(locked, LoginThrottle.ACCOUNT_WINDOW_MS / 1000);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    // Another spelling of the address is the same account.
    expectLimited(await login('DOELWIT@Test.nl', PASSWORD, '203.0.113.98'), 900);
    // Another account from the same addresses is not affected.
    await login('buurman@test.nl', PASSWORD, '198.51.100.1').expect(200);
  });

  it('forgets the failures of an account after a successful login', async () => {
    for (let i = 0; i < LoginThrottle.ACCOUNT_LIMIT - 1; i++)
      await login('collega@test.nl', 'fout-wachtwoord', '198.51.100.20').expect(401);
    await login('collega@test.nl', PASSWORD, '198.51.100.20').expect(200);
    for (let i = 0; i < LoginThrottle.ACCOUNT_LIMIT - 1; i++)
      await login('collega@test.nl', 'fout-wachtwoord', '198.51.100.20').expect(401);
    await login('collega@test.nl', PASSWORD, '198.51.100.20').expect(200);
  });

  it(`limits one address to ${LoginThrottle.IP_LIMIT} attempts a minute, whatever the accounts`, async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < LoginThrottle.IP_LIMIT; i++)
      await login(`onbekend${i}@test.nl`, 'fout-wachtwoord', ip).expect(401);
    expectLimited(await login('buurman@test.nl', PASSWORD, ip), LoginThrottle.IP_WINDOW_MS / 1000);
    // Other clients can still sign in, to the same account.
    await login('buurman@test.nl', PASSWORD, '192.0.2.78').expect(200);
  });
});
