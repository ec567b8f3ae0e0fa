import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { loadLauncherConfig } from '@werkbrug/config';
import { RunningPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { startMeilisearch } from './embedded-meilisearch';
import { loadOrCreateSecrets } from './secrets';

export interface StackOptions {
  dataDir: string;
  pgPort?: number;
  meiliPort?: number;
  database?: string;
  /** Start Meilisearch too (not needed for migrate/seed). */
  withSearch?: boolean;
  log: (line: string) => void;
}

export interface Stack {
  env: { DATABASE_URL: string; MEILI_URL: string; MEILI_MASTER_KEY: string };
  meiliPid: number | null;
  /** The embedded Meilisearch process (null when MEILI_URL points elsewhere), for the supervisor. */
  readonly searchProcess: ChildProcess | null;
  /** The embedded PostgreSQL's postmaster (null when DATABASE_URL points elsewhere), for the supervisor. */
  readonly postgresProcess: ChildProcess | null;
  /** True when PostgreSQL is the embedded one (this process owns it). */
  readonly embeddedPostgres: boolean;
  /** Restarts the embedded PostgreSQL on the same folder and port (crash recovery from its WAL). */
  restartPostgres(): Promise<void>;
  /** Restarts the embedded Meilisearch on the same folder and port (used by failure tests). */
  restartSearch(): Promise<void>;
  stopSearch(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts what is not configured externally: embedded PostgreSQL unless DATABASE_URL is set,
 * the bundled Meilisearch unless MEILI_URL is set. Everything lives under one data folder.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const dataDir = path.resolve(options.dataDir);
  const secrets = loadOrCreateSecrets(dataDir);
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    stops.length = 0;
  };
  try {
    let databaseUrl = process.env.DATABASE_URL ?? '';
    let postgres: RunningPostgres | null = null;
    if (!databaseUrl) {
      const pgPort = options.pgPort ?? loadLauncherConfig().pgPort;
      options.log(`starting embedded PostgreSQL on 127.0.0.1:${pgPort}`);
      const pg = await startEmbeddedPostgres({
        dataDir,
        port: pgPort,
        password: secrets.postgresPassword,
        database: options.database ?? 'werkbrug',
        log: options.log,
      });
      postgres = pg;
      stops.push(async () => {
        await pg.stop();
        options.log('PostgreSQL stopped');
      });
      databaseUrl = pg.url;
    }
    let meiliUrl = process.env.MEILI_URL ?? '';
    let meiliKey = process.env.MEILI_MASTER_KEY ?? '';
    let meiliPid: number | null = null;
    let meiliProcess: ChildProcess | null = null;
    let meiliStop: (() => Promise<void>) | null = null;
    const meiliPort = options.meiliPort ?? loadLauncherConfig().meiliPort;
    const startSearch = async () => {
      const meili = await startMeilisearch({
        dataDir,
        port: meiliPort,
        masterKey: secrets.meiliMasterKey,
        log: options.log,
      });
      meiliPid = meili.pid;
      meiliProcess = meili.process;
      meiliStop = meili.stop;
      return meili;
    };
    if (!meiliUrl && options.withSearch !== false) {
      options.log(`starting Meilisearch on 127.0.0.1:${meiliPort}`);
      const meili = await startSearch();
      stops.push(async () => {
        await meiliStop?.();
        options.log('Meilisearch stopped');
      });
      meiliUrl = meili.url;
      meiliKey = meili.masterKey;
    }
    return {
      env: { DATABASE_URL: databaseUrl, MEILI_URL: meiliUrl, MEILI_MASTER_KEY: meiliKey },
      get meiliPid() {
        return meiliPid;
      },
      get searchProcess() {
        return meiliProcess;
      },
      get postgresProcess() {
        return postgres?.process ?? null;
      },
      embeddedPostgres: !process.env.DATABASE_URL,
      restartPostgres: async () => {
        if (!postgres) throw new Error('PostgreSQL is not the embedded one');
        await postgres.restart();
      },
      stopSearch: async () => {
        await meiliStop?.();
      },
      restartSearch: async () => {
        await meiliStop?.();
        await startSearch();
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
