import { Module } from '@nestjs/common';
import { MailOutboxHandler } from './mail-outbox.handler';
import { MailRenderer } from './mail-renderer';
import { MailService } from './mail.service';

/**
 * E-mail: MailService queues (API side, in the caller's transaction), MailOutboxHandler sends (the
 * worker adds it to OUTBOX_HANDLERS). The development mailbox page (/dev/mail) is served by the API
 * app (apps/api/src/dev). Needs the global ConfigModule and OutboxModule.
 */
@Module({
  // A factory: the renderer's optional constructor argument (a templates folder) is for tests.
  providers: [
    { provide: MailRenderer, useFactory: () => new MailRenderer() },
    MailService,
    MailOutboxHandler,
  ],
  exports: [MailRenderer, MailService, MailOutboxHandler],
})
export class MailModule {}
