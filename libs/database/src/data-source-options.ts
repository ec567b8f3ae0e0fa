import path from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Compiled migrations live next to the compiled libs: dist/migrations/*.js. */
export const MIGRATIONS_GLOB = path.join(__dirname, '..', '..', '..', 'migrations', '*.{js,ts}');

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
    extra: { max: poolSize, application_name: 'werkbrug' },
  };
}
