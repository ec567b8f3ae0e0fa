import { ChildProcess, spawn } from 'node:child_process';
import { hostname } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { passwordProblem } from '@werkbrug/auth';
import { loadLauncherConfig } from '@werkbrug/config';
import {
  isAlive,
  startStack,
  WATCHDOG_PING,
  WATCHDOG_PONG,
  type WatchdogMessage,
} from '@werkbrug/embedded';
import { releaseClaimsOf, releaseGoneWorkers } from '@werkbrug/outbox';
import { clearStackInfo, dataDir, writeStackInfo } from '../data-dir';
import { openDataSource, prepareDatabase } from '../prepare-database';
import { rebuildSearchAfterRestore } from '../restore-marker';
import { Watchdog, WatchedChild } from '../watchdog';
import { log } from '../with-database';
import { queryRows } from '@werkbrug/database';

const appsRoot = path.join(__dirname, '..', '..', '..');

/** Restart delays after an unexpected exit; back to the first after a minute of running well. */
export const RESTART_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000, 16_000, 30_000];
export const restartDelay = (attempt: number) =>
  RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)];
const STABLE_AFTER_MS = 60_000;

/**
 * Polls readiness; an API that dies meanwhile is restarted by its supervisor, so keep polling. An
 * answer counts only while our API process runs (not another server that took the port).
 */
