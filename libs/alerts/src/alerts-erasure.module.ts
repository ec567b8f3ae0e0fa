import { Module } from '@nestjs/common';
import { PrivacyCoreModule } from '@werkbrug/privacy';
import { AlertsErasure } from './alerts-erasure';

/** Only the erasure step: for the retention CLI, which erases without matching or mail. */
@Module({ imports: [PrivacyCoreModule], providers: [AlertsErasure] })
export class AlertsErasureModule {}
