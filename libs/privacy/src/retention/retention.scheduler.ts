import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HOUR_MS, PeriodicJob } from '@werkbrug/jobs';
import { RetentionReport, RetentionService } from './retention.service';
import { queryRows } from '@werkbrug/database';

/** pg advisory lock key: one retention run at a time across every worker replica. */
const RETENTION_LOCK = 741_500_322;

/**
 * Runs retention once a day from the worker. It checks every hour whether a completed run is
 * more than 23 hours old, so restarts and extra replicas neither skip nor repeat a day.
 */
@Injectable()
export class RetentionScheduler {
  private readonly logger = new Logger(RetentionScheduler.name);
  private readonly job = new PeriodicJob({
    name: 'retention check',
    logger: this.logger,
    run: () => this.runIfDue(),
  });

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly retention: RetentionService,
  ) {}

  /** The first check waits a minute, so start-up (search settings, outbox backlog) goes first. */
  start(firstCheckMs = 60_000, everyMs = HOUR_MS) {
    this.job.start(everyMs, firstCheckMs);
  }

  stop() {
    return this.job.stop();
  }

  /** Null when another worker holds the lock or the last run is recent enough. */
  async runIfDue(): Promise<RetentionReport | null> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await queryRows<{ locked: boolean }>(
        runner,
        `SELECT pg_try_advisory_lock($1) AS locked`,
        [RETENTION_LOCK],
      );
      if (!locked) return null;
      try {
        const [{ due }] = await queryRows<{ due: boolean }>(
          runner,
          `SELECT NOT EXISTS (SELECT 1 FROM retention_runs WHERE NOT dry_run AND finished_at IS NOT NULL
                                AND created_at > now() - interval '23 hours') AS due`,
        );
        if (!due) return null;
        const report = await this.retention.run({ trigger: 'schedule' });
        this.logger.log(
          {
            cutoff: report.cutoff,
            erased: report.erased,
            failed: report.failed.length,
            candidateIds: report.candidateIds,
          },
          'retention run finished',
        );
        return report;
      } finally {
        await queryRows(runner, `SELECT pg_advisory_unlock($1)`, [RETENTION_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }
}
