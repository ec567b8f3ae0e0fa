import { Client } from 'pg';
import { LoginThrottle } from '@werkbrug/auth';
import { DATABASE_CONNECT_TIMEOUT_MS } from '@werkbrug/database';
import { bearer, buildWorld, PASSWORD, World } from './support/fixtures';
import { readStackEnv } from './support/stack-env';
import { startTcpProxy, TcpProxy, throughProxy } from './support/tcp-proxy';
import { startTestApp, TestApp } from './support/test-app';
import { Agent, signIn } from './support/web-client';

/** What a browser sends when it opens a page. */
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * PostgreSQL away: the app reaches the shared test PostgreSQL through a loopback proxy, which refuses
 * connections and drops the open ones (as when PostgreSQL died) or drops them in the middle of a
 * transaction. Requests answer 503 DATABASE_UNAVAILABLE with Retry-After (never 500), a browser gets
 * the Dutch "try again" page, readiness names the database, the pool reconnects by itself when it is
 * back, and a write cut off mid-transaction leaves nothing behind.
 */
describe('when PostgreSQL is away', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let w: World;
  let admin: Client;
  let browser: Agent;

  beforeAll(async () => {
    const db = new URL(readStackEnv().DATABASE_URL);
    proxy = await startTcpProxy({ host: db.hostname, port: Number(db.port) });
    t = await startTestApp({}, { appDatabaseUrl: (url) => throughProxy(url, proxy) });
    w = await buildWorld(t);
    browser = await signIn(t, 'wm.a@test.nl');
    // Straight to PostgreSQL, around the proxy: what is really in the database.
    admin = new Client({ connectionString: t.databaseUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await proxy?.setMode('pass');
    await t?.close();
    await proxy?.close();
  });
  beforeEach(async () => {
    await proxy.setMode('pass');
    t.app.get(LoginThrottle).reset();
  });

  /** A sign-in (the throttle forgets the previous ones: 30 a minute from one address is its limit). */
  const signInApi = () => {
    t.app.get(LoginThrottle).reset();
    // An employer: one request signs in (a werkmakelaar's would need a new app code each time).
    return t
      .http()
      .post('/api/auth/token')
      .send({ email: 'werkgever@groenenzo.nl', password: PASSWORD });
  };
  const list = () => t.http().get('/api/vacancies').set(bearer(w.wmA.token));
  const page = () => browser.get('/werkmakelaar').set('Accept', BROWSER);

  const expectOutage = (
    res: { status: number; headers: Record<string, string>; body: { code?: string }; text: string },
    what: string,
  ) => {
    expect({ what, status: res.status, code: res.body.code }).toEqual({
      what,
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
    });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(res.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|terminated|QueryFailedError/);
  };

  it('answers 503 DATABASE_UNAVAILABLE (never 500), a Dutch page, and is back without a restart', async () => {
    expect((await list()).status).toBe(200);
    expect((await signInApi()).status).toBe(200);
    expect((await page()).status).toBe(200);

    await proxy.setMode('refuse');

    // For 4 s, through several rounds of the breaker: every answer is a quick 503, none a 500.
    const times: number[] = [];
    for (const end = Date.now() + 4000; Date.now() < end; await sleep(50)) {
      for (const [what, call] of [
        ['GET /api/vacancies', list],
        ['POST /api/auth/token', signInApi],
      ] as const) {
        const start = performance.now();
        const res = await call();
        times.push(performance.now() - start);
        expectOutage(res, what);
      }
    }
    expect(Math.max(...times)).toBeLessThanOrEqual(500);

    // A browser on a portal page: the Dutch page, in the site's layout, no codes.
    const html = await page();
    expect(html.status).toBe(503);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(html.text).toMatch(/^<!DOCTYPE html>\s*<html lang="nl"/);
    expect(html.text).toContain('<title>Werkbrug is even niet bereikbaar – Werkbrug</title>');
    expect(html.text).toContain(
      '<h1 class="utrecht-heading-1">Werkbrug is even niet bereikbaar</h1>',
    );
    expect(html.text).toContain('Probeer het over een minuut opnieuw.');
    expect(html.text).not.toMatch(/DATABASE_UNAVAILABLE|ECONNREFUSED|503 |Service Unavailable/);
    // A form posted meanwhile gets the same page (the session is in the database too).
    const form = await browser
      .post('/uitloggen')
      .set('Accept', BROWSER)
      .type('form')
      .send({ _csrf: 'x' });
    expect(form.status).toBe(503);
    expect(form.text).toContain('Werkbrug is even niet bereikbaar');

    // Readiness names the part that is away, quickly.
    const readyStart = performance.now();
    const ready = await t.http().get('/health/ready');
    expect(performance.now() - readyStart).toBeLessThan(1500);
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      status: 'degraded',
      unavailable: ['database'],
      checks: { database: { status: 'down' }, search: { status: 'up' } },
    });

    // Back: the pool reconnects by itself (after the breaker's next probe, at most 5 s).
    await proxy.setMode('pass');
    const back = Date.now();
    let status = 0;
    while (status !== 200 && Date.now() - back < 10_000) {
      status = (await list()).status;
      if (status !== 200) await sleep(100);
    }
    expect(status).toBe(200);
    console.log(
      `PostgreSQL refused: requests answered 503 in at most ${Math.max(...times).toFixed(1)} ms; ` +
        `200 again ${Date.now() - back} ms after it was back`,
    );
    expect((await signInApi()).status).toBe(200);
    await t.http().get('/health/ready').expect(200);
    expect((await page()).status).toBe(200);
  });

  it('a PostgreSQL that takes no new connections: the first request gives up after the connect timeout, then 503 at once', async () => {
    expect((await list()).status).toBe(200);
    // New connections are held without an answer (a stopped postmaster); the pool's open ones are gone.
    await proxy.setMode('hang');
    proxy.dropConnections();

    const firstStart = performance.now();
    const first = await list();
    const firstMs = performance.now() - firstStart;
    expectOutage(first, 'first GET /api/vacancies');
    expect(firstMs).toBeGreaterThanOrEqual(DATABASE_CONNECT_TIMEOUT_MS - 100);
    expect(firstMs).toBeLessThan(DATABASE_CONNECT_TIMEOUT_MS + 1500);

    const times: number[] = [];
    for (const end = Date.now() + 3000; Date.now() < end; await sleep(50)) {
      const start = performance.now();
      const res = await list();
      times.push(performance.now() - start);
      expectOutage(res, 'GET /api/vacancies');
    }
    expect(Math.max(...times)).toBeLessThanOrEqual(500);
    const readyStart = performance.now();
    const ready = await t.http().get('/health/ready');
    expect(performance.now() - readyStart).toBeLessThan(1500);
    expect(ready.body).toMatchObject({ status: 'degraded', unavailable: ['database'] });

    await proxy.setMode('pass');
    const back = Date.now();
    let status = 0;
    while (status !== 200 && Date.now() - back < 10_000) {
      status = (await list()).status;
      if (status !== 200) await sleep(100);
    }
    expect(status).toBe(200);
    console.log(
      `PostgreSQL hung: first request 503 after ${firstMs.toFixed(0)} ms, then at most ` +
        `${Math.max(...times).toFixed(1)} ms; 200 again ${Date.now() - back} ms after it answered`,
    );
  });

  it('a write cut off mid-transaction is 503 and leaves nothing in the database', async () => {
    const kvk = '99887766';
    const body = {
      name: 'Bakkerij Halverwege',
      kvkNumber: kvk,
      locations: [
        { address: 'Kerkstraat 2', postcode: '3441 AB', place: 'Woerden', lat: 52.08, lng: 4.88 },
      ],
    };
    // Creating an employer writes its organisation, then the employer, then its locations, in one
    // transaction. A lock held here lets the organisation in and stops the transaction at the employer.
    // On a connection of its own: pg_stat_activity inside a transaction is a snapshot, not news.
    const locker = new Client({ connectionString: t.databaseUrl });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE employers IN SHARE MODE');
    const pending = t
      .http()
      .post('/api/employers')
      .set(bearer(w.wmA.token))
      .send(body)
      .then((r) => r);
    let waiting = false;
    for (const end = Date.now() + 10_000; !waiting && Date.now() < end; await sleep(20)) {
      const { rows } = await admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'werkbrug'
            AND wait_event_type = 'Lock' AND query ILIKE 'INSERT INTO "employers"%'`,
      );
      waiting = rows[0].n > 0;
    }
    expect(waiting).toBe(true);
    // The organisation row is written (not yet committed): the transaction is really half-way.
    const { rows: inFlight } = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE a.application_name = 'werkbrug' AND l.locktype = 'transactionid' AND l.granted`,
    );
    expect(inFlight[0].n).toBeGreaterThan(0);

    // The network between the app and PostgreSQL drops; then the lock goes.
    proxy.dropConnections();
    const res = await pending;
    await locker.query('ROLLBACK');
    await locker.end();
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('DATABASE_UNAVAILABLE');
    expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);

    // The server's side of the cut connection ends its transaction without a commit.
    for (const end = Date.now() + 10_000; Date.now() < end; await sleep(50)) {
      const { rows } = await admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'werkbrug' AND state <> 'idle'`,
      );
      if (rows[0].n === 0) break;
    }
    const { rows: employers } = await admin.query(
      `SELECT id FROM employers WHERE kvk_number = $1`,
      [kvk],
    );
    const { rows: organisations } = await admin.query(
      `SELECT id FROM organisations WHERE name LIKE $1`,
      [`%KvK ${kvk}%`],
    );
    expect({ employers, organisations }).toEqual({ employers: [], organisations: [] });

    // The next try, on a fresh connection, goes through whole.
    const again = await t.http().post('/api/employers').set(bearer(w.wmA.token)).send(body);
    expect(again.status).toBe(201);
    const { rows: after } = await admin.query(
      `SELECT count(*)::int AS n FROM organisations WHERE name LIKE $1`,
      [`%KvK ${kvk}%`],
    );
    expect(after[0].n).toBe(1);
  });
});
