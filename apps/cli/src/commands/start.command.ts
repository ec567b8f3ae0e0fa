import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { passwordProblem } from '@werkbrug/auth';
import { loadLauncherConfig } from '@werkbrug/config';
import { startStack } from '@werkbrug/embedded';
import { clearStackInfo, dataDir, writeStackInfo } from '../data-dir';
import { openDataSource, prepareDatabase } from '../prepare-database';
import { log } from '../with-database';

const appsRoot = path.join(__dirname, '..', '..', '..');

function spawnApp(name: 'api' | 'worker', env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [path.join(appsRoot, name, 'src', 'main.js')], {
    env,
    stdio: 'inherit',
  });
}

async function waitForReady(url: string, timeoutMs: number, child: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the API was not ready within ${timeoutMs / 1000}s`);
}

/**
 * `npm start`: the whole product on one machine. Embedded PostgreSQL and Meilisearch (unless
 * DATABASE_URL / MEILI_URL point elsewhere), migrations, reference data, first admin, worker and API.
 */
export async function startCommand(): Promise<void> {
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
  const children: ChildProcess[] = [];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
    await stack.stop();
    clearStackInfo();
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  try {
    const db = await openDataSource(stack.env.DATABASE_URL);
    try {
      await prepareDatabase(db, log);
    } finally {
      await db.destroy();
    }
    const { port } = loadLauncherConfig();
    const env = { ...process.env, ...stack.env, PORT: String(port), WERKBRUG_DATA_DIR: folder };
    const apiUrl = `http://127.0.0.1:${port}`;
    for (const name of ['worker', 'api'] as const) {
      const child = spawnApp(name, env);
      children.push(child);
      child.once('exit', (code, signal) => {
        if (!stopping) {
          log(`${name} exited unexpectedly (${signal ?? code}); stopping everything`);
          void shutdown(1);
        }
      });
    }
    await waitForReady(apiUrl, 60_000, children[1]);
    writeStackInfo({ pid: process.pid, env: stack.env, apiUrl });
    log(
      `ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${apiUrl}/api (docs: ${apiUrl}/api/docs). Ctrl-C stops.`,
    );
  } catch (error) {
    log(`start failed: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}
