import '../../register-paths';
import 'reflect-metadata';
import './heartbeat';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AlertsScheduler } from '@werkbrug/alerts';
import { ConfigError, loadConfig } from '@werkbrug/config';
import { startWorkerMetrics } from '@werkbrug/metrics';
import { ImportRunner } from '@werkbrug/import';
import { InstrumentDeadlineScheduler, RuleHorizonScheduler } from '@werkbrug/instruments';
import { SearchIndexer } from '@werkbrug/matching';
import { OutboxProcessor } from '@werkbrug/outbox';
import { AttentionScheduler } from '@werkbrug/placements';
import { MeetingsService } from '@werkbrug/proposals';
import { RetentionScheduler } from '@werkbrug/privacy';
import { EvaluationRemindersService } from '@werkbrug/trajectories';
import { WorkerModule } from './worker.module';

const DAY_MS = 24 * 3600_000;

async function main() {
  loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  const processor = app.get(OutboxProcessor);
  const indexer = app.get(SearchIndexer);
  const retention = app.get(RetentionScheduler);
  const attention = app.get(AttentionScheduler);
  const metrics = await startWorkerMetrics((listener) => processor.observe(listener));
  const alerts = app.get(AlertsScheduler);
  const evaluations = app.get(EvaluationRemindersService);
  const deadlines = app.get(InstrumentDeadlineScheduler);
  const horizons = app.get(RuleHorizonScheduler);
  const meetings = app.get(MeetingsService);
  const imports = app.get(ImportRunner);
  const timers: NodeJS.Timeout[] = [];
  let running = true;
  const stop = async (signal: string) => {
    logger.log(`worker stopping (${signal})`);
    running = false;
    timers.forEach(clearInterval);
    await alerts.stop();
    await attention.stop();
    await evaluations.stop();
    await deadlines.stop();
    await horizons.stop();
    await meetings.stopReminders();
    await imports.stop();
    await retention.stop();
    await processor.stop();
    metrics?.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  // Under `npm start` our stdin is a pipe from the supervisor: when it ends, the supervisor is gone.
  if (process.env.WERKBRUG_SUPERVISED === '1') {
    process.stdin.once('end', () => {
      // Nobody is left to force the stop: give the batch in hand 15 s, then go.
      setTimeout(() => process.exit(1), 15_000).unref();
      void stop('supervisor gone');
    });
    process.stdin.resume();
  }
  // Index settings come first, before any document; if Meilisearch is not up yet, keep trying.
  for (let attempt = 1; running; attempt++) {
    try {
      const changed = await indexer.ensureSettings();
      logger.log({ changed }, 'search index settings applied');
      break;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn(`search settings not applied yet (attempt ${attempt}): ${reason}`);
      await new Promise((r) => setTimeout(r, Math.min(30_000, 1000 * attempt)));
    }
  }
  if (!running) return;
  processor.start();
  timers.push(setInterval(() => void processor.purgeDone().catch(() => undefined), DAY_MS));
  // Retention: anonymise files whose trajectory ended more than RETENTION_YEARS ago, daily.
  retention.start();
  // Placement reminders (ending soon, no contact in 14 days), hourly.
  attention.start();
  // Match alert digests (daily or weekly per candidate), checked every 15 minutes.
  alerts.start();
  // Plan van aanpak evaluation reminders (7 days ahead), hourly.
  evaluations.start();
  // Instrument deadlines (LKS application, doelgroepverklaring), hourly.
  deadlines.start();
  // Rules that run out with no newer version: the administrators hear once per version, hourly check.
  horizons.start();
  // The day before a kennismaking or meeloopdag, a reminder to each side, hourly.
  meetings.startReminders();
  // Import jobs (uploads of candidates, employers, workplaces), polled every second.
  imports.start();
  logger.log(`worker ${processor.workerId} draining the outbox`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
