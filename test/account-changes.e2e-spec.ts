import { LoginThrottle } from '@werkbrug/auth';
import { bearer, insertOrganisation, insertUser, PASSWORD, tokenFor } from './support/fixtures';
import { rememberSecret, testTotpSecret } from './support/second-factor';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Changing one's own password or login address needs the current password; a new
 * address becomes the login only after its mailbox confirms; a taken address is answered like a
 * free one.
 */
describe('account changes', () => {
  let t: TestApp;
  let userId: string;
  let adminToken: string;
  const NEW_PASSWORD = 'Een-ander-lang-wachtwoord-2026';

  beforeAll(async () => {
    t = await startTestApp();
    const org = await insertOrganisation(t.db, 'werkbedrijf', 'Ferm Werk');
    userId = await insertUser(t.db, 'werkmakelaar', 'eigenaar@test.nl', org);
    await insertUser(t.db, 'werkmakelaar', 'bezet@test.nl', org);
    await insertUser(t.db, 'admin', 'beheer@test.nl', org);
    adminToken = await tokenFor(t, 'beheer@test.nl');
  });
  beforeEach(() => t.app.get(LoginThrottle).reset());
  afterAll(() => t.close());

  const row = async () =>
    (
      await t.db.query(`SELECT email, version, password_hash FROM users WHERE id = $1`, [userId])
    )[0];
  const patch = async (token: string, body: object) =>
    t
      .http()
      .patch(`/api/users/${userId}`)
      .set(bearer(token))
      .send({ version: (await row()).version, ...body });
  const changeMails = async () =>
    (
      await t.db.query(
        `SELECT payload FROM outbox_messages WHERE payload->>'template' = 'email_change' ORDER BY created_at`,
      )
    ).map((r: { payload: { to: string[]; data: { link: string } } }) => r.payload);

  it('a password change needs the current password; without or with a wrong one nothing changes', async () => {
    const token = await tokenFor(t, 'eigenaar@test.nl');
    const before = await row();
    for (const extra of [{}, { currentPassword: 'geraden-wachtwoord' }]) {
      const res = await patch(token, { password: NEW_PASSWORD, ...extra });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    }
    expect(await row()).toEqual(before);
    await t.http().get('/api/auth/me').set(bearer(token)).expect(200);

    expect((await patch(token, { password: NEW_PASSWORD, currentPassword: PASSWORD })).status).toBe(
      200,
    );
    await t.http().get('/api/auth/me').set(bearer(token)).expect(401);
    await tokenFor(t, 'eigenaar@test.nl', NEW_PASSWORD);
    // Back, for the tests below.
    const again = await tokenFor(t, 'eigenaar@test.nl', NEW_PASSWORD);
    expect((await patch(again, { password: PASSWORD, currentPassword: NEW_PASSWORD })).status).toBe(
      200,
    );
  });

  it('guessing the current password with a stolen token is throttled', async () => {
    const token = await tokenFor(t, 'eigenaar@test.nl');
    for (let i = 0; i < LoginThrottle.PAIR_FREE_FAILURES; i++)
      expect(
        (await patch(token, { password: NEW_PASSWORD, currentPassword: `gok-${i}` })).status,
      ).toBe(422);
    const res = await patch(token, { password: NEW_PASSWORD, currentPassword: PASSWORD });
    expect(res.status).toBe(429);
  });

  it('a new address becomes the login only after the mailed link is confirmed', async () => {
    const token = await tokenFor(t, 'eigenaar@test.nl');
    expect((await patch(token, { email: 'nieuw@test.nl' })).status).toBe(422);
    const res = await patch(token, { email: 'Nieuw@Test.nl', currentPassword: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.email).toBe('eigenaar@test.nl');
    expect((await row()).email).toBe('eigenaar@test.nl');
    const login = await t
      .http()
      .post('/api/auth/token')
      .send({ email: 'nieuw@test.nl', password: PASSWORD });
    expect(login.status).toBe(401);

    const mails = await changeMails();
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual(['nieuw@test.nl']);
    const linkToken = mails[0].data.link.split('/').pop() as string;
    const confirmed = await t
      .http()
      .post('/api/auth/email-change/confirm')
      .send({ token: linkToken })
      .expect(200);
    expect(confirmed.body).toEqual({ email: 'nieuw@test.nl' });
    expect((await row()).email).toBe('nieuw@test.nl');
    // The authenticator app stays with the account (its secret was made for the old address).
    rememberSecret('nieuw@test.nl', testTotpSecret('eigenaar@test.nl'));
    // Sessions end with the login change; the link works once.
    await t.http().get('/api/auth/me').set(bearer(token)).expect(401);
    await tokenFor(t, 'nieuw@test.nl');
    const twice = await t.http().post('/api/auth/email-change/confirm').send({ token: linkToken });
    expect([twice.status, twice.body.code]).toEqual([400, 'LINK_INVALID']);
  });

  it('a taken address is answered exactly like a free one, and nothing is sent to it', async () => {
    const token = await tokenFor(t, 'nieuw@test.nl');
    const strip = (body: Record<string, unknown>) => {
      const { version: _v, updatedAt: _u, ...rest } = body;
      return rest;
    };
    const taken = await patch(token, { email: 'bezet@test.nl', currentPassword: PASSWORD });
    const free = await patch(token, { email: 'vrij@test.nl', currentPassword: PASSWORD });
    expect([taken.status, free.status]).toEqual([200, 200]);
    expect(strip(taken.body)).toEqual(strip(free.body));
    const to = (await changeMails()).flatMap((m: { to: string[] }) => m.to);
    expect(to).toContain('vrij@test.nl');
    expect(to).not.toContain('bezet@test.nl');
    expect((await row()).email).toBe('nieuw@test.nl');
  });

  it('an administrator changes another user’s address without their password, still confirmed by mail', async () => {
    const res = await patch(adminToken, { email: 'door-beheer@test.nl' });
    expect(res.status).toBe(200);
    expect((await row()).email).toBe('nieuw@test.nl');
    const to = (await changeMails()).flatMap((m: { to: string[] }) => m.to);
    expect(to).toContain('door-beheer@test.nl');
  });
});
