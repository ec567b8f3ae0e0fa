import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from '@werkbrug/audit';
import { ConfigModule, loadConfig } from '@werkbrug/config';
import { DatabaseModule } from '@werkbrug/database';
import { loggerParams } from '@werkbrug/http';
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
  ],
  providers: [{ provide: OUTBOX_HANDLERS, useValue: [] }, OutboxProcessor],
  exports: [OutboxProcessor],
})
export class WorkerModule {}
