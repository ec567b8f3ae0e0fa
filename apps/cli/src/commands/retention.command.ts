import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AlertsErasureModule } from '@werkbrug/alerts';
import { AuditModule } from '@werkbrug/audit';
import { ConfigModule } from '@werkbrug/config';
import { DatabaseModule } from '@werkbrug/database';
import { InstrumentsModule } from '@werkbrug/instruments';
import { InterestsErasureModule } from '@werkbrug/interests';
import { OutboxModule } from '@werkbrug/outbox';
import { PlacementsModule } from '@werkbrug/placements';
import { PrivacyCoreModule, RetentionService } from '@werkbrug/privacy';
import { TrajectoriesModule } from '@werkbrug/trajectories';
import { log, withDatabase } from '../with-database';

/**
 * Retention without HTTP or the worker: config, database, audit, outbox and erasure, plus every
 * module that registers an erasure step (placements brings proposals; instruments its kept
 * calculations); ErasureService refuses to
 * run without them.
 */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    OutboxModule,
    AuditModule,
    PrivacyCoreModule,
    PlacementsModule,
    InterestsErasureModule,
    AlertsErasureModule,
    InstrumentsModule,
    TrajectoriesModule,
  ],
})
class RetentionCliModule {}

/**
 * Anonymises candidate files whose trajectory ended more than RETENTION_YEARS ago (the worker does
 * this daily); --dry-run only lists them. The worker removes the search documents afterwards.
 */
export async function retentionCommand(flags: Map<string, string | true>): Promise<void> {
  const dryRun = flags.has('dry-run');
  await withDatabase(
    async () => {
      process.env.LOG_LEVEL ??= 'warn';
      const app = await NestFactory.createApplicationContext(RetentionCliModule, {
        logger: ['error', 'warn'],
        // A configuration error should surface as a message and exit code 1, not an abort.
        abortOnError: false,
      });
      try {
        const report = await app.get(RetentionService).run({ dryRun, trigger: 'cli' });
        const found = report.candidateIds.length;
        log(
          `retention ${report.retentionYears} year(s): trajectories ended before ${report.cutoff}; ` +
            (dryRun
              ? `${found} candidate file(s) would be anonymised (dry run, nothing changed)`
              : `${report.erased} of ${found} candidate file(s) anonymised, ${report.failed.length} failed`),
        );
        for (const id of report.candidateIds) log(`  ${id}`);
        for (const f of report.failed) log(`  failed ${f.candidateId}: ${f.error}`);
        if (report.failed.length) process.exitCode = 3;
      } finally {
        await app.close();
      }
    },
    { withSearch: true },
  );
}
