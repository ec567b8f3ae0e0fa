import { Injectable, Logger } from '@nestjs/common';
import { DueMailJob } from '@werkbrug/jobs';
import { PlacementAttentionService } from './placement-attention.service';

/** Runs the reminder mails every hour in the worker; each run is idempotent (notice stamps on the rows). */
@Injectable()
export class AttentionScheduler extends DueMailJob<{ endingSoon: number; noContact: number }> {
  constructor(attention: PlacementAttentionService) {
    super('placement reminders', new Logger(AttentionScheduler.name), () =>
      attention.sendNotices(),
    );
  }
}
