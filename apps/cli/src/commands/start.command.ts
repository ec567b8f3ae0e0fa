import { ChildProcess, spawn } from 'node:child_process';
import { hostname } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { passwordProblem } from '@werkbrug/auth';
import { loadLauncherConfig } from '@werkbrug/config';
import { isAlive, Stack, startStack } from '@werkbrug/embedded';
import { releaseClaimsOf, releaseGoneWorkers } from '@werkbrug/outbox';
import { clearStackInfo, dataDir, writeStackInfo } from '../data-dir';
import { openDataSource, prepareDatabase } from '../prepare-database';
import { rebuildSearchAfterRestore } from '../restore-marker';
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
 * the child stops itself (see apps/*\/main.ts), so no child outlives `npm start`.
 */
class SupervisedApp {
  private child!: ChildProcess;
  private attempt = 0;
  private startedAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(
    readonly name: 'api' | 'worker',
    private readonly env: NodeJS.ProcessEnv,
    private readonly onExit: (pid: number) => Promise<void>,
  ) {}

  get process() {
    return this.child;
  }

  launch() {
    const child = spawn(process.execPath, [path.join(appsRoot, this.name, 'src', 'main.js')], {
      env: { ...this.env, WERKBRUG_SUPERVISED: '1' },
      stdio: ['pipe', 'inherit', 'inherit'],
    });
    this.child = child;
    this.startedAt = Date.now();
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

/** The embedded Meilisearch, restarted with back-off when it dies. */
function superviseSearch(stack: Stack, isStopping: () => boolean) {
  let attempt = 0;
  let startedAt = Date.now();
  let timer: NodeJS.Timeout | null = null;
  const watch = () => {
    const proc = stack.searchProcess;
    if (!proc) return;
    proc.once('exit', (code, signal) => {
      if (isStopping()) return;
      if (Date.now() - startedAt > STABLE_AFTER_MS) attempt = 0;
      schedule(`Meilisearch (pid ${proc.pid}) exited unexpectedly (${signal ?? `code ${code}`})`);
    });
  };
  const schedule = (why: string) => {
    const delay = restartDelay(attempt++);
    log(`${why}; restarting it in ${delay} ms`);
    timer = setTimeout(() => {
      timer = null;
      if (isStopping()) return;
      stack
        .restartSearch()
        .then(() => {
          startedAt = Date.now();
          log(`Meilisearch restarted (pid ${stack.meiliPid})`);
          watch();
        })
        .catch((error: unknown) =>
          schedule(
            `Meilisearch did not start: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
    }, delay);
  };
  watch();
  return () => {
    if (timer) clearTimeout(timer);
  };
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
  let stopSearchWatch = () => undefined as void;
  let reindex: ChildProcess | null = null;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping: the API first, then the worker, Meilisearch, PostgreSQL last');
    stopSearchWatch();
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
    db = await openDataSource(stack.env.DATABASE_URL);
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
    const worker = new SupervisedApp('worker', env, async (pid) => {
      // Its claims go back at once; the restarted worker (or another) takes them.
      const released = await releaseClaimsOf(database, `${hostname()}:${pid}`, true);
      if (released) log(`released ${released} outbox row(s) claimed by the worker that exited`);
    });
    const api = new SupervisedApp('api', env, async () => undefined);
    apps.push(worker, api);
    worker.launch();
    api.launch();
    stopSearchWatch = superviseSearch(stack, () => stopping);
    await waitForReady(apiUrl, 60_000, () => api.process);
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
