import { Module } from '@nestjs/common';
import { DevMailController } from './dev/dev-mail.controller';
import { OutboxController } from './ops/outbox.controller';

/**
 * Operator and development endpoints that sit on top of several libs (they need auth's access
 * decorators), so they live in the API app and libs/outbox and libs/mail stay below libs/auth:
 * the outbox's operator view (/api/admin/outbox) and the development mailbox (/dev/mail).
 * Needs the global ConfigModule and OutboxModule.
 */
@Module({
  controllers: [OutboxController, DevMailController],
})
export class OpsModule {}
