import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { Client } from 'pg';

export const BACKUP_FORMAT = 1;

export interface TableManifest {
  name: string;
  file: string;
  rows: number;
  /** sha256 over the rows' JSON text in key order: what a restore must give back. */
  sha256: string;
}

export interface BackupManifest {
  format: number;
  /** When the snapshot was taken (PostgreSQL's clock). */
  snapshotAt: string;
  migrations: string[];
  tables: TableManifest[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  durationMs: number;
  bytes: number;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The tables of the schema and the columns of their primary key (the order rows are read in). */
export async function listTables(client: Client): Promise<{ name: string; key: string[] }[]> {
  const { rows } = await client.query<{ name: string; key: string[] | null }>(
    `SELECT c.relname AS name,
            (SELECT array_agg(a.attname::text ORDER BY array_position(i.indkey, a.attnum))
               FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
              WHERE i.indrelid = c.oid AND i.indisprimary) AS key
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
      ORDER BY c.relname`,
  );
  return rows.map((r) => ({ name: r.name, key: r.key ?? [] }));
}

/**
 * Streams one table's rows (as row_to_json text, in key order) to a callback, through a cursor in
 * the caller's transaction. Used by the backup and by the check after a restore.
 */
export async function eachRow(
  client: Client,
  table: { name: string; key: string[] },
  onRow: (json: string) => void | Promise<void>,
) {
  const order = table.key.length ? table.key.map(ident).join(', ') : 'row_to_json(t)::text';
  const cursor = `c_${table.name.replace(/\W/g, '_')}`;
  await client.query(
    `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${ident(table.name)} t ORDER BY ${order}`,
  );
  for (;;) {
    const { rows } = await client.query<{ j: string }>(`FETCH 2000 FROM ${cursor}`);
    for (const row of rows) await onRow(row.j);
    if (rows.length < 2000) break;
  }
  await client.query(`CLOSE ${cursor}`);
}

/** Starts a read-only transaction that sees one consistent snapshot, timestamps in UTC. */
export async function beginSnapshot(client: Client) {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  await client.query(`SET LOCAL TimeZone = 'UTC'`);
}

/**
 * A logical backup through the ordinary PostgreSQL connection: every table of the schema read in one
 * REPEATABLE READ snapshot (consistent while writes go on, nobody is blocked), one gzipped NDJSON
 * file per table, the sequences, the applied migrations and a checksum per table in manifest.json.
 */
export async function makeBackup(databaseUrl: string, dir: string): Promise<BackupManifest> {
  const started = Date.now();
  mkdirSync(path.join(dir, 'tables'), { recursive: true });
  const client = new Client({ connectionString: databaseUrl, application_name: 'werkbrug-backup' });
  await client.connect();
  try {
    await beginSnapshot(client);
    const [{ now }] = (await client.query<{ now: Date }>('SELECT now()')).rows;
    const migrations = (
      await client.query<{ name: string }>(`SELECT name FROM schema_migrations ORDER BY id`)
    ).rows.map((r) => r.name);
    const tables: TableManifest[] = [];
    for (const table of await listTables(client)) {
      const file = path.join('tables', `${table.name}.ndjson.gz`);
      const gzip = createGzip();
      const out = createWriteStream(path.join(dir, file));
      gzip.pipe(out);
      const hash = createHash('sha256');
      let rows = 0;
      await eachRow(client, table, async (json) => {
        hash.update(json).update('\n');
        rows++;
        if (!gzip.write(`${json}\n`)) await once(gzip, 'drain');
      });
      gzip.end();
      await once(out, 'close');
      tables.push({ name: table.name, file, rows, sha256: hash.digest('hex') });
    }
    const { rows: seqs } = await client.query<{ name: string }>(
      `SELECT sequencename AS name FROM pg_sequences WHERE schemaname = current_schema() ORDER BY 1`,
    );
    const sequences = [];
    for (const { name } of seqs) {
      const {
        rows: [s],
      } = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text, is_called FROM ${ident(name)}`,
      );
      sequences.push({ name, lastValue: s.last_value, isCalled: s.is_called });
    }
    await client.query('COMMIT');
    const bytes = tables.reduce((sum, t) => sum + statSync(path.join(dir, t.file)).size, 0);
    return {
      format: BACKUP_FORMAT,
      snapshotAt: now.toISOString(),
      migrations,
      tables,
      sequences,
      durationMs: Date.now() - started,
      bytes,
    };
  } finally {
    await client.end();
  }
}
