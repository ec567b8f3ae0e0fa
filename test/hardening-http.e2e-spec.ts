import { forgetCachedTokens } from '@werkbrug/auth';
import {
  bearer,
  insertOrganisation,
  insertUser,
  PASSWORD,
  tokenFor,
  tokenResponseFor,
} from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

const PORTAL = 'https://portaal.werkbrug.example';
const EVIL = 'https://evil.example';

/** Stack frames, driver errors and SQL that must never reach a client. */
const LEAKS = [
  /\bat [\w.<>]+ \(/,
  /node_modules/,
  /\.(ts|js):\d+/,
  /QueryFailedError|TypeError|SyntaxError/,
  /\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b/i,
  /relation ".*" does not exist|syntax error at/i,
];

describe('hardening: HTTP surface', () => {
  let t: TestApp;
  let userId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const org = await insertOrganisation(t.db, 'werkbedrijf', 'Ferm Werk');
    userId = await insertUser(t.db, 'werkmakelaar', 'wm@test.nl', org);
    await insertUser(t.db, 'admin', 'admin@test.nl', org);
  });
  afterAll(() => t.close());

  describe('security headers', () => {
    it('are on API answers, problems and health checks', async () => {
      for (const path of ['/api/openapi.json', '/api/auth/me', '/health']) {
        const h = (await t.http().get(path)).headers;
        expect(h['x-content-type-options']).toBe('nosniff');
        expect(h['x-frame-options']).toBe('SAMEORIGIN');
        expect(h['referrer-policy']).toBe('no-referrer');
        expect(h['strict-transport-security']).toMatch(/max-age=\d+/);
        expect(h['cross-origin-opener-policy']).toBe('same-origin');
        expect(h['cross-origin-resource-policy']).toBe('same-origin');
        expect(h['x-powered-by']).toBeUndefined();
        // Swagger's routes are mounted on Express before Nest's middleware: no request id there.
        if (path !== '/api/openapi.json')
          expect(h['x-request-id']).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
        const csp = String(h['content-security-policy']);
        for (const directive of [
          "default-src 'self'",
          "frame-ancestors 'self'",
          "object-src 'none'",
          "base-uri 'self'",
        ])
          expect(csp).toContain(directive);
        expect(csp).not.toContain('upgrade-insecure-requests');
      }
    });
  });

  describe('CORS', () => {
    const preflight = (app: TestApp, origin: string) =>
      app
        .http()
        .options('/api/auth/token')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type,authorization');

    it('is strict by default: no origin is allowed', async () => {
      for (const origin of [EVIL, PORTAL, 'null']) {
        const res = await preflight(t, origin);
        expect([origin, res.headers['access-control-allow-origin']]).toEqual([origin, undefined]);
        const get = await t.http().get('/health').set('Origin', origin);
        expect(get.headers['access-control-allow-origin']).toBeUndefined();
      }
    });

    it('allows exactly the origins in CORS_ORIGINS', async () => {
      const second = await startTestApp({
        CORS_ORIGINS: `${PORTAL}, https://intranet.gemeente.example`,
      });
      delete process.env.CORS_ORIGINS;
      try {
        const ok = await preflight(second, PORTAL);
        expect(ok.status).toBeLessThan(300);
        expect(ok.headers['access-control-allow-origin']).toBe(PORTAL);
        expect(ok.headers['access-control-allow-headers']).toMatch(/Authorization/);
        expect(ok.headers['access-control-allow-headers']).toMatch(/X-Purpose/);
        expect(ok.headers['access-control-allow-credentials']).toBeUndefined();
        const get = await second
          .http()
          .get('/health')
          .set('Origin', 'https://intranet.gemeente.example');
        expect(get.headers['access-control-allow-origin']).toBe(
          'https://intranet.gemeente.example',
        );
        expect(get.headers['access-control-expose-headers']).toMatch(/X-Request-Id/);
        for (const origin of [EVIL, `${PORTAL}.evil.example`, 'http://portaal.werkbrug.example']) {
          const res = await preflight(second, origin);
          expect([origin, res.headers['access-control-allow-origin']]).toEqual([origin, undefined]);
        }
      } finally {
        await second.close();
      }
    });
  });

  describe('error answers', () => {
    it('carry no stack traces or SQL, also when the database fails', async () => {
      const admin = await tokenFor(t, 'admin@test.nl');
      const answers = [
        await t.http().get('/api/nergens'),
        await t
          .http()
          .post('/api/auth/token')
          .set('Content-Type', 'application/json')
          .send('{"email": '),
        await t.http().get('/api/candidates/geen-uuid').set(bearer(admin)),
        await t
          .http()
          .get(`/api/werksoorten?sort=${encodeURIComponent('created_at;DROP TABLE users')}`)
          .set(bearer(admin)),
        await t
          .http()
          .post('/api/werksoorten')
          .set(bearer(admin))
          .send({ code: 'x'.repeat(500), name: 'x' }),
      ];
      // A real server-side failure: the table the handler reads is gone for a moment.
      await t.db.query(`ALTER TABLE werksoorten RENAME TO werksoorten_weg`);
      try {
        answers.push(await t.http().get('/api/werksoorten').set(bearer(admin)));
      } finally {
        await t.db.query(`ALTER TABLE werksoorten_weg RENAME TO werksoorten`);
      }
      const failure = answers[answers.length - 1];
      expect(failure.status).toBe(500);
      expect(failure.body).toEqual(
        expect.objectContaining({
          code: 'INTERNAL_ERROR',
          detail: expect.not.stringContaining('werksoorten'),
        }),
      );
      for (const res of answers) {
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(typeof res.body.code).toBe('string');
        for (const leak of LEAKS)
          expect([res.text, leak.test(res.text)]).toEqual([res.text, false]);
        expect(res.text).not.toContain('werksoorten_weg');
      }
    });
  });

  describe('tokens', () => {
    it(`expire (TOKEN_TTL_HOURS, default 12) and are refused once expired`, async () => {
      const res = await tokenResponseFor(t, 'wm@test.nl');
      expect(res.status).toBe(200);
      const hours = (Date.parse(res.body.expiresAt) - Date.now()) / 3600_000;
      expect(hours).toBeGreaterThan(11.9);
      expect(hours).toBeLessThanOrEqual(12);
      const token = res.body.accessToken as string;
      await t.http().get('/api/auth/me').set(bearer(token)).expect(200);
      await t.db.query(
        `UPDATE auth_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [userId],
      );
      // The process remembers a resolved token for up to TOKEN_CACHE_MS (never past its expiry);
      // this SQL moved the expiry behind its back.
      forgetCachedTokens();
      const expired = await t.http().get('/api/auth/me').set(bearer(token)).expect(401);
      expect(expired.body.code).toBe('UNAUTHENTICATED');
    });

    it('follow TOKEN_TTL_HOURS', async () => {
      const short = await startTestApp({ TOKEN_TTL_HOURS: '1' });
      delete process.env.TOKEN_TTL_HOURS;
      try {
        const org = await insertOrganisation(short.db, 'werkbedrijf', 'Ferm Werk');
        await insertUser(short.db, 'werkmakelaar', 'kort@test.nl', org);
        const res = await tokenResponseFor(short, 'kort@test.nl');
        expect(res.status).toBe(200);
        const minutes = (Date.parse(res.body.expiresAt) - Date.now()) / 60_000;
        expect(minutes).toBeGreaterThan(59);
        expect(minutes).toBeLessThanOrEqual(60);
      } finally {
        await short.close();
      }
    });

    it('are revoked one at a time on logout, and all at once on a password change', async () => {
      const first = await tokenFor(t, 'wm@test.nl');
      const second = await tokenFor(t, 'wm@test.nl');
      await t.http().delete('/api/auth/token').set(bearer(first)).expect(204);
      await t.http().get('/api/auth/me').set(bearer(first)).expect(401);
      const me = await t.http().get('/api/auth/me').set(bearer(second)).expect(200);
      const third = await tokenFor(t, 'wm@test.nl');
      await t
        .http()
        .patch(`/api/users/${userId}`)
        .set(bearer(second))
        .send({
          version: me.body.version,
          password: 'Een-nieuw-lang-wachtwoord-2026',
          currentPassword: PASSWORD,
        })
        .expect(200);
      await t.http().get('/api/auth/me').set(bearer(second)).expect(401);
      await t.http().get('/api/auth/me').set(bearer(third)).expect(401);
    });

    it('refuse malformed, forged and unknown tokens alike', async () => {
      for (const value of [
        'Bearer',
        'Bearer wb_kort',
        `Bearer wb_${'A'.repeat(43)}`,
        'Basic d206dGVzdA==',
        `bearer ${'x'.repeat(5000)}`,
      ]) {
        const res = await t.http().get('/api/auth/me').set('Authorization', value);
        expect([value.slice(0, 20), res.status, res.body.code]).toEqual([
          value.slice(0, 20),
          401,
          'UNAUTHENTICATED',
        ]);
      }
    });
  });
});
