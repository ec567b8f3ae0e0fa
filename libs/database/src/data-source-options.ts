import path from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Compiled migrations live next to the compiled libs: dist/migrations/*.js. */
export const MIGRATIONS_GLOB = path.join(__dirname, '..', '..', '..', 'migrations', '*.{js,ts}');

/** How long taking a connection from the pool (or making one) may take. */
export const DATABASE_CONNECT_TIMEOUT_MS = 5000;

export function dataSourceOptions(databaseUrl: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    // The schema changes only through migrations/.
    synchronize: false,
    extra: {
      max: poolSize,
      application_name: 'werkbrug',
      // A PostgreSQL that hangs (stopped, or a network that drops packets) must not hold a request
      // forever: a new connection, or a wait for a free one, gives up after 5 s (then 503).
      connectionTimeoutMillis: DATABASE_CONNECT_TIMEOUT_MS,
      // Notices a server that vanished without closing the connection (a host gone from the network).
      keepAlive: true,
    },
  };
}
