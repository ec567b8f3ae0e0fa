import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from '@werkbrug/audit';
import { ConfigModule, loadConfig } from '@werkbrug/config';
import { DatabaseModule } from '@werkbrug/database';
import { loggerParams } from '@werkbrug/http';
import { SearchOutboxHandlers, SearchSyncModule } from '@werkbrug/matching';
import { OUTBOX_HANDLERS, OutboxModule, OutboxProcessor } from '@werkbrug/outbox';
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
  ],
  providers: [
    {
      provide: OUTBOX_HANDLERS,
      inject: [SearchOutboxHandlers],
      useFactory: (search: SearchOutboxHandlers) => [...search.all()],
    },
    OutboxProcessor,
  ],
  exports: [OutboxProcessor],
})
export class WorkerModule {}
