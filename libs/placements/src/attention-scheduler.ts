import { Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '@werkbrug/jobs';
import { PlacementAttentionService } from './placement-attention.service';

/** Runs the reminder mails every hour in the worker; each run is idempotent (notice stamps on the rows). */
@Injectable()
export class AttentionScheduler extends PeriodicJob<{ endingSoon: number; noContact: number }> {
  constructor(attention: PlacementAttentionService) {
    super({
      name: 'placement reminders',
      logger: new Logger(AttentionScheduler.name),
      run: () => attention.sendNotices(),
      onResult: (queued, logger) => {
        if (queued.endingSoon || queued.noContact) logger.log(queued, 'placement reminders queued');
      },
    });
  }
}
