import { Module } from '@nestjs/common';
import { CandidatesModule } from '@werkbrug/candidates';
import { MailModule } from '@werkbrug/mail';
import { MatchingModule } from '@werkbrug/matching';
import { AlertsController } from './alerts.controller';
import { AlertsErasureModule } from './alerts-erasure.module';
import { AlertsScheduler } from './alerts.scheduler';
import { AlertsService } from './alerts.service';

@Module({
  imports: [MatchingModule, MailModule, AlertsErasureModule, CandidatesModule],
  controllers: [AlertsController],
  providers: [AlertsService, AlertsScheduler],
  exports: [AlertsService, AlertsScheduler],
})
export class AlertsModule {}
