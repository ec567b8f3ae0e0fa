import { DataSource } from 'typeorm';
import { startStack } from '@werkbrug/embedded';
import { dataDir, readStackInfo } from './data-dir';
import { openDataSource } from './prepare-database';

export const log = (line: string) => console.log(`[werkbrug] ${line}`);

/**
 * Runs a command against the configured database: DATABASE_URL, else the stack of a running
 * `npm start`, else an embedded PostgreSQL started just for this command.
 */
export async function withDatabase<T>(
  fn: (db: DataSource, env: { MEILI_URL: string; MEILI_MASTER_KEY: string }) => Promise<T>,
  options: { withSearch?: boolean } = {},
): Promise<T> {
  const running = readStackInfo();
  if (!process.env.DATABASE_URL && running) {
    process.env.DATABASE_URL = running.env.DATABASE_URL;
    process.env.MEILI_URL ??= running.env.MEILI_URL;
    process.env.MEILI_MASTER_KEY ??= running.env.MEILI_MASTER_KEY;
  }
  const stack =
    process.env.DATABASE_URL && (!options.withSearch || process.env.MEILI_URL)
      ? null
      : await startStack({ dataDir: dataDir(), withSearch: options.withSearch ?? false, log });
  const env = stack?.env ?? {
    DATABASE_URL: process.env.DATABASE_URL as string,
    MEILI_URL: process.env.MEILI_URL ?? '',
    MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY ?? '',
  };
  // Nest contexts opened by the command read their settings from the environment.
  process.env.DATABASE_URL = env.DATABASE_URL;
  if (env.MEILI_URL) {
    process.env.MEILI_URL = env.MEILI_URL;
    process.env.MEILI_MASTER_KEY = env.MEILI_MASTER_KEY;
  }
  const db = await openDataSource(env.DATABASE_URL);
  try {
    return await fn(db, env);
  } finally {
    await db.destroy();
    await stack?.stop();
  }
}
