import { Injectable, Logger } from '@nestjs/common';
import { AlertsService } from './alerts.service';

const QUARTER_HOUR_MS = 15 * 60_000;

/** Runs the alert digests in the worker; each run only takes subscriptions that are due. */
@Injectable()
export class AlertsScheduler {
  private readonly logger = new Logger(AlertsScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly alerts: AlertsService) {}

  start(intervalMs = QUARTER_HOUR_MS) {
    const run = () => {
      if (this.running) return;
      this.running = this.alerts
        .runDue()
        .then((report) => {
          if (report.mailed || report.baselined || report.failed)
            this.logger.log(report, 'match alerts run');
        })
        .catch((error: unknown) =>
          this.logger.error(
            `match alerts failed: ${error instanceof Error ? error.message : error}`,
          ),
        )
        .finally(() => {
          this.running = null;
        });
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
