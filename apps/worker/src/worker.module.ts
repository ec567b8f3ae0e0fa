import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from '@werkbrug/audit';
import { ConfigModule, loadConfig } from '@werkbrug/config';
import { DatabaseModule } from '@werkbrug/database';
import { loggerParams } from '@werkbrug/http';
import { MailModule, MailOutboxHandler } from '@werkbrug/mail';
import { SearchOutboxHandlers, SearchSyncModule } from '@werkbrug/matching';
import { OUTBOX_HANDLERS, OutboxModule, OutboxProcessor } from '@werkbrug/outbox';
import { PlacementsModule } from '@werkbrug/placements';
import { PrivacyCoreModule } from '@werkbrug/privacy';
import { SearchModule } from '@werkbrug/search';

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
