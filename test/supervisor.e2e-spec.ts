import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { isAlive } from '@werkbrug/embedded';
import { quietPort, sleep, until } from './support/npm-start';

const CLI = path.join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
const MAILS = 150;

/**
 * Fault injection on the real `npm start` (loopback only, bounded in time): Meilisearch and the worker
 * killed with SIGKILL are restarted while the API keeps serving; a worker killed in the middle of a
 * mail batch re-sends at most the one mail in flight; Ctrl-C under write load stops in order with no
 * child left and no outbox row left claimed.
 */
describe('npm start supervises its children', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'werkbrug-supervisor-'));
  // As root, PostgreSQL runs as the postgres user, which must be able to enter the folder.
  chmodSync(dir, 0o755);
  let start: ChildProcess;
  let output = '';
  let apiUrl = '';
  let db: Client;
  const delivered: string[] = [];
  let smtp: SMTPServer;
  let smtpPort = 0;
  let workerMetricsPort = 0;

  const pidOf = (name: string) => {
    const all = [...output.matchAll(new RegExp(`${name} started \\(pid (\\d+)\\)`, 'g'))];
    return Number(all[all.length - 1]?.[1]);
  };
  const get = (p: string) => fetch(`${apiUrl}${p}`).then((r) => r.status);
  /** A failing test shows what `npm start` said. */
  const explained = (fn: () => Promise<void>) => async () => {
    try {
      await fn();
    } catch (error) {
      if (error instanceof Error) error.message += `\n--- npm start said:\n${output.slice(-6000)}`;
      throw error;
    }
  };
  let env: NodeJS.ProcessEnv = {};

  /** `npm start` on the test's data folder; resolves when it says it is ready. */
  const launch = async () => {
    output = '';
    start = spawn(process.execPath, [CLI, 'start'], {
      env,
      // Its own process group, like a terminal's foreground job: Ctrl-C is a SIGINT to the group.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    start.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    start.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    await until('npm start to be ready', 90_000, async () => {
      return /ready in/.test(output) || start.exitCode !== null;
    });
    if (start.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
    const stack = JSON.parse(readFileSync(path.join(dir, 'stack.json'), 'utf8'));
    await db?.end().catch(() => undefined);
    db = new Client({ connectionString: stack.env.DATABASE_URL });
    // PostgreSQL goes away (hard kill, Ctrl-C test): that is expected here.
    db.on('error', () => undefined);
    await db.connect();
    return stack as { pid: number };
  };

  beforeAll(async () => {
    // A real SMTP server on loopback; a little slow per message, so a kill lands mid-batch.
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString()));
        stream.on('end', () => {
          delivered.push(/^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '?');
          setTimeout(callback, 5);
        });
      },
    });
    smtpPort = await quietPort();
    await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
    const port = await quietPort();
    workerMetricsPort = await quietPort();
    apiUrl = `http://127.0.0.1:${port}`;
    env = {
      ...process.env,
      WERKBRUG_DATA_DIR: dir,
      PORT: String(port),
      WERKBRUG_PG_PORT: String(await quietPort()),
      WERKBRUG_MEILI_PORT: String(await quietPort()),
      DATABASE_URL: '',
      MEILI_URL: '',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      WERKBRUG_ADMIN_EMAIL: 'beheer@supervisor.test',
      WERKBRUG_ADMIN_PASSWORD: 'Een-lang-wachtwoord-voor-de-test',
      LOG_LEVEL: 'warn',
      WORKER_METRICS_PORT: String(workerMetricsPort),
      NODE_ENV: 'production',
    };
    await explained(async () => void (await launch()))();
  }, 120_000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    if (start && start.exitCode === null) {
      process.kill(-start.pid!, 'SIGTERM');
      await until('npm start to exit', 60_000, async () => start.exitCode !== null).catch(() =>
        process.kill(-start.pid!, 'SIGKILL'),
      );
    }
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }, 90_000);

  it(
    'restarts Meilisearch killed with SIGKILL (logged, with back-off); search is back within 10 s',
    explained(async () => {
      const meiliPid = Number(readFileSync(path.join(dir, 'meilisearch.pid'), 'utf8'));
      expect(await get('/health/ready')).toBe(200);
      process.kill(meiliPid, 'SIGKILL');
      const killedAt = Date.now();
      await until('readiness to drop', 5_000, async () => (await get('/health/ready')) === 503);
      await until('search back', 10_000, async () => (await get('/health/ready')) === 200);
      const back = Date.now() - killedAt;
      console.log(`Meilisearch killed: search back after ${back} ms`);
      expect(back).toBeLessThan(10_000);
      expect(output).toMatch(
        /Meilisearch \(pid \d+\) exited unexpectedly \(SIGKILL\); restarting it in \d+ ms/,
      );
      await until('the restart logged', 5_000, async () =>
        /Meilisearch restarted \(pid \d+\)/.test(output),
      );
    }),
  );

  it(
    'restarts a killed worker while the API keeps serving; a kill mid mail batch re-sends at most the mail in flight',
    explained(async () => {
      const data = {
        candidateFirstName: 'Sanne',
        vacancyTitle: 'Medewerker groenonderhoud',
        employerName: 'Groen en Zo',
        place: 'Amersfoort',
        werkmakelaarName: 'Wim Makelaar',
        link: 'https://werkbrug.example/voorstellen/1',
      };
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO outbox_messages (topic, payload)
       SELECT 'mail.send', jsonb_build_object('template', 'consent_request',
              'to', jsonb_build_array('kandidaat' || n || '@example.nl'), 'data', $1::jsonb)
         FROM generate_series(1, $2) n RETURNING id`,
        [JSON.stringify(data), MAILS],
      );
      const ids = new Set(rows.map((r) => r.id));
      const kills = [30, 80];
      for (const after of kills) {
        await until(`${after} deliveries`, 30_000, async () => delivered.length >= after);
        const pid = pidOf('worker');
        process.kill(pid, 'SIGKILL');
        // The API answers while the worker is down.
        expect(await get('/health')).toBe(200);
        await until('the worker restarted', 10_000, async () => pidOf('worker') !== pid);
      }
      // Far less than the 120 s lease: the dead worker's claims were released at once.
      await until('every mail settled', 30_000, async () => {
        const { rows: left } = await db.query(
          `SELECT 1 FROM outbox_messages WHERE topic = 'mail.send' AND status <> 'done' LIMIT 1`,
        );
        return left.length === 0;
      });
      const counts = new Map<string, number>();
      for (const messageId of delivered) {
        const id = /<([^@]+)@/.exec(messageId)?.[1] ?? messageId;
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      const missing = [...ids].filter((id) => !counts.has(id));
      const twice = [...counts.values()].filter((n) => n > 1).length;
      console.log(
        `mail under worker kills: ${MAILS} mails, ${kills.length} SIGKILLs, ${delivered.length} deliveries, ` +
          `${missing.length} missing, ${twice} delivered twice`,
      );
      expect(missing).toEqual([]);
      expect(twice).toBeLessThanOrEqual(kills.length);
      // The restarted worker counts what it sent on its metrics port.
      const metrics = await (await fetch(`http://127.0.0.1:${workerMetricsPort}/metrics`)).text();
      expect(
        Number(/^werkbrug_mail_sent_total\{[^}]*\} (\d+)/m.exec(metrics)?.[1]),
      ).toBeGreaterThan(0);
      expect(output).toMatch(
        /worker \(pid \d+\) exited unexpectedly \(SIGKILL\); restarting in \d+ ms/,
      );
    }),
    120_000,
  );

  it(
    "after a hard kill of the whole product, the next start finishes the dead worker's claimed rows within 10 s of ready",
    explained(async () => {
      const { pid: supervisor } = JSON.parse(readFileSync(path.join(dir, 'stack.json'), 'utf8'));
      // Search sync rows for documents that do not exist: each is applied as a delete.
      await db.query(
        `INSERT INTO outbox_messages (topic, aggregate_type, aggregate_id)
         SELECT 'search.vacancy', 'vacancy', gen_random_uuid() FROM generate_series(1, 4000)`,
      );
      // The worker drains a batch in milliseconds (woken by the commit): freeze it while it holds one,
      // so the kill below finds claimed rows rather than racing the worker to them.
      const worker = pidOf('worker');
      const processing = async () =>
        (
          await db.query<{ id: string }>(
            `SELECT id FROM outbox_messages WHERE status = 'processing'`,
          )
        ).rows.map((r) => r.id);
      // A statement the worker sent just before it froze still runs in PostgreSQL (its settlement can
      // mark the batch done after the read below): read the rows only once its backends are quiet.
      const quiet = async () => {
        const deadline = Date.now() + 5_000;
        for (let still = 0; still < 3 && Date.now() < deadline; ) {
          const { rows } = await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE application_name = 'werkbrug' AND state = 'active' AND pid <> pg_backend_pid()`,
          );
          still = rows[0].n ? 0 : still + 1;
          await sleep(50);
        }
      };
      const held = await until('the worker to hold claimed rows', 20_000, async () => {
        if (!(await processing()).length) return null;
        process.kill(worker, 'SIGSTOP');
        await quiet();
        const frozen = await processing();
        if (frozen.length) return frozen;
        process.kill(worker, 'SIGCONT');
        return null;
      });
      // Everything at once, as a power cut would: the supervisor's process group, servers included.
      process.kill(-supervisor, 'SIGKILL');
      await until('npm start to exit', 20_000, async () => start.exitCode !== null);
      await launch();
      const ready = Date.now();
      // The rows the dead worker held do not wait out their 120 s lease.
      await until('the rows the killed worker held to be done', 10_000, async () => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM outbox_messages WHERE id = ANY($1) AND status <> 'done'`,
          [held],
        );
        return rows[0].n === 0;
      });
      const heldDone = Date.now() - ready;
      await until('every outbox row done', 60_000, async () => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM outbox_messages WHERE status <> 'done'`,
        );
        return rows[0].n === 0;
      });
      const released = /released (\d+) outbox row\(s\) claimed by workers of an earlier run/.exec(
        output,
      );
      console.log(
        `hard kill: ${released?.[1]} claimed rows released at start; the ${held.length} rows the killed worker held ` +
          `done ${heldDone} ms after ready; whole backlog ${Date.now() - ready} ms after ready`,
      );
      expect(Number(released?.[1])).toBeGreaterThan(0);
    }),
    150_000,
  );

  it(
    'Ctrl-C under write load stops in order: API, worker, Meilisearch, PostgreSQL last; nothing left running or claimed',
    explained(async () => {
      const children = [
        pidOf('api'),
        pidOf('worker'),
        Number(readFileSync(path.join(dir, 'meilisearch.pid'), 'utf8')),
        Number(readFileSync(path.join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]),
      ];
      expect(children.every((pid) => pid > 0 && isAlive(pid))).toBe(true);
      // Write load: search sync rows keep the worker claiming while requests come in.
      let writing = true;
      const writer = (async () => {
        while (writing) {
          await db
            .query(
              `INSERT INTO outbox_messages (topic, aggregate_type, aggregate_id)
             SELECT 'search.vacancy', 'vacancy', gen_random_uuid() FROM generate_series(1, 50)`,
            )
            .catch(() => (writing = false));
          await fetch(`${apiUrl}/health/ready`).catch(() => undefined);
        }
      })();
      await sleep(1500);
      process.kill(-start.pid!, 'SIGINT');
      await until('npm start to exit', 60_000, async () => start.exitCode !== null);
      writing = false;
      await writer;
      expect(start.exitCode).toBe(0);
      const order = [
        'api stopped',
        'worker stopped',
        'Meilisearch stopped',
        'PostgreSQL stopped',
      ].map((line) => output.lastIndexOf(line));
      expect(order.every((i) => i > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(output).toMatch(/outbox rows left claimed: 0/);
      // Each stopped by itself in time (keep-alive clients included), none had to be killed.
      expect(output).not.toMatch(/did not stop within/);
      expect(output).not.toMatch(/database system is shutting down/);
      expect(children.filter((pid) => isAlive(pid))).toEqual([]);
    }),
    90_000,
  );
});
