import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { Client } from 'pg';
import { DataSource, MigrationInterface } from 'typeorm';
import { dataSourceOptions, MIGRATIONS_GLOB } from '@werkbrug/database';
import { BACKUP_FORMAT, BackupManifest, beginSnapshot, eachRow, listTables } from './backup';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function readManifest(dir: string): BackupManifest {
  const manifest = JSON.parse(
    readFileSync(path.join(dir, 'manifest.json'), 'utf8'),
  ) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT)
    throw new Error(
      `${dir} is a backup of format ${manifest.format}; this version reads ${BACKUP_FORMAT}`,
    );
  return manifest;
}

/** The migration classes this build knows, by name. */
async function knownMigrations(): Promise<Map<string, new () => MigrationInterface>> {
  const dir = path.dirname(MIGRATIONS_GLOB);
  const byName = new Map<string, new () => MigrationInterface>();
  for (const file of readdirSync(dir)) {
    if (!/\.(js|ts)$/.test(file) || file.endsWith('.d.ts')) continue;
    for (const exported of Object.values((await import(path.join(dir, file))) as object)) {
      if (typeof exported !== 'function') continue;
      const name = (new (exported as new () => MigrationInterface)() as { name?: string }).name;
      if (name) byName.set(name, exported as new () => MigrationInterface);
    }
  }
  return byName;
}

/**
 * Restores a backup into an empty database: the schema exactly as it was when the backup was made
 * (only the migrations it had, so rows fit their columns), then every row, the sequences, and a
 * check that each table holds what the backup holds. Newer migrations are left to `npm start`.
 */
export async function restoreBackup(
  databaseUrl: string,
  dir: string,
  log: (line: string) => void,
): Promise<BackupManifest> {
  const manifest = readManifest(dir);
  const known = await knownMigrations();
  const unknown = manifest.migrations.filter((m) => !known.has(m));
  if (unknown.length)
    throw new Error(`the backup has migrations this version does not know: ${unknown.join(', ')}`);
  const client = new Client({
    connectionString: databaseUrl,
    application_name: 'werkbrug-restore',
  });
  await client.connect();
  try {
    const existing = await listTables(client);
    if (existing.length)
      throw new Error(
        `the target database is not empty (${existing.length} tables); restore only into an empty one`,
      );
    const db = await new DataSource({
      ...dataSourceOptions(databaseUrl),
      migrations: manifest.migrations.map((m) => known.get(m)!),
    }).initialize();
    try {
      await db.runMigrations({ transaction: 'each' });
    } finally {
      await db.destroy();
    }
    log(`schema created with the backup's ${manifest.migrations.length} migration(s)`);
    await client.query('BEGIN');
    // Rows go in table by table; foreign keys and triggers are not checked while loading
    // (the snapshot was consistent). Needs a superuser, which the embedded server's user is.
    await client.query(`SET LOCAL session_replication_role = replica`);
    await client.query(`SET LOCAL TimeZone = 'UTC'`);
    // Migrations may seed reference rows; the backup holds them as they were, so those go first.
    const seeded = manifest.tables.filter((t) => t.name !== 'schema_migrations');
    if (seeded.length)
      await client.query(`TRUNCATE ${seeded.map((t) => ident(t.name)).join(', ')}`);
    for (const table of manifest.tables) {
      if (table.name === 'schema_migrations') continue;
      const { rows: cols } = await client.query<{ name: string }>(
        `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0
            AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
        [ident(table.name)],
      );
      const columns = cols.map((c) => ident(c.name)).join(', ');
      const insert = `INSERT INTO ${ident(table.name)} (${columns})
                      SELECT ${columns} FROM json_populate_recordset(NULL::${ident(table.name)}, $1::json)`;
      let chunk: string[] = [];
      const flush = async () => {
        if (chunk.length) await client.query(insert, [`[${chunk.join(',')}]`]);
        chunk = [];
      };
      const lines = createInterface({
        input: createReadStream(path.join(dir, table.file)).pipe(createGunzip()),
        crlfDelay: Infinity,
      });
      for await (const line of lines) {
        if (!line) continue;
        chunk.push(line);
        if (chunk.length >= 1000) await flush();
      }
      await flush();
    }
    for (const s of manifest.sequences)
      await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [
        ident(s.name),
        s.lastValue,
        s.isCalled,
      ]);
    await client.query('COMMIT');
    await verifyAgainstManifest(client, manifest);
    log(
      `restored ${manifest.tables.reduce((n, t) => n + t.rows, 0)} rows in ${manifest.tables.length} tables; every table checked`,
    );
    return manifest;
  } finally {
    await client.end();
  }
}

/** Every table's rows, in key order, hash to what the backup recorded. */
export async function verifyAgainstManifest(client: Client, manifest: BackupManifest) {
  await beginSnapshot(client);
  try {
    const tables = new Map((await listTables(client)).map((t) => [t.name, t]));
    const wrong: string[] = [];
    for (const expected of manifest.tables) {
      const table = tables.get(expected.name);
      if (!table) {
        wrong.push(`${expected.name} missing`);
        continue;
      }
      const hash = createHash('sha256');
      let rows = 0;
      await eachRow(client, table, (json) => {
        hash.update(json).update('\n');
        rows++;
      });
      if (rows !== expected.rows || hash.digest('hex') !== expected.sha256)
        wrong.push(`${expected.name} (${rows} rows, backup ${expected.rows})`);
    }
    if (wrong.length) throw new Error(`restored data differs from the backup: ${wrong.join(', ')}`);
  } finally {
    await client.query('ROLLBACK');
  }
}
