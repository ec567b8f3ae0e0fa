import '../../register-paths';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '@werkbrug/config';
import { SearchIndexer } from '@werkbrug/matching';
import { OutboxProcessor } from '@werkbrug/outbox';
import { WorkerModule } from './worker.module';

const DAY_MS = 24 * 3600_000;

async function main() {
  loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  const processor = app.get(OutboxProcessor);
  const indexer = app.get(SearchIndexer);
  let running = true;
  let purge: NodeJS.Timeout | undefined;
  const stop = async (signal: string) => {
    logger.log(`worker stopping (${signal})`);
    running = false;
    clearInterval(purge);
    await processor.stop();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  // Index settings come first, before any document; if Meilisearch is not up yet, keep trying.
  for (let attempt = 1; running; attempt++) {
    try {
      const changed = await indexer.ensureSettings();
      logger.log({ changed }, 'search index settings applied');
      break;
    } catch (error) {
      logger.warn(`search settings not applied yet (attempt ${attempt}): ${error instanceof Error ? error.message : error}`);
      await new Promise((r) => setTimeout(r, Math.min(30_000, 1000 * attempt)));
    }
  }
  processor.start();
  purge = setInterval(() => void processor.purgeDone().catch(() => undefined), DAY_MS);
  logger.log(`worker ${processor.workerId} draining the outbox`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
