import { loadConfig } from '@werkbrug/config';
import { LoginThrottle, pairBackoffMs } from '@werkbrug/auth';
import { bearer, insertOrganisation, insertUser, PASSWORD } from './support/fixtures';
import { freshCode } from './support/second-factor';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Login rate limiting: back-off per account and client address, a limit per
 * address, an account-wide throttle with a sign-in link by mail as the owner's way in, and
 * X-Forwarded-For believed only from TRUST_PROXY.
 */
describe('hardening: login rate limiting behind a trusted proxy', () => {
  let t: TestApp;

  beforeAll(async () => {
    // The tests stand behind a proxy on loopback, so X-Forwarded-For poses as other clients.
    t = await startTestApp({ TRUST_PROXY: 'loopback' });
    const org = await insertOrganisation(t.db, 'werkbedrijf', 'Ferm Werk');
    for (const email of [
      'doelwit@test.nl',
      'buurman@test.nl',
      'collega@test.nl',
      'belegerd@test.nl',
    ])
      await insertUser(t.db, 'werkmakelaar', email, org);
  });
  beforeEach(() => t.app.get(LoginThrottle).reset());
  afterAll(() => t.close());

  /** A werkmakelaar signs in with the app's code too (sent with the right password only). */
  const login = async (email: string, password: string, ip: string) =>
    t
      .http()
      .post('/api/auth/token')
      .set('X-Forwarded-For', ip)
      .send({
        email,
        password,
        ...(password === PASSWORD ? { otp: await freshCode(email.toLowerCase()) } : {}),
      });

  function expectLimited(
    res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
    maxSeconds: number,
  ) {
    expect(res.status).toBe(429);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('RATE_LIMITED');
    expect(res.body.signInLink).toBe('POST /api/auth/sign-in-link');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
  }

  it('slows the guessing address, not the owner: the right password still works from elsewhere', async () => {
    const attacker = '198.51.100.1';
    for (let i = 0; i < LoginThrottle.PAIR_FREE_FAILURES; i++)
      expect((await login('doelwit@test.nl', `fout-wachtwoord-${i}`, attacker)).status).toBe(401);
    // The attacker now waits, even with the right password (it cannot tell whether it guessed).
    expectLimited(await login('doelwit@test.nl', PASSWORD, attacker), 1);
    expectLimited(await login('DOELWIT@Test.nl', 'nog-een-gok', attacker), 1);
    // The owner, elsewhere, signs in at once; other accounts from the attacker's address too.
    expect((await login('doelwit@test.nl', PASSWORD, '203.0.113.99')).status).toBe(200);
    expect((await login('buurman@test.nl', PASSWORD, attacker)).status).toBe(200);
  });

  it('forgets the failures of a pair after a successful login', async () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < LoginThrottle.PAIR_FREE_FAILURES - 1; i++)
        expect((await login('collega@test.nl', 'fout-wachtwoord', '198.51.100.20')).status).toBe(
          401,
        );
      expect((await login('collega@test.nl', PASSWORD, '198.51.100.20')).status).toBe(200);
    }
  });

  it(`limits one address to ${LoginThrottle.IP_LIMIT} attempts a minute, whatever the accounts`, async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < LoginThrottle.IP_LIMIT; i++)
      expect((await login(`onbekend${i}@test.nl`, 'fout-wachtwoord', ip)).status).toBe(401);
    expectLimited(await login('buurman@test.nl', PASSWORD, ip), LoginThrottle.IP_WINDOW_MS / 1000);
    expect((await login('buurman@test.nl', PASSWORD, '192.0.2.78')).status).toBe(200);
  });

  it('a distributed attack throttles the password; the owner gets in with a mailed sign-in link', async () => {
    for (let i = 0; i < LoginThrottle.ACCOUNT_THROTTLE_FAILURES; i++)
      expect(
        (await login('belegerd@test.nl', 'gok', `10.1.${Math.floor(i / 200)}.${i % 200}`)).status,
      ).toBe(401);
    const refused = await login('belegerd@test.nl', PASSWORD, '203.0.113.50');
    expectLimited(refused, LoginThrottle.ACCOUNT_WINDOW_MS / 1000);
    expect(refused.body.detail).toMatch(/sign-in link/);

    const mails = async () =>
      (
        await t.db.query(
          `SELECT payload FROM outbox_messages WHERE topic = 'mail.send' AND payload->>'template' = 'sign_in_link'`,
        )
      ).map((r: { payload: { to: string[]; data: { link: string } } }) => r.payload);
    const ask = (email: string) =>
      t
        .http()
        .post('/api/auth/sign-in-link')
        .set('X-Forwarded-For', '203.0.113.50')
        .send({ email });
    const known = await ask('belegerd@test.nl').expect(202);
    const unknown = await ask('niemand@test.nl').expect(202);
    expect(unknown.body).toEqual(known.body);
    const sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toEqual(['belegerd@test.nl']);
    const token = new URL(sent[0].data.link).pathname.split('/').pop() as string;
    expect(sent[0].data.link).toMatch(/\/inloggen\/al_/);
    expect(token).toMatch(/^al_/);
    const [stored] = await t.db.query(`SELECT token_hash FROM auth_links`);
    expect(Buffer.from(stored.token_hash).toString()).not.toContain(token.slice(3));

    // The link stands in for the password; the werkmakelaar's code is still asked.
    const redeemed = await t
      .http()
      .post('/api/auth/sign-in-link/redeem')
      .send({ token, otp: await freshCode('belegerd@test.nl') })
      .expect(200);
    await t.http().get('/api/auth/me').set(bearer(redeemed.body.accessToken)).expect(200);
    // Once only; a made-up token likewise.
    for (const bad of [token, 'al_' + 'x'.repeat(43), 'onzin']) {
      const again = await t.http().post('/api/auth/sign-in-link/redeem').send({ token: bad });
      expect(again.status).toBe(400);
      expect(again.body.code).toBe('LINK_INVALID');
    }
  });

  it('backs off exponentially per pair, capped', () => {
    const table: [number, number][] = [
      [0, 0],
      [4, 0],
      [5, 1000],
      [6, 2000],
      [10, 32_000],
      [15, LoginThrottle.PAIR_MAX_DELAY_MS],
      [500, LoginThrottle.PAIR_MAX_DELAY_MS],
    ];
    for (const [failures, ms] of table)
      expect([failures, pairBackoffMs(failures)]).toEqual([failures, ms]);
  });
});

