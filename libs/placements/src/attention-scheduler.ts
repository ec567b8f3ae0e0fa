import { Injectable, Logger } from '@nestjs/common';
import { PlacementAttentionService } from './placement-attention.service';

const HOUR_MS = 3600_000;

/** Runs the reminder mails every hour in the worker; each run is idempotent (notice stamps on the rows). */
@Injectable()
export class AttentionScheduler {
  private readonly logger = new Logger(AttentionScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly attention: PlacementAttentionService) {}

  start(intervalMs = HOUR_MS) {
    const run = () => {
      this.running = this.attention
        .sendNotices()
        .then((queued) => {
          if (queued.endingSoon || queued.noContact)
            this.logger.log(queued, 'placement reminders queued');
        })
        .catch((error: unknown) =>
          this.logger.error(
            `placement reminders failed: ${error instanceof Error ? error.message : error}`,
          ),
        );
    };
    run();
    this.timer = setInterval(run, intervalMs);
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
