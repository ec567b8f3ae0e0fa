import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Stack } from '@werkbrug/embedded';
import { openDataSource, prepareDatabase } from '../prepare-database';

export interface BenchContext {
  stack: Stack;
  dataDir: string;
  log: (line: string) => void;
}

export const urlFor = (stack: Stack, database: string) =>
  stack.env.DATABASE_URL.replace(/\/[^/]+$/, `/${database}`);

/** A fresh, migrated database on the bench server. */
export async function freshDatabase(ctx: BenchContext, database: string): Promise<DataSource> {
  const admin = new Client({ connectionString: urlFor(ctx.stack, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const db = await openDataSource(urlFor(ctx.stack, database));
  await prepareDatabase(db, () => undefined);
  return db;
}

export const DEMO_PASSWORD = 'demo-wachtwoord-2026';
