import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { LoginThrottle } from '@werkbrug/auth';
import { clearUsedStepsIn, TEST_SECRET_KEY } from './second-factor';
import { readStackEnv, TEMPLATE_DB, withDatabase } from './stack-env';

export interface TestApp {
  app: NestExpressApplication;
  db: DataSource;
  databaseUrl: string;
  indexPrefix: string;
  /** Where the app listens (loopback): the base URL for a browser or a plain fetch. */
  url: string;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

/** A fresh database cloned from the migrated template: each test file starts from a clean schema. */
export async function createTestDatabase(): Promise<string> {
  const env = readStackEnv();
  const name = `wbtest_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: withDatabase(env.DATABASE_URL, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  return withDatabase(env.DATABASE_URL, name);
}

export async function dropTestDatabase(url: string) {
  const env = readStackEnv();
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({ connectionString: withDatabase(env.DATABASE_URL, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Points the configuration at the test stack; extra settings override. */
export function useTestEnv(databaseUrl: string, extra: Record<string, string> = {}) {
  const env = readStackEnv();
  const indexPrefix = `t${randomBytes(4).toString('hex')}_`;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: databaseUrl,
    MEILI_URL: env.MEILI_URL,
    MEILI_MASTER_KEY: env.MEILI_MASTER_KEY,
    MEILI_INDEX_PREFIX: indexPrefix,
    DATABASE_POOL_SIZE: '10',
    // The key that seals second-factor secrets: the fixtures seal with it too (second-factor.ts).
    WERKBRUG_SECRET_KEY: TEST_SECRET_KEY,
    ...extra,
  });
  return indexPrefix;
}

export interface TestAppOptions {
  /**
   * The address the app uses for its fresh database (e.g. through a TCP proxy, test/support/tcp-proxy.ts);
   * `databaseUrl` stays the direct one.
   */
  appDatabaseUrl?: (databaseUrl: string) => string;
  /** The loopback port to listen on (a test whose PUBLIC_URL names it); any free one when absent. */
  port?: number;
}

/** Boots the real API app (same factory as production) on a fresh database. */
export async function startTestApp(
  extraEnv: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const databaseUrl = await createTestDatabase();
  const indexPrefix = useTestEnv(options.appDatabaseUrl?.(databaseUrl) ?? databaseUrl, extraEnv);
  const { createApiApp } = await import('../../apps/api/src/create-app');
  const app = await createApiApp();
  // Listening once, before any request: supertest given a server that does not listen starts and
  // closes it per request, and a second request in flight then loses its idle socket (ECONNRESET).
  await app.listen(options.port ?? 0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  app.get(LoginThrottle).reset();
  const db = app.get(DataSource);
  clearUsedStepsIn(db);
  return {
    app,
    db,
    databaseUrl,
    indexPrefix,
    url: `http://127.0.0.1:${port}`,
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      await dropTestDatabase(databaseUrl);
    },
  };
}