describe('hardening: X-Forwarded-For without TRUST_PROXY', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: '' });
    const org = await insertOrganisation(t.db, 'werkbedrijf', 'Ferm Werk');
    await insertUser(t.db, 'werkmakelaar', 'doelwit@test.nl', org);
  });
  afterAll(() => t.close());

  it('is ignored: a new header per attempt is still the same client', async () => {
    for (let i = 0; i < LoginThrottle.PAIR_FREE_FAILURES; i++)
      await t
        .http()
        .post('/api/auth/token')
        .set('X-Forwarded-For', `198.51.100.${i + 1}`)
        .send({ email: 'doelwit@test.nl', password: 'fout' })
        .expect(401);
    const res = await t
      .http()
      .post('/api/auth/token')
      .set('X-Forwarded-For', '198.51.100.200')
      .send({ email: 'doelwit@test.nl', password: 'fout' });
    expect(res.status).toBe(429);
  });

  it('TRUST_PROXY accepts addresses, CIDR ranges and the named ranges, and refuses the rest', () => {
    const base = {
      DATABASE_URL: 'postgres://u:p@127.0.0.1/db',
      MEILI_URL: 'http://127.0.0.1:7700',
    };
    expect(loadConfig(base).trustProxy).toEqual([]);
    expect(
      loadConfig({ ...base, TRUST_PROXY: 'loopback, 10.0.0.0/8, 2001:db8::1' }).trustProxy,
    ).toEqual(['loopback', '10.0.0.0/8', '2001:db8::1']);
    for (const bad of ['*', 'true', '10.0.0.0/33', 'proxy.example'])
      expect(() => loadConfig({ ...base, TRUST_PROXY: bad })).toThrow(/TRUST_PROXY entry/);
  });
});