async function waitForReady(url: string, timeoutMs: number, api: () => ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok && !exited(api())) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the API was not ready within ${timeoutMs / 1000}s`);
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Sends SIGTERM and waits; SIGKILL after the grace period. */
function stopChild(child: ChildProcess, graceMs: number): Promise<'stopped' | 'killed'> {
  return new Promise((resolve) => {
    if (exited(child)) return resolve('stopped');
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(killed ? 'killed' : 'stopped');
    });
    child.kill('SIGTERM');
  });
}

/**
 * One child (api or worker) kept running: an unexpected exit is logged and followed by a restart
 * after a growing delay. The child's stdin is a pipe from us: when the supervisor dies, it ends, and
 * the child stops itself (see apps/*\/main.ts), so no child outlives `npm start`. With `ipc` the
 * child also gets a message channel, on which it answers the watchdog's ping (its heartbeat).
 */
class SupervisedApp {
  private child!: ChildProcess;
  private attempt = 0;
  private startedAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;
  private pings = 0;

  constructor(
    readonly name: 'api' | 'worker',
    private readonly env: NodeJS.ProcessEnv,
    private readonly onExit: (pid: number) => Promise<void>,
    private readonly ipc = false,
  ) {}

  get process() {
    return this.child;
  }

  /** The running child's pid; null while it is down. */
  get pid(): number | null {
    return this.child && !exited(this.child) ? (this.child.pid ?? null) : null;
  }

  launch() {
    const child = spawn(process.execPath, [path.join(appsRoot, this.name, 'src', 'main.js')], {
      env: { ...this.env, WERKBRUG_SUPERVISED: '1' },
      stdio: this.ipc ? ['pipe', 'inherit', 'inherit', 'ipc'] : ['pipe', 'inherit', 'inherit'],
    });
    this.child = child;
    this.startedAt = Date.now();
    // A message to a child that just died fails; its exit is handled below.
    child.on('error', () => undefined);
    log(`${this.name} started (pid ${child.pid})`);
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      if (Date.now() - this.startedAt > STABLE_AFTER_MS) this.attempt = 0;
      const delay = restartDelay(this.attempt++);
      log(
        `${this.name} (pid ${child.pid}) exited unexpectedly (${signal ?? `code ${code}`}); restarting in ${delay} ms`,
      );
      void this.onExit(child.pid ?? 0).catch((error: unknown) =>
        log(`after the ${this.name} exit: ${error instanceof Error ? error.message : error}`),
      );
      this.timer = setTimeout(() => {
        this.timer = null;
        if (!this.stopping) this.launch();
      }, delay);
    });
  }

  /** Asks the child over its IPC channel whether its event loop still turns. */
  ping(timeoutMs: number): Promise<boolean> {
    const child = this.child;
    if (!child?.connected) return Promise.resolve(false);
    const id = ++this.pings;
    return new Promise<boolean>((resolve) => {
      const done = (answered: boolean) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(answered);
      };
      const onMessage = (message: unknown) => {
        const m = message as Partial<WatchdogMessage> | null;
        if (m?.type === WATCHDOG_PONG && m.id === id) done(true);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      child.on('message', onMessage);
      try {
        child.send({ type: WATCHDOG_PING, id } satisfies WatchdogMessage, (error) => {
          if (error) done(false);
        });
      } catch {
        done(false);
      }
    });
  }

  /** SIGKILL to the child, if it is still that pid; its exit restarts it. */
  kill(pid: number) {
    if (this.child?.pid === pid && !exited(this.child)) this.child.kill('SIGKILL');
  }

  async stop(graceMs: number) {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    if (!this.child) return;
    const how = await stopChild(this.child, graceMs);
    log(
      `${this.name} ${how === 'killed' ? `did not stop within ${graceMs / 1000} s: killed` : 'stopped'}`,
    );
    if (how === 'killed') await this.onExit(this.child.pid ?? 0);
  }
}

/**
 * An embedded server (PostgreSQL, Meilisearch) restarted with back-off when it dies: on the same
 * data folder and port, so the API and the worker find it where it was and reconnect by themselves.
 */
class SupervisedServer {
  private attempt = 0;
  private startedAt = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private restarting: Promise<void> | null = null;

  constructor(
    readonly name: 'PostgreSQL' | 'Meilisearch',
    private readonly current: () => ChildProcess | null,
    private readonly restart: () => Promise<void>,
    private readonly isStopping: () => boolean,
  ) {}

  /** The running server's pid; null while it is down. */
  get pid(): number | null {
    const proc = this.current();
    return proc && !exited(proc) ? (proc.pid ?? null) : null;
  }

  /** SIGKILL to the server, if it is still that pid; its exit restarts it. */
  kill(pid: number) {
    const proc = this.current();
    if (proc?.pid === pid && !exited(proc)) proc.kill('SIGKILL');
  }

  watch() {
    const proc = this.current();
    if (!proc) return;
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      if (this.isStopping()) return;
      if (Date.now() - this.startedAt > STABLE_AFTER_MS) this.attempt = 0;
      this.schedule(
        `${this.name} (pid ${proc.pid}) exited unexpectedly (${signal ?? `code ${code}`})`,
      );
    };
    if (exited(proc)) onExit(proc.exitCode, proc.signalCode);
    else proc.once('exit', onExit);
  }

  private schedule(why: string) {
    const delay = restartDelay(this.attempt++);
    log(`${why}; restarting it in ${delay} ms`);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.isStopping()) return;
      this.restarting = this.restart()
        .then(() => {
          this.startedAt = Date.now();
          log(`${this.name} restarted (pid ${this.pid})`);
          this.watch();
        })
        .catch((error: unknown) =>
          this.schedule(
            `${this.name} did not start: ${error instanceof Error ? error.message : String(error)}`,
          ),
        )
        .finally(() => (this.restarting = null));
    }, delay);
  }

  /** No restart after this; one under way is waited for (the stack's stop then stops it). */
  async stop() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.restarting;
  }
}

/** An HTTP GET that answers at all (any status) within the time: the server is not hung. */
async function answersHttp(url: string, timeoutMs: number): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  await res.body?.cancel();
  return true;
}

/**
 * `SELECT 1` on a new connection (a stopped postmaster accepts none, while the connections it
 * already handed out would still answer). A refusal from the server itself (too many connections,
 * starting up) is an answer too: the watchdog looks for hangs, not for errors.
 */
async function answersSql(url: string, timeoutMs: number): Promise<boolean> {
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    application_name: 'werkbrug-watchdog',
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    return /^[0-9A-Z]{5}$/.test(String((error as { code?: unknown }).code ?? ''));
  } finally {
    // Bounded: a hung server never confirms the goodbye.
    await Promise.race([
      client.end().catch(() => undefined),
      new Promise((r) => setTimeout(r, 500)),
    ]);
  }
}

/** Connection-level failures of a database that may come back (not a wrong password or name). */
const unreachable = (error: unknown) => {
  const code = String((error as { code?: unknown }).code ?? '');
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EHOSTUNREACH',
      'ENOTFOUND',
      'EAI_AGAIN',
      '57P03',
    ].includes(code) ||
    /timeout|terminated unexpectedly/i.test(error instanceof Error ? error.message : '')
  );
};

/**
 * Opens the supervisor's connection. A PostgreSQL of one's own (DATABASE_URL) that is away is
 * waited for, with the same back-off as a restart: it may be starting too (a reboot, a failover).
 */
async function openWhenReachable(url: string, external: boolean, isStopping: () => boolean) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await openDataSource(url);
    } catch (error) {
      if (!external || !unreachable(error) || isStopping()) throw error;
      const delay = restartDelay(attempt);
      log(
        `PostgreSQL at ${new URL(url).host} does not answer (${error instanceof Error ? error.message : String(error)}); trying again in ${delay} ms`,
      );
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/**
 * `npm start`: the whole product on one machine. This foreground process only starts the supervisor
 * in a process group of its own and passes a stop on to it: Ctrl-C in a terminal signals the whole
 * foreground group, and PostgreSQL must not get it at the same moment as the API and the worker
 * (their last statements would fail with "the database system is shutting down").
 */
export async function startCommand(): Promise<void> {
  // A closed terminal or pipe must not crash the supervisor in the middle of a stop.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  if (process.env.WERKBRUG_SUPERVISOR === '1') return superviseCommand();
  const child = spawn(process.execPath, [process.argv[1], 'start'], {
    env: { ...process.env, WERKBRUG_SUPERVISOR: '1' },
    detached: true,
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  const forward = () => {
    if (!exited(child)) child.kill('SIGTERM');
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  process.on('SIGHUP', forward);
  await new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      process.exitCode = code ?? (signal ? 1 : 0);
      resolve();
    }),
  );
}

/**
 * The supervisor: embedded PostgreSQL and Meilisearch (unless DATABASE_URL / MEILI_URL point
 * elsewhere), migrations, reference data, first admin, then the worker and the API, each restarted
 * when it dies. A stop goes in order: the API (no new requests, in-flight ones finish), the worker
 * (finishes its batch, releases its claims), Meilisearch, PostgreSQL last.
 */
async function superviseCommand(): Promise<void> {
  // A weak administrator password is refused before any server starts, even when an admin exists.
  const adminPassword = process.env.WERKBRUG_ADMIN_PASSWORD;
  const weak = adminPassword ? passwordProblem(adminPassword) : null;
  if (weak) {
    throw new Error(
      `WERKBRUG_ADMIN_PASSWORD ${weak}; choose a long passphrase (12+ characters, not a common one). Nothing was started.`,
    );
  }
  const started = Date.now();
  const folder = dataDir();
  log(`data folder ${folder}`);
  const stack = await startStack({ dataDir: folder, log });
  const apps: SupervisedApp[] = [];
  let db: DataSource | null = null;
  let stopping = false;
  let reindex: ChildProcess | null = null;
  const isStopping = () => stopping;
  const servers: SupervisedServer[] = [];
  if (stack.postgresProcess)
    servers.push(
      new SupervisedServer(
        'PostgreSQL',
        () => stack.postgresProcess,
        () => stack.restartPostgres(),
        isStopping,
      ),
    );
  if (stack.searchProcess)
    servers.push(
      new SupervisedServer(
        'Meilisearch',
        () => stack.searchProcess,
        () => stack.restartSearch(),
        isStopping,
      ),
    );
  for (const server of servers) server.watch();
  let watchdog: Watchdog | null = null;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping: the API first, then the worker, Meilisearch, PostgreSQL last');
    await watchdog?.stop();
    for (const server of servers) await server.stop();
    if (reindex && !exited(reindex)) await stopChild(reindex, 10_000);
    // The API first (stop accepting requests, finish the ones in flight), then the worker.
    for (const app of [...apps].reverse()) await app.stop(app.name === 'api' ? 15_000 : 30_000);
    if (db) {
      const claimed = await queryRows<{ n: number }>(
        db,
        `SELECT count(*)::int AS n FROM outbox_messages WHERE status = 'processing'`,
      )
        .then((rows) => String(rows[0].n))
        .catch((error: unknown) => `unknown (${error instanceof Error ? error.message : error})`);
      log(`outbox rows left claimed: ${claimed}`);
      await db.destroy().catch(() => undefined);
    }
    await stack.stop();
    clearStackInfo();
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  // The foreground `npm start` is gone (killed hard): stop in order rather than leave orphans.
  process.stdin.on('end', () => void shutdown(0));
  process.stdin.resume();
  try {
    db = await openWhenReachable(stack.env.DATABASE_URL, !stack.embeddedPostgres, isStopping);
    await prepareDatabase(db, log);
    if (stack.embeddedPostgres) {
      const released = await releaseGoneWorkers(db, isAlive);
      if (released) log(`released ${released} outbox row(s) claimed by workers of an earlier run`);
    }
    const { port } = loadLauncherConfig();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...stack.env,
      PORT: String(port),
      WERKBRUG_DATA_DIR: folder,
    };
    delete env.WERKBRUG_SUPERVISOR;
    const apiUrl = `http://127.0.0.1:${port}`;
    const database = db;
    const worker = new SupervisedApp(
      'worker',
      env,
      async (pid) => {
        // Its claims go back at once; the restarted worker (or another) takes them.
        const released = await releaseClaimsOf(database, `${hostname()}:${pid}`, true);
        if (released) log(`released ${released} outbox row(s) claimed by the worker that exited`);
      },
      true,
    );
    const api = new SupervisedApp('api', env, async () => undefined);
    apps.push(worker, api);
    worker.launch();
    api.launch();
    watchdog = startWatchdog(servers, { api, worker }, { apiUrl, ...stack.env });
    // A PostgreSQL of one's own that is away is waited for (the API and worker retry, and are
    // restarted with back-off when they give up); the embedded one not being ready is a fault.
    for (let waited = 60; ; waited += 60) {
      try {
        await waitForReady(apiUrl, 60_000, () => api.process);
        break;
      } catch (error) {
        if (stack.embeddedPostgres || stopping) throw error;
        log(
          `the API is not ready after ${waited} s; still waiting (does PostgreSQL at ${new URL(stack.env.DATABASE_URL).host} answer?)`,
        );
      }
    }
    writeStackInfo({ pid: process.pid, env: stack.env, apiUrl });
    log(
      `ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${apiUrl}/api (docs: ${apiUrl}/api/docs). Ctrl-C stops.`,
    );
    // After a restore: Meilisearch is rebuilt from PostgreSQL while the product already serves.
    void rebuildSearchAfterRestore(folder, env, log, (child) => (reindex = child))
      .then(() => reindex && log('search indexes rebuilt'))
      .catch((error: unknown) =>
        log(
          `${error instanceof Error ? error.message : String(error)}; run \`npm run cli -- reindex\``,
        ),
      );
  } catch (error) {
    log(`start failed: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

/**
 * The watchdog over every child this supervisor started: the embedded PostgreSQL (`SELECT 1` on a
 * new connection) and Meilisearch (`/health`), the API (`/health`, which needs neither) and the
 * worker (a ping over its IPC channel). One silent for WERKBRUG_WATCHDOG_SECONDS is replaced.
 */
function startWatchdog(
  servers: SupervisedServer[],
  apps: { api: SupervisedApp; worker: SupervisedApp },
  urls: { apiUrl: string; DATABASE_URL: string; MEILI_URL: string },
): Watchdog | null {
  const { watchdogSeconds } = loadLauncherConfig();
  if (!watchdogSeconds) return null;
  const children: WatchedChild[] = servers.map((server) => ({
    name: server.name,
    question: server.name === 'PostgreSQL' ? 'SELECT 1' : '/health',
    pid: () => server.pid,
    probe: (timeoutMs) =>
      server.name === 'PostgreSQL'
        ? answersSql(urls.DATABASE_URL, timeoutMs)
        : answersHttp(`${urls.MEILI_URL}/health`, timeoutMs),
    kill: (pid) => server.kill(pid),
  }));
  children.push(
    {
      name: 'api',
      question: '/health',
      pid: () => apps.api.pid,
      probe: (timeoutMs) => answersHttp(`${urls.apiUrl}/health`, timeoutMs),
      kill: (pid) => apps.api.kill(pid),
      // It answers only once it listens: after connecting to PostgreSQL, which may be restarting.
      startupMs: 60_000,
    },
    {
      name: 'worker',
      question: 'its heartbeat',
      pid: () => apps.worker.pid,
      probe: (timeoutMs) => apps.worker.ping(timeoutMs),
      kill: (pid) => apps.worker.kill(pid),
      // It answers from its first line on, once its modules are loaded (seconds on a busy machine).
      startupMs: 30_000,
    },
  );
  const watchdog = new Watchdog(children, { limitMs: watchdogSeconds * 1000, log });
  watchdog.start();
  return watchdog;
}
