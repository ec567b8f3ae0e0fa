import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AlertsModule } from '@werkbrug/alerts';
import { AuditModule } from '@werkbrug/audit';
import { ConfigModule, loadConfig } from '@werkbrug/config';
import { DatabaseModule } from '@werkbrug/database';
import { loggerParams } from '@werkbrug/http';
import { MailModule, MailOutboxHandler } from '@werkbrug/mail';
import { SearchOutboxHandlers, SearchSyncModule } from '@werkbrug/matching';
import { OUTBOX_HANDLERS, OutboxModule, OutboxProcessor } from '@werkbrug/outbox';
import { ImportCoreModule } from '@werkbrug/import';
import { InstrumentsModule } from '@werkbrug/instruments';
import { InterestsErasureModule } from '@werkbrug/interests';
import { PlacementsModule } from '@werkbrug/placements';
import { PrivacyCoreModule } from '@werkbrug/privacy';
import { ProposalsModule } from '@werkbrug/proposals';
import { SearchModule } from '@werkbrug/search';
import { TrajectoriesModule } from '@werkbrug/trajectories';

/** The worker drains the outbox; each bounded part contributes the handlers for its topics. */
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({ useFactory: () => loggerParams(loadConfig().logLevel) }),
    DatabaseModule,
    OutboxModule,
    AuditModule,
    SearchModule,
    SearchSyncModule,
    MailModule,
    // Daily retention run (RetentionScheduler, started in main.ts).
    PrivacyCoreModule,
    // Hourly placement reminders (AttentionScheduler, started in main.ts).
    PlacementsModule,
    // Match alert digests (AlertsScheduler, started in main.ts).
    AlertsModule,
    // Erasure (retention) reaches interest signals too.
    InterestsErasureModule,
    // Hourly plan van aanpak evaluation reminders (EvaluationRemindersService, started in main.ts).
    TrajectoriesModule,
    // Mails before instrument deadlines (InstrumentDeadlineScheduler, started in main.ts).
    InstrumentsModule,
    // The day before a kennismaking or meeloopdag (MeetingsService.startReminders in main.ts).
    ProposalsModule,
    // Import jobs (ImportRunner, started in main.ts).
    ImportCoreModule,
  ],
  providers: [
    {
      provide: OUTBOX_HANDLERS,
      inject: [SearchOutboxHandlers, MailOutboxHandler],
      useFactory: (search: SearchOutboxHandlers, mail: MailOutboxHandler) => [
        ...search.all(),
        mail,
      ],
    },
    OutboxProcessor,
  ],
  exports: [OutboxProcessor],
})
export class WorkerModule {}
