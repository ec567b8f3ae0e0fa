import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { hashPassword } from '@werkbrug/auth';
import { freePort } from '@werkbrug/embedded';
import { candidateBody, insertOrganisation, insertUser } from './support/fixtures';
import { freshCode } from './support/second-factor';
import { startTestApp, TestApp } from './support/test-app';

const API = path.join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'main.js');

const LOGIN = {
  email: 'loggy.werkmakelaar@test.nl',
  password: 'Geheim-Wachtwoord-Voor-Logtest-77',
};
const PERSON = {
  firstName: 'Ermintrude',
  lastName: 'Bosschaert',
  email: 'ermintrude.bosschaert@example.nl',
  phone: '06-55501234',
  address: 'Kloosterhof 9',
  notes: 'Ermintrude vertelde over haar epilepsie.',
};

/**
 * The real API process at LOG_LEVEL=info, its stdout captured: requests that carry a password,
 * a bearer token and a candidate's personal data leave request ids in the log and nothing else.
 */
describe('hardening: log redaction', () => {
  let t: TestApp;
  let api: ChildProcess;
  let logs = '';
  let base: string;

  beforeAll(async () => {
    t = await startTestApp();
    const org = await insertOrganisation(t.db, 'werkbedrijf', 'Ferm Werk');
    const userId = await insertUser(t.db, 'werkmakelaar', LOGIN.email, org);
    await t.db.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [
      userId,
      await hashPassword(LOGIN.password),
    ]);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = spawn(process.execPath, [API], {
      env: { ...process.env, LOG_LEVEL: 'info', PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout?.on('data', (chunk: Buffer) => (logs += chunk.toString('utf8')));
    api.stderr?.on('data', (chunk: Buffer) => (logs += chunk.toString('utf8')));
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (api.exitCode !== null) throw new Error(`API exited: ${logs}`);
      if (Date.now() > deadline) throw new Error(`API not ready: ${logs}`);
      try {
        if ((await fetch(`${base}/health`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(async () => {
    if (api && api.exitCode === null) {
      await new Promise<void>((resolve) => {
        api.once('exit', () => resolve());
        api.kill('SIGTERM');
      });
    }
    await t.close();
  });

  const call = async (
    requestId: string,
    method: string,
    url: string,
    init: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: {
        'X-Request-Id': requestId,
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
        ...init.headers,
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    expect(res.headers.get('x-request-id')).toBe(requestId);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('logs request ids but no password, token, e-mail, name, phone or notes', async () => {
    // A werkmakelaar: the code of the app goes along (and must not be logged either).
    const login = await call('log-test-login-0001', 'POST', '/api/auth/token', {
      body: { ...LOGIN, otp: await freshCode(LOGIN.email) },
    });
    expect(login.status).toBe(200);
    const token = login.body.accessToken as string;
    const created = await call('log-test-create-0002', 'POST', '/api/candidates', {
      token,
      body: candidateBody({ personal: { ...candidateBody().personal, ...PERSON } }),
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(
      (
        await call('log-test-read-0003', 'GET', `/api/candidates/${id}`, {
          token,
          headers: { 'X-Purpose': `gesprek met ${PERSON.firstName}` },
        })
      ).status,
    ).toBe(200);
    const search = `/api/candidates?place=${encodeURIComponent(PERSON.lastName)}`;
    expect((await call('log-test-search-0004', 'GET', search, { token })).status).toBe(200);
    const wrong = await call('log-test-wrong-0005', 'POST', '/api/auth/token', {
      body: { email: PERSON.email, password: LOGIN.password },
    });
    expect(wrong.status).toBe(401);
    const invalid = await call('log-test-invalid-0006', 'POST', '/api/candidates', {
      token,
      body: candidateBody({ personal: { ...PERSON, email: `niet-geldig ${PERSON.email}` } }),
    });
    expect(invalid.status).toBe(422);

    // pino writes asynchronously: wait for the last request's line.
    const deadline = Date.now() + 5_000;
    while (!logs.includes('log-test-invalid-0006') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    for (const requestId of [
      'log-test-login-0001',
      'log-test-create-0002',
      'log-test-read-0003',
      'log-test-search-0004',
      'log-test-wrong-0005',
      'log-test-invalid-0006',
    ])
      expect(logs).toContain(`"id":"${requestId}"`);
    const secrets = [
      LOGIN.password,
      LOGIN.email,
      token,
      token.slice(3, 20),
      PERSON.firstName,
      PERSON.lastName,
      PERSON.email,
      PERSON.phone,
      PERSON.address,
      'epilepsie',
    ];
    for (const secret of secrets) expect([secret, logs.includes(secret)]).toEqual([secret, false]);
    // The lines are structured JSON with the request and its outcome.
    const lines = logs
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map(
        (l) =>
          JSON.parse(l) as { req?: { id: string; path: string }; res?: { statusCode: number } },
      );
    const create = lines.find((l) => l.req?.id === 'log-test-create-0002' && l.res);
    expect(create).toEqual(
      expect.objectContaining({
        req: expect.objectContaining({ path: '/api/candidates' }),
        res: { statusCode: 201 },
      }),
    );
    const searchLine = lines.find((l) => l.req?.id === 'log-test-search-0004' && l.res);
    expect(searchLine?.req?.path).toBe('/api/candidates');
  });
});
