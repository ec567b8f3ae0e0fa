import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import {
  readStackEnv,
  STACK_DIR,
  STACK_ENV_FILE,
  TEMPLATE_DB,
  withDatabase,
} from './support/stack-env';

const CLI = path.join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');

/**
 * Starts one real PostgreSQL + Meilisearch for the whole run (through the CLI's `stack` command),
 * and migrates a template database that every test file clones.
 */
export default async function globalSetup() {
  if (!existsSync(CLI))
    throw new Error('Run `npm run build` before the tests (npm test does this).');
  mkdirSync(STACK_DIR, { recursive: true });
  rmSync(STACK_ENV_FILE, { force: true });
  const child = spawn(process.execPath, [CLI, 'stack', '--port-file', STACK_ENV_FILE], {
    env: { ...process.env, WERKBRUG_DATA_DIR: STACK_DIR, DATABASE_URL: '', MEILI_URL: '' },
    stdio: ['pipe', 'inherit', 'inherit'],
    detached: false,
  });
  const deadline = Date.now() + 120_000;
  while (!existsSync(STACK_ENV_FILE)) {
    if (child.exitCode !== null) throw new Error(`test stack exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('test stack did not start within 120 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  (globalThis as { __werkbrugStack?: typeof child }).__werkbrugStack = child;
  const env = readStackEnv();
  const admin = new Client({ connectionString: withDatabase(env.DATABASE_URL, 'postgres') });
  await admin.connect();
  try {
    // Leftover clones of an aborted run.
    const { rows } = await admin.query(
      `SELECT datname FROM pg_database WHERE datname LIKE 'wbtest_%'`,
    );
    for (const row of rows)
      await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const migrate = spawnSync(process.execPath, [CLI, 'migrate'], {
    env: {
      ...process.env,
      DATABASE_URL: withDatabase(env.DATABASE_URL, TEMPLATE_DB),
      WERKBRUG_ADMIN_EMAIL: '',
      WERKBRUG_ADMIN_PASSWORD: '',
    },
    encoding: 'utf8',
  });
  if (migrate.status !== 0)
    throw new Error(`migrating the template failed:\n${migrate.stdout}\n${migrate.stderr}`);
}
