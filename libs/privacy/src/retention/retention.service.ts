import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '@werkbrug/config';
import { today } from '@werkbrug/domain';
import { type CandidateLock, ErasureService } from '../erasure/erasure.service';
import { queryRows } from '@werkbrug/database';

export type RetentionTrigger = 'schedule' | 'cli' | 'test';

export interface RetentionOptions {
  dryRun?: boolean;
  trigger?: RetentionTrigger;
}

export interface RetentionReport {
  runId: string;
  trigger: RetentionTrigger;
  dryRun: boolean;
  retentionYears: number;
  /** Trajectories that ended before this date are due. */
  cutoff: string;
  /** Due candidate files: anonymised, or (dry run) that would be. */
  candidateIds: string[];
  erased: number;
  failed: { candidateId: string; error: string }[];
}

const BATCH = 500;

/**
 * Anonymises candidate files whose trajectory ended more than RETENTION_YEARS ago, through the
 * same erasure routine as a request (actor: system). Each file is its own transaction, so one
 * failure does not hold up the rest; every run is recorded in retention_runs.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly erasure: ErasureService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(options: RetentionOptions = {}): Promise<RetentionReport> {
    // Before anything is recorded: a run that would skip proposals or contact notes must not start.
    this.erasure.assertComplete();
    const dryRun = options.dryRun ?? false;
    const trigger = options.trigger ?? 'cli';
    const years = this.config.retentionYears;
    const [run] = await queryRows<{ id: string; cutoff: string }>(
      this.db,
      `INSERT INTO retention_runs (trigger, dry_run, retention_years, cutoff)
       VALUES ($1, $2, $3::int, $4::date - make_interval(years => $3::int))
       RETURNING id, to_char(cutoff, 'YYYY-MM-DD') AS cutoff`,
      [trigger, dryRun, years, today()],
    );
    const cutoff: string = run.cutoff;
    // Re-checked under the row lock: the end date may have been cleared since the scan.
    const stillDue: CandidateLock = async (em, id) =>
      (
        await queryRows<{ id: string }>(
          em,
          `SELECT id FROM candidates
            WHERE id = $1 AND erased_at IS NULL AND trajectory_ended_on < $2 FOR UPDATE`,
          [id, cutoff],
        )
      ).length > 0;
    const candidateIds: string[] = [];
    const failed: RetentionReport['failed'] = [];
    let erased = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await queryRows<{ id: string }>(
        this.db,
        `SELECT id FROM candidates
          WHERE erased_at IS NULL AND trajectory_ended_on < $1 AND id > $2
          ORDER BY id LIMIT $3`,
        [cutoff, after, BATCH],
      );
      if (!batch.length) break;
      for (const { id } of batch) {
        candidateIds.push(id);
        if (dryRun) continue;
        try {
          if (await this.erasure.erase(null, id, 'retention', stillDue)) erased += 1;
        } catch (error) {
          const message = error instanceof Error ? error.message.slice(0, 200) : String(error);
          failed.push({ candidateId: id, error: message });
          this.logger.error({ candidateId: id, error: message }, 'retention erasure failed');
        }
      }
      after = batch[batch.length - 1].id;
    }
    await queryRows(
      this.db,
      `UPDATE retention_runs SET finished_at = now(), updated_at = now(), version = version + 1,
              candidate_ids = $2::uuid[], erased = $3, failed = $4 WHERE id = $1`,
      [run.id, candidateIds, erased, failed.length],
    );
    return {
      runId: run.id,
      trigger,
      dryRun,
      retentionYears: years,
      cutoff,
      candidateIds,
      erased,
      failed,
    };
  }
}
