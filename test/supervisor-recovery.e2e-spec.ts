import { ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { isAlive } from '@werkbrug/embedded';
import { vacancyBody } from './support/fixtures';
import { fetchToken } from './support/second-factor';
import { quietPort, sleep, until } from './support/npm-start';

const CLI = path.join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
/** Lower than the default 15 s so the suite stays short; the logic is the same. */
const WATCHDOG_S = 8;
const ADMIN = { email: 'beheer@herstel.test', password: 'Een-lang-wachtwoord-voor-de-test' };

interface Write {
  status: number;
  id?: string;
  code?: string;
}
interface Search {
  start: number;
  end: number;
  status: number;
}

/**
 * Failure injection on the real `npm start` (loopback only, WERKBRUG_WATCHDOG_SECONDS=8): a hung
 * Meilisearch, worker, API or PostgreSQL is replaced by the watchdog, and a PostgreSQL killed under a
 * stream of writes is brought back with nothing acknowledged lost, while the API and the worker
 * reconnect by themselves. Measured times are printed for docs/operations.md.
 */
describe('npm start recovers from a dead or hung part', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'werkbrug-recovery-'));
  // As root, PostgreSQL runs as the postgres user, which must be able to enter the folder.
  chmodSync(dir, 0o755);
  let start: ChildProcess;
  let output = '';
  let apiUrl = '';
  let env: NodeJS.ProcessEnv = {};
  let stackEnv: { DATABASE_URL: string; MEILI_URL: string; MEILI_MASTER_KEY: string };
  let token = '';
  let employerId = '';
  /** Every pid of a child seen, to prove none is left at the end. */
  const seen = new Set<number>();
  const stopped = new Set<number>();

  const pidsIn = (pattern: RegExp) => [...output.matchAll(pattern)].map((m) => Number(m[1]));
  const pidOf = (name: 'api' | 'worker') => {
    const all = pidsIn(new RegExp(`${name} started \\(pid (\\d+)\\)`, 'g'));
    return all[all.length - 1];
  };
  const meiliPid = () => Number(readFileSync(path.join(dir, 'meilisearch.pid'), 'utf8'));
  const postmasterPid = () =>
    Number(readFileSync(path.join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const remember = () => {
    for (const pid of [pidOf('api'), pidOf('worker'), meiliPid(), postmasterPid()])
      if (pid > 0) seen.add(pid);
  };
  /**
   * Stops a process that has answered the watchdog (one asked every second that never answered yet
   * is still starting, and has longer).
   */
  const freeze = async (pid: number) => {
    await sleep(2500);
    stopped.add(pid);
    process.kill(pid, 'SIGSTOP');
  };
  const status = (p: string, timeoutMs = 2000) =>
    fetch(`${apiUrl}${p}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(timeoutMs),
    }).then(async (r) => {
      await r.body?.cancel();
      return r.status;
    });
  const explained = (fn: () => Promise<void>) => async () => {
    try {
      await fn();
    } catch (error) {
      if (error instanceof Error) {
        // The lines of requests that failed with a 500 come first: the tail alone may miss them.
        const failed = output.split('\n').filter((line) => line.includes('"request failed"'));
        error.message += `\n--- requests that failed:\n${failed.join('\n').slice(0, 4000)}`;
        error.message += `\n--- npm start said:\n${output.slice(-6000)}`;
      }
      throw error;
    }
  };
  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const db = new Client({ connectionString: stackEnv.DATABASE_URL });
    db.on('error', () => undefined);
    await db.connect();
    try {
      return (await db.query(sql, params)).rows as T[];
    } finally {
      await db.end();
    }
  };
  const outboxSettled = () =>
    until('every outbox row done', 60_000, async () => {
      const [{ n }] = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox_messages WHERE status <> 'done'`,
      );
      return n === 0;
    });

  /** One workplace written through the API; the answer's status (0: no HTTP answer at all). */
  const writeVacancy = async (title: string): Promise<Write> => {
    try {
      const res = await fetch(`${apiUrl}/api/vacancies`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(vacancyBody({ employerId, title })),
        signal: AbortSignal.timeout(20_000),
      });
      const body = (await res.json().catch(() => ({}))) as { id?: string; code?: string };
      return { status: res.status, id: body.id, code: body.code };
    } catch {
      return { status: 0 };
    }
  };
  /** Writes one after the other until stopped. */
  const writeStream = (tag: string) => {
    const writes: Write[] = [];
    let on = true;
    const done = (async () => {
      for (let i = 0; on; i++) writes.push(await writeVacancy(`${tag} ${i}`));
    })();
    return {
      writes,
      stop: async () => {
        on = false;
        await done;
        return writes;
      },
    };
  };
  const tally = (writes: Write[]) => {
    const counts: Record<string, number> = {};
    for (const w of writes) {
      const key = `${w.status}${w.code ? ` ${w.code}` : ''}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  };

  beforeAll(async () => {
    const port = await quietPort();
    apiUrl = `http://127.0.0.1:${port}`;
    env = {
      ...process.env,
      WERKBRUG_DATA_DIR: dir,
      PORT: String(port),
      WERKBRUG_PG_PORT: String(await quietPort()),
      WERKBRUG_MEILI_PORT: String(await quietPort()),
      WERKBRUG_WATCHDOG_SECONDS: String(WATCHDOG_S),
      DATABASE_URL: '',
      MEILI_URL: '',
      SMTP_URL: '',
      WERKBRUG_ADMIN_EMAIL: ADMIN.email,
      WERKBRUG_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    };
    await explained(async () => {
      start = spawn(process.execPath, [CLI, 'start'], {
        env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      start.stdout?.on('data', (c: Buffer) => (output += c.toString()));
      start.stderr?.on('data', (c: Buffer) => (output += c.toString()));
      await until('npm start to be ready', 90_000, async () => {
        return /ready in/.test(output) || start.exitCode !== null;
      });
      if (start.exitCode !== null) throw new Error('npm start exited');
      stackEnv = JSON.parse(readFileSync(path.join(dir, 'stack.json'), 'utf8')).env;
      remember();
      // The first administrator sets up an authenticator app at the first sign-in.
      const login = await fetchToken(apiUrl, ADMIN.email, ADMIN.password);
      token = ((await login.json()) as { accessToken: string }).accessToken;
      const employer = await fetch(`${apiUrl}/api/employers`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Hoveniersbedrijf Herstel',
          kvkNumber: '12345678',
          locations: [
            {
              address: 'Industrieweg 4',
              postcode: '3442 AC',
              place: 'Woerden',
              lat: 52.09,
              lng: 4.87,
            },
          ],
        }),
      });
      expect(employer.status).toBe(201);
      employerId = ((await employer.json()) as { id: string }).id;
      for (let i = 0; i < 5; i++) expect((await writeVacancy(`Voorraad ${i}`)).status).toBe(201);
      await outboxSettled();
    })();
  }, 150_000);

  afterAll(async () => {
    // A part still stopped would hold up the stop below.
    for (const pid of stopped) if (isAlive(pid)) process.kill(pid, 'SIGCONT');
    if (start && start.exitCode === null) {
      process.kill(-start.pid!, 'SIGTERM');
      await until('npm start to exit', 60_000, async () => start.exitCode !== null).catch(() =>
        process.kill(-start.pid!, 'SIGKILL'),
      );
    }
    // Whatever a failed test left: nothing of this suite may outlive it.
    for (const pid of seen) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }, 90_000);

  it(
    'replaces a hung Meilisearch (SIGSTOP); searches answer 200 again and the index equals PostgreSQL',
    explained(async () => {
      const old = meiliPid();
      const searches: Search[] = [];
      const search = async () => {
        const begin = Date.now();
        const code = await status('/api/search/vacancies?q=groen', 30_000).catch(() => 0);
        searches.push({ start: begin, end: Date.now(), status: code });
        return code;
      };
      const writer = writeStream('Tijdens stilstand');
      await sleep(300);
      await freeze(old);
      const frozenAt = Date.now();
      let searching = true;
      const searcher = (async () => {
        while (searching) await search();
      })();
      const replaced = await until(
        'the watchdog to replace Meilisearch',
        (WATCHDOG_S + 10) * 1000,
        async () =>
          new RegExp(
            `Meilisearch \\(pid ${old}\\) did not answer /health for \\d+ s: replacing it`,
          ).test(output)
            ? Date.now()
            : null,
      );
      await until('Meilisearch restarted', 15_000, async () =>
        new RegExp(`Meilisearch \\(pid ${old}\\) exited unexpectedly \\(SIGKILL\\)`).test(output) &&
        /Meilisearch restarted \(pid \d+\)/.test(output.slice(output.lastIndexOf(`pid ${old}`)))
          ? true
          : null,
      );
      remember();
      expect(meiliPid()).not.toBe(old);
      expect(isAlive(old)).toBe(false);
      const back = await until('a search answered 200', 15_000, async () =>
        (await search()) === 200 ? Date.now() : null,
      );
      searching = false;
      await searcher;
      const writes = await writer.stop();
      console.log(
        `Meilisearch hung: replaced ${replaced - frozenAt} ms after SIGSTOP (watchdog ${WATCHDOG_S} s), ` +
          `searches 200 again after ${back - frozenAt} ms; writes meanwhile ${JSON.stringify(tally(writes))}; ` +
          `searches ${searches.length}, slowest ${Math.max(...searches.map((s) => s.end - s.start))} ms`,
      );
      expect(replaced - frozenAt).toBeLessThan((WATCHDOG_S + 5) * 1000);
      // Writes do not wait for search: every one was accepted.
      expect(writes.filter((w) => w.status !== 201)).toEqual([]);
      await outboxSettled();
      const reconcile = await new Promise<{ code: number; out: string }>((resolve) =>
        execFile(
          process.execPath,
          [CLI, 'reconcile'],
          { env: { ...env, ...stackEnv }, timeout: 60_000 },
          (error, stdout, stderr) =>
            resolve({ code: error ? Number(error.code ?? 1) : 0, out: `${stdout}${stderr}` }),
        ),
      );
      expect(reconcile.out).toMatch(
        /vacancies: (\d+) in PostgreSQL, \1 in Meilisearch; missing 0, extra 0, stale 0/,
      );
      expect(reconcile.out).toMatch(/in step/);
      expect(reconcile.code).toBe(0);
      // Fail fast (the search circuit breaker): from 1 s after the first slow failure until the
      // replacement, every search is refused with 503 in at most 500 ms.
      const firstTimeout = searches.find((s) => s.status !== 200 && s.end - s.start > 500);
      const window = firstTimeout
        ? searches.filter((s) => s.start >= firstTimeout.end + 1000 && s.end <= replaced)
        : [];
      console.log(
        `Meilisearch hung: first slow failure after ${firstTimeout ? firstTimeout.end - frozenAt : '-'} ms; ` +
          `${window.length} searches between 1 s later and the replacement, statuses ${JSON.stringify(
            window.map((s) => s.status),
          )}, slowest ${window.length ? Math.max(...window.map((s) => s.end - s.start)) : '-'} ms`,
      );
      expect(window.length).toBeGreaterThanOrEqual(3);
      expect(window.filter((s) => s.status !== 503 || s.end - s.start > 500)).toEqual([]);
    }),
    120_000,
  );

  it(
    'replaces a hung worker (SIGSTOP); the outbox drains again',
    explained(async () => {
      const old = pidOf('worker');
      await freeze(old);
      const frozenAt = Date.now();
      const replaced = await until(
        'the watchdog to replace the worker',
        (WATCHDOG_S + 10) * 1000,
        async () =>
          new RegExp(
            `worker \\(pid ${old}\\) did not answer its heartbeat for \\d+ s: replacing it`,
          ).test(output)
            ? Date.now()
            : null,
      );
      await until('a new worker', 10_000, async () => pidOf('worker') !== old);
      remember();
      expect(isAlive(old)).toBe(false);
      expect((await writeVacancy('Na de vervanging')).status).toBe(201);
      await outboxSettled();
      console.log(
        `worker hung: replaced ${replaced - frozenAt} ms after SIGSTOP (watchdog ${WATCHDOG_S} s)`,
      );
      expect(replaced - frozenAt).toBeLessThan((WATCHDOG_S + 5) * 1000);
    }),
    60_000,
  );

  it(
    'restarts a killed API (SIGKILL); it answers again',
    explained(async () => {
      const old = pidOf('api');
      process.kill(old, 'SIGKILL');
      const killedAt = Date.now();
      const back = await until('the API ready again', 30_000, async () =>
        pidOf('api') !== old && (await status('/health/ready')) === 200 ? Date.now() : null,
      );
      remember();
      console.log(`API killed: ready again after ${back - killedAt} ms`);
      expect(output).toMatch(
        new RegExp(`api \\(pid ${old}\\) exited unexpectedly \\(SIGKILL\\); restarting in \\d+ ms`),
      );
    }),
    60_000,
  );

  it(
    'replaces a hung API (SIGSTOP); it answers again',
    explained(async () => {
      const old = pidOf('api');
      await freeze(old);
      const frozenAt = Date.now();
      const replaced = await until(
        'the watchdog to replace the API',
        (WATCHDOG_S + 10) * 1000,
        async () =>
          new RegExp(`api \\(pid ${old}\\) did not answer /health for \\d+ s: replacing it`).test(
            output,
          )
            ? Date.now()
            : null,
      );
      const back = await until('the API ready again', 30_000, async () =>
        (await status('/health/ready')) === 200 ? Date.now() : null,
      );
      remember();
      expect(pidOf('api')).not.toBe(old);
      expect(isAlive(old)).toBe(false);
      console.log(
        `API hung: replaced ${replaced - frozenAt} ms after SIGSTOP, ready again after ${back - frozenAt} ms`,
      );
      expect(replaced - frozenAt).toBeLessThan((WATCHDOG_S + 5) * 1000);
    }),
    60_000,
  );

  it(
    'replaces a hung PostgreSQL (SIGSTOP of the postmaster); the product is ready again',
    explained(async () => {
      const old = postmasterPid();
      await freeze(old);
      const frozenAt = Date.now();
      const replaced = await until(
        'the watchdog to replace PostgreSQL',
        (WATCHDOG_S + 10) * 1000,
        async () =>
          new RegExp(
            `PostgreSQL \\(pid ${old}\\) did not answer SELECT 1 for \\d+ s: replacing it`,
          ).test(output)
            ? Date.now()
            : null,
      );
      const back = await until('ready again', 30_000, async () =>
        (await status('/health/ready')) === 200 ? Date.now() : null,
      );
      remember();
      expect(postmasterPid()).not.toBe(old);
      expect(isAlive(old)).toBe(false);
      console.log(
        `PostgreSQL hung: replaced ${replaced - frozenAt} ms after SIGSTOP, ready again after ${back - frozenAt} ms`,
      );
      expect(replaced - frozenAt).toBeLessThan((WATCHDOG_S + 5) * 1000);
    }),
    60_000,
  );

  it(
    'brings a killed PostgreSQL back under a stream of writes: ready within 10 s, no acknowledged write lost, none refused with 500',
    explained(async () => {
      const api = pidOf('api');
      const worker = pidOf('worker');
      const old = postmasterPid();
      const writer = writeStream('Onder schrijflast');
      await until(
        'writes acknowledged',
        10_000,
        async () => writer.writes.filter((w) => w.status === 201).length >= 20,
      );
      process.kill(old, 'SIGKILL');
      const killedAt = Date.now();
      await until(
        'readiness to drop',
        5_000,
        async () => (await status('/health/ready')) === 503,
        20,
      );
      const ready = await until('ready again', 30_000, async () =>
        (await status('/health/ready')) === 200 ? Date.now() : null,
      );
      const atReady = writer.writes.length;
      await until(
        'writes acknowledged after the restart',
        10_000,
        async () => writer.writes.slice(atReady).filter((w) => w.status === 201).length >= 20,
      );
      const writes = await writer.stop();
      remember();
      const acked = writes.filter((w) => w.status === 201).map((w) => w.id as string);
      const refused = writes.filter((w) => w.status !== 201);
      const found = await query<{ id: string }>(`SELECT id FROM vacancies WHERE id = ANY($1)`, [
        acked,
      ]);
      console.log(
        `PostgreSQL killed: ready again ${ready - killedAt} ms after SIGKILL; ${writes.length} writes: ` +
          `${acked.length} acknowledged (${found.length} found in PostgreSQL), refused ${JSON.stringify(tally(refused))}`,
      );
      expect(output).toMatch(
        new RegExp(
          `PostgreSQL \\(pid ${old}\\) exited unexpectedly \\(SIGKILL\\); restarting it in \\d+ ms`,
        ),
      );
      expect(postmasterPid()).not.toBe(old);
      expect(ready - killedAt).toBeLessThan(10_000);
      expect(found.length).toBe(acked.length);
      // The API and the worker rode it out: reconnected, not restarted.
      expect([pidOf('api'), pidOf('worker')]).toEqual([api, worker]);
      // The outbox's listener subscribed again on a connection of its own.
      await until('the outbox listening again', 40_000, async () => {
        const rows = await query(
          `SELECT 1 FROM pg_stat_activity WHERE application_name = 'werkbrug-outbox-listen'`,
        );
        return rows.length > 0;
      });
      // Every refusal is an answer (the API never went away), and an outage is never a 500.
      const refusals = Object.keys(tally(refused));
      expect(refusals.filter((r) => r === '0' || r.startsWith('500'))).toEqual([]);
    }),
    120_000,
  );

  it(
    'stops with Ctrl-C afterwards, leaving none of the processes it ever ran',
    explained(async () => {
      for (const pid of stopped) expect(isAlive(pid)).toBe(false);
      process.kill(-start.pid!, 'SIGINT');
      await until('npm start to exit', 60_000, async () => start.exitCode !== null);
      expect(start.exitCode).toBe(0);
      expect([...seen].filter((pid) => isAlive(pid))).toEqual([]);
    }),
    90_000,
  );
});
