import { Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '@werkbrug/jobs';
import { AlertsService, type AlertRunReport } from './alerts.service';

const QUARTER_HOUR_MS = 15 * 60_000;

/** Runs the alert digests in the worker; each run only takes subscriptions that are due. */
@Injectable()
export class AlertsScheduler extends PeriodicJob<AlertRunReport> {
  constructor(alerts: AlertsService) {
    super({
      name: 'match alerts',
      logger: new Logger(AlertsScheduler.name),
      run: () => alerts.runDue(),
      onResult: (report, logger) => {
        if (report.mailed || report.baselined || report.failed)
          logger.log(report, 'match alerts run');
      },
    });
  }

  override start(everyMs = QUARTER_HOUR_MS) {
    super.start(everyMs);
  }
}
