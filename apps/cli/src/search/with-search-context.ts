import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { withDatabase } from '../with-database';
import { CliSearchModule } from './cli-search.module';

/** A Nest context with database and Meilisearch, for CLI commands (uses the running stack if any). */
export function withSearchContext<T>(fn: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  return withDatabase(
    async () => {
      process.env.LOG_LEVEL ??= 'warn';
      const app = await NestFactory.createApplicationContext(CliSearchModule, {
        logger: ['error', 'warn'],
      });
      try {
        return await fn(app);
      } finally {
        await app.close();
      }
    },
    { withSearch: true },
  );
}
