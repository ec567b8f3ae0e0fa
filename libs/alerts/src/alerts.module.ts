import { Module } from '@nestjs/common';
import { MailModule } from '@werkbrug/mail';
import { MatchingModule } from '@werkbrug/matching';
import { PrivacyCoreModule } from '@werkbrug/privacy';
import { AlertsController } from './alerts.controller';
import { AlertsErasure } from './alerts-erasure';
import { AlertsScheduler } from './alerts.scheduler';
import { AlertsService } from './alerts.service';

@Module({
  imports: [MatchingModule, MailModule, PrivacyCoreModule],
  controllers: [AlertsController],
  providers: [AlertsService, AlertsScheduler, AlertsErasure],
  exports: [AlertsService, AlertsScheduler],
})
export class AlertsModule {}
