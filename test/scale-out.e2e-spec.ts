import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '@werkbrug/embedded';
import {
  bearer,
  buildWorld,
  insertUser,
  PASSWORD,
  vacancyBody,
  type World,
} from './support/fixtures';
import { until } from './support/npm-start';
import { fetchToken } from './support/second-factor';
import { startSmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';

const DIST = path.join(__dirname, '..', 'dist', 'apps');
const PUBLIC_URL = 'https://werkbrug.example';
/** The spawned APIs keep a resolved token this long (docs/operations.md: replicas). */
const TOKEN_CACHE_MS = 1000;
const MAILS_PER_API = 10;
const WORKPLACES_PER_API = 20;

interface Running {
  name: string;
  child: ChildProcess;
  output: string;
}

/**
 * Werkbrug scaled out on the engines it has: two API processes and two workers against one
 * PostgreSQL and one Meilisearch (the test stack), as docs/operations.md describes. Writes and mail
 * requests go to both APIs; both workers drain the one outbox. No outbox row is handled twice, no
 * mail goes out twice, and a session made on one API is valid on the other (and ends on both).
 */
describe('scale-out: two APIs and two workers on one PostgreSQL and one Meilisearch', () => {
  let t: TestApp;
  let w: World;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const apis: { url: string; process: Running }[] = [];
  const workers: Running[] = [];

  const run = (name: string, script: string, env: Record<string, string>): Running => {
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const running: Running = { name, child, output: '' };
    const keep = (chunk: Buffer) => (running.output = (running.output + chunk).slice(-20_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    return running;
  };
  const said = () =>
    [...apis.map((a) => a.process), ...workers]
      .map((r) => `--- ${r.name}:\n${r.output.slice(-3000)}`)
      .join('\n');

  beforeAll(async () => {
    smtp = await startSmtpSink();
    // startTestApp points this process's environment (and so the children's) at a fresh database.
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL });
    w = await buildWorld(t);
    for (const name of ['api-1', 'api-2']) {
      const port = await freePort();
      apis.push({
        url: `http://127.0.0.1:${port}`,
        process: run(name, path.join(DIST, 'api', 'src', 'main.js'), {
          PORT: String(port),
          HOST: '127.0.0.1',
          TOKEN_CACHE_MS: String(TOKEN_CACHE_MS),
        }),
      });
    }
    for (const name of ['worker-1', 'worker-2'])
      workers.push(run(name, path.join(DIST, 'worker', 'src', 'main.js'), {}));
    for (const api of apis)
      await until(`${api.process.name} ready`, 60_000, async () => {
        if (api.process.child.exitCode !== null) throw new Error(said());
        return (await fetch(`${api.url}/health/ready`)).ok;
      });
    // Both workers registered (each claims with its own id).
    await until('two workers draining', 60_000, async () => {
      const [{ n }] = await t.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM outbox_workers WHERE heartbeat_at > now() - interval '30 seconds'`,
      );
      return n >= 2;
    });
  }, 180_000);

  afterAll(async () => {
    const all = [...apis.map((a) => a.process), ...workers];
    const exited = all.map((r) =>
      r.child.exitCode !== null
        ? Promise.resolve()
        : new Promise<void>((resolve) => r.child.once('exit', () => resolve())),
    );
    for (const r of all) r.child.kill('SIGTERM');
    await Promise.all(exited);
    await smtp?.close();
    await t?.close();
  });

  it('handles every outbox row once across both workers: each mail sent once, each workplace searchable', async () => {
    const org = w.orgA;
    const addresses = Array.from({ length: 2 * MAILS_PER_API }, (_, i) => `schaal.${i}@test.nl`);
    for (const address of addresses) await insertUser(t.db, 'werkmakelaar', address, org);
    const titles: string[] = [];
    await Promise.all(
      apis.map(async (api, a) => {
        for (let i = 0; i < MAILS_PER_API; i++) {
          const res = await fetch(`${api.url}/api/auth/sign-in-link`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: addresses[a * MAILS_PER_API + i] }),
          });
          expect(res.status).toBe(202);
        }
        for (let i = 0; i < WORKPLACES_PER_API; i++) {
          const title = `Schaalproef ${a + 1}-${i}`;
          titles.push(title);
          const res = await fetch(`${api.url}/api/vacancies`, {
            method: 'POST',
            headers: { ...bearer(w.wmA.token), 'content-type': 'application/json' },
            body: JSON.stringify(vacancyBody({ employerId: w.employer.id, title })),
          });
          expect(res.status).toBe(201);
        }
      }),
    );
    await until('the outbox drained', 90_000, async () => {
      const [{ open }] = await t.db.query<{ open: number }[]>(
        `SELECT count(*)::int AS open FROM outbox_messages WHERE status <> 'done'`,
      );
      return open === 0;
    }).catch((error: Error) => {
      error.message += `\n${said()}`;
      throw error;
    });
    // Each row claimed once: a second claim would have counted a second attempt.
    const rows = await t.db.query<{ topic: string; attempts: number; n: number }[]>(
      `SELECT topic, attempts, count(*)::int AS n FROM outbox_messages GROUP BY topic, attempts ORDER BY topic, attempts`,
    );
    expect(rows.filter((r) => r.attempts !== 1)).toEqual([]);
    // Each address got its one sign-in mail; nothing else was sent twice.
    await until('every mail at the sink', 10_000, async () =>
      addresses.every((a) => smtp.to(a).length > 0),
    );
    expect(addresses.map((a) => smtp.to(a).length)).toEqual(addresses.map(() => 1));
    // Every workplace written through either API is found through either API.
    for (const api of apis) {
      const res = await fetch(`${api.url}/api/search/vacancies?q=Schaalproef&limit=100`, {
        headers: bearer(w.wmA.token),
      });
      const body = (await res.json()) as { items: { title: string }[] };
      expect(
        body.items
          .map((v) => v.title)
          .filter((title) => title.startsWith('Schaalproef'))
          .sort(),
      ).toEqual([...titles].sort());
    }
  }, 150_000);

  it('takes a token made on one API on the other, and ends it on both', async () => {
    const [one, two] = apis;
    const login = await fetchToken(one.url, 'wm.b@test.nl', PASSWORD);
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const me = (api: (typeof apis)[number]) =>
      fetch(`${api.url}/api/auth/me`, { headers: bearer(accessToken) }).then((r) => r.status);
    expect([await me(one), await me(two)]).toEqual([200, 200]);
    const out = await fetch(`${two.url}/api/auth/token`, {
      method: 'DELETE',
      headers: bearer(accessToken),
    });
    expect(out.status).toBe(204);
    expect(await me(two)).toBe(401);
    // The other API may still hold the token for TOKEN_CACHE_MS; then it refuses it too.
    const started = Date.now();
    await until('the other API to refuse the ended token', TOKEN_CACHE_MS + 2000, async () =>
      (await me(one)) === 401 ? true : null,
    );
    expect(Date.now() - started).toBeLessThanOrEqual(TOKEN_CACHE_MS + 2000);
  });

  it('keeps a web session made on one API on the other, and signs it out on both', async () => {
    const [one, two] = apis;
    const jar = new Map<string, string>();
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const call = async (url: string, init: RequestInit = {}) => {
      const res = await fetch(url, {
        ...init,
        redirect: 'manual',
        headers: { ...(init.headers as Record<string, string>), cookie: cookie() },
      });
      for (const set of res.headers.getSetCookie()) {
        const [pair] = set.split(';');
        const at = pair.indexOf('=');
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
      return res;
    };
    const csrf = async (url: string) => {
      const html = await (await call(url)).text();
      const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
      if (!token) throw new Error(`no form at ${url}`);
      return token;
    };
    const post = async (url: string, fields: Record<string, string>) =>
      call(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    const signedIn = await post(`${one.url}/inloggen`, {
      _csrf: await csrf(`${one.url}/inloggen`),
      email: 'sanne@test.nl',
      password: PASSWORD,
    });
    expect([signedIn.status, signedIn.headers.get('location')]).toEqual([303, '/kandidaat']);
    const page = async (api: (typeof apis)[number]) => {
      const res = await call(`${api.url}/kandidaat`);
      await res.body?.cancel();
      return [res.status, res.headers.get('location')];
    };
    expect([await page(one), await page(two)]).toEqual([
      [200, null],
      [200, null],
    ]);
    // The browser forgets the cookie on signing out; the session itself must end, so the old
    // cookie is sent to the other API again.
    const session = new Map(jar);
    const out = await post(`${two.url}/uitloggen`, { _csrf: await csrf(`${two.url}/kandidaat`) });
    expect(out.status).toBe(303);
    jar.clear();
    for (const [k, v] of session) jar.set(k, v);
    const after = await page(one);
    expect([after[0], String(after[1]).split('?')[0]]).toEqual([303, '/inloggen']);
  });
});
