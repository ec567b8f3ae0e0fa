import '../../register-paths';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '@werkbrug/config';
import { OutboxProcessor } from '@werkbrug/outbox';
import { WorkerModule } from './worker.module';

const DAY_MS = 24 * 3600_000;

async function main() {
  loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  const processor = app.get(OutboxProcessor);
  processor.start();
  const purge = setInterval(() => void processor.purgeDone().catch(() => undefined), DAY_MS);
  logger.log(`worker ${processor.workerId} draining the outbox`);
  const stop = async (signal: string) => {
    logger.log(`worker stopping (${signal})`);
    clearInterval(purge);
    await processor.stop();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
